import type { Payload, TaskConfig } from 'payload'

import { frenchDate } from '@/email/templates/layout'

export type ArchiveResult = { archived: number; failed: number }

const BATCH = 100

/**
 * Archives the announcements whose expiry date has passed (published or still pending):
 * they leave the site and the search index; the audit log records an automatic archiving.
 */
export async function archiveExpiredAnnouncements(payload: Payload, options: { now?: Date } = {}): Promise<ArchiveResult> {
  const now = options.now ?? new Date()
  const failedIds: Array<number | string> = []
  let archived = 0
  for (;;) {
    const { docs } = await payload.find({
      collection: 'announcements',
      where: {
        and: [
          { status: { in: ['published', 'pending'] } },
          { expiresAt: { less_than_equal: now.toISOString() } },
          ...(failedIds.length ? [{ id: { not_in: failedIds } }] : []),
        ],
      },
      depth: 0,
      limit: BATCH,
      sort: 'expiresAt',
      overrideAccess: true,
      select: { title: true, expiresAt: true },
    })
    if (docs.length === 0) break
    for (const doc of docs) {
      try {
        await payload.update({
          collection: 'announcements',
          id: doc.id,
          data: { status: 'archived' },
          overrideAccess: true,
          context: {
            skipNotify: true,
            auditDetails: `Archivage automatique : annonce expirée le ${doc.expiresAt ? frenchDate(doc.expiresAt) : '?'}.`,
          },
        })
        archived++
      } catch (error) {
        failedIds.push(doc.id)
        payload.logger.error({ err: error, msg: `Archivage de l’annonce ${doc.id} « ${doc.title} » impossible` })
      }
    }
  }
  if (archived || failedIds.length) {
    payload.logger.info(`Annonces expirées : ${archived} archivée(s), ${failedIds.length} en échec.`)
  }
  return { archived, failed: failedIds.length }
}

type ArchiveIO = { input: object; output: ArchiveResult }

/** Every night: archive expired announcements. */
export const archiveExpiredAnnouncementsTask: TaskConfig<ArchiveIO> = {
  slug: 'archiveExpiredAnnouncements',
  label: 'Archivage des annonces expirées',
  outputSchema: [
    { name: 'archived', type: 'number', required: true },
    { name: 'failed', type: 'number', required: true },
  ],
  retries: 2,
  schedule: [{ cron: '0 15 3 * * *', queue: 'daily' }],
  handler: async ({ req }) => ({ output: await archiveExpiredAnnouncements(req.payload) }),
}
