import { resetPassword } from '@/contributions/accounts'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { resetSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'

export async function POST(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get('jeton') ?? ''
  return handleForm({
    request,
    form: 'reset',
    page: `/reinitialiser-mot-de-passe?jeton=${encodeURIComponent(token)}`,
    schema: resetSchema,
    onValid: async (data) => {
      const result = await resetPassword(await sitePayload(), data.token, data.password)
      return result.ok ? seeOther('/connexion?reinitialise=1') : { errors: result.errors }
    },
  })
}
