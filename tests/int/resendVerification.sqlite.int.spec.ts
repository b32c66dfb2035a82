import type { Payload } from 'payload'

import { bootRoutesPayload } from '../support/localPayload'

import { newEmails, outboxFiles } from './moderationOutbox'

const ORIGIN = 'http://annuaire.localhost'
const PASSWORD = 'Hirondelle-violon-cadastre-81'

/**
 * « Renvoyer l’e-mail de confirmation » (issue 18) through the real route handler on a real
 * SQLite database: an account that waits for its confirmation gets the link again; an
 * unknown or an already confirmed address gets nothing, and every answer is the same.
 */
describe('resending the account confirmation e-mail (SQLite)', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let outbox: string
  const stamp = Date.now()
  const waiting = `attente-${stamp}@exemple.fr`
  const confirmed = `confirme-${stamp}@exemple.fr`

  beforeAll(async () => {
    ;({ payload, cleanup, outbox } = await bootRoutesPayload('sqlite', ORIGIN))
    const account = (email: string, extra: Record<string, unknown>) =>
      payload.create({ collection: 'users', data: { email, password: PASSWORD, name: 'Jeanne Martin', roles: ['resident'], ...extra } as never, overrideAccess: true, disableVerificationEmail: true })
    await account(waiting, {})
    await account(confirmed, { _verified: true })
  }, 180_000)

  afterAll(async () => {
    await cleanup?.()
  })

  async function resend(address: string): Promise<{ status: number; location: string | null; emails: ReturnType<typeof newEmails> }> {
    const { POST } = await import('@/app/(frontend)/(contributions)/verifier-email/renvoyer/route')
    const { issueFormToken } = await import('@/forms/guard')
    const { settleBackground } = await import('@/email/background')
    const before = outboxFiles(outbox)
    const response = await POST(
      new Request(`${ORIGIN}/verifier-email/renvoyer`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
        body: new URLSearchParams({ _jeton: issueFormToken('resend-verification', null, Date.now() - 5000), confirmationEmail: address }),
      }),
    )
    await settleBackground()
    await payload.jobs.run({ queue: 'default', limit: 100 })
    return { status: response.status, location: response.headers.get('location'), emails: newEmails(outbox, before) }
  }

  it('sends the confirmation link again to an account that waits for it', async () => {
    const { docs } = await payload.find({ collection: 'users', where: { email: { equals: waiting } }, showHiddenFields: true, overrideAccess: true, depth: 0 })
    const user = docs[0] as { _verified?: boolean | null; _verificationToken?: string | null }
    expect(user._verified).toBeFalsy()
    expect(user._verificationToken).toMatch(/^[a-f0-9]{20,}$/)
    const answer = await resend(` ${waiting.toUpperCase()} `)
    expect(answer.status).toBe(303)
    expect(answer.location).toMatch(/\/verifier-email\?renvoye=1$/)
    expect(answer.emails).toHaveLength(1)
    expect(answer.emails[0]!.to).toContain(waiting)
    expect(answer.emails[0]!.text).toContain(`${ORIGIN}/verifier-email?jeton=${user._verificationToken}`)
  })

  it('sends nothing for an unknown or an already confirmed address, with the same answer', async () => {
    const known = await resend(waiting)
    const unknown = await resend(`personne-${stamp}@exemple.fr`)
    const done = await resend(confirmed)
    expect(known.emails).toHaveLength(1)
    expect(unknown.emails).toHaveLength(0)
    expect(done.emails).toHaveLength(0)
    for (const other of [unknown, done]) expect({ status: other.status, location: other.location }).toEqual({ status: known.status, location: known.location })
  })

  it('asks for a valid address, in French, without saying whether it has an account', async () => {
    const answer = await resend('pas-une-adresse')
    expect(answer.status).toBe(303)
    expect(answer.location).toMatch(/\/verifier-email\?renvoyer=1&erreur=1#formulaire$/)
    expect(answer.emails).toHaveLength(0)
  })
})
