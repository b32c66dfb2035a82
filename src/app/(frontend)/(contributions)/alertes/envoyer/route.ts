import { subscribeAlert } from '@/contributions/alerts'
import { requestTerritory } from '@/territories/requestTerritory'
import { viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { alertSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'
import { requestLinkBase } from '@/territories/publicOrigin'

export async function POST(request: Request): Promise<Response> {
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  return handleForm({
    request,
    form: 'alert',
    page: '/alertes',
    decoy: '/alertes?envoye=1',
    schema: alertSchema,
    userId: viewer?.id,
    onValid: async (data) => {
      const territory = await requestTerritory(payload, request)
      const result = await subscribeAlert(payload, data, { origin: await requestLinkBase(payload, request.headers), territoryId: territory?.id ?? null })
      return result.ok ? seeOther('/alertes?envoye=1') : { errors: result.errors }
    },
  })
}
