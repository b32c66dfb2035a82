import type { Category, Commune, Territory } from '@/payload-types'
import { getSearchEngine } from '@/search'
import type { SearchQuery, SearchResult, SearchSort } from '@/search/types'

import type { CardRadius } from './cards'
import { parentId } from './directory'
import { sitePayload } from './payload'
import {
  ANNOUNCEMENT_SEGMENTS,
  KIND_BY_SEGMENT,
  PRICE_SEGMENTS,
  type SiteSearch,
  SORT_SEGMENTS,
} from '@/territories/urls'

export const RESULTS_PER_PAGE = 20

const invert = <K extends string, V extends string>(record: Record<K, V>) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [v, k])) as Record<V, K>
const ANNOUNCEMENT_BY_SEGMENT = invert(ANNOUNCEMENT_SEGMENTS)
const PRICE_BY_SEGMENT = invert(PRICE_SEGMENTS)
const SORT_BY_SEGMENT = invert(SORT_SEGMENTS)

export type SearchCentre = { latitude: number; longitude: number; label: string; radiusKm: number | null }

/** A search from the address bar, with its slugs resolved and the engine query built. */
export type ResolvedSearch = {
  search: SiteSearch
  category: Category | null
  commune: Commune | null
  centre: SearchCentre | null
  sort: SearchSort
  query: SearchQuery
}

/**
 * The kinds of entry asked for. Ticking an announcement kind (« Cherche de l’aide ») asks for
 * announcements: without a type, only them; with types, them too.
 */
function kindsOf(search: SiteSearch): SearchQuery['kinds'] {
  const kinds = (search.type ?? []).map((t) => KIND_BY_SEGMENT[t])
  if (search.annonce?.length && !kinds.includes('announcements')) kinds.push('announcements')
  return kinds.length ? kinds : undefined
}

export function resolveSearch(
  search: SiteSearch,
  territory: Territory,
  categories: Category[],
  communes: Commune[],
  limit = RESULTS_PER_PAGE,
): ResolvedSearch {
  const category = search.categorie ? (categories.find((c) => c.slug === search.categorie) ?? null) : null
  const commune = search.commune ? (communes.find((c) => c.slug === search.commune) ?? null) : null
  let centre: SearchCentre | null = null
  if (search.lat !== undefined && search.lng !== undefined) {
    centre = {
      latitude: search.lat,
      longitude: search.lng,
      label: 'votre position',
      radiusKm: search.rayon ?? territory.settings?.defaultRadiusKm ?? 10,
    }
  } else if (commune && search.rayon && commune.latitude != null && commune.longitude != null) {
    centre = { latitude: commune.latitude, longitude: commune.longitude, label: commune.name, radiusKm: search.rayon }
  }
  const sort: SearchSort = search.tri
    ? SORT_BY_SEGMENT[search.tri]
    : search.q
      ? 'relevance'
      : centre
        ? 'distance'
        : 'date'
  const query: SearchQuery = {
    territory: territory.id,
    ...(search.q ? { text: search.q } : {}),
    ...(category ? { categories: [category.id] } : {}),
    // Within a radius the commune is the centre; otherwise it filters (main commune or served).
    ...(commune && !centre ? { communes: [commune.id] } : {}),
    // Around a commune, the entries serving it (a delivery round, a home service) count as near.
    ...(centre
      ? {
          near: {
            latitude: centre.latitude,
            longitude: centre.longitude,
            radiusKm: centre.radiusKm ?? undefined,
            ...(commune && search.lat === undefined ? { servedCommune: commune.id } : {}),
          },
        }
      : {}),
    ...(kindsOf(search) ? { kinds: kindsOf(search) } : {}),
    ...(search.annonce?.length ? { announcementKinds: search.annonce.map((a) => ANNOUNCEMENT_BY_SEGMENT[a]) } : {}),
    ...(search.tarif?.length ? { priceTypes: search.tarif.map((p) => PRICE_BY_SEGMENT[p]) } : {}),
    sort: sort === 'distance' && !centre ? 'relevance' : sort,
    page: search.page ?? 1,
    limit,
  }
  return { search, category, commune, centre, sort: query.sort!, query }
}

