import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { queueEmail } from '@/email/send'
import { accountLink, entryLink } from '@/email/templates/links'
import { moderationDecisionEmail } from '@/email/templates/moderationDecision'
import { idOf } from '@/access/roles'
import { isModeratedSlug, titleOf } from '@/moderation/labels'
import { decisionRecipients } from '@/moderation/recipients'

type Doc = {
  id: number | string
  status?: string
  slug?: string | null
  territory?: unknown
  rejectionReason?: string | null
  onBehalfOf?: { enabled?: boolean | null; residentName?: string | null; residentPhone?: string | null } | null
}

/** Which decision a status change is, if any: publication (of a new or refused entry) or refusal. */
export function decisionOf(before: unknown, after: unknown): 'approved' | 'rejected' | null {
  if (before === after) return null
  if (after === 'published' && (before === 'pending' || before === 'rejected')) return 'approved'
  if (after === 'rejected') return 'rejected'
  return null
}

/**
 * A decision on an owner's proposed changes (the entry stays published either way), as the
 * moderation endpoint names it in the request context (src/moderation/decide.ts).
 */
function changesDecisionOf(req: PayloadRequest): 'changesApproved' | 'changesRejected' | null {
  const value = req.context?.changesDecision
  return value === 'approved' ? 'changesApproved' : value === 'rejected' ? 'changesRejected' : null
}

async function loadTerritory(req: PayloadRequest, territory: unknown) {
  const id = idOf(territory as never)
  if (id === undefined) return null
  return req.payload
    .findByID({ collection: 'territories', id, depth: 0, overrideAccess: true, req, disableErrors: true })
    .catch(() => null)
}

/**
 * E-mails the owners (or the announcement's author) when a moderator publishes or refuses
 * an entry, or accepts or refuses their changes to a published one, with the reason on refusal. Queued as jobs within the same transaction: no
 * e-mail for a decision that is not saved, retries for a server that refuses it.
 */
export const notifyModerationDecision: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, collection }) => {
  if (operation !== 'update' || req.context?.skipNotify || !isModeratedSlug(collection.slug)) return doc
  const decision = changesDecisionOf(req) ?? decisionOf((previousDoc as Doc | undefined)?.status, (doc as Doc).status)
  if (!decision) return doc
  // The saved document, whatever fields the acting user may read.
  const full = ((await req.payload
    .findByID({ collection: collection.slug, id: (doc as Doc).id, depth: 0, overrideAccess: true, req, disableErrors: true })
    .catch(() => null)) ?? doc) as unknown as Doc & Record<string, unknown>
  const recipients = await decisionRecipients(req.payload, collection.slug, full, req)
  if (recipients.length === 0) {
    req.payload.logger.info(`Décision « ${decision} » sur ${collection.slug} ${full.id} : aucun destinataire à prévenir.`)
    return doc
  }
  const territory = await loadTerritory(req, full.territory)
  const onBehalfOf = collection.slug === 'announcements' && full.onBehalfOf?.enabled ? full.onBehalfOf : null
  for (const recipient of recipients) {
    const email = moderationDecisionEmail({
      decision,
      collection: collection.slug,
      title: titleOf(full),
      territoryName: territory?.name ?? null,
      territoryNameWithArticle: territory?.nameWithArticle ?? null,
      recipientName: recipient.name,
      reason: decision === 'changesRejected' ? String(req.context.changesReason ?? '') : full.rejectionReason,
      entryUrl: decision !== 'rejected' ? entryLink(territory, collection.slug, full.slug) : null,
      accountUrl: accountLink(territory),
      onBehalfOf,
      contact: { email: territory?.contactEmail },
    })
    // The template sets Reply-To with the words that invite (or not) a reply.
    await queueEmail(req.payload, { to: recipient.email, ...email }, req)
  }
  return doc
}
