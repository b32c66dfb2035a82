import type { Payload } from 'payload'

import type { User } from '@/payload-types'
import { secureCookies } from '@/forms/flash'

/** The account behind a request's session cookie (payload-token), or null. */
export async function viewerOf(payload: Payload, headers: Headers): Promise<User | null> {
  try {
    // With `Referrer-Policy: no-referrer`, browsers post forms with `Origin: null`, which
    // Payload's cookie check refuses; it then relies on Sec-Fetch-Site. Cross-site forms
    // are refused by the form token (bound to the account) whatever this answers.
    const checked = new Headers(headers)
    if (checked.get('origin') === 'null') checked.delete('origin')
    const { user } = await payload.auth({ headers: checked })
    return user && user.collection === 'users' ? (user as User) : null
  } catch {
    return null
  }
}

export const SESSION_COOKIE = 'payload-token'

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secureCookies() ? '; Secure' : ''}`
}

export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secureCookies() ? '; Secure' : ''}`
}
