import type { Request } from 'express'

/**
 * The route a request really reaches, as the abuse limits must see it: Payload and Next.js
 * answer `/api/users/LOGIN`, `/api/users/%6cogin` or `/api//users/login/` like
 * `/api/users/login`, so a limit keyed on the raw path is bypassed by spelling it otherwise.
 * Decoded (repeatedly, so that `%256c` is caught too), lower-cased, duplicate slashes, dot
 * segments (`/./`, `/x/../`) and the trailing slash removed, and a `/t/<slug>/` territory prefix dropped (the territory
 * middleware strips known slugs; this also covers unknown or mixed-case ones).
 */
export function normalisedPath(path: string): string {
  let decoded = path
  for (let i = 0; i < 3; i++) {
    let next: string
    try {
      next = decodeURIComponent(decoded)
    } catch {
      // A lone « % »: decode the valid escapes and keep the rest.
      next = decoded.replace(/%[0-9a-f]{2}/gi, (escape) => String.fromCharCode(parseInt(escape.slice(1), 16)))
    }
    if (next === decoded) break
    decoded = next
  }
  let route = decoded
    .toLowerCase()
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
  route = withoutDotSegments(route)
  route = route.replace(/^\/t\/[^/]+(?=\/|$)/, '')
  if (route.length > 1 && route.endsWith('/')) route = route.replace(/\/+$/, '')
  return route.startsWith('/') ? route || '/' : `/${route}`
}

/** `/api/users/./login`, `/api/x/../users/login`: what the server resolves them to (RFC 3986, 5.2.4). */
function withoutDotSegments(route: string): string {
  const out: string[] = []
  for (const segment of route.split('/')) {
    if (segment === '.') continue
    if (segment === '..') out.pop()
    else out.push(segment)
  }
  const joined = out.join('/')
  return route.endsWith('/.') || route.endsWith('/..') ? `${joined}/` : joined
}

const ROUTE = Symbol.for('annuaire.limitRoute')

type WithRoute = Request & { [ROUTE]?: string }

/**
 * The route the abuse limits count this request against: the normalised path, or the REST
 * twin of a GraphQL operation (set by the GraphQL guard, e.g. `loginUser` → `/api/users/login`).
 */
export function limitRoute(req: Request): string {
  return (req as WithRoute)[ROUTE] ?? normalisedPath(req.path)
}

export function setLimitRoute(req: Request, route: string): void {
  ;(req as WithRoute)[ROUTE] = route
}
