/**
 * The one search interface of the product. Each database has its own engine behind it
 * (SQLite FTS5, PostgreSQL tsvector + unaccent + pg_trgm, MongoDB text index); callers
 * (public site, alerts, statistics, benchmark) only see these types.
 */
import type { DirectorySlug } from '@collections/slugs'

export type EntryKind = DirectorySlug // 'businesses' | 'associations' | 'services' | 'announcements'
export type AnnouncementKind = 'offer' | 'need' | 'notice'
export type PriceType = 'free' | 'paid' | 'cesu'
export type SearchSort = 'relevance' | 'distance' | 'date'

export type SearchQuery = {
  territory: number | string
  /** Free words as typed by a person; never trusted as engine syntax. */
  text?: string
  /** Category ids; a parent category also matches its sub-categories. */
  categories?: Array<number | string>
  communes?: Array<number | string>
  kinds?: EntryKind[]
  announcementKinds?: AnnouncementKind[]
  priceTypes?: PriceType[]
  /**
   * Centre of a radius search: a commune's centre or the visitor's position. With
   * `servedCommune`, entries that serve that commune (main commune or a service's communes
   * served) are kept even when they lie outside the radius.
   */
  near?: { latitude: number; longitude: number; radiusKm?: number; servedCommune?: number | string }
  sort?: SearchSort
  page?: number
  limit?: number
}

export type SearchHit = {
  kind: EntryKind
  id: number | string
  title: string
  slug: string
  summary: string
  communeId: number | string | null
  categoryIds: Array<number | string>
  announcementKind?: AnnouncementKind | null
  priceType?: PriceType | null
  latitude: number | null
  longitude: number | null
  /** Great-circle distance from `near`, in kilometres, when `near` was given. */
  distanceKm?: number
  score: number
  updatedAt: string
  isExample?: boolean
}

export type FacetCount = { value: string; count: number }

export type SearchResult = {
  hits: SearchHit[]
  total: number
  page: number
  totalPages: number
  facets: {
    categories: FacetCount[]
    communes: FacetCount[]
    kinds: FacetCount[]
    priceTypes: FacetCount[]
  }
  /** Milliseconds spent in the engine. */
  tookMs: number
}

export interface SearchEngine {
  /** Creates the engine's own tables or indexes if they are missing (idempotent). */
  ensureSchema(): Promise<void>
  search(query: SearchQuery): Promise<SearchResult>
  /** Re-indexes one entry (or removes it when it is no longer public). */
  indexEntry(kind: EntryKind, id: number | string): Promise<void>
  removeEntry(kind: EntryKind, id: number | string): Promise<void>
  /** Rebuilds the whole index from the collections; reports progress. */
  rebuild(onProgress?: (done: number, total: number) => void): Promise<{ indexed: number }>
}
