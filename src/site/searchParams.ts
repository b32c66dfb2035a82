import { z } from 'zod'

import {
  ANNOUNCEMENT_SEGMENTS,
  KIND_SEGMENTS,
  PRICE_SEGMENTS,
  SORT_SEGMENTS,
  type SiteSearch,
} from '@/territories/urls'

/** What Next gives a page as `searchParams`. */
export type RawSearchParams = Record<string, string | string[] | undefined>

const list = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((v) => v.split(','))

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]{1,100}$/)
const enumList = <T extends string>(values: readonly T[]) =>
  z.array(z.string()).transform((items) => [...new Set(items.filter((item): item is T => values.includes(item as T)))])

/**
 * Search parameters of the public site, parsed leniently: a value that makes no sense is
 * dropped rather than failing the page (a hand-edited or old link still shows results).
 */
const siteSearchSchema = z.object({
  q: z
    .string()
    .transform((text) => text.replace(/\s+/g, ' ').trim().slice(0, 100))
    .optional()
    .catch(undefined),
  categorie: slug.optional().catch(undefined),
  commune: slug.optional().catch(undefined),
  rayon: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
  type: enumList(Object.values(KIND_SEGMENTS)).catch([]),
  annonce: enumList(Object.values(ANNOUNCEMENT_SEGMENTS)).catch([]),
  tarif: enumList(Object.values(PRICE_SEGMENTS)).catch([]),
  tri: z.enum(Object.values(SORT_SEGMENTS)).optional().catch(undefined),
  lat: z.coerce.number().min(-90).max(90).optional().catch(undefined),
  lng: z.coerce.number().min(-180).max(180).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
})

export function parseSiteSearch(raw: RawSearchParams): SiteSearch {
  const parsed = siteSearchSchema.parse({
    q: first(raw.q),
    categorie: first(raw.categorie) || undefined,
    commune: first(raw.commune) || undefined,
    rayon: first(raw.rayon) || undefined,
    type: list(raw.type),
    annonce: list(raw.annonce),
    tarif: list(raw.tarif),
    tri: first(raw.tri) || undefined,
    lat: first(raw.lat) || undefined,
    lng: first(raw.lng) || undefined,
    page: first(raw.page) || undefined,
  })
  const search: SiteSearch = {}
  if (parsed.q) search.q = parsed.q
  if (parsed.categorie) search.categorie = parsed.categorie
  if (parsed.commune) search.commune = parsed.commune
  if (parsed.rayon) search.rayon = parsed.rayon
  if (parsed.type.length) search.type = parsed.type
  if (parsed.annonce.length) search.annonce = parsed.annonce
  if (parsed.tarif.length) search.tarif = parsed.tarif
  if (parsed.tri) search.tri = parsed.tri
  // A position only counts as a pair (the visitor's own, from the browser).
  if (parsed.lat !== undefined && parsed.lng !== undefined) {
    search.lat = Math.round(parsed.lat * 1e4) / 1e4
    search.lng = Math.round(parsed.lng * 1e4) / 1e4
  }
  if (parsed.page && parsed.page > 1) search.page = parsed.page
  return search
}
