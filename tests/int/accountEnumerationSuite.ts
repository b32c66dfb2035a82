import type { Payload } from 'payload'

import { PASSWORD_HASH_KEY_LENGTH, PASSWORD_HASH_PREFIX, dummyHashCount } from '@/auth/dummyPassword'

import { bootRoutesPayload } from '../support/localPayload'

/**
 * Account enumeration (issue 17, item 8), on a real database: a login with an unknown address
 * (or on a locked account) goes through the dummy password hash, so that it costs what a wrong
 * password on an existing account costs, and the dummy hash has Payload's own parameters. The
 * answers themselves are compared on the real servers (tests/access/accountSecuritySuite.ts).
 */
export function accountEnumerationSuite(kind: 'sqlite' | 'postgres') {
  let payload: Payload
  let cleanup: () => Promise<void>
  const password = 'Un-Mot-De-Passe-Solide-2026'
  const email = `enumeration-${Date.now()}@exemple.fr`

  beforeAll(async () => {
    ;({ payload, cleanup } = await bootRoutesPayload(kind, null))
    await payload.create({ collection: 'users', data: { email, password, name: 'Compte existant', roles: ['resident'], _verified: true } as never, overrideAccess: true, disableVerificationEmail: true })
  }, 180_000)

  afterAll(async () => {
    await cleanup?.()
  })

  const attempt = (address: string, secret: string) =>
    payload.login({ collection: 'users', data: { email: address, password: secret } }).then(
      () => 'ok',
      (error: Error) => error.name,
    )

  it('an unknown address is hashed like a wrong password on an existing account, with the same answer', async () => {
    const before = dummyHashCount()
    expect(await attempt('personne@exemple.fr', password)).toBe('AuthenticationError')
    expect(dummyHashCount()).toBe(before + 1)
    // An existing account checks its real hash: no dummy one.
    expect(await attempt(email, 'Pas-Le-Bon-Mot-De-Passe-1')).toBe('AuthenticationError')
    expect(dummyHashCount()).toBe(before + 1)
    expect(await attempt(email, password)).toBe('ok')
    expect(dummyHashCount()).toBe(before + 1)
  })

  it('a locked account costs a hash too (Payload refuses it before checking the password)', async () => {
    const locked = `verrou-${Date.now()}@exemple.fr`
    await payload.create({ collection: 'users', data: { email: locked, password, name: 'Compte bloqué', roles: ['resident'], _verified: true } as never, overrideAccess: true, disableVerificationEmail: true })
    for (let i = 0; i < 5; i++) await attempt(locked, `Mauvais-Essai-${i}-2026`)
    const before = dummyHashCount()
    expect(await attempt(locked, password)).toBe('LockedAuth')
    expect(dummyHashCount()).toBe(before + 1)
  })

  it('the dummy hash uses the parameters of the hashes Payload stores', async () => {
    const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, showHiddenFields: true, overrideAccess: true, depth: 0 })
    const hash = (docs[0] as { hash?: string }).hash ?? ''
    expect(hash.startsWith(PASSWORD_HASH_PREFIX)).toBe(true)
    expect(hash.slice(PASSWORD_HASH_PREFIX.length)).toMatch(new RegExp(`^[0-9a-f]{${PASSWORD_HASH_KEY_LENGTH * 2}}$`))
  })
}
