/** The pass of EntryTable.scan over the columns: filters, facet counts, then the first matches in order. */
import type { boundingBox } from '../geo'

import type { Frozen } from './columns'
import { BestItems } from './topK'

/** A plan's filters in the codes of the columns (flags indexed by code; null: no filter). */
export type Filter = {
  territory: number
  now: number
  /** By category set code: the set holds a wanted category. */
  categorySets: Uint8Array | null
  /** By commune set code: the set holds a wanted commune. */
  communeSets: Uint8Array | null
  kinds: Uint8Array | null
  announcementKinds: Uint8Array | null
  prices: Uint8Array | null
  /** The code of the kind whose announcement kinds are filtered. */
  announcements: number
  /** `served`: flags by commune set code of the sets holding the served commune, kept outside the radius. */
  near: { unit: [number, number, number]; box: ReturnType<typeof boundingBox> | null; maxTerm: number; served: Uint8Array | null } | null
}
/** Entries counted by kind and price code, and by commune and category set code. */
export type FacetCounts = { kinds: Int32Array; prices: Int32Array; communeSets: Int32Array; categorySets: Int32Array }
export type MatchBuffers = { position: Int32Array; score: Float64Array; dist: Float64Array }

/**
 * The pass itself, apart from the preparation and the ordering in `scan`, with what it
 * reads in locals: filters the candidates (every position when `positions` is null), counts
 * every facet, writes the first `room` matches (position, score, haversine term or NaN)
 * into `out`.
 */
export function filterAndCount(
  columns: Frozen,
  filter: Filter,
  positions: Int32Array | null,
  scores: Float64Array | null,
  count: number,
  bonus: { sets: Uint8Array; weight: number } | null,
  room: number,
  out: MatchBuffers,
  counts: FacetCounts,
): { kept: number; total: number; nextExpiry: number } {
  const { territory: territories, kind: kinds, announcementKind, price: prices, lat, lng, x, y, z, expires, shows } = columns
  const { communeSet, categorySet } = columns
  const { territory, now, announcements, near } = filter
  const wantCategorySets = filter.categorySets
  const wantCommuneSets = filter.communeSets
  const wantKinds = filter.kinds
  const wantAnnouncementKinds = filter.announcementKinds
  const wantPrices = filter.prices
  const hasNear = near !== null
  const [nearX, nearY, nearZ] = near?.unit ?? [0, 0, 0]
  const box = near?.box ?? null
  const hasBox = box !== null
  const { minLat, maxLat, minLng, maxLng } = box ?? { minLat: 0, maxLat: 0, minLng: 0, maxLng: 0 }
  const maxTerm = near?.maxTerm ?? Number.POSITIVE_INFINITY
  const served = near?.served ?? null
  const bonusSets = bonus?.sets ?? null
  const bonusWeight = bonus?.weight ?? 0
  const kindCounts = counts.kinds
  const priceCounts = counts.prices
  const communeSetCounts = counts.communeSets
  const categorySetCounts = counts.categorySets
  const matchPosition = out.position
  const matchScore = out.score
  const matchTerm = out.dist
  let nextExpiry = Number.POSITIVE_INFINITY
  let kept = 0
  let total = 0

  for (let c = 0; c < count; c++) {
    const p = positions === null ? c : positions[c]!
    if (territories[p] !== territory) continue
    const expiry = expires[p]!
    if (expiry <= now) continue
    if (expiry < nextExpiry) nextExpiry = expiry
    // A notice before its first day: hidden, and the result holds only until that day.
    const shown = shows[p]!
    if (shown > now) {
      if (shown < nextExpiry) nextExpiry = shown
      continue
    }
    let term = Number.NaN
    if (hasNear) {
      // An entry serving the searched commune stays whatever its distance.
      const serves = served !== null && served[communeSet[p]!] === 1
      if (hasBox && !serves) {
        // NaN (no coordinates) passes these tests, and fails the radius after.
        const la = lat[p]!
        if (la < minLat || la > maxLat) continue
        const ln = lng[p]!
        if (ln < minLng || ln > maxLng) continue
      }
      const dx = x[p]! - nearX
      const dy = y[p]! - nearY
      const dz = z[p]! - nearZ
      term = (dx * dx + dy * dy + dz * dz) / 4
      if (hasBox && !serves && !(term <= maxTerm)) continue
    }
    const kind = kinds[p]!
    const price = prices[p]!
    const communes = communeSet[p]!
    const categories = categorySet[p]!
    const fCat = wantCategorySets === null || wantCategorySets[categories] === 1
    const fCom = wantCommuneSets === null || wantCommuneSets[communes] === 1
    const fKind =
      (wantKinds === null || wantKinds[kind] === 1) &&
      (wantAnnouncementKinds === null || kind !== announcements || wantAnnouncementKinds[announcementKind[p]!] === 1)
    const fPrice = wantPrices === null || (price >= 0 && wantPrices[price] === 1)
    // Each facet ignores its own filter, so that other values stay selectable.
    if (fCat && fCom && fPrice) kindCounts[kind]!++
    if (fCat && fCom && fKind && price >= 0) priceCounts[price]!++
    if (fCat && fKind && fPrice) communeSetCounts[communes]!++
    if (fCom && fKind && fPrice) categorySetCounts[categories]!++
    if (fCat && fCom && fKind && fPrice) {
      total++
      if (kept < room) {
        matchPosition[kept] = p
        matchScore[kept] = scores === null ? 0 : scores[c]! + (bonusSets !== null && bonusSets[categories] === 1 ? bonusWeight : 0)
        matchTerm[kept++] = term
      }
    }
  }
  return { kept, total, nextExpiry }
}

/**
 * The first `count` matches in the order `order`, by keys where higher is better (distance
 * negated, none = −∞; rid last): 0 date, score; 1 distance, score; 2 score, distance, date;
 * 3 distance, date. Only the matches whose first key reaches the worst kept so far get
 * their other keys computed.
 */
export function firstMatches(order: 0 | 1 | 2 | 3, n: number, count: number, matches: MatchBuffers, columns: Frozen): number[] {
  const top = new BestItems(count)
  const { position, score: scores, dist: terms } = matches
  const { updated, rid } = columns
  for (let i = 0; i < n; i++) {
    const p = position[i]!
    const nearness = Number.isNaN(terms[i]!) ? Number.NEGATIVE_INFINITY : -terms[i]!
    const first = order === 0 ? updated[p]! : order === 2 ? scores[i]! : nearness
    if (first < top.floor) continue
    const second = order === 0 || order === 1 ? scores[i]! : order === 2 ? nearness : updated[p]!
    top.offer(i, first, second, order === 2 ? updated[p]! : 0, rid[p]!)
  }
  return top.inOrder()
}
