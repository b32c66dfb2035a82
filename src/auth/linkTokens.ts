import { createHash, randomBytes } from 'node:crypto'

/** Single-use link tokens: the link carries the token, the database only its hash. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url')
  return { token, hash: hashToken(token) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{20,64}$/.test(value)
}
