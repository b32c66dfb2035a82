import { createHmac, timingSafeEqual } from 'node:crypto'
import zlib from 'node:zlib'

import { resolveSecret } from '@/secret'

/**
 * When a form comes back with errors, the handler redirects (303) to the form's page and
 * hands it the values typed and the messages through a short-lived, signed, HTTP-only
 * cookie — no JavaScript and no server memory. Passwords are never kept.
 */

export const FLASH_COOKIE = 'annuaire-formulaire'
/** In a form page's address when the form comes back filled in without an error (`?retour=1`). */
export const FORM_RETURN_PARAM = 'retour'
const MAX_COOKIE_BYTES = 3800
const MAX_AGE_SECONDS = 120

export type FlashState = {
  form: string
  values: Record<string, string | string[]>
  errors: Record<string, string>
}

const SECRET_FIELDS = /password|mot.?de.?passe|_jeton|site_web_confirmation/i

function sign(value: string): string {
  return createHmac('sha256', `${resolveSecret()}:flash`).update(value).digest('base64url').slice(0, 32)
}

function encode(state: FlashState): string {
  const body = zlib.deflateRawSync(Buffer.from(JSON.stringify(state))).toString('base64url')
  return `${body}.${sign(body)}`
}

/** The Set-Cookie header that carries a form's state back to its page. */
export function flashCookie(state: FlashState, secure: boolean): string {
  const values: FlashState['values'] = {}
  for (const [key, value] of Object.entries(state.values)) if (!SECRET_FIELDS.test(key)) values[key] = value
  let encoded = encode({ ...state, values })
  // Very long texts that do not compress: keep the messages, drop the values.
  if (encoded.length > MAX_COOKIE_BYTES) encoded = encode({ ...state, values: {} })
  return `${FLASH_COOKIE}=${encoded}; Path=/; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

export function readFlash(raw: string | undefined, form: string): FlashState | null {
  if (!raw) return null
  const [body, signature] = raw.split('.')
  if (!body || !signature) return null
  const expected = Buffer.from(sign(body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const state = JSON.parse(zlib.inflateRawSync(Buffer.from(body, 'base64url')).toString('utf8')) as FlashState
    return state.form === form ? state : null
  } catch {
    return null
  }
}

export function secureCookies(): boolean {
  return process.env.NODE_ENV === 'production' && process.env.INSECURE_COOKIES !== '1'
}
