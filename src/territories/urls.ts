import type { AnnouncementKind, EntryKind, PriceType, SearchSort } from '@/search/types'

/** The French path segment of each kind of entry: /entreprises/boulangerie-martin-grandvilliers. */
export const KIND_SEGMENTS = {
  businesses: 'entreprises',
  associations: 'associations',
  services: 'services',
  announcements: 'annonces',
} as const satisfies Record<EntryKind, string>

export type KindSegment = (typeof KIND_SEGMENTS)[EntryKind]

export const KIND_BY_SEGMENT: Record<KindSegment, EntryKind> = {
  entreprises: 'businesses',
  associations: 'associations',
  services: 'services',
  annonces: 'announcements',
}

export const ANNOUNCEMENT_SEGMENTS = {
  offer: 'offre',
  need: 'besoin',
  notice: 'information',
} as const satisfies Record<AnnouncementKind, string>

export const PRICE_SEGMENTS = { free: 'gratuit', paid: 'payant', cesu: 'cesu' } as const satisfies Record<PriceType, string>

export const SORT_SEGMENTS = { relevance: 'pertinence', distance: 'distance', date: 'date' } as const satisfies Record<
  SearchSort,
  string
>

export function entryPath(kind: EntryKind, slug: string): string {
  return `/${KIND_SEGMENTS[kind]}/${encodeURIComponent(slug)}`
}

export function categoryPath(slug: string): string {
  return `/categories/${encodeURIComponent(slug)}`
}

export function communePath(slug: string): string {
  return `/communes/${encodeURIComponent(slug)}`
}

export function contactPath(kind: EntryKind, slug: string): string {
  return `/contacter/${KIND_SEGMENTS[kind]}/${encodeURIComponent(slug)}`
}

export function reportPath(kind: EntryKind, slug: string): string {
  return `/signaler/${KIND_SEGMENTS[kind]}/${encodeURIComponent(slug)}`
}

export const LEGAL_PATHS = {
  'mentions-legales': '/mentions-legales',
  confidentialite: '/confidentialite',
  accessibilite: '/accessibilite',
  'a-propos': '/a-propos',
} as const

/** The public page that lists the open-data files (linked from the footer). */
export const OPEN_DATA_PATH = '/donnees-ouvertes'

/**
 * The search parameters of the public site as they appear in the address bar, all optional.
 * Values are French slugs so that URLs stay readable and can be written by hand.
 */
export type SiteSearch = {
  q?: string
  categorie?: string
  commune?: string
  rayon?: number
  type?: KindSegment[]
  annonce?: Array<(typeof ANNOUNCEMENT_SEGMENTS)[AnnouncementKind]>
  tarif?: Array<(typeof PRICE_SEGMENTS)[PriceType]>
  tri?: (typeof SORT_SEGMENTS)[SearchSort]
  lat?: number
  lng?: number
  page?: number
}

const ORDER: Array<keyof SiteSearch> = ['q', 'categorie', 'commune', 'rayon', 'lat', 'lng', 'type', 'annonce', 'tarif', 'tri', 'page']

/** The query string of a search, in a stable order, without empty values ("" when none). */
export function searchQueryString(search: SiteSearch): string {
  const params = new URLSearchParams()
  for (const key of ORDER) {
    const value = search[key]
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue
    if (key === 'page' && value === 1) continue
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** /recherche?… with `changes` applied to `search`; a change of filter goes back to page 1. */
export function searchPath(search: SiteSearch, changes: Partial<SiteSearch> = {}, base = '/recherche'): string {
  const next: SiteSearch = { ...search, ...changes }
  if (!('page' in changes)) delete next.page
  return `${base}${searchQueryString(next)}`
}

/**
 * Payload writes the URL of a locally stored file with the instance's public origin
 * (PUBLIC_URL). A territory served on its own host name loads it from that host instead (the
 * CSP allows images from 'self' only): such URLs are kept as paths; others pass unchanged.
 */
export function mediaPath(url: string): string {
  const match = /^https?:\/\/[^/]+(\/api\/media\/file\/.*)$/.exec(url)
  return match ? match[1]! : url
}
