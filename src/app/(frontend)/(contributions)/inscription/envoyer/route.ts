import { signUp } from '@/contributions/accounts'
import { requestTerritory } from '@/territories/requestTerritory'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { signupSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'
import { requestLinkBase } from '@/territories/publicOrigin'

export async function POST(request: Request): Promise<Response> {
  return handleForm({
    request,
    form: 'signup',
    page: '/inscription',
    decoy: '/inscription?envoye=1',
    schema: signupSchema,
    onValid: async (data) => {
      const payload = await sitePayload()
      const territory = await requestTerritory(payload, request)
      const result = await signUp(payload, data, {
        origin: await requestLinkBase(payload, request.headers),
        territoryName: territory?.name ?? null,
        territoryId: territory?.id ?? null,
      })
      return result.ok ? seeOther('/inscription?envoye=1') : { errors: result.errors }
    },
  })
}
