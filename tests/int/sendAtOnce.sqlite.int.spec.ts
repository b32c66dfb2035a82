import fs from 'node:fs'

import type { Payload } from 'payload'

import { bootRoutesPayload } from '../support/localPayload'

import { newEmails, outboxFiles } from './moderationOutbox'

const ORIGIN = 'http://annuaire.localhost'

/**
 * Confirmation e-mails are sent at once, after the answer, not on the job runner's next
 * round (issue 18): right after the form answers (and its background work is over) the
 * e-mail is in the outbox, the job queue never having run; only a failed send is queued.
 */
describe('confirmation e-mails sent at once (SQLite)', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let outbox: string
  const stamp = Date.now()

  beforeAll(async () => {
    ;({ payload, cleanup, outbox } = await bootRoutesPayload('sqlite', ORIGIN))
  }, 180_000)

  afterAll(async () => {
    await cleanup?.()
  })

  async function post(path: string, form: string, fields: Record<string, string>): Promise<Response> {
    const { POST } = (await import(`@/app/(frontend)/(contributions)/${path}/route`)) as { POST: (request: Request) => Promise<Response> }
    const { issueFormToken } = await import('@/forms/guard')
    const { settleBackground } = await import('@/email/background')
    const response = await POST(
      new Request(`${ORIGIN}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
        body: new URLSearchParams({ _jeton: issueFormToken(form, null, Date.now() - 5000), ...fields }),
      }),
    )
    await settleBackground()
    return response
  }

  const queuedEmails = async () => (await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } }, overrideAccess: true })).totalDocs

  it('the account confirmation e-mail is in the outbox right after sign-up, without the job queue', async () => {
    const before = outboxFiles(outbox)
    const address = `nouveau-${stamp}@exemple.fr`
    const res = await post('inscription/envoyer', 'signup', { name: 'Jeanne Martin', email: address, password: 'Hirondelle-violon-cadastre-81', passwordConfirm: 'Hirondelle-violon-cadastre-81' })
    expect(res.headers.get('location')).toMatch(/\/inscription\?envoye=1$/)
    const sent = newEmails(outbox, before)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.to).toContain(address)
    expect(sent[0]!.text).toContain(`${ORIGIN}/verifier-email?jeton=`)
    expect(await queuedEmails()).toBe(0)
  })

  it('the alert confirmation e-mail too', async () => {
    const before = outboxFiles(outbox)
    const res = await post('alertes/envoyer', 'alert', { email: `alerte-${stamp}@exemple.fr`, words: 'jardinage' })
    expect(res.headers.get('location')).toMatch(/\/alertes\?envoye=1$/)
    const sent = newEmails(outbox, before)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.text).toContain(`${ORIGIN}/alertes/confirmer?jeton=`)
    expect(await queuedEmails()).toBe(0)
  })

  it('a send that fails is queued, with its retries, and delivered by the job runner', async () => {
    // The outbox folder replaced by a file: the mail « server » refuses every message.
    const aside = `${outbox}-aside`
    fs.renameSync(outbox, aside)
    fs.writeFileSync(outbox, 'pas un dossier')
    try {
      const res = await post('alertes/envoyer', 'alert', { email: `panne-${stamp}@exemple.fr` })
      expect(res.headers.get('location')).toMatch(/\/alertes\?envoye=1$/)
    } finally {
      fs.rmSync(outbox)
      fs.renameSync(aside, outbox)
    }
    expect(await queuedEmails()).toBe(1)
    const before = outboxFiles(outbox)
    await payload.jobs.run({ queue: 'default', limit: 10 })
    const sent = newEmails(outbox, before)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.to).toContain(`panne-${stamp}@exemple.fr`)
  })
})
