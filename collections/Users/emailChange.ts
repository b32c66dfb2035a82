import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, Field } from 'payload'
import { z } from 'zod'

import { newToken } from '@/auth/linkTokens'
import { sendSoon } from '@/email/send'
import { emailChangeConfirmEmail, emailChangeNoticeEmail } from '@/email/templates/contrib/account'
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
/** How long the confirmation link works. */
export const EMAIL_CHANGE_VALID_MS = 24 * 60 * 60 * 1000

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
      description: 'L’adresse ne change qu’une fois le lien envoyé à cette nouvelle adresse ouvert (valable 24 heures).',
    },
  },
  { name: 'pendingEmailToken', type: 'text', hidden: true },
  { name: 'pendingEmailExpiresAt', type: 'date', hidden: true },
]

const address = z.string().trim().toLowerCase().max(254).pipe(z.email())

type Context = { emailChangeLink?: { token: string; newEmail: string; previousEmail: string } }

/**
 * Holds back a change of one's own address: the account keeps its address, the new one waits
 * with the hash of a one-time token. An address Payload would refuse as malformed is left for
 * its validation (same message for every address).
 */
export const holdOwnEmailChange: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc || !req.user || String(req.user.id) !== String(originalDoc.id)) return data
  if (typeof data.email !== 'string') return data
  const previousEmail = String(originalDoc.email ?? '').toLowerCase()
  const wanted = address.safeParse(data.email)
  if (!wanted.success || wanted.data === previousEmail) return data
  const { token, hash } = newToken()
  ;(req.context as Context).emailChangeLink = { token, newEmail: wanted.data, previousEmail }
  return {
    ...data,
    email: originalDoc.email,
    pendingEmail: wanted.data,
    pendingEmailToken: hash,
    pendingEmailExpiresAt: new Date(Date.now() + EMAIL_CHANGE_VALID_MS).toISOString(),
  }
}

/** After the change is held: the link to the new address, a word to the current one. */
export const sendEmailChangeLinks: CollectionAfterChangeHook = async ({ doc, req }) => {
  const link = (req.context as Context).emailChangeLink
  if (!link) return doc
  delete (req.context as Context).emailChangeLink
  const origin = await requestPublicOrigin(req.payload, req.headers)
  sendSoon(req.payload, { to: link.newEmail, ...emailChangeConfirmEmail({ name: doc.name, url: `${origin}${EMAIL_CHANGE_CONFIRM_PATH}?jeton=${link.token}`, territoryName: null }) })
  sendSoon(req.payload, {
    to: link.previousEmail,
    ...emailChangeNoticeEmail({ name: doc.name, newEmail: link.newEmail, done: false, resetUrl: `${origin}/mot-de-passe-oublie`, territoryName: null }),
  })
  return doc
}
