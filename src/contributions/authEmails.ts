import type { PayloadRequest } from 'payload'

import { resetPasswordEmail, verifyAccountEmail } from '@/email/templates/contrib/account'

/**
 * The French e-mails Payload sends itself (an account created by staff in the admin, a
 * password reset asked from the admin's login page), linking to the public site's pages.
 * The public forms send the same messages, with a text part, through the e-mail queue.
 */
type Args = { req?: PayloadRequest; token?: string; user?: { name?: string | null } }

function origin(): string {
  return (process.env.PUBLIC_URL || '').replace(/\/+$/, '')
}

export const verifyEmailConfig = {
  generateEmailSubject: () => verifyAccountEmail({ url: '', territoryName: null }).subject,
  generateEmailHTML: ({ token, user }: Args) => verifyAccountEmail({ name: user?.name, url: `${origin()}/verifier-email?jeton=${token}`, territoryName: null }).html,
}

export const forgotPasswordConfig = {
  generateEmailSubject: () => resetPasswordEmail({ url: '', territoryName: null }).subject,
  generateEmailHTML: (args?: Args) =>
    resetPasswordEmail({ name: args?.user?.name, url: `${origin()}/reinitialiser-mot-de-passe?jeton=${args?.token}`, territoryName: null }).html,
}
