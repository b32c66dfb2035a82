import type { NextFunction, Request, RequestHandler, Response } from 'express'
import type { Payload } from 'payload'

import { allTerritories } from '@/territories/cache'
import { prefixLinks, prefixLocation, splitTerritoryPath, TERRITORY_HEADER, territoryPrefix } from '@/territories/prefix'

/**
 * `/t/<slug>/…` → `/…` with the territory in a request header, for a known slug; an unknown
 * one goes on unchanged to « Page introuvable ». The header never comes from outside.
 */
export function territoryPathPrefix(payload: Payload): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    delete req.headers[TERRITORY_HEADER]
    const split = req.url.startsWith('/t/') ? splitTerritoryPath(req.url) : null
    if (!split) return next()
    try {
      if ((await allTerritories(payload)).some((t) => t.slug === split.slug)) {
        req.url = split.url
        req.headers[TERRITORY_HEADER] = split.slug
      }
    } catch {
      // the database does not answer: the page itself will say so
    }
    next()
  }
}

function originsOf(req: Request): string[] {
  const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? '').split(',')[0]!.trim()
  const origins = host && /^[a-z0-9.:[\]-]+$/i.test(host) ? [`http://${host}`, `https://${host}`] : []
  if (process.env.PUBLIC_URL) {
    try {
      origins.push(new URL(process.env.PUBLIC_URL).origin)
    } catch {
      // an invalid PUBLIC_URL is reported elsewhere
    }
  }
  return origins
}

/**
 * For a prefixed request, puts the prefix back on the answer: the redirect's Location and
 * the links of a text answer (HTML page, sitemap, robots.txt). Called on the buffered
 * answer by `publicPagesWithoutRuntime`.
 */
export function restoreTerritoryPrefix(req: Request, res: Response, body: Buffer): Buffer {
  const slug = req.headers[TERRITORY_HEADER]
  if (typeof slug !== 'string' || !slug) return body
  const prefix = territoryPrefix(slug)
  const origins = originsOf(req)
  // Route handlers set headers as arrays of values.
  const location = [res.getHeader('location')].flat()[0]
  if (typeof location === 'string') res.setHeader('Location', prefixLocation(location, prefix, origins))
  const type = String(res.getHeader('content-type') ?? '')
  if (res.getHeader('content-encoding') || !/^(text\/|application\/(xml|xhtml\+xml))/.test(type)) return body
  return Buffer.from(prefixLinks(body.toString('utf8'), prefix, origins, type.startsWith('text/html')), 'utf8')
}
