import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type TaskConfig } from 'payload'

import { idOf } from '@/access/roles'
import { queueEmail } from '@/email/send'
import { announcementExpiringEmail } from '@/email/templates/announcementExpiring'
import { accountLink, entryLink } from '@/email/templates/links'
import { decisionRecipients } from '@/moderation/recipients'

export const EXPIRY_WARNING_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000
const BATCH = 100

export type WarnResult = { warned: number; withoutRecipient: number; failed: number }

/**
 * Seven days before an announcement expires, e-mails its author (for one posted by the
 * mairie for a resident, the mairie's staff member) once per expiry date:
 * `expiryWarningSentAt` is set in the same transaction as the e-mail is queued.
 */
export async function warnExpiringAnnouncements(payload: Payload, options: { now?: Date } = {}): Promise<WarnResult> {
  const now = options.now ?? new Date()
  const horizon = new Date(now.getTime() + EXPIRY_WARNING_DAYS * DAY_MS)
  const result: WarnResult = { warned: 0, withoutRecipient: 0, failed: 0 }
  const territories = new Map<string, Awaited<ReturnType<typeof loadTerritory>>>()
  const loadTerritoryOnce = async (id: unknown) => {
    const key = String(idOf(id as never) ?? '')
    if (!territories.has(key)) territories.set(key, await loadTerritory(payload, id))
    return territories.get(key) ?? null
  }
  // Pages stay stable: warning an announcement does not take it out of this list.
  for (let page = 1; ; page++) {
    const { docs, hasNextPage } = await payload.find({
      collection: 'announcements',
      where: {
        and: [
          { status: { equals: 'published' } },
          { expiresAt: { greater_than: now.toISOString() } },
          { expiresAt: { less_than_equal: horizon.toISOString() } },
        ],
      },
      depth: 0,
      limit: BATCH,
      page,
      sort: 'expiresAt',
      overrideAccess: true,
    })
    for (const doc of docs) {
      if (warnedForThisExpiry(doc.expiryWarningSentAt, doc.expiresAt)) continue
      const req = await createLocalReq({}, payload)
      const shouldCommit = await initTransaction(req)
      try {
        const recipients = await decisionRecipients(payload, 'announcements', doc, req)
        const territory = await loadTerritoryOnce(doc.territory)
        const residentName = doc.onBehalfOf?.enabled ? doc.onBehalfOf.residentName?.trim() || 'un habitant' : null
        for (const recipient of recipients) {
          const email = announcementExpiringEmail({
            title: doc.title,
            expiresAt: doc.expiresAt!,
            territoryName: territory?.name ?? null,
            recipientName: recipient.name,
            entryUrl: entryLink(territory, 'announcements', doc.slug),
            accountUrl: accountLink(territory),
            residentName,
            contact: { email: territory?.contactEmail },
          })
          await queueEmail(payload, { to: recipient.email, ...email }, req)
        }
        await payload.update({
          collection: 'announcements',
          id: doc.id,
          data: { expiryWarningSentAt: now.toISOString() },
          overrideAccess: true,
          context: { skipAudit: true, skipNotify: true },
          req,
        })
        if (shouldCommit) await commitTransaction(req)
        if (recipients.length) result.warned++
        else result.withoutRecipient++
      } catch (error) {
        await killTransaction(req)
        result.failed++
        payload.logger.error({ err: error, msg: `Avertissement d’expiration de l’annonce ${doc.id} impossible` })
      }
    }
    if (!hasNextPage) break
  }
  return result
}

/**
 * Whether the warning already sent was for the current expiry date. An author who extends
 * the announcement gets a new warning before the new date.
 */
function warnedForThisExpiry(sentAt: string | null | undefined, expiresAt: string | null | undefined): boolean {
  if (!sentAt || !expiresAt) return false
  return new Date(sentAt).getTime() >= new Date(expiresAt).getTime() - (EXPIRY_WARNING_DAYS + 1) * DAY_MS
}

async function loadTerritory(payload: Payload, territory: unknown) {
  const id = idOf(territory as never)
  if (id === undefined) return null
  return payload.findByID({ collection: 'territories', id, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)
}

type WarnIO = { input: object; output: WarnResult }

/** Every morning: warn the authors of announcements that expire within a week. */
export const warnExpiringAnnouncementsTask: TaskConfig<WarnIO> = {
  slug: 'warnExpiringAnnouncements',
  label: 'Avertissement avant expiration des annonces',
  outputSchema: [
    { name: 'warned', type: 'number', required: true },
    { name: 'withoutRecipient', type: 'number', required: true },
    { name: 'failed', type: 'number', required: true },
  ],
  retries: 2,
  schedule: [{ cron: '0 0 9 * * *', queue: 'daily' }],
  handler: async ({ req }) => ({ output: await warnExpiringAnnouncements(req.payload) }),
}
