import type { Payload, TypedUser } from 'payload'

import { isModeratorOf } from '@/access/isStaffOf'
import type { AccessUser } from '@/access/roles'
import { isPayloadError } from '@/errors/isPayloadError'

import { agree, KIND_LABELS, type ModeratedSlug, titleOf } from './labels'
import { changedFieldNames, fieldLabel, hasPendingChanges, pendingOf } from './pendingChanges'
import { decisionRecipients } from './recipients'
import { type Decision, decisionSchema } from './schema'
import { isModerator } from './scope'

/** A refused or impossible decision, with a French message saying what to do. */
export class ModerationError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'ModerationError'
  }
}

export type DecisionResult = {
  action: Decision['action']
  collection: Decision['collection']
  id: number | string
  title: string
  status: string
  /** What the moderator reads after the decision. */
  message: string
  /** How many accounts were told of an approval or refusal by e-mail. */
  notified?: number
  /** What the decision did: an owner's proposed changes are accepted or refused apart. */
  outcome?: DecisionOutcome
}

export type DecisionOutcome = 'approve' | 'reject' | 'changesApproved' | 'changesRejected' | 'reviewed'

type EntryDoc = Record<string, unknown> & {
  id: number | string
  status?: string
  reviewState?: string
  territory?: unknown
  pendingChanges?: unknown
}

/** « Description, Téléphone » — the proposal's fields by their French labels, for the audit log. */
function changedLabels(payload: Payload, collection: ModeratedSlug, pending: Record<string, unknown>): string {
  const fields = payload.collections[collection]?.config.flattenedFields ?? []
  return changedFieldNames(fields, pending)
    .map((name) => fieldLabel(fields, name))
    .join(', ')
}

/** Parses raw input (form or JSON) into a decision, or throws a 400 with the first problem. */
export function parseDecision(input: unknown): Decision {
  const parsed = decisionSchema.safeParse(input)
  if (!parsed.success) throw new ModerationError(400, parsed.error.issues[0]?.message ?? 'Demande de modération invalide.')
  return parsed.data
}

/** Missing, or of another territory: the same answer, so that nobody learns what exists elsewhere. */
const notFound = () => new ModerationError(404, 'Élément introuvable : il a peut-être été supprimé. Rechargez la file de modération.')

