import { SESSION_COOKIE } from '@/contributions/session'

/** Payload trims cookie names: « payload-token =… » is a session as well as « payload-token=… ». */
const SESSION = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}\\s*=\\s*[^;\\s]`, 'i')

/**
 * Whether a request's Cookie header carries a (non-empty) session cookie: what it receives
 * may be the visitor's own, never to be kept by a shared cache.
 */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return SESSION.test(cookieHeader ?? '')
}
