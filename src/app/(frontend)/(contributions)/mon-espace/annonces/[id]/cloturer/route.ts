import { closeAnnouncement } from '@/contributions/announcements'
import { announcementAction } from '@/site/announcementAction'

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params
  return announcementAction(request, id, closeAnnouncement, 'cloturee')
}