/**
 * What the result cards need to say where a distance is measured from (« à 8 km de Formerie »)
 * and to tell a near entry from one that serves the commune (« intervient à Formerie »).
 */
export function cardRadiusOf({ centre, commune, query }: ResolvedSearch): CardRadius | null {
  if (!centre) return null
  const served = Boolean(query.near?.servedCommune && commune)
  return { radiusKm: served ? centre.radiusKm : null, servedCommuneName: served ? commune!.name : null, centreLabel: centre.label }
}

export async function runSearch(query: SearchQuery): Promise<SearchResult> {
  const payload = await sitePayload()
  return getSearchEngine(payload).search(query)
}

export type Suggestion = { href: string; label: string; count: number }

const RADIUS_STEPS = [5, 10, 20, 30, 50, 100]

/** Great-circle distance between two commune centres (km). */
function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const rad = Math.PI / 180
  const h =
    Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Communes nearest to a point, closest first. */
export function nearestCommunes(communes: Commune[], point: { latitude: number; longitude: number }, count: number, except?: number) {
  return communes
    .filter((c) => c.id !== except && c.latitude != null && c.longitude != null)
    .map((c) => ({ commune: c, km: distanceKm(point, { latitude: c.latitude!, longitude: c.longitude! }) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, count)
}

/**
 * What to try when nothing matched: a wider radius, the communes around, the parent
 * category, fewer filters. Each candidate is counted and only those with results are kept.
 */
export async function zeroResultSuggestions(
  resolved: ResolvedSearch,
  territory: Territory,
  categories: Category[],
  communes: Commune[],
  path: (changes: Partial<SiteSearch>) => string,
): Promise<Suggestion[]> {
  const { search, category, commune, centre } = resolved
  const candidates: Array<{ changes: Partial<SiteSearch>; label: string }> = []
  const point = centre ?? (commune?.latitude != null && commune.longitude != null ? { latitude: commune.latitude, longitude: commune.longitude } : null)
  if (centre?.radiusKm) {
    const wider = RADIUS_STEPS.find((km) => km > centre.radiusKm!)
    if (wider) candidates.push({ changes: { rayon: wider }, label: `Élargir la recherche à ${wider} km autour de ${centre.label}` })
  } else if (commune) {
    candidates.push({ changes: { rayon: 10 }, label: `Chercher à moins de 10 km de ${commune.name}` })
    candidates.push({ changes: { rayon: 30 }, label: `Chercher à moins de 30 km de ${commune.name}` })
  }
  if (point && commune) {
    for (const { commune: near, km } of nearestCommunes(communes, point, 3, commune.id)) {
      candidates.push({ changes: { commune: near.slug, rayon: undefined }, label: `Chercher à ${near.name} (à ${Math.round(km)} km)` })
    }
  }
  if (category) {
    const parent = parentId(category)
    const parentCategory = parent !== null ? categories.find((c) => c.id === parent) : undefined
    if (parentCategory) candidates.push({ changes: { categorie: parentCategory.slug ?? undefined }, label: `Chercher dans toute la catégorie « ${parentCategory.name} »` })
    candidates.push({ changes: { categorie: undefined }, label: 'Chercher dans toutes les catégories' })
  }
  if (search.type?.length || search.tarif?.length || search.annonce?.length) {
    candidates.push({ changes: { type: [], tarif: [], annonce: [] }, label: 'Retirer les filtres de type et de tarif' })
  }
  if (search.q && (commune || centre || category)) {
    candidates.push({
      changes: { categorie: undefined, commune: undefined, rayon: undefined, lat: undefined, lng: undefined, type: [], tarif: [], annonce: [] },
      label: `Chercher « ${search.q} » sur tout le territoire`,
    })
  }
  const seen = new Set<string>()
  const counted = await Promise.all(
    candidates.map(async ({ changes, label }) => {
      const next = { ...search, ...changes, page: undefined }
      const href = path(changes)
      if (seen.has(href)) return null
      seen.add(href)
      const { query } = resolveSearch(next, territory, categories, communes, 1)
      const { total } = await runSearch(query)
      return total > 0 ? { href, label, count: total } : null
    }),
  )
  return counted.filter((s): s is Suggestion => s !== null)
}
