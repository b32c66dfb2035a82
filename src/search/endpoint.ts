import type { Endpoint, Payload } from 'payload'
import { z } from 'zod'

import { DIRECTORY_SLUGS } from '@collections/slugs'

import { allTerritories } from '@/territories/cache'
import { pickTerritory } from '@/territories/pickTerritory'

import { getSearchEngine } from './index'
import { MAX_LIMIT, MAX_PAGE } from './query'
import { MAX_QUERY_LENGTH } from './text'
import type { SearchQuery } from './types'

export const SEARCH_PATH = '/search'

const many = (value: string[]) => value.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)
/** Lenient: a value that makes no sense is dropped, never an error (an old or hand-edited link still answers). */
const schema = z.object({
  q: z
    .string()
    .transform((text) => text.slice(0, MAX_QUERY_LENGTH * 5))
    .optional()
    .catch(undefined),
  territory: id.optional().catch(undefined),
  category: z.array(z.string()).transform(many).pipe(z.array(id)).catch([]),
  commune: z.array(z.string()).transform(many).pipe(z.array(id)).catch([]),
  kind: z.array(z.string()).transform(many).pipe(z.array(z.enum(DIRECTORY_SLUGS))).catch([]),
  announcementKind: z.array(z.string()).transform(many).pipe(z.array(z.enum(['offer', 'need', 'notice']))).catch([]),
  price: z.array(z.string()).transform(many).pipe(z.array(z.enum(['free', 'paid', 'cesu']))).catch([]),
  lat: z.coerce.number().min(-90).max(90).optional().catch(undefined),
  lng: z.coerce.number().min(-180).max(180).optional().catch(undefined),
  /** A commune whose centre is the origin of the distance (instead of lat/lng). */
  near: id.optional().catch(undefined),
  radius: z.coerce.number().positive().max(200).optional().catch(undefined),
  sort: z.enum(['relevance', 'distance', 'date']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).optional().catch(undefined),
})

export type SearchParams = z.infer<typeof schema>

export function parseSearchParams(params: URLSearchParams): SearchParams {
  const one = (key: string) => params.get(key) ?? undefined
  const all = (key: string) => params.getAll(key)
  return schema.parse({
    q: one('q'),
    territory: one('territory'),
    category: all('category'),
    commune: all('commune'),
    kind: all('kind'),
    announcementKind: all('announcementKind'),
    price: all('price'),
    lat: one('lat'),
    lng: one('lng'),
    near: one('near'),
    radius: one('radius'),
    sort: one('sort'),
    page: one('page'),
    limit: one('limit'),
  })
}

/** A territory given by id or slug; without one, the territory of the Host (as the site picks it). */
async function resolveTerritory(payload: Payload, value: string | undefined, host: string): Promise<number | string | null> {
  const territories = await allTerritories(payload)
  if (value === undefined) return pickTerritory(territories, host)?.id ?? null
  return territories.find((t) => String(t.id) === value || t.slug === value)?.id ?? null
}

async function communeCentre(payload: Payload, id: string) {
  const commune = await payload
    .findByID({ collection: 'communes', id, depth: 0, overrideAccess: true, disableErrors: true, select: { latitude: true, longitude: true } })
    .catch(() => null)
  return commune && typeof commune.latitude === 'number' && typeof commune.longitude === 'number'
    ? { latitude: commune.latitude, longitude: commune.longitude }
    : null
}

/** `body`: UTF-8 JSON of a `SearchResult` (see types.ts), or of `{ errors: [{ message }] }`. */
export type SearchAnswer = { status: number; body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }
const errorBody = (message: string) => Buffer.from(JSON.stringify({ errors: [{ message }] }))

/**
 * The answer of GET /api/search, whoever serves it: the Payload endpoint below, or the
 * express route of src/server.ts, which answers before Next.js (see src/server/searchRoute.ts).
 * Parameters: q, territory (id or slug; default: the territory of the Host), category,
 * commune, kind, announcementKind, price (repeatable or comma-separated), lat + lng or near
 * (a commune id), radius (km), sort (relevance | distance | date), page, limit. The engine
 * only ever holds published entries and hides expired ones.
 */
export async function answerSearch(payload: Payload, searchParams: URLSearchParams, host: string): Promise<SearchAnswer> {
  try {
    const params = parseSearchParams(searchParams)
    const territory = await resolveTerritory(payload, params.territory, host)
    if (territory === null) {
      return { status: 404, body: errorBody('Territoire inconnu : indiquez l’identifiant ou le nom court d’un territoire existant.'), headers: {} }
    }
    let origin = params.lat !== undefined && params.lng !== undefined ? { latitude: params.lat, longitude: params.lng } : null
    let servedCommune: string | number | undefined
    if (params.near) {
      const centre = await communeCentre(payload, params.near)
      if (centre) [origin, servedCommune] = [centre, params.near]
    }
    const query: SearchQuery = {
      territory,
      text: params.q,
      categories: params.category,
      communes: params.commune,
      kinds: params.kind,
      announcementKinds: params.announcementKind,
      priceTypes: params.price,
      near: origin ? { ...origin, radiusKm: params.radius, ...(servedCommune !== undefined ? { servedCommune } : {}) } : undefined,
      sort: params.sort,
      page: params.page,
      limit: params.limit,
    }
    const body = await getSearchEngine(payload).searchJson(query)
    return { status: 200, body, headers: { 'Cache-Control': 'public, max-age=30' } }
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Recherche impossible' })
    return {
      status: 500,
      body: errorBody('La recherche n’a pas pu aboutir à cause d’une erreur du serveur. Réessayez dans un instant.'),
      headers: {},
    }
  }
}

/** GET /api/search through Payload (`next dev`, or any server without the express route). */
export const searchEndpoint: Endpoint = {
  path: SEARCH_PATH,
  method: 'get',
  handler: async (req) => {
    const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host') ?? ''
    const answer = await answerSearch(req.payload, new URL(req.url ?? '/', 'http://localhost').searchParams, host)
    return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...answer.headers } })
  },
}
