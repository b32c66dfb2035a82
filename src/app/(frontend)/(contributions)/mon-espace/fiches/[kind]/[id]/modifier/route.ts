import { ownProfileOfRoute, updateProfile } from '@/contributions/profiles'
import { viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { profileSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'

export async function POST(request: Request, context: { params: Promise<{ kind: string; id: string }> }): Promise<Response> {
  const payload = await sitePayload()
  const own = await ownProfileOfRoute(payload, await viewerOf(payload, request.headers), await context.params)
  if (own instanceof Response) return own
  const { viewer, kind, segment, id } = own
  return handleForm({
    request,
    form: 'profile',
    page: `/mon-espace/fiches/${segment}/${encodeURIComponent(id)}`,
    schema: profileSchema,
    userId: viewer.id,
    multipart: true,
    onValid: async (data, values, body) => {
      const file = body.get('photo')
      const result = await updateProfile(payload, viewer, kind, id, data, {
        file: file instanceof File ? file : null,
        alt: values.photoAlt ?? '',
      })
      return result.ok ? seeOther('/mon-espace?ok=fiche') : { errors: result.errors }
    },
  })
}
