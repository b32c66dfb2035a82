import type { Payload, TypedUser } from 'payload'

import { MODERATED_SLUGS } from '@collections/slugs'

import { agree, type ModeratedSlug, titleOf } from './labels'
import { REASON_MAX, REASON_MIN } from './schema'

/**
 * What the moderation queue says after a plain-form decision. The redirect carries a code,
 * never text: `/admin/moderation?notice=…` is a link anyone can send, and a free text there
 * would put words in the site's mouth. Each code maps to a fixed French sentence; the entry's
 * title is read again from the database, as the moderator, and the number of people notified
 * is a number.
 */
export const SUCCESS_NOTICES = ['approve', 'reject', 'reviewed', 'changesApproved', 'changesRejected', 'resolveReport', 'dismissReport'] as const
export const ERROR_NOTICES = ['reason', 'invalid', 'forbidden', 'not-found', 'already', 'unreadable', 'server'] as const
export type NoticeCode = (typeof SUCCESS_NOTICES)[number] | (typeof ERROR_NOTICES)[number]

const ERROR_TEXT: Record<(typeof ERROR_NOTICES)[number], string> = {
  reason: `Indiquez le motif du refus (entre ${REASON_MIN} et ${REASON_MAX} caractères) : il est envoyé à l’auteur.`,
  invalid: 'La décision n’a pas été enregistrée : la demande ou la fiche est incomplète. Ouvrez la fiche pour la corriger, ou rechargez la file de modération.',
  forbidden: 'Vous ne pouvez pas modérer cet élément : il n’est pas situé dans vos communes.',
  'not-found': 'Élément introuvable : il a peut-être été supprimé. Rechargez la file de modération.',
  already: 'Cet élément a déjà été traité entre-temps : la file de modération est à jour.',
  unreadable: 'Demande illisible : renvoyez le formulaire depuis la file de modération.',
  server: 'La décision n’a pas pu être enregistrée à cause d’une erreur du serveur. Réessayez dans un instant.',
}

/** The error code of a refused decision, from its HTTP status (and, for a refusal, its reason). */
export function errorNotice(status: number, body: { action?: unknown; reason?: unknown } = {}): (typeof ERROR_NOTICES)[number] {
  const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
  if (status === 400 && body.action === 'reject' && (reason.length < REASON_MIN || reason.length > REASON_MAX)) return 'reason'
  if (status === 400) return 'invalid'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 409) return 'already'
  if (status === 415) return 'unreadable'
  return 'server'
}

export function isErrorNotice(code: string | undefined): code is (typeof ERROR_NOTICES)[number] {
  return (ERROR_NOTICES as readonly string[]).includes(code ?? '')
}

function notified(action: 'approve' | 'reject', count: number | null): string {
  if (count === null) return ''
  if (count === 0) return ' Aucun e-mail envoyé : aucun compte propriétaire ou auteur n’est rattaché.'
  const what = action === 'approve' ? 'la décision' : 'la décision et son motif'
  return count === 1 ? ` L’auteur reçoit ${what} par e-mail.` : ` Les ${count} comptes propriétaires reçoivent ${what} par e-mail.`
}

/** `businesses:12` → the collection and id, when the collection is a moderated one. */
function parseItem(item: string | undefined): { collection: ModeratedSlug; id: number | string } | null {
  const match = /^([a-z-]+):([\w-]{1,64})$/.exec(item ?? '')
  if (!match || !(MODERATED_SLUGS as readonly string[]).includes(match[1]!)) return null
  return { collection: match[1] as ModeratedSlug, id: /^\d+$/.test(match[2]!) ? Number(match[2]) : match[2]! }
}

/**
 * The sentence for `notice` (null for an unknown code), with the title of `item` as the
 * moderator may read it.
 */
export async function noticeText(
  payload: Payload,
  user: TypedUser,
  params: { notice?: string; item?: string; sent?: string },
): Promise<{ text: string; tone: 'success' | 'error' } | null> {
  const code = params.notice
  if (isErrorNotice(code)) return { text: ERROR_TEXT[code], tone: 'error' }
  if (code === 'resolveReport') return { text: 'Le signalement est marqué comme traité.', tone: 'success' }
  if (code === 'dismissReport') return { text: 'Le signalement est classé sans suite.', tone: 'success' }
  if (code !== 'approve' && code !== 'reject' && code !== 'reviewed' && code !== 'changesApproved' && code !== 'changesRejected') return null
  const item = parseItem(params.item)
  const doc = item
    ? await payload.findByID({ collection: item.collection, id: item.id, depth: 0, user, overrideAccess: false, disableErrors: true }).catch(() => null)
    : null
  const title = doc ? `« ${titleOf(doc as { name?: unknown; title?: unknown })} »` : 'L’élément'
  if (code === 'reviewed') return { text: `La modification de ${doc ? title : 'l’élément'} est marquée comme revue.`, tone: 'success' }
  const count = /^\d{1,4}$/.test(params.sent ?? '') ? Number(params.sent) : null
  if (code === 'changesApproved') return { text: `Les modifications de ${doc ? title : 'l’élément'} sont en ligne.${notified('approve', count)}`, tone: 'success' }
  if (code === 'changesRejected') {
    const text = `Les modifications de ${doc ? title : 'l’élément'} ne sont pas gardées : la version approuvée reste en ligne.${notified('reject', count)}`
    return { text, tone: 'success' }
  }
  const word = code === 'approve' ? 'publié' : 'refusé'
  const done = item ? agree(item.collection, word) : word
  return { text: `${title} est ${done}.${notified(code, count)}`, tone: 'success' }
}
