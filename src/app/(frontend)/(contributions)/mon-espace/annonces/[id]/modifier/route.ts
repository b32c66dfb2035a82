import { updateAnnouncement } from '@/contributions/announcements'
import { viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { announcementSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther('/connexion?suite=/mon-espace')
  return handleForm({
    request,
    form: 'announcement-edit',
    page: `/mon-espace/annonces/${encodeURIComponent(id)}`,
    schema: announcementSchema,
    userId: viewer.id,
    onValid: async (data) => {
      const result = await updateAnnouncement(payload, viewer, id, data)
      return result.ok ? seeOther('/mon-espace?ok=modifiee') : { errors: result.errors }
    },
  })
}
