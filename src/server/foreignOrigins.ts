import type { NextFunction, Request, RequestHandler, Response } from 'express'
import type { Payload } from 'payload'

import { allTerritories } from '@/territories/cache'
import { type HostedTerritory, isConfiguredOrigin } from '@/territories/publicOrigin'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const API_PATH = /^\/api(?:\/|$)/

export const FOREIGN_ORIGIN_MESSAGE =
  'Demande refusée : elle vient d’un autre site que l’annuaire. Faites-la depuis le site ou l’administration, ' +
  'ou, pour un programme, avec une clé d’API (en-tête Authorization) plutôt qu’un cookie de session.'

/**
 * Whether a request must be refused: it changes something (not GET/HEAD/OPTIONS), carries
 * cookies (a browser's session) and names, in `Origin`, a site that is not one of this
 * installation's (PUBLIC_URL, a territory's host name, localhost). `Origin: null` (sandboxed
 * frames, some redirects) is refused on the API; the public forms check their signed token
 * instead, which a foreign page cannot read. Requests without `Origin` (programs) and
 * without cookies pass: they carry no ambient authority. Pure, for tests.
 */
export function refusesOrigin(
  request: { method: string; path: string; origin?: string; hasCookie: boolean },
  territories: HostedTerritory[],
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || !request.hasCookie) return false
  const origin = request.origin?.trim()
  if (!origin) return false
  if (origin === 'null') return API_PATH.test(request.path)
  return !isConfiguredOrigin(origin, territories, env)
}

/**
 * express middleware applying `refusesOrigin` to everything (REST, GraphQL, admin server
 * functions, public forms), whatever PUBLIC_URL says: Payload's own `csrf` list is static and
 * cannot know the territories' host names, which are data.
 */
export function refuseForeignOrigins(payload: Payload): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || !req.headers.cookie || req.headers.origin === undefined) return next()
    let territories: HostedTerritory[] = []
    try {
      territories = await allTerritories(payload)
    } catch {
      // the database does not answer: only PUBLIC_URL and localhost count
    }
    const refused = refusesOrigin({ method: req.method, path: req.path, origin: req.headers.origin, hasCookie: true }, territories)
    if (!refused) return next()
    res.status(403).setHeader('Cache-Control', 'no-store')
    if (API_PATH.test(req.path)) {
      res.json({ errors: [{ message: FOREIGN_ORIGIN_MESSAGE }] })
    } else {
      res.type('text/plain; charset=utf-8').send(`${FOREIGN_ORIGIN_MESSAGE}\n`)
    }
  }
}
