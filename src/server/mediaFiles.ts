import type { NextFunction, Request, RequestHandler, Response } from 'express'

import { normalisedPath } from './requestRoute'
import { hasSessionCookie } from './sessionCookie'

/** How long a shared cache may keep a public file: bounds how long it outlives its « public until ». */
const PUBLIC_MAX_AGE_S = 300

/**
 * Media files (every size) asked with a session or an API key may be staff-only (a notice's
 * PDF before its first day, a photo waiting for moderation): neither the browser nor a shared
 * cache keeps them. Anonymous readers only ever get public files (others answer 404): caches
 * may keep those five minutes, so a file stops being public at most that late.
 *
 * Next's image optimiser (`/_next/image`) is used neither by the site nor by the admin; left
 * open, it would keep a copy of a file for a minute after the file stopped being public.
 */
export function privateMediaFiles(apiRoute: string, uploadSlugs: readonly string[]): RequestHandler {
  const filePrefixes = uploadSlugs.map((slug) => `${apiRoute}/${slug}/file/`.toLowerCase())
  return (req: Request, res: Response, next: NextFunction) => {
    const route = normalisedPath(req.path)
    if (route === '/_next/image') {
      res.status(404).type('text/plain; charset=utf-8').setHeader('Cache-Control', 'no-store')
      res.send('Fichier introuvable.\n')
      return
    }
    if (!filePrefixes.some((prefix) => route.startsWith(prefix))) return next()
    const session = hasSessionCookie(req.headers.cookie) || Boolean(req.headers.authorization)
    res.setHeader('Cache-Control', session ? 'private, no-store' : `public, max-age=${PUBLIC_MAX_AGE_S}`)
    next()
  }
}
