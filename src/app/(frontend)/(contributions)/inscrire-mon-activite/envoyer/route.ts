import { registerActivity } from '@/contributions/registration'
import { viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { registrationSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'

export async function POST(request: Request): Promise<Response> {
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther('/connexion?suite=/inscrire-mon-activite')
  return handleForm({
    request,
    form: 'registration',
    page: '/inscrire-mon-activite',
    decoy: '/mon-espace?ok=inscrite',
    schema: registrationSchema,
    userId: viewer.id,
    onValid: async (data) => {
      const result = await registerActivity(payload, viewer, data)
      return result.ok ? seeOther('/mon-espace?ok=inscrite') : { errors: result.errors }
    },
  })
}
