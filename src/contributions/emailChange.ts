import type { Payload } from 'payload'

import { hashToken, looksLikeToken } from '@/auth/linkTokens'
import { sendSoon } from '@/email/send'
import { emailChangeNoticeEmail } from '@/email/templates/contrib/account'
import { isPayloadError } from '@/errors/isPayloadError'
import type { User } from '@/payload-types'

export { EMAIL_CHANGE_CONFIRM_PATH, EMAIL_CHANGE_PATH } from '@collections/Users/emailChange'

export type EmailChangeOutcome = 'changed' | 'taken' | 'invalid'

/**
 * The button of the link sent to a new address: the account takes it, unless the link is
 * unknown, used or older than 24 hours (`invalid`) or the address has meanwhile become another
 * account's (`taken`, told only to whoever holds the link, i.e. the owner of that address).
 */
export async function confirmEmailChange(payload: Payload, token: unknown, options: { origin: string }): Promise<EmailChangeOutcome> {
  if (!looksLikeToken(token)) return 'invalid'
  const { docs } = await payload.find({
    collection: 'users',
    where: { pendingEmailToken: { equals: hashToken(token) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const user = docs[0] as User | undefined
  const expires = user?.pendingEmailExpiresAt ? new Date(user.pendingEmailExpiresAt).getTime() : 0
  if (!user?.pendingEmail || expires < Date.now()) return 'invalid'
  const previousEmail = user.email
  const newEmail = user.pendingEmail
  const { totalDocs } = await payload.count({ collection: 'users', where: { email: { equals: newEmail }, id: { not_equals: user.id } }, overrideAccess: true })
  if (totalDocs > 0 || !(await takeAddress(payload, user.id, newEmail))) {
    await payload.update({ collection: 'users', id: user.id, data: CLEARED, overrideAccess: true })
    return 'taken'
  }
  payload.logger.info(`Compte ${user.id} : nouvelle adresse e-mail confirmée.`)
  sendSoon(payload, {
    to: previousEmail,
    ...emailChangeNoticeEmail({ name: user.name, newEmail, done: true, resetUrl: `${options.origin}/mot-de-passe-oublie`, territoryName: null }),
  })
  return 'changed'
}

const CLEARED = { pendingEmail: null, pendingEmailToken: null, pendingEmailExpiresAt: null }

/** False when the address became another account's since the count (the unique index refuses it). */
async function takeAddress(payload: Payload, id: number, email: string): Promise<boolean> {
  try {
    await payload.update({ collection: 'users', id, data: { email, ...CLEARED }, overrideAccess: true })
    return true
  } catch (error) {
    if (isPayloadError(error, 'ValidationError')) return false
    throw error
  }
}
