import type { Payload } from 'payload'

import { contactConfirmEmail, contactRelayEmail } from '@/email/templates/contrib/relay'
import { queueEmail, sendSoon } from '@/email/send'
import type { ContactInput } from '@/forms/schemas'
import type { User } from '@/payload-types'
import { entryPath } from '@/territories/urls'

import { findBadWord } from './badWords'
import { EXAMPLE_CONTACT_MESSAGE, recipientsOf, relaysNothing, type Target } from './targets'
import { territoryNameOf } from './territory'
import { hashToken, looksLikeToken, newToken, replyPath } from './tokens'

/**
 * The contact relay. A message to an entry is delivered by e-mail to its owners (or to the
 * mairie for an announcement it posted for a resident), from a no-reply address with a signed
 * « Répondre » link: replies go through the site too (replies.ts), and nobody's address is
 * revealed. A visitor without an account confirms their address first; a message with a bad
 * word is held for moderation instead of being sent.
 */

const HOUR_MS = 60 * 60 * 1000
export const CONFIRMATION_LIFETIME_MS = 48 * HOUR_MS

/**
 * Messages one sender address may send per hour, whatever the client address (the per-address
 * limits of every form are in src/server/rateLimits.ts); CONTACT_LIMIT_PER_SENDER overrides it.
 */
export function contactLimitPerSender(): number {
  const value = Number(process.env.CONTACT_LIMIT_PER_SENDER)
  return Number.isFinite(value) && value > 0 ? value : 10
}

const SENDER_LIMIT_MESSAGE = 'Vous avez envoyé beaucoup de messages en peu de temps : réessayez dans une heure.'

export type RelayOutcome =
  | { status: 'sent' }
  | { status: 'awaiting-confirmation' }
  | { status: 'flagged' }
  | { status: 'refused'; errors: Record<string, string> }

export async function submitContact(options: {
  payload: Payload
  target: Target
  input: ContactInput
  viewer: User | null
  origin: string
}): Promise<RelayOutcome> {
  const { payload, target, input, viewer, origin } = options
  // An example's author is a real demo account: a message to it would reach someone by mistake.
  if (relaysNothing(target)) return { status: 'refused', errors: { _form: EXAMPLE_CONTACT_MESSAGE } }
  const senderEmail = viewer?._verified === false ? null : (viewer?.email ?? input.senderEmail ?? null)
  if (!senderEmail) {
    return { status: 'refused', errors: { senderEmail: 'Indiquez votre adresse e-mail : la réponse vous sera envoyée à cette adresse.' } }
  }
  const since = new Date(Date.now() - HOUR_MS).toISOString()
  const recent = await payload.count({
    collection: 'contact-requests',
    where: { and: [{ senderEmail: { equals: senderEmail } }, { createdAt: { greater_than: since } }] },
    overrideAccess: true,
  })
  if (recent.totalDocs >= contactLimitPerSender()) return { status: 'refused', errors: { _form: SENDER_LIMIT_MESSAGE } }

  const recipients = await recipientsOf(payload, target)
  if (recipients.emails.length === 0) {
    return {
      status: 'refused',
      errors: { _form: 'Cette fiche ne peut pas encore recevoir de messages : adressez-vous à la mairie.' },
    }
  }
  const badWord = findBadWord(input.senderName, input.message)
  const confirmed = Boolean(viewer)
  const token = badWord || confirmed ? null : newToken()
  const status = badWord ? 'flagged' : confirmed ? 'sent' : 'awaiting-confirmation'
  const request = await payload.create({
    collection: 'contact-requests',
    data: {
      target: { relationTo: target.kind, value: target.id as number },
      senderName: input.senderName,
      senderEmail,
      message: input.message,
      status,
      recipients: recipients.users as number[],
      flagReason: badWord ? `Mot interdit : « ${badWord} »` : undefined,
      confirmationToken: token?.hash,
      territory: (target.territory ?? undefined) as number | undefined,
    },
    overrideAccess: true,
  })
  const territoryName = await territoryNameOf(payload, target.territory)
  if (status === 'sent') {
    await deliver(payload, request, target, origin, territoryName)
  } else if (token) {
    const mail = contactConfirmEmail({
      senderName: input.senderName,
      targetTitle: target.title,
      confirmUrl: `${origin}/contacter/confirmer?jeton=${token.token}`,
      territoryName,
    })
    // The sender waits for this one: sent at once (after the answer), queued only if that fails.
    sendSoon(payload, { to: senderEmail, ...mail })
  }
  return { status }
}

type RequestDoc = { id: number | string; senderName: string; message: string }

async function deliver(payload: Payload, request: RequestDoc, target: Pick<Target, 'kind' | 'id' | 'slug' | 'title'>, origin: string, territoryName: string | null) {
  const recipients = await recipientsOf(payload, target)
  const mail = contactRelayEmail({
    senderName: request.senderName,
    message: request.message,
    targetTitle: target.title,
    entryUrl: origin ? `${origin}${entryPath(target.kind, target.slug)}` : null,
    replyUrl: `${origin}${replyPath(request.id)}`,
    territoryName,
    viaMairie: recipients.viaMairie,
    resident: recipients.resident,
  })
  // Reply-To is nobody's (set by the template): answers go through the « Répondre » link (replies.ts).
  await queueEmail(payload, { to: recipients.emails, ...mail })
}

export type ConfirmOutcome = 'sent' | 'already-confirmed' | 'expired' | 'unknown'

/**
 * The sender followed the link in the confirmation e-mail. Opening it again (a browser that
 * asks twice, a mail scanner, a second click) is the same success, « déjà confirmé », and
 * sends nothing more.
 */
export async function confirmContact(payload: Payload, token: unknown, origin: string): Promise<ConfirmOutcome> {
  if (!looksLikeToken(token)) return 'unknown'
  const { docs } = await payload.find({
    collection: 'contact-requests',
    where: { confirmationToken: { equals: hashToken(token) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const request = docs[0]
  if (!request) return 'unknown'
  if (request.status !== 'awaiting-confirmation') return request.status === 'sent' ? 'already-confirmed' : 'unknown'
  if (Date.now() - Date.parse(request.createdAt) > CONFIRMATION_LIFETIME_MS) return 'expired'
  const target = request.target as { relationTo: Target['kind']; value: number | string | { id: number | string } }
  const targetId = typeof target.value === 'object' ? target.value.id : target.value
  const doc = (await payload.findByID({ collection: target.relationTo, id: targetId, depth: 0, overrideAccess: true }).catch(() => null)) as
    | { slug?: string | null; name?: string; title?: string; territory?: number | { id: number } | null; status?: string; isExample?: boolean | null }
    | null
  if (!doc || doc.status !== 'published' || relaysNothing({ kind: target.relationTo, isExample: doc.isExample === true })) return 'unknown'
  // Marked first, only while still awaiting: a request arriving at the same time finds it
  // confirmed and sends nothing.
  const marked = await payload.update({
    collection: 'contact-requests',
    where: { and: [{ id: { equals: request.id } }, { status: { equals: 'awaiting-confirmation' } }] },
    data: { status: 'sent' },
    overrideAccess: true,
  })
  if (marked.docs.length === 0) return 'already-confirmed'
  const territoryId = typeof doc.territory === 'object' ? doc.territory?.id : doc.territory
  await deliver(
    payload,
    request,
    { kind: target.relationTo, id: targetId, slug: doc.slug ?? String(targetId), title: doc.name ?? doc.title ?? '' },
    origin,
    await territoryNameOf(payload, territoryId),
  )
  return 'sent'
}
