import { createHmac, timingSafeEqual } from 'node:crypto'

import {
  type CollectionAfterChangeHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type Field,
  type PayloadRequest,
  ValidationError,
} from 'payload'
import { z } from 'zod'

import { forgetCurrentPasswordTries } from '@/auth/currentPassword'
import { newToken } from '@/auth/linkTokens'
import { sendSoon } from '@/email/send'
import { emailChangeConfirmEmail, emailChangeRequestedEmail, emailChangedEmail } from '@/email/templates/contrib/account'
import { resolveSecret } from '@/secret'
import { requestPublicOrigin } from '@/territories/publicOrigin'

/**
 * A person who changes the address of their own account (Mon espace, REST, GraphQL, the
 * admin) keeps the current one until the new one is confirmed by a link sent there. The
 * request answers the same whether or not the new address already has an account (the
 * uniqueness check happens at confirmation, to the owner of that address only), and the
 * current address is told. An administrator changing someone else's address does it at once.
 */

export const EMAIL_CHANGE_PATH = '/mon-espace/adresse-email'
export const EMAIL_CHANGE_CONFIRM_PATH = `${EMAIL_CHANGE_PATH}/confirmer`
export const EMAIL_CHANGE_CANCEL_PATH = `${EMAIL_CHANGE_PATH}/annuler`
/** How long the confirmation link works. */
export const EMAIL_CHANGE_VALID_MS = 24 * 60 * 60 * 1000

/** Under Payload's e-mail field, on one's own account: the change waits for its confirmation. */
export const ownEmailNotice: Field = {
  name: 'ownEmailNotice',
  type: 'ui',
  admin: { components: { Field: '/src/components/admin/OwnEmailNotice/index.client#OwnEmailNotice' } },
}

const NOBODY = { read: () => false, create: () => false, update: () => false }

/** The change waiting for its confirmation, kept on the account. */
export const pendingEmailFields: Field[] = [
  {
    name: 'pendingEmail',
    type: 'email',
    label: 'Nouvelle adresse e-mail en attente de confirmation',
    access: { create: () => false, update: () => false },
    admin: {
      readOnly: true,
      position: 'sidebar',
      condition: (data) => Boolean(data?.pendingEmail),
      description: 'L’adresse du compte ne change qu’une fois cette nouvelle adresse confirmée par le lien qui lui a été envoyé (valable 24 heures).',
    },
  },
  // Written by holdOwnEmailChange only (field access strips them from every request first).
  { name: 'pendingEmailToken', type: 'text', label: 'Jeton de confirmation', hidden: true, access: NOBODY },
  { name: 'pendingEmailExpiresAt', type: 'date', label: 'Lien de confirmation valable jusqu’au', hidden: true, access: NOBODY },
  // The last request, kept when the change is confirmed, cancelled or voided: it paces requests.
  { name: 'emailChangeRequestedAt', type: 'date', label: 'Dernière demande de changement d’adresse', hidden: true, access: NOBODY },
]

/** Whether `email` is another address than the account's (case and surrounding spaces aside). */
export const asksNewAddress = (email: unknown, current: unknown) =>
  typeof email === 'string' && email.trim().toLowerCase() !== String(current ?? '').toLowerCase()

const address = z.string().trim().toLowerCase().max(254).pipe(z.email())

type Context = { emailChangeLink?: { token: string; hash: string; newEmail: string; previousEmail: string }; newPassword?: boolean }

/** A new request for the same account within this time is refused (each one sends two e-mails). */
export const EMAIL_CHANGE_INTERVAL_MS = 60_000

const refuse = (req: PayloadRequest, message: string) =>
  new ValidationError({ collection: 'users', errors: [{ path: 'email', message }] }, req.t)

/**
 * Holds back any change of one's own address: the account keeps its address, the new one waits
 * with the hash of a one-time token. Whatever the new address, nothing is looked up: a malformed
 * one is refused with the site form's rule (stricter than Payload's, so that no address slips
 * through unheld), the same way for every address.
 */
export const holdOwnEmailChange: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc || !req.user || String(req.user.id) !== String(originalDoc.id)) return data
  if (data.email === undefined || data.email === null) return data
  if (typeof data.email === 'string' && !asksNewAddress(data.email, originalDoc.email)) return { ...data, email: originalDoc.email }
  const previousEmail = String(originalDoc.email ?? '').toLowerCase()
  const wanted = address.safeParse(data.email)
  if (!wanted.success) throw refuse(req, 'Cette adresse e-mail n’est pas valide : vérifiez-la (exemple : prenom.nom@exemple.fr).')
  const last = originalDoc.emailChangeRequestedAt ? new Date(originalDoc.emailChangeRequestedAt).getTime() : 0
  if (last + EMAIL_CHANGE_INTERVAL_MS > Date.now()) {
    throw refuse(req, 'Une demande de changement d’adresse vient d’être faite : attendez une minute avant d’en faire une autre.')
  }
  const { token, hash } = newToken()
  ;(req.context as Context).emailChangeLink = { token, hash, newEmail: wanted.data, previousEmail }
  return {
    ...data,
    email: originalDoc.email,
    pendingEmail: wanted.data,
    pendingEmailToken: hash,
    pendingEmailExpiresAt: new Date(Date.now() + EMAIL_CHANGE_VALID_MS).toISOString(),
    emailChangeRequestedAt: new Date().toISOString(),
  }
}

