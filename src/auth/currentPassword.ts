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

const wrongAttempts = new Map<string, number[]>()

function recentAttempts(accountId: number | string, now: number): number[] {
  const key = String(accountId)
  const recent = (wrongAttempts.get(key) ?? []).filter((at) => at > now - WRONG_CURRENT_PASSWORD_WINDOW_MS)
  if (recent.length) wrongAttempts.set(key, recent)
  else wrongAttempts.delete(key)
  return recent
}

/**
 * Seconds to wait before this account may try its current password again (0: it may now).
 * A wrong try cannot be written on the account (the refused update's transaction is rolled
 * back), so this process counts them; a stolen session then gets a handful of guesses per
 * quarter of an hour instead of the API's allowance.
 */
export function currentPasswordWait(accountId: number | string, now = Date.now()): number {
  const recent = recentAttempts(accountId, now)
  if (recent.length < WRONG_CURRENT_PASSWORD_LIMIT) return 0
  return Math.ceil((recent[0]! + WRONG_CURRENT_PASSWORD_WINDOW_MS - now) / 1000)
}

export function noteWrongCurrentPassword(accountId: number | string, now = Date.now()): void {
  wrongAttempts.set(String(accountId), [...recentAttempts(accountId, now), now])
}
