import { createAnnouncement, isStaffAuthor } from '@/contributions/announcements'
import { viewerOf } from '@/contributions/session'
import { parseWith } from '@/forms/errors'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { announcementSchema, onBehalfSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'

export async function POST(request: Request): Promise<Response> {
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther('/connexion?suite=/annonces/nouvelle')
  return handleForm({
    request,
    form: 'announcement',
    page: '/annonces/nouvelle',
    decoy: '/annonces/nouvelle?envoye=1',
    schema: announcementSchema,
    userId: viewer.id,
    onValid: async (data, values) => {
      let onBehalf = null
      if (isStaffAuthor(viewer) && (values.residentName ?? '').trim()) {
        const parsed = parseWith(onBehalfSchema, values)
        if (!parsed.ok) return { errors: parsed.errors }
        onBehalf = parsed.data
      }
      const result = await createAnnouncement(payload, viewer, data, onBehalf)
      if (!result.ok) return { errors: result.errors }
      return seeOther(`/annonces/nouvelle?envoye=${result.doc.status === 'published' ? 'publiee' : '1'}`)
    },
  })
}
