import { ownProfileOfRoute } from '@/contributions/profiles'
import { saveService } from '@/contributions/services'
import { viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { serviceSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'

export async function POST(request: Request, context: { params: Promise<{ kind: string; id: string }> }): Promise<Response> {
  const payload = await sitePayload()
  const own = await ownProfileOfRoute(payload, await viewerOf(payload, request.headers), await context.params)
  if (own instanceof Response) return own
  const { viewer, kind, segment, id, profile } = own
  const page = `/mon-espace/fiches/${segment}/${encodeURIComponent(id)}/services`
  return handleForm({
    request,
    form: 'service',
    page,
    schema: serviceSchema,
    userId: viewer.id,
    onValid: async (data) => {
      const saved = await saveService(payload, viewer, kind, profile, data)
      if (!saved.ok) return { errors: saved.errors }
      return seeOther(`${page}?ok=${saved.created ? 'ajoute' : 'modifie'}`)
    },
  })
}
