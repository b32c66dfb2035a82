import { type CollectionBeforeChangeHook, type Field, type PayloadRequest, ValidationError } from 'payload'

import { giveBackTry, matchesStoredPassword, takeCurrentPasswordTry } from '@/auth/currentPassword'
import { PASSWORD_MAX_LENGTH } from '@/auth/passwordPolicy'

import { asksNewAddress } from './emailChange'

/**
 * Changing the address or the password of one's own account asks for its current password
 * (site, REST, GraphQL, admin): a session left open or stolen is not enough to take the
 * account. An administrator changing someone else's account is not asked (a change of
 * address is told to the previous one); the reset link (« mot de passe oublié ») is its own proof.
 */

export const CURRENT_PASSWORD_MISSING = 'Pour changer votre adresse e-mail ou votre mot de passe, saisissez votre mot de passe actuel.'
export const CURRENT_PASSWORD_WRONG = 'Ce mot de passe actuel n’est pas le bon : vérifiez-le (les majuscules comptent).'

/** Never stored nor read back: a value sent with the change, checked then dropped (shown on one's own account only). */
export const currentPasswordField: Field = {
  name: 'currentPassword',
  type: 'text',
  virtual: true,
  label: 'Votre mot de passe actuel',
  maxLength: PASSWORD_MAX_LENGTH,
  // Readable, or the admin would not show it; there is never a value to read.
  hooks: { afterRead: [() => undefined] },
  admin: {
    description: 'Demandé seulement pour changer l’adresse e-mail ou le mot de passe de votre propre compte.',
    components: { Field: '/src/components/admin/CurrentPasswordField/index.client#CurrentPasswordField' },
  },
}

type Context = { newPassword?: boolean }

const refuse = (req: PayloadRequest, message: string) =>
  new ValidationError({ collection: 'users', errors: [{ path: 'currentPassword', message }] }, req.t)

/** Runs before the hooks that hold an address change back: it sees the address asked for. */
export const requireCurrentPassword: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const { currentPassword, ...rest } = data
  if (operation !== 'update' || !originalDoc || !req.user || String(req.user.id) !== String(originalDoc.id)) return rest
  if (!(req.context as Context).newPassword && !asksNewAddress(data.email, originalDoc.email)) return rest
  if (typeof currentPassword !== 'string' || !currentPassword) throw refuse(req, CURRENT_PASSWORD_MISSING)
  const attempt = takeCurrentPasswordTry(originalDoc.id)
  if (attempt.wait > 0) {
    const minutes = Math.ceil(attempt.wait / 60)
    throw refuse(req, `Trop d’essais de mot de passe actuel : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}, ou choisissez un nouveau mot de passe par « Mot de passe oublié ».`)
  }
  const stored = await req.payload.findByID({ collection: 'users', id: originalDoc.id, depth: 0, showHiddenFields: true, overrideAccess: true, req })
  if (!(await matchesStoredPassword(stored as { hash?: unknown; salt?: unknown }, currentPassword.slice(0, PASSWORD_MAX_LENGTH + 1)))) {
    throw refuse(req, CURRENT_PASSWORD_WRONG)
  }
  giveBackTry(originalDoc.id, attempt.at)
  return rest
}
