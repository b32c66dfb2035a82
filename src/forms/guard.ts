import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

import { resolveSecret } from '@/secret'

/**
 * Every public form carries a signed token: `<issued-at>.<nonce>.<signature>`, where the
 * signature covers the form's name and the account it was shown to (or "anonyme"). It
 * protects against cross-site requests (a page elsewhere cannot read it, and the session
 * cookie is SameSite=Lax besides), proves a minimum time between display and sending
 * (bots post instantly) and expires after a day. A hidden « honeypot » field catches the
 * bots that fill every input.
 */

export const TOKEN_FIELD = '_jeton'
export const HONEYPOT_FIELD = 'site_web_confirmation'
export const TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000

export function minimumFillMs(): number {
  const seconds = Number(process.env.FORM_MIN_SECONDS ?? '2')
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 2000
}

function sign(parts: string): string {
  return createHmac('sha256', `${resolveSecret()}:forms`).update(parts).digest('base64url')
}

export function issueFormToken(form: string, userId: string | number | null | undefined, now = Date.now()): string {
  const nonce = randomBytes(9).toString('base64url')
  const issued = String(now)
  return `${issued}.${nonce}.${sign(`${issued}.${nonce}.${form}.${userId ?? 'anonyme'}`)}`
}

export type GuardFailure = 'token' | 'expired' | 'too-fast' | 'honeypot' | 'origin'

export const GUARD_MESSAGES: Record<Exclude<GuardFailure, 'honeypot'>, string> = {
  token: 'Le formulaire n’a pas pu être vérifié : rechargez la page et recommencez.',
  expired: 'Le formulaire a expiré : rechargez la page et recommencez.',
  'too-fast': 'Envoi trop rapide : relisez votre message puis envoyez-le à nouveau.',
  origin: 'Ce formulaire doit être envoyé depuis le site lui-même.',
}

/** Checks the token, the honeypot and the request's origin. `null` when all is well. */
export function checkFormGuard(
  request: Request,
  values: Record<string, string>,
  form: string,
  userId: string | number | null | undefined,
  now = Date.now(),
): GuardFailure | null {
  if (!sameOrigin(request)) return 'origin'
  if ((values[HONEYPOT_FIELD] ?? '').trim() !== '') return 'honeypot'
  const token = values[TOKEN_FIELD] ?? ''
  const [issued, nonce, signature] = token.split('.')
  if (!issued || !nonce || !signature) return 'token'
  const expected = Buffer.from(sign(`${issued}.${nonce}.${form}.${userId ?? 'anonyme'}`))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'token'
  const age = now - Number(issued)
  if (!Number.isFinite(age) || age > TOKEN_MAX_AGE_MS || age < -60_000) return 'expired'
  if (age < minimumFillMs()) return 'too-fast'
  return null
}

/** A browser's POST names its origin; one from another site is refused. */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin')
  if (!origin || origin === 'null') return true
  const host = (request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host).split(',')[0]!.trim()
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
