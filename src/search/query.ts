/**
 * Turns a SearchQuery (possibly from an untrusted source) into a clean, bounded plan every
 * engine executes the same way. Nothing here throws on odd input: unknown values are
 * dropped, numbers clamped.
 */
import { DIRECTORY_SLUGS } from '@collections/slugs'

import { isValidPoint, MAX_RADIUS_KM } from './geo'
import { queryTerms } from './text'
import type { AnnouncementKind, EntryKind, PriceType, SearchQuery, SearchResult, SearchSort } from './types'

export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 100
export const MAX_PAGE = 500
const MAX_FILTER_VALUES = 50

const ANNOUNCEMENT_KINDS: readonly AnnouncementKind[] = ['offer', 'need', 'notice']
const PRICE_TYPES: readonly PriceType[] = ['free', 'paid', 'cesu']
const SORTS: readonly SearchSort[] = ['relevance', 'distance', 'date']

export type SearchPlan = {
  territory: string
  /** Folded, stemmed query words (stop words dropped). */
  terms: string[]
  categories: string[]
  communes: string[]
  kinds: EntryKind[]
  announcementKinds: AnnouncementKind[]
  priceTypes: PriceType[]
  /** `servedCommune`: entries serving this commune pass the radius whatever their distance. */
  near: { latitude: number; longitude: number; radiusKm: number | null; servedCommune: string | null } | null
  sort: SearchSort
  page: number
  limit: number
  offset: number
  /** Evaluation time (ISO), to hide expired announcements. */
  now: string
}

const ids = (values: unknown): string[] =>
  Array.isArray(values)
    ? [
        ...new Set(
          values
            .filter((v) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length > 0 && v.length <= 64))
            .map(String),
        ),
      ].slice(0, MAX_FILTER_VALUES)
    : []

function oneOf<T extends string>(values: unknown, allowed: readonly T[]): T[] {
  return Array.isArray(values) ? [...new Set(values.filter((v): v is T => allowed.includes(v as T)))] : []
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(n)) return fallback
  return Math.min(max, Math.max(min, Math.floor(n)))
}

export function planQuery(query: SearchQuery, now = new Date()): SearchPlan {
  const limit = clampInt(query.limit, 1, MAX_LIMIT, DEFAULT_LIMIT)
  const page = clampInt(query.page, 1, MAX_PAGE, 1)
  let near: SearchPlan['near'] = null
  if (query.near && isValidPoint(query.near)) {
    const r = query.near.radiusKm
    const radiusKm = typeof r === 'number' && Number.isFinite(r) && r > 0 ? Math.min(r, MAX_RADIUS_KM) : null
    const served = ids([query.near.servedCommune])[0] ?? null
    near = { latitude: query.near.latitude, longitude: query.near.longitude, radiusKm, servedCommune: served }
  }
  const sort = SORTS.includes(query.sort as SearchSort) ? (query.sort as SearchSort) : 'relevance'
  return {
    territory: String(query.territory ?? ''),
    terms: typeof query.text === 'string' ? queryTerms(query.text) : [],
    categories: ids(query.categories),
    communes: ids(query.communes),
    kinds: oneOf(query.kinds, DIRECTORY_SLUGS),
    announcementKinds: oneOf(query.announcementKinds, ANNOUNCEMENT_KINDS),
    priceTypes: oneOf(query.priceTypes, PRICE_TYPES),
    near,
    sort: sort === 'distance' && !near ? 'relevance' : sort,
    page,
    limit,
    offset: (page - 1) * limit,
    now: now.toISOString(),
  }
}

export function emptyResult(plan: Pick<SearchPlan, 'page'>, tookMs = 0): SearchResult {
  return {
    hits: [],
    total: 0,
    page: plan.page,
    totalPages: 0,
    facets: { categories: [], communes: [], kinds: [], priceTypes: [] },
    tookMs,
  }
}

/** Facet lists sorted by count, then value, for stable output. */
export function sortFacet(values: Array<{ value: string; count: number }>) {
  return values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/** Converts a stored id back to the database's id type (numbers for SQL, strings for MongoDB). */
export function toId(value: string, numeric: boolean): number | string {
  return numeric && /^\d+$/.test(value) ? Number(value) : value
}