/**
 * The « Annuler cette demande » link of the notice to the current address: signed for this
 * account and this pending change (a new request, a confirmation or a cancellation voids it).
 */
export function cancelSignature(userId: number | string, pendingTokenHash: string): string {
  return createHmac('sha256', `${resolveSecret()}:email-change-cancel`).update(`${userId}:${pendingTokenHash}`).digest('base64url').slice(0, 32)
}

export function validCancelSignature(userId: number | string, pendingTokenHash: string | null | undefined, signature: unknown): boolean {
  if (!pendingTokenHash || typeof signature !== 'string') return false
  const expected = Buffer.from(cancelSignature(userId, pendingTokenHash))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

export const NO_PENDING_EMAIL = { pendingEmail: null, pendingEmailToken: null, pendingEmailExpiresAt: null }

/**
 * A new password (changed, or chosen through « mot de passe oublié ») voids a waiting change of
 * address. `password` is no field of the collection: it is noted before the operation, and the
 * change dropped once the document is at hand.
 */
export const noteNewPassword: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const password = (args as { data?: { password?: unknown } }).data?.password
  if (operation === 'update' && typeof password === 'string' && password) (req.context as Context).newPassword = true
  return args
}

export const forgetPendingEmailOnNewPassword: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !(req.context as Context).newPassword || !originalDoc?.pendingEmail) return data
  return { ...data, ...NO_PENDING_EMAIL }
}

/** After « mot de passe oublié »: no waiting change of address, and the current password may be tried again. */
export const forgetPendingChangesAfterReset: CollectionAfterOperationHook = async ({ operation, result, req }) => {
  const id = operation === 'resetPassword' ? (result as { user?: { id?: number | string } } | undefined)?.user?.id : undefined
  if (id === undefined) return result
  forgetCurrentPasswordTries(id)
  const user = await req.payload.findByID({ collection: 'users', id, depth: 0, select: { pendingEmail: true }, overrideAccess: true, req })
  if (user.pendingEmail) await req.payload.update({ collection: 'users', id, data: NO_PENDING_EMAIL, overrideAccess: true, req })
  return result
}

/** The stored address changed (a confirmed change, or an administrator's): the previous one is told. */
async function noticeOfAddressChange({ doc, previousDoc, operation, req }: Pick<Parameters<CollectionAfterChangeHook>[0], 'doc' | 'previousDoc' | 'operation' | 'req'>) {
  const before = typeof previousDoc?.email === 'string' ? previousDoc.email : ''
  if (operation !== 'update' || !before || before.toLowerCase() === String(doc.email).toLowerCase()) return
  sendSoon(req.payload, { to: before, ...emailChangedEmail({ name: doc.name, newEmail: doc.email, territoryName: await territoryNameOf(req, doc.territory) }) })
}

async function territoryNameOf(req: PayloadRequest, territory: unknown): Promise<string | null> {
  const id = typeof territory === 'object' && territory !== null ? (territory as { id?: unknown }).id : territory
  if (typeof id !== 'number' && typeof id !== 'string') return null
  const found = await req.payload.findByID({ collection: 'territories', id, depth: 0, select: { name: true }, overrideAccess: true, req }).catch(() => null)
  return found?.name ?? null
}

/**
 * After a change of the stored address: a word to the previous one. After a change is held: the
 * link to the new address (greeting no one: whoever asked chose
 * both the address and the account's name), a word to the current one with a link to cancel.
 */
export const sendEmailChangeLinks: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const link = (req.context as Context).emailChangeLink
  if (!link) {
    await noticeOfAddressChange({ doc, previousDoc, operation, req })
    return doc
  }
  delete (req.context as Context).emailChangeLink
  const origin = await requestPublicOrigin(req.payload, req.headers)
  const territoryName = await territoryNameOf(req, doc.territory)
  const cancelUrl = `${origin}${EMAIL_CHANGE_CANCEL_PATH}?${new URLSearchParams({ compte: String(doc.id), signature: cancelSignature(doc.id, link.hash) })}`
  sendSoon(req.payload, { to: link.newEmail, ...emailChangeConfirmEmail({ url: `${origin}${EMAIL_CHANGE_CONFIRM_PATH}?jeton=${link.token}`, territoryName }) })
  sendSoon(req.payload, {
    to: link.previousEmail,
    ...emailChangeRequestedEmail({ name: doc.name, newEmail: link.newEmail, cancelUrl, resetUrl: `${origin}/mot-de-passe-oublie`, territoryName }),
  })
  return doc
}
