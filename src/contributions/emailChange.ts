import type { Payload } from 'payload'

import { hashToken, looksLikeToken } from '@/auth/linkTokens'
import { isPayloadError } from '@/errors/isPayloadError'
import type { User } from '@/payload-types'

import { NO_PENDING_EMAIL, validCancelSignature } from '@collections/Users/emailChange'

export { EMAIL_CHANGE_CANCEL_PATH, EMAIL_CHANGE_CONFIRM_PATH, EMAIL_CHANGE_PATH } from '@collections/Users/emailChange'

export type EmailChangeOutcome = 'changed' | 'taken' | 'invalid'

/** The account whose waiting change this link's token is, while the link is valid. */
async function waitingFor(payload: Payload, token: unknown): Promise<User | null> {
  if (!looksLikeToken(token)) return null
  const { docs } = await payload.find({
    collection: 'users',
    where: { pendingEmailToken: { equals: hashToken(token) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const user = docs[0] as User | undefined
  return user && isWaiting(user) ? user : null
}

/** A change asked less than 24 hours ago and neither confirmed nor cancelled. */
export function isWaiting(user: Pick<User, 'pendingEmail' | 'pendingEmailExpiresAt'>): boolean {
  return Boolean(user.pendingEmail && user.pendingEmailExpiresAt && new Date(user.pendingEmailExpiresAt).getTime() > Date.now())
}

/** The account's new address while it waits for its confirmation (its expiry is a hidden field). */
export async function waitingAddressOf(payload: Payload, userId: number | string): Promise<string | null> {
  const user = (await payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true, showHiddenFields: true }).catch(() => null)) as User | null
  return user && isWaiting(user) ? user.pendingEmail! : null
}

/** The new address a confirmation link is for, to show it on the link's page (null: the link is not valid). */
export async function addressWaitingFor(payload: Payload, token: unknown): Promise<string | null> {
  return (await waitingFor(payload, token))?.pendingEmail ?? null
}

/** « Annuler cette demande », from the notice to the current address: the waiting change is dropped. */
export async function cancelEmailChange(payload: Payload, userId: unknown, signature: unknown): Promise<'cancelled' | 'invalid'> {
  if (typeof userId !== 'string' || !/^\d{1,12}$|^[a-f0-9]{24}$/.test(userId)) return 'invalid'
  const user = (await payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true, showHiddenFields: true }).catch(() => null)) as User | null
  if (!user || !isWaiting(user) || !validCancelSignature(user.id, user.pendingEmailToken, signature)) return 'invalid'
  await payload.update({ collection: 'users', id: user.id, data: NO_PENDING_EMAIL, overrideAccess: true })
  payload.logger.info(`Compte ${user.id} : changement d’adresse e-mail annulé depuis l’ancienne adresse.`)
  return 'cancelled'
}

/**
 * The button of the link sent to a new address: the account takes it, unless the link is
 * unknown, used or older than 24 hours (`invalid`) or the address has meanwhile become another
 * account's (`taken`, told only to whoever holds the link, i.e. the owner of that address).
 */
export async function confirmEmailChange(payload: Payload, token: unknown): Promise<EmailChangeOutcome> {
  const user = await waitingFor(payload, token)
  if (!user?.pendingEmail) return 'invalid'
  const newEmail = user.pendingEmail
  const { totalDocs } = await payload.count({ collection: 'users', where: { email: { equals: newEmail }, id: { not_equals: user.id } }, overrideAccess: true })
  if (totalDocs > 0 || !(await takeAddress(payload, user.id, newEmail))) {
    await payload.update({ collection: 'users', id: user.id, data: NO_PENDING_EMAIL, overrideAccess: true })
    return 'taken'
  }
  // The previous address is told by the collection's afterChange hook (sendEmailChangeLinks).
  payload.logger.info(`Compte ${user.id} : nouvelle adresse e-mail confirmée.`)
  return 'changed'
}

/** False when the address became another account's since the count (the unique index refuses it). */
async function takeAddress(payload: Payload, id: number, email: string): Promise<boolean> {
  try {
    await payload.update({ collection: 'users', id, data: { email, ...NO_PENDING_EMAIL }, overrideAccess: true })
    return true
  } catch (error) {
    if (isPayloadError(error, 'ValidationError')) return false
    throw error
  }
}
