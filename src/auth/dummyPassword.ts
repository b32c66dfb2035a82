import crypto from 'node:crypto'

/**
 * Payload hashes passwords with PBKDF2-SHA256, 600 000 iterations, 32 bytes (its
 * `generatePasswordSaltHash`, stored as `pbkdf2-sha256-v1:<hex>`); checking a password costs
 * that much. A login or sign-up with an unknown address costs the same here, so that the
 * time of the answer does not tell whether an account exists (tests/int/accountEnumeration
 * checks that new hashes still use these parameters).
 */
export const PASSWORD_HASH_PREFIX = 'pbkdf2-sha256-v1:'
export const PASSWORD_HASH_ITERATIONS = 600_000
export const PASSWORD_HASH_KEY_LENGTH = 32

const DUMMY_SALT = crypto.randomBytes(32).toString('hex')

let dummyHashes = 0

/** How many dummy hashes this process computed (the tests check that the path is taken). */
export function dummyHashCount(): number {
  return dummyHashes
}

/** Hashes `password` like a real check would, and throws the result away. */
export async function hashDummyPassword(password: unknown): Promise<void> {
  dummyHashes += 1
  const text = typeof password === 'string' ? password : ''
  await new Promise<void>((resolve) => {
    crypto.pbkdf2(text, DUMMY_SALT, PASSWORD_HASH_ITERATIONS, PASSWORD_HASH_KEY_LENGTH, 'sha256', () => resolve())
  })
}
