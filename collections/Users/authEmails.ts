import type { PayloadRequest } from 'payload'

import { resetPasswordEmail, verifyAccountEmail } from '@/email/templates/contrib/account'
import { defaultOrigin, requestLinkBase } from '@/territories/publicOrigin'

/**
 * The French e-mails Payload sends itself (an account created by staff in the admin, a
 * password reset asked from the admin's login page or through REST), linking to the public
 * site's pages. The public forms send the same messages, with a text part, through the
 * e-mail queue. Links are absolute, on a configured host (see publicOrigin).
 */
type Args = { req?: PayloadRequest; token?: string; user?: { name?: string | null } }

async function linkBase(req: PayloadRequest | undefined): Promise<string> {
  return req?.payload && req.headers ? requestLinkBase(req.payload, req.headers) : defaultOrigin()
}

export const verifyEmailConfig = {
  generateEmailSubject: () => verifyAccountEmail({ url: '', territoryName: null }).subject,
  generateEmailHTML: async ({ req, token, user }: Args) =>
    verifyAccountEmail({ name: user?.name, url: `${await linkBase(req)}/verifier-email?jeton=${token}`, territoryName: null }).html,
}

export const forgotPasswordConfig = {
  generateEmailSubject: () => resetPasswordEmail({ url: '', territoryName: null }).subject,
  generateEmailHTML: async (args?: Args) =>
    resetPasswordEmail({ name: args?.user?.name, url: `${await linkBase(args?.req)}/reinitialiser-mot-de-passe?jeton=${args?.token}`, territoryName: null }).html,
}
