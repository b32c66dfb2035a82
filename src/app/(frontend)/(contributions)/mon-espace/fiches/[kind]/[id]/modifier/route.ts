import { findOwnProfile, PROFILE_SEGMENTS, updateProfile } from '@/contributions/profiles'
import { viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { profileSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'

export async function POST(request: Request, context: { params: Promise<{ kind: string; id: string }> }): Promise<Response> {
  const { kind: segment, id } = await context.params
  const kind = PROFILE_SEGMENTS[segment]
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther('/connexion?suite=/mon-espace')
  if (!kind || !(await findOwnProfile(payload, viewer, kind, id))) {
    return new Response('Cette fiche n’existe pas ou ne vous appartient pas.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
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