/** The entry, read as the moderator; only her own territory's entries are said to exist. */
async function readAsModerator(payload: Payload, user: TypedUser, collection: Decision['collection'], id: number | string) {
  const doc = (await payload
    .findByID({ collection, id, depth: 0, user, overrideAccess: false, disableErrors: true })
    .catch(() => null)) as unknown as EntryDoc | null
  // A published entry of another territory is public: readable, yet not hers to decide on.
  if (doc) {
    if (!isModeratorOf(user as AccessUser, doc.territory)) throw notFound()
    return doc
  }
  const exists = (await payload.findByID({ collection, id, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)) as EntryDoc | null
  if (exists && isModeratorOf(user as AccessUser, exists.territory)) {
    throw new ModerationError(403, 'Vous ne pouvez pas modérer cet élément : il n’est pas situé dans vos communes.')
  }
  throw notFound()
}

async function updateAsModerator(
  payload: Payload,
  user: TypedUser,
  collection: Decision['collection'],
  id: number | string,
  data: Record<string, unknown>,
  context: Record<string, unknown> = {},
): Promise<EntryDoc> {
  try {
    return (await payload.update({ collection, id, data, user, overrideAccess: false, depth: 0, context })) as unknown as EntryDoc
  } catch (error) {
    if (isPayloadError(error, 'Forbidden') || isPayloadError(error, 'NotFound')) {
      throw new ModerationError(403, 'Vous ne pouvez pas modérer cet élément : il n’est pas situé dans vos communes.')
    }
    if (isPayloadError(error, 'ValidationError')) {
      const first = error.data?.errors?.[0]
      throw new ModerationError(400, `La fiche ne peut pas être enregistrée telle quelle : ${first?.message ?? error.message} Corrigez-la depuis sa page.`)
    }
    throw error
  }
}

function notifiedPhrase(action: 'approve' | 'reject', count: number): string {
  if (count === 0) return ' Aucun e-mail envoyé : aucun compte propriétaire ou auteur n’est rattaché.'
  const what = action === 'approve' ? 'la décision' : 'la décision et son motif'
  return count === 1 ? ` L’auteur reçoit ${what} par e-mail.` : ` Les ${count} comptes propriétaires reçoivent ${what} par e-mail.`
}

/**
 * Applies one moderation decision as the given moderator, through the local API with
 * `overrideAccess: false`: the collections' access rules decide (a secrétaire only acts
 * in her communes). Hooks then record the audit entry and queue the author's e-mail.
 */
export async function decide(payload: Payload, user: TypedUser | null, input: unknown): Promise<DecisionResult> {
  if (!user) throw new ModerationError(401, 'Connectez-vous pour modérer.')
  if (!isModerator(user as AccessUser)) {
    throw new ModerationError(403, 'La modération est réservée aux secrétaires de mairie et aux administrateurs du territoire.')
  }
  const decision = parseDecision(input)
  const { collection, id } = decision
  const doc = await readAsModerator(payload, user, collection, id)

  if (collection === 'reports') {
    if (doc.status !== 'open') throw new ModerationError(409, 'Ce signalement a déjà été traité.')
    const status = decision.action === 'resolveReport' ? 'resolved' : 'dismissed'
    const updated = await updateAsModerator(payload, user, collection, id, { status })
    if (updated.status !== status) throw new ModerationError(403, 'Vous ne pouvez pas traiter ce signalement.')
    return {
      action: decision.action,
      collection,
      id,
      title: 'Signalement',
      status,
      message: status === 'resolved' ? 'Le signalement est marqué comme traité.' : 'Le signalement est classé sans suite.',
    }
  }

  const title = titleOf(doc)
  const the = KIND_LABELS[collection].the
  const pending = pendingOf(doc)
  const changes = doc.status === 'published' && doc.reviewState === 'modified'
  let data: Record<string, unknown>
  let expected: { status: string; reviewState?: string }
  let context: Record<string, unknown> = {}
  let outcome: DecisionOutcome
  switch (decision.action) {
    case 'approve':
    case 'reviewed':
      if (changes) {
        // An owner's edit of a published entry: its proposal goes online now.
        outcome = hasPendingChanges(pending) ? 'changesApproved' : 'reviewed'
        data = { ...pending, pendingChanges: null, reviewState: 'ok' }
        expected = { status: 'published', reviewState: 'ok' }
        context = {
          auditDetails: outcome === 'changesApproved' ? `Modifications du propriétaire acceptées : ${changedLabels(payload, collection, pending)}` : 'Modification du propriétaire revue',
          changesDecision: outcome === 'changesApproved' ? 'approved' : undefined,
        }
        break
      }
      if (decision.action === 'reviewed') throw new ModerationError(409, `La modification de « ${title} » a déjà été revue.`)
      if (doc.status === 'published') throw new ModerationError(409, `« ${title} » est déjà ${agree(collection, 'publié')}.`)
      if (doc.status === 'archived') throw new ModerationError(409, `« ${title} » est ${agree(collection, 'archivé')} : ouvrez sa page pour changer son statut.`)
      // A new (or corrected) entry goes online with whatever its owner proposed since.
      outcome = 'approve'
      data = { ...pending, pendingChanges: null, status: 'published', reviewState: 'ok', rejectionReason: null }
      expected = { status: 'published' }
      break
    case 'reject':
      if (changes) {
        // The approved version stays online; the proposal is dropped and its author told why.
        outcome = 'changesRejected'
        data = { pendingChanges: null, reviewState: 'ok' }
        expected = { status: 'published', reviewState: 'ok' }
        context = {
          auditDetails: `Modifications du propriétaire refusées : ${decision.reason}`,
          changesDecision: 'rejected',
          changesReason: decision.reason,
        }
        break
      }
      if (doc.status === 'rejected') throw new ModerationError(409, `« ${title} » est déjà ${agree(collection, 'refusé')}.`)
      if (doc.status === 'archived') throw new ModerationError(409, `« ${title} » est ${agree(collection, 'archivé')}.`)
      outcome = 'reject'
      data = { status: 'rejected', reviewState: 'ok', rejectionReason: decision.reason }
      expected = { status: 'rejected' }
      context = { auditDetails: decision.reason }
      break
  }
  const updated = await updateAsModerator(payload, user, collection, id, data, context)
  if (updated.status !== expected.status || (expected.reviewState && updated.reviewState !== expected.reviewState)) {
    throw new ModerationError(403, `Vous ne pouvez pas modérer ${the} « ${title} ».`)
  }

  let message: string
  let notified: number | undefined
  if (outcome === 'reviewed') {
    message = `La modification de « ${title} » est marquée comme revue.`
  } else {
    const count = (await decisionRecipients(payload, collection, { owners: updated.owners, author: updated.author })).length
    notified = count
    const phrase = notifiedPhrase(outcome === 'approve' || outcome === 'changesApproved' ? 'approve' : 'reject', count)
    if (outcome === 'changesApproved') message = `Les modifications de « ${title} » sont en ligne.${phrase}`
    else if (outcome === 'changesRejected') message = `Les modifications de « ${title} » ne sont pas gardées : la version approuvée reste en ligne.${phrase}`
    else message = `« ${title} » est ${outcome === 'approve' ? agree(collection, 'publié') : agree(collection, 'refusé')}.${phrase}`
  }
  return { action: decision.action, collection, id, title, status: String(updated.status), message, notified, outcome }
}
