import { AuthenticationError, type Payload } from 'payload'

import { isPayloadError } from '@/errors/isPayloadError'

import { hashDummyPassword } from '@/auth/dummyPassword'
import { passwordProblem } from '@/auth/passwordPolicy'
import { sendNowOrQueue, sendSoon } from '@/email/send'
import { runInBackground } from '@/email/background'
import { resetPasswordEmail, signUpAttemptEmail, verifyAccountEmail } from '@/email/templates/contrib/account'
import type { User } from '@/payload-types'

import { validationMessages } from './payloadErrors'
import { looksLikeToken } from './tokens'

/**
 * Accounts of residents, businesses and associations, on Payload's auth: sign-up with
 * e-mail verification, login, forgotten password. Payload keeps passwords and tokens; the
 * e-mails are ours (French, HTML and text, sent after the answer, queued with retries only when
 * the mail server fails) and link to the public site.
 */

export const VERIFY_PATH = '/verifier-email'
export const RESET_PATH = '/reinitialiser-mot-de-passe'

type Errors = Record<string, string>

/**
 * Answers alike whether or not the address already has an account (no « un compte existe
 * déjà »): for a taken address, the password is hashed all the same (same time) and the
 * owner gets an e-mail saying someone tried, with links to log in or reset the password.
 */
export async function signUp(
  payload: Payload,
  input: { name: string; email: string; password: string },
  options: { origin: string; territoryName: string | null; territoryId?: number | null },
): Promise<{ ok: true } | { ok: false; errors: Errors }> {
  // Checked for both paths, so that a weak password is refused alike for a taken address.
  const weak = passwordProblem(input.password, [input.email, input.name])
  if (weak) return { ok: false, errors: { password: weak } }
  const email = input.email.trim().toLowerCase()
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true })
  const owner = docs[0]
  if (owner) {
    await hashDummyPassword(input.password)
    await warnOwnerOfSignUpAttempt(payload, owner, options)
    return { ok: true }
  }
  try {
    const user = await payload.create({
      collection: 'users',
      data: { name: input.name, email: input.email, password: input.password, roles: ['resident'], territory: options.territoryId ?? undefined },
      disableVerificationEmail: true,
      overrideAccess: true,
    })
    await sendVerification(payload, user.id, options)
    return { ok: true }
  } catch (error) {
    const messages = validationMessages(error)
    if (messages) return { ok: false, errors: messages }
    throw error
  }
}

/** « Quelqu'un a tenté de créer un compte avec votre adresse », sent to the owner after the answer. */
export async function warnOwnerOfSignUpAttempt(
  payload: Payload,
  owner: Pick<User, 'email' | 'name'>,
  options: { origin: string; territoryName: string | null },
): Promise<void> {
  const mail = signUpAttemptEmail({
    name: owner.name,
    loginUrl: `${options.origin}/connexion`,
    resetUrl: `${options.origin}/mot-de-passe-oublie`,
    territoryName: options.territoryName,
  })
  sendSoon(payload, { to: owner.email, ...mail })
}

export async function sendVerification(payload: Payload, userId: number | string, options: { origin: string; territoryName: string | null }) {
  const user = (await payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true, showHiddenFields: true })) as User
  if (!user._verificationToken || user._verified) return
  const mail = verifyAccountEmail({ name: user.name, url: `${options.origin}${VERIFY_PATH}?jeton=${user._verificationToken}`, territoryName: options.territoryName })
  sendSoon(payload, { to: user.email, ...mail })
}

export async function verifyAccount(payload: Payload, token: unknown): Promise<'verified' | 'invalid'> {
  if (typeof token !== 'string' || !/^[a-f0-9]{20,128}$/i.test(token)) return 'invalid'
  try {
    await payload.verifyEmail({ collection: 'users', token })
    return 'verified'
  } catch {
    return 'invalid'
  }
}

/**
 * « Renvoyer l’e-mail de confirmation »: answers alike for every address (unknown, already
 * confirmed or still waiting) and at once, like sign-up and « mot de passe oublié »: the
 * e-mail is made after the answer, and only for an account that waits for its confirmation.
 */
export function resendVerificationInBackground(payload: Payload, emailAddress: string, options: { origin: string; territoryName: string | null }): void {
  runInBackground(payload, 'Renvoi de l’e-mail de confirmation non traité', () => resendVerification(payload, emailAddress, options))
}

