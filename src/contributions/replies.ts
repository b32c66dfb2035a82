import type { Payload } from 'payload'

import { queueEmail } from '@/email/send'
import { contactReplyEmail } from '@/email/templates/contrib/relay'
import type { ReplyInput } from '@/forms/schemas'
import type { ContactRequest } from '@/payload-types'
import { ANONYMISED } from '@/privacy/accountData'

import { findBadWord } from './badWords'
import { contactLimitPerSender } from './relay'
import { recipientsOf, refId, type Target } from './targets'
import { territoryNameOf } from './territory'
import { replyPath, validReplySignature } from './tokens'

/**
 * Replies through the relay. Every relayed e-mail carries a « Répondre » link signed for its
 * message: whoever received the message answers on the site, without an account, and the
 * answer is relayed by e-mail to the other party with its own « Répondre » link, so that a
 * conversation goes on with nobody's address revealed. The link is a capability, not a
 * one-time token: opening it (a browser, a mail scanner) only shows the form.
 */

const HOUR_MS = 60 * 60 * 1000

type Side = 'visitor' | 'entry'
type EntryKind = Target['kind']

/** A message that may be answered, with its conversation's first message and its target. */
export type ReplyContext = {
  message: ContactRequest
  root: ContactRequest
  side: Side
  target: Pick<Target, 'kind' | 'id' | 'title'>
}

/** The message named by a reply link, when the signature is right and it was delivered. */
export async function replyContext(payload: Payload, messageId: unknown, signature: unknown): Promise<ReplyContext | null> {
  if (typeof messageId !== 'string' || !validReplySignature(messageId, signature)) return null
  const id = /^\d+$/.test(messageId) ? Number(messageId) : messageId
  const message = await payload.findByID({ collection: 'contact-requests', id, depth: 0, overrideAccess: true }).catch(() => null)
  if (!message || message.status !== 'sent') return null
  const rootId = refId(message.thread as never)
  const root = rootId === null ? message : await payload.findByID({ collection: 'contact-requests', id: rootId, depth: 0, overrideAccess: true }).catch(() => null)
  if (!root) return null
  const ref = root.target as { relationTo: EntryKind; value: number | string | { id: number | string } }
  const targetId = typeof ref.value === 'object' ? ref.value.id : ref.value
  const doc = (await payload.findByID({ collection: ref.relationTo, id: targetId, depth: 0, overrideAccess: true }).catch(() => null)) as
    | { name?: string; title?: string }
    | null
  if (!doc) return null
  // The reply is written by the side that received this message.
  const side: Side = message.fromSide === 'entry' ? 'visitor' : 'entry'
  return { message, root, side, target: { kind: ref.relationTo, id: targetId, title: doc.name ?? doc.title ?? '' } }
}

export type ReplyOutcome = { status: 'sent' } | { status: 'flagged' } | { status: 'refused'; errors: Record<string, string> }

export async function submitReply(options: { payload: Payload; context: ReplyContext; input: ReplyInput; origin: string }): Promise<ReplyOutcome> {
  const { payload, context, input, origin } = options
  const { root, side, target } = context
  const since = new Date(Date.now() - HOUR_MS).toISOString()
  const recent = await payload.count({
    collection: 'contact-requests',
    where: { and: [{ thread: { equals: root.id } }, { createdAt: { greater_than: since } }] },
    overrideAccess: true,
  })
  if (recent.totalDocs >= contactLimitPerSender()) {
    return { status: 'refused', errors: { _form: 'Beaucoup de messages ont été échangés dans cette conversation en peu de temps : réessayez dans une heure.' } }
  }
  const recipients = await recipientsOf(payload, target)
  const visitorEmail = root.senderEmail ?? ''
  const to = side === 'entry' ? [visitorEmail] : recipients.emails
  if (to.length === 0 || to.some((address) => !address || address === ANONYMISED.senderEmail)) {
    return { status: 'refused', errors: { _form: 'Votre correspondant ne peut plus recevoir de messages : sa fiche ou son compte a été supprimé.' } }
  }
  const badWord = findBadWord(input.senderName, input.message)
  const status = badWord ? 'flagged' : 'sent'
  const reply = await payload.create({
    collection: 'contact-requests',
    data: {
      target: { relationTo: target.kind, value: target.id as number },
      senderName: input.senderName,
      senderEmail: side === 'visitor' ? visitorEmail : undefined,
      message: input.message,
      status,
      recipients: (side === 'visitor' ? recipients.users : []) as number[],
      flagReason: badWord ? `Mot interdit : « ${badWord} »` : undefined,
      thread: root.id as number,
      fromSide: side,
      territory: (refId(root.territory as never) ?? undefined) as number | undefined,
    },
    overrideAccess: true,
  })
  if (status === 'flagged') return { status }
  const mail = contactReplyEmail({
    senderName: input.senderName,
    message: input.message,
    targetTitle: target.title,
    replyUrl: `${origin}${replyPath(reply.id)}`,
    territoryName: await territoryNameOf(payload, refId(root.territory as never)),
    viaMairie: side === 'visitor' && recipients.viaMairie,
    resident: side === 'visitor' ? recipients.resident : undefined,
  })
  await queueEmail(payload, { to, ...mail })
  return { status }
}
