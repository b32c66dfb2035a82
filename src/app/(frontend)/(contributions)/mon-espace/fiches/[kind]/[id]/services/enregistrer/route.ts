import { findOwnProfile, PROFILE_SEGMENTS } from '@/contributions/profiles'
import { saveService } from '@/contributions/services'
import { viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { serviceSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'

export async function POST(request: Request, context: { params: Promise<{ kind: string; id: string }> }): Promise<Response> {
  const { kind: segment, id } = await context.params
  const kind = PROFILE_SEGMENTS[segment]
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther('/connexion?suite=/mon-espace')
  const profile = kind ? await findOwnProfile(payload, viewer, kind, id) : null
  if (!kind || !profile) {
    return new Response('Cette fiche n’existe pas ou ne vous appartient pas.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
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