/** Sends the verification e-mail again (same link) when the address has an unconfirmed account. */
export async function resendVerification(
  payload: Payload,
  emailAddress: string,
  options: { origin: string; territoryName: string | null },
): Promise<'sent' | 'nothing'> {
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: emailAddress.trim().toLowerCase() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const user = docs[0] as User | undefined
  if (!user || user._verified || !user._verificationToken) return 'nothing'
  await sendVerification(payload, user.id, options)
  return 'sent'
}

/** Where the « Renvoyer l’e-mail de confirmation » form posts, and its page (errors, answer). */
export const RESEND_VERIFICATION_ACTION = `${VERIFY_PATH}/renvoyer`
export const RESEND_VERIFICATION_PAGE = `${VERIFY_PATH}?renvoyer=1`
export const RESEND_VERIFICATION_DONE = `${VERIFY_PATH}?renvoye=1`

export const LOGIN_UNVERIFIED =
  'Votre adresse e-mail n’est pas encore confirmée : cliquez sur le lien de l’e-mail reçu à l’inscription, ou demandez-en un nouveau ci-dessous.'

export const LOGIN_REFUSED =
  'Adresse e-mail ou mot de passe incorrect : vérifiez-les et recommencez. Après 5 essais manqués, un compte est bloqué 15 minutes ; « Mot de passe oublié » permet d’en choisir un nouveau.'

export type LoginResult = { ok: true; token: string; user: User; maxAgeSeconds: number } | { ok: false; errors: Errors }

export async function logIn(payload: Payload, input: { email: string; password: string }): Promise<LoginResult> {
  try {
    const result = await payload.login({ collection: 'users', data: input })
    if (!result.token || !result.user) throw new AuthenticationError()
    const expires = result.exp ? result.exp - Math.floor(Date.now() / 1000) : 8 * 3600
    return { ok: true, token: result.token, user: result.user as User, maxAgeSeconds: Math.max(60, expires) }
  } catch (error) {
    if (isPayloadError(error, 'UnverifiedEmail')) {
      return {
        ok: false,
        errors: { _form: LOGIN_UNVERIFIED },
      }
    }
    // A locked account reads like a wrong password: « bloqué » would tell that the address has an account.
    if (isPayloadError(error, 'LockedAuth') || isPayloadError(error, 'AuthenticationError') || isPayloadError(error, 'ValidationError')) {
      return { ok: false, errors: { _form: LOGIN_REFUSED } }
    }
    throw error
  }
}

/**
 * Always answers the same, whether or not the address has an account, and at once: the
 * token and the e-mail are made after the answer (their time would tell an account exists),
 * errors logged.
 */
export function requestPasswordResetInBackground(payload: Payload, emailAddress: string, options: { origin: string; territoryName: string | null }): void {
  runInBackground(payload, 'Demande de nouveau mot de passe non traitée', () => requestPasswordReset(payload, emailAddress, options))
}

/** Makes the reset token and queues the e-mail when the address has an account. */
export async function requestPasswordReset(
  payload: Payload,
  emailAddress: string,
  options: { origin: string; territoryName: string | null },
): Promise<{ ok: true } | { ok: false; errors: Errors }> {
  const token = await payload
    .forgotPassword({ collection: 'users', data: { email: emailAddress }, disableEmail: true })
    .catch(() => null)
  if (token) {
    const { docs } = await payload.find({ collection: 'users', where: { email: { equals: emailAddress } }, limit: 1, depth: 0, overrideAccess: true })
    const mail = resetPasswordEmail({ name: docs[0]?.name, url: `${options.origin}${RESET_PATH}?jeton=${token}`, territoryName: options.territoryName })
    await sendNowOrQueue(payload, { to: emailAddress, ...mail })
  }
  return { ok: true }
}

export async function resetPassword(payload: Payload, token: string, password: string): Promise<{ ok: true } | { ok: false; errors: Errors }> {
  if (!/^[a-f0-9]{20,128}$/i.test(token)) return { ok: false, errors: { _form: RESET_INVALID } }
  try {
    await payload.resetPassword({ collection: 'users', data: { token, password }, overrideAccess: true })
    return { ok: true }
  } catch (error) {
    return { ok: false, errors: validationMessages(error) ?? { _form: RESET_INVALID } }
  }
}

export const RESET_INVALID =
  'Ce lien de réinitialisation n’est plus valable (il a déjà servi ou a expiré au bout d’une heure) : demandez-en un nouveau.'

export { looksLikeToken }
