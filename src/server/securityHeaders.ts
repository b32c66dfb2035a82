import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { NextFunction, Request, RequestHandler, Response } from 'express'
import helmet from 'helmet'

import { splitTerritoryPath } from '@/territories/prefix'

/**
 * Security headers, through helmet:
 * - a Content-Security-Policy whose scripts are this site's files plus the inline scripts
 *   that carry this request's nonce. Next.js reads the policy from the request it renders and
 *   puts the nonce on its own inline scripts (the admin's bootstrap and RSC payload); the
 *   public pages have none (src/server/htmlDelivery.ts strips them, JSON-LD is data). Inline
 *   styles stay allowed: the admin's React components set `style` attributes.
 * - HSTS only in production behind HTTPS (PUBLIC_URL in https://, or HSTS=1), never on the
 *   plain-HTTP test servers;
 * - `Referrer-Policy: same-origin` (see below); no X-Powered-By (express disables it).
 *
 * The JSON routes in `jsonPaths` (the search API, with or without a territory prefix) get
 * the same headers computed once, with the policy of a response that is never a page
 * (`default-src 'none'; frame-ancestors 'none'`): no nonce to draw for each of the most
 * frequent requests.
 */
export function securityHeaders({ dev, jsonPaths = [] }: { dev: boolean; jsonPaths?: string[] }): RequestHandler[] {
  const tiles = tileOrigin()
  const nonce = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as Response).locals.cspNonce as string}'`
  const common = {
    crossOriginEmbedderPolicy: false,
    // `no-referrer` (helmet's default) makes Chromium send `Origin: null` on plain HTML form
    // posts, which Payload's CSRF check treats as foreign: session-cookie forms would then
    // act logged out. `same-origin` keeps the origin for our own forms and leaks nothing out.
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: hstsEnabled(dev) ? { maxAge: 31536000, includeSubDomains: false } : false,
  }
  const headers = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", nonce, ...(dev ? ["'unsafe-eval'"] : [])],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
        'connect-src': ["'self'", ...(dev ? ['ws:', 'wss:'] : [])],
        'font-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'frame-ancestors': ["'self'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': hstsEnabled(dev) ? [] : null,
      },
    },
  })
  const jsonHeaders = headersOf(
    helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } } }),
  )
  // The territory prefix is stripped later (territoryPrefix.ts): both forms of the path count.
  const isJson = (req: Request) => jsonPaths.includes(splitTerritoryPath(req.path)?.url ?? req.path)
  return [
    (req: Request, res: Response, next: NextFunction) => {
      if (isJson(req)) {
        for (const [name, value] of jsonHeaders) res.setHeader(name, value)
        return next()
      }
      res.locals.cspNonce = randomBytes(16).toString('base64')
      headers(req, res, next)
    },
    // Next.js takes the nonce from the request's policy header (never from the client's).
    (req: Request, res: Response, next: NextFunction) => {
      const policy = res.getHeader('content-security-policy')
      if (typeof policy === 'string') req.headers['content-security-policy'] = policy
      else delete req.headers['content-security-policy']
      delete req.headers['content-security-policy-report-only']
      next()
    },
  ]
}

/** The headers a helmet middleware sets (its options hold no per-request value). */
function headersOf(middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void): Array<[string, string]> {
  const headers: Array<[string, string]> = []
  const res = { setHeader: (name: string, value: unknown) => headers.push([name, String(value)]), removeHeader: () => {} }
  middleware({} as IncomingMessage, res as unknown as ServerResponse, () => {})
  return headers
}

/** HSTS (and upgrade-insecure-requests) belong to a production site served over HTTPS. */
export function hstsEnabled(dev: boolean, env: Record<string, string | undefined> = process.env): boolean {
  if (dev || env.NODE_ENV !== 'production') return false
  if (env.HSTS === '0') return false
  return env.HSTS === '1' || (env.PUBLIC_URL ?? '').startsWith('https://')
}

function tileOrigin(): string | undefined {
  const template = process.env.MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'
  try {
    return new URL(template.replace(/\{[a-z]\}/g, '0')).origin
  } catch {
    return undefined
  }
}
