import { requestPasswordResetInBackground } from '@/contributions/accounts'
import { requestTerritory } from '@/territories/requestTerritory'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { forgotSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'
import { requestLinkBase } from '@/territories/publicOrigin'

export async function POST(request: Request): Promise<Response> {
  return handleForm({
    request,
    form: 'forgot',
    page: '/mot-de-passe-oublie',
    decoy: '/mot-de-passe-oublie?envoye=1',
    schema: forgotSchema,
    onValid: async (data) => {
      const payload = await sitePayload()
      const territory = await requestTerritory(payload, request)
      requestPasswordResetInBackground(payload, data.email, {
        origin: await requestLinkBase(payload, request.headers),
        territoryName: territory?.name ?? null,
      })
      return seeOther('/mot-de-passe-oublie?envoye=1')
    },
  })
}
