import { createAnnouncement, isStaffAuthor } from '@/contributions/announcements'
import { viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { staffAnnouncementSchema } from '@/forms/schemas'
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
    // The on-behalf fields (shown to staff only) are checked with the others: all errors at once.
    schema: staffAnnouncementSchema,
    userId: viewer.id,
    onValid: async ({ residentName, residentPhone, ...data }) => {
      const onBehalf = isStaffAuthor(viewer) && residentName ? { residentName, residentPhone } : null
      const result = await createAnnouncement(payload, viewer, data, onBehalf)
      if (!result.ok) return { errors: result.errors }
      return seeOther(`/annonces/nouvelle?envoye=${result.doc.status === 'published' ? 'publiee' : '1'}`)
    },
  })
}
