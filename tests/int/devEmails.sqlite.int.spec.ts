import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { bootLocalPayload } from '../support/localPayload'

const PASSWORD = 'Hirondelle-violon-cadastre-81'

/**
 * Who reads the captured e-mails of the demo (/dev/emails), on a real SQLite database: a
 * territory administrator reads what his territory's accounts received as accounts, never a
 * visitor's mail — not even after making an account with that visitor's address (review of
 * issue 17: the confirmation and « Répondre » links in it act for the visitor).
 */
describe('captured e-mails a territory administrator may read (SQLite)', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let outbox: string
  const stamp = Date.now()
  const resident = `habitante-${stamp}@exemple.fr`
  const visitor = `visiteur-${stamp}@exemple.fr`

  function capture(to: string, secondsAgo: number, subject: string): void {
    const date = new Date(Date.now() - secondsAgo * 1000).toUTCString()
    const raw = `From: Annuaire <annuaire@localhost>\r\nTo: ${to}\r\nSubject: ${subject}\r\nDate: ${date}\r\n\r\nCorps ${subject}\r\n`
    fs.writeFileSync(path.join(outbox, `${stamp}-${subject}.eml`), raw)
  }

  beforeAll(async () => {
    process.env.JOBS_AUTORUN = '0'
    ;({ payload, cleanup } = await bootLocalPayload('sqlite'))
    outbox = process.env.EMAIL_OUTBOX_DIR!
    fs.mkdirSync(outbox, { recursive: true })
  })

  afterAll(async () => {
    await payload?.destroy()
    await cleanup?.()
  })

  it('shows his territory’s accounts’ mail, never a visitor’s, even once an account bears that address', async () => {
    const { capturedEmailsFor } = await import('@/contributions/outbox')
    const territory = await payload.create({ collection: 'territories', data: { name: `Territoire ${stamp}`, slug: `t-${stamp}`, epciCode: '200000172' } as never, overrideAccess: true })
    const account = (email: string, roles: string[]) =>
      payload.create({ collection: 'users', data: { email, password: PASSWORD, name: 'Jeanne Martin', roles, territory: territory.id } as never, overrideAccess: true, disableVerificationEmail: true })
    const admin = await account(`admin-${stamp}@exemple.fr`, ['admin'])
    await account(resident, ['resident'])
    capture(resident, 0, 'pour-habitante')
    capture(visitor, 30, 'pour-visiteur')

    const subjects = async () =>
      ((await capturedEmailsFor(payload, { viewer: admin as never, territoryId: territory.id, localDevelopment: false })) ?? []).map((m) => m.subject)
    expect(await subjects()).toEqual(['pour-habitante'])

    await account(visitor, ['resident'])
    expect(await subjects()).toEqual(['pour-habitante'])
    // Nor once he gives an older account of his territory the visitor's address (attack review).
    const older = await account(`ancien-${stamp}@exemple.fr`, ['resident'])
    capture(`ancien-${stamp}@exemple.fr`, 0, 'pour-ancien')
    const other = `autre-visiteur-${stamp}@exemple.fr`
    capture(other, 0, 'pour-autre-visiteur')
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await payload.update({ collection: 'users', id: older.id, data: { email: other } as never, user: admin, overrideAccess: false })
    expect(await subjects()).toEqual(['pour-habitante'])
    // Another role of the same territory reads nothing.
    const editor = await account(`secretaire-${stamp}@exemple.fr`, ['editor'])
    expect(await capturedEmailsFor(payload, { viewer: editor as never, territoryId: territory.id, localDevelopment: false })).toBeNull()
  })
})
