import crypto from 'node:crypto'

import { PASSWORD_HASH_ITERATIONS, PASSWORD_HASH_KEY_LENGTH, PASSWORD_HASH_PREFIX } from './dummyPassword'

/** Hashes Payload wrote before its current parameters (its `getPasswordHashParameters`). */
const LEGACY_ITERATIONS = 25_000
const LEGACY_KEY_LENGTH = 512

/**
 * Whether `password` is the account's: the check Payload makes at login
 * (`authenticateLocalStrategy`, which the package does not export), on the stored hash and salt.
 */
export async function matchesStoredPassword(stored: { hash?: unknown; salt?: unknown }, password: string): Promise<boolean> {
  const { hash, salt } = stored
  if (typeof hash !== 'string' || typeof salt !== 'string' || !password) return false
  const current = hash.startsWith(PASSWORD_HASH_PREFIX)
  const expected = Buffer.from(current ? hash.slice(PASSWORD_HASH_PREFIX.length) : hash, 'hex')
  const computed = await new Promise<Buffer>((resolve, reject) => {
    crypto.pbkdf2(
      password,
      salt,
      current ? PASSWORD_HASH_ITERATIONS : LEGACY_ITERATIONS,
      current ? PASSWORD_HASH_KEY_LENGTH : LEGACY_KEY_LENGTH,
      'sha256',
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })
  return computed.length === expected.length && crypto.timingSafeEqual(computed, expected)
}

/** Wrong current passwords allowed per account and window, before the check is refused outright. */
export const WRONG_CURRENT_PASSWORD_LIMIT = 5
export const WRONG_CURRENT_PASSWORD_WINDOW_MS = 15 * 60 * 1000

/**
 * Tries per account in this process. On `globalThis`: the server runs the REST and the GraphQL
 * routes from separate bundles, each with its own copy of this module, and they must share one
 * count.
 */
const tries: Map<string, number[]> = ((globalThis as { __annuaireCurrentPasswordTries?: Map<string, number[]> }).__annuaireCurrentPasswordTries ??= new Map())

function recentTries(accountId: number | string, now: number): number[] {
  const key = String(accountId)
  const recent = (tries.get(key) ?? []).filter((at) => at > now - WRONG_CURRENT_PASSWORD_WINDOW_MS)
  if (recent.length) tries.set(key, recent)
  else tries.delete(key)
  return recent
}

/**
 * Takes one try for this account before its password is checked, so that tries sent together
 * cannot all pass the count: returns the seconds to wait (no try taken), or 0 and a try that
 * `giveBackTry` returns once the password proves right. A wrong try cannot be written on the
 * account (the refused update's transaction is rolled back), hence this count in memory: a
 * stolen session gets a handful of guesses per quarter of an hour instead of the API's allowance.
 */
export function takeCurrentPasswordTry(accountId: number | string, now = Date.now()): { wait: number; at: number } {
  const recent = recentTries(accountId, now)
  if (recent.length >= WRONG_CURRENT_PASSWORD_LIMIT) return { wait: Math.ceil((recent[0]! + WRONG_CURRENT_PASSWORD_WINDOW_MS - now) / 1000), at: now }
  tries.set(String(accountId), [...recent, now])
  return { wait: 0, at: now }
}

export function giveBackTry(accountId: number | string, at: number): void {
  const key = String(accountId)
  const list = tries.get(key) ?? []
  const index = list.indexOf(at)
  if (index >= 0) list.splice(index, 1)
  if (!list.length) tries.delete(key)
}

/** A password chosen through « mot de passe oublié »: the account may try again at once. */
export function forgetCurrentPasswordTries(accountId: number | string): void {
  tries.delete(String(accountId))
}
