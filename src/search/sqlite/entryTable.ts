/**
 * The filterable fields of every indexed entry, held in columns in memory by the SQLite
 * engine (SQLite is one process on one file): territory, kind, price, coordinates, expiry,
 * date, communes and categories. One pass over the candidates — all entries, or those FTS5
 * matched — applies the filters, the bounding box then the exact distance, and counts every
 * facet at once. Loaded from `search_entries`, patched on each write of this process and
 * reloaded when another process (a rebuild command) changed the index.
 */
import { boundingBox, haversineTermOfKm, kmOfHaversineTerm } from '../geo'
import type { SearchPlan } from '../query'

export type EntryRow = {
  rid: number
  territory: string
  kind: string
  announcement_kind: string | null
  price_type: string | null
  latitude: number | null
  longitude: number | null
  expires_at: string | null
  updated_at: string
  category_key: string
  commune_key: string
}

export type Match = { rid: number; score: number; dist: number | null; updated: number }
/**
 * Full-text matches: rowids of `search_entries` and their relevance, in step, plus a bonus
 * for the entries whose category set matched (flags indexed by category set code, see
 * `categorySetsMatching`).
 */
export type Candidates = { rids: ArrayLike<number>; scores: ArrayLike<number>; categoryBonus?: { sets: Uint8Array; weight: number } }
export type ScanResult = {
  matches: Match[]
  total: number
  /** The earliest expiry (ms) after `plan.now` among the candidates: the result holds until then. */
  nextExpiry: number
  facets: { categories: Map<string, number>; communes: Map<string, number>; kinds: Map<string, number>; priceTypes: Map<string, number> }
}

const EMPTY = new Int32Array(0)
/**
 * Below one full-text match per this many entries, matches are visited in the order they
 * came (too few for the order of memory reads to matter, and no sweep of every position).
 */
const SPARSE_CANDIDATES = 32
const RAD = Math.PI / 180

/** String ↔ small integer codes, so that columns hold numbers. */
class Codes {
  readonly values: string[] = []
  private readonly codes = new Map<string, number>()
  code(value: string): number {
    let code = this.codes.get(value)
    if (code === undefined) {
      code = this.values.length
      this.values.push(value)
      this.codes.set(value, code)
    }
    return code
  }
  find(value: string): number | undefined {
    return this.codes.get(value)
  }
}

/**
 * The columns as the scan reads them, rebuilt after writes: live entries only, stored
 * newest first (a search without words walks them in order and its first matches are the
 * page), numbers in typed arrays and each entry's communes and categories as a range of
 * one flat array, so that the pass over 100,000 entries touches memory in sequence.
 */
type Frozen = {
  count: number
  rid: Int32Array
  /** rid → position + 1 (0: not a live entry). */
  positionOf: Int32Array
  territory: Int32Array
  kind: Int32Array
  announcementKind: Int32Array
  price: Int32Array
  lat: Float64Array
  lng: Float64Array
  cosLat: Float64Array
  expires: Float64Array
  updated: Float64Array
  communeStart: Int32Array
  communeCodes: Int32Array
  categoryStart: Int32Array
  categoryCodes: Int32Array
  categorySet: Int32Array
}

/** The columns of no entry. */
function emptyColumns(): Frozen {
  const none = new Int32Array(0)
  const noFloat = new Float64Array(0)
  return {
    count: 0,
    rid: none,
    positionOf: none,
    territory: none,
    kind: none,
    announcementKind: none,
    price: none,
    lat: noFloat,
    lng: noFloat,
    cosLat: noFloat,
    expires: noFloat,
    updated: noFloat,
    communeStart: new Int32Array(1),
    communeCodes: none,
    categoryStart: new Int32Array(1),
    categoryCodes: none,
    categorySet: none,
  }
}

/** Rows written since the columns were last built, in the order they came, until the next scan merges them in. */
class Staged {
  rid: number[] = []
  alive: boolean[] = []
  territory: number[] = []
  kind: number[] = []
  announcementKind: number[] = []
  price: number[] = []
  lat: number[] = []
  lng: number[] = []
  expires: number[] = []
  updated: number[] = []
  communes: Int32Array[] = []
  categories: Int32Array[] = []
  categorySet: number[] = []
  /** rid → index in these arrays. */
  readonly indexOf = new Map<number, number>()
}

export class EntryTable {
  /** The only lasting copy of the entries (a search thread holds one per index). */
  private frozen: Frozen = emptyColumns()
  private staged = new Staged()
  /** rids whose row in `frozen` is gone: removed, or written again in `staged`. */
  private replaced = new Set<number>()
  /** Match buffers reused from one scan to the next (a scan runs to its end synchronously). */
  private scratch = { position: new Int32Array(0), score: new Float64Array(0), dist: new Float64Array(0) }
  private slotBuffer = new Int32Array(0)
  private sortKeys: SortKeys = [new Float64Array(0), new Float64Array(0), new Float64Array(0), new Float64Array(0)]

  private readonly strings = new Codes()
  /** Shared arrays for identical `,id,` lists (most entries share their category set). */
  private readonly lists = new Map<string, Int32Array>()
  /** Category sets (`category_key`) by code, and the indexed words of each set's categories. */
  private readonly categorySets = new Codes()
  private readonly categoryWords = new Map<number, string[]>()

  constructor(rows: Iterable<EntryRow> = []) {
    for (const row of rows) this.upsert(row)
  }

  /** Merges the rows written so far into the columns now rather than at the next scan (frees the staged rows). */
  build(): void {
    this.columns()
  }

  private list(key: string): Int32Array {
    if (!key) return EMPTY
    let list = this.lists.get(key)
    if (!list) {
      list = Int32Array.from(key.split(',').filter(Boolean), (id) => this.strings.code(id))
      this.lists.set(key, list)
    }
    return list
  }

  private code(value: string | null): number {
    return value === null ? -1 : this.strings.code(value)
  }

  upsert(row: EntryRow): void {
    const staged = this.staged
    let i = staged.indexOf.get(row.rid)
    if (i === undefined) {
      i = staged.rid.length
      staged.indexOf.set(row.rid, i)
      staged.rid.push(row.rid)
    }
    staged.alive[i] = true
    staged.territory[i] = this.code(row.territory)
    staged.kind[i] = this.code(row.kind)
    staged.announcementKind[i] = this.code(row.announcement_kind)
    staged.price[i] = this.code(row.price_type)
    staged.lat[i] = row.latitude ?? Number.NaN
    staged.lng[i] = row.longitude ?? Number.NaN
    staged.expires[i] = row.expires_at ? Date.parse(row.expires_at) : Number.POSITIVE_INFINITY
    staged.updated[i] = Date.parse(row.updated_at) || 0
    staged.communes[i] = this.list(row.commune_key)
    staged.categories[i] = this.list(row.category_key)
    staged.categorySet[i] = this.categorySets.code(row.category_key)
    this.replaced.add(row.rid)
  }

  remove(rid: number): void {
    const i = this.staged.indexOf.get(rid)
    if (i !== undefined) this.staged.alive[i] = false
    this.replaced.add(rid)
  }

  /** The indexed text of a category set (names and keywords of its categories, as in the full-text index). */
  setCategoryText(key: string, text: string): void {
    this.categoryWords.set(this.categorySets.code(key), text.split(' ').filter(Boolean))
  }

  /**
   * Flags, by category set code, of the sets whose categories' words match a full-text
   * query: every group (AND) or one group (OR) has a term that begins one of their words,
   * as FTS5 matches `"term"*` in the categories column.
   */
  categorySetsMatching(groups: string[][], operator: 'AND' | 'OR'): Uint8Array {
    const flags = new Uint8Array(this.categorySets.values.length)
    if (groups.length === 0) return flags
    const groupMatches = (words: string[], group: string[]) => group.some((term) => words.some((word) => word.startsWith(term)))
    for (const [code, words] of this.categoryWords) {
      const matched = operator === 'AND' ? groups.every((group) => groupMatches(words, group)) : groups.some((group) => groupMatches(words, group))
      if (matched) flags[code] = 1
    }
    return flags
  }

  /**
   * The columns, with the rows written since the last scan merged in: the built positions
   * that still hold (already newest first) and the staged rows, sorted, are merged.
   */
  private columns(): Frozen {
    if (this.replaced.size === 0) return this.frozen
    const old = this.frozen
    const staged = this.staged
    const fresh: number[] = []
    for (let i = 0; i < staged.rid.length; i++) if (staged.alive[i]) fresh.push(i)
    fresh.sort((a, b) => staged.updated[b]! - staged.updated[a]! || staged.rid[b]! - staged.rid[a]!)
    const kept: number[] = []
    for (let p = 0; p < old.count; p++) if (!this.replaced.has(old.rid[p]!)) kept.push(p)
    // Where each new position comes from: an old position (≥ 0) or a staged row (~index, < 0).
    const n = kept.length + fresh.length
    const from = new Int32Array(n)
    for (let k = 0, a = 0, b = 0; k < n; k++) {
      let takeOld = b >= fresh.length
      if (a < kept.length && b < fresh.length) {
        const p = kept[a]!
        const i = fresh[b]!
        const newer = old.updated[p]! - staged.updated[i]!
        takeOld = newer > 0 || (newer === 0 && old.rid[p]! > staged.rid[i]!)
      }
      from[k] = takeOld ? kept[a++]! : ~fresh[b++]!
    }
    const ints = (built: Int32Array, rows: number[]) => Int32Array.from(from, (f) => (f >= 0 ? built[f]! : rows[~f]!))
    const floats = (built: Float64Array, rows: number[]) => Float64Array.from(from, (f) => (f >= 0 ? built[f]! : rows[~f]!))
    const flat = (start: Int32Array, codes: Int32Array, rows: Int32Array[]) => {
      const list = (f: number) => (f >= 0 ? codes.subarray(start[f]!, start[f + 1]!) : rows[~f]!)
      const newStart = new Int32Array(n + 1)
      for (let k = 0; k < n; k++) newStart[k + 1] = newStart[k]! + list(from[k]!).length
      const newCodes = new Int32Array(newStart[n]!)
      for (let k = 0; k < n; k++) newCodes.set(list(from[k]!), newStart[k]!)
      return { start: newStart, codes: newCodes }
    }
    const rid = ints(old.rid, staged.rid)
    let maxRid = -1
    for (let k = 0; k < n; k++) if (rid[k]! > maxRid) maxRid = rid[k]!
    const positionOf = new Int32Array(maxRid + 1)
    for (let k = 0; k < n; k++) positionOf[rid[k]!] = k + 1
    const lat = floats(old.lat, staged.lat)
    const communes = flat(old.communeStart, old.communeCodes, staged.communes)
    const categories = flat(old.categoryStart, old.categoryCodes, staged.categories)
    this.frozen = {
      count: n,
      rid,
      positionOf,
      territory: ints(old.territory, staged.territory),
      kind: ints(old.kind, staged.kind),
      announcementKind: ints(old.announcementKind, staged.announcementKind),
      price: ints(old.price, staged.price),
      lat,
      lng: floats(old.lng, staged.lng),
      cosLat: Float64Array.from(lat, (value) => Math.cos(value * RAD)),
      expires: floats(old.expires, staged.expires),
      updated: floats(old.updated, staged.updated),
      communeStart: communes.start,
      communeCodes: communes.codes,
      categoryStart: categories.start,
      categoryCodes: categories.codes,
      categorySet: ints(old.categorySet, staged.categorySet),
    }
    this.staged = new Staged()
    this.replaced = new Set()
    return this.frozen
  }

  /** Room for the sort keys of `n` matches, in buffers reused from one scan to the next. */
  private keyBuffers(n: number): SortKeys {
    if (this.sortKeys[0].length < n) {
      const length = Math.max(n, this.sortKeys[0].length * 2)
      this.sortKeys = [new Float64Array(length), new Float64Array(length), new Float64Array(length), new Float64Array(length)]
    }
    return this.sortKeys
  }

  /** A zeroed array of one slot per position (left zeroed by its user). */
  private slots(size: number): Int32Array {
    if (this.slotBuffer.length < size) this.slotBuffer = new Int32Array(size)
    return this.slotBuffer
  }

  private buffers(size: number) {
    if (this.scratch.position.length < size) {
      const length = Math.max(size, this.scratch.position.length * 2)
      this.scratch = { position: new Int32Array(length), score: new Float64Array(length), dist: new Float64Array(length) }
    }
    return this.scratch
  }

  /**
   * Filters and counts in one pass, then orders. `candidates` restricts the search to the
   * full-text matches (with their relevance); without it every entry of the territory is a
   * candidate, visited newest first. Returns every facet count, the total and the first
   * `keep` matches in the plan's order (`hasText`: relevance is the score).
   */
  scan(plan: SearchPlan, candidates: Candidates | null, keep = Number.POSITIVE_INFINITY): ScanResult {
    const territory = this.strings.find(plan.territory)
    const codeCount = this.strings.values.length
    const kindCounts = new Int32Array(codeCount)
    const priceCounts = new Int32Array(codeCount)
    const communeCounts = new Int32Array(codeCount)
    const categoryCounts = new Int32Array(codeCount)
    const named = (counts: Int32Array) => {
      const map = new Map<string, number>()
      for (let code = 0; code < counts.length; code++) if (counts[code]! > 0) map.set(this.strings.values[code]!, counts[code]!)
      return map
    }
    let nextExpiry = Number.POSITIVE_INFINITY
    const result = (matches: Match[], total: number): ScanResult => ({
      matches,
      total,
      nextExpiry,
      facets: { categories: named(categoryCounts), communes: named(communeCounts), kinds: named(kindCounts), priceTypes: named(priceCounts) },
    })
    if (territory === undefined) return result([], 0)

    const columns = this.columns()
    const { territory: territories, kind: kinds, announcementKind, price: prices, lat, lng, cosLat, expires, updated } = columns
    const { communeStart, communeCodes, categoryStart, categoryCodes, categorySet, positionOf } = columns
    const bonusSets = candidates?.categoryBonus?.sets
    const bonus = candidates?.categoryBonus?.weight ?? 0
    const now = Date.parse(plan.now)
    /** Wanted codes as flags indexed by code (null: no filter). */
    const flags = (values: string[]) => {
      if (!values.length) return null
      const want = new Uint8Array(codeCount)
      for (const value of values) {
        const code = this.strings.find(value)
        if (code !== undefined) want[code] = 1
      }
      return want
    }
    const wantCategories = flags(plan.categories)
    const wantCommunes = flags(plan.communes)
    const wantKinds = flags(plan.kinds)
    const wantAnnouncementKinds = flags(plan.announcementKinds)
    const wantPrices = flags(plan.priceTypes)
    const announcements = this.strings.find('announcements') ?? -2
    const near = plan.near
    const nearLat = near?.latitude ?? 0
    const nearLng = near?.longitude ?? 0
    const nearCos = Math.cos(nearLat * RAD)
    const radius = near?.radiusKm ?? null
    const box = near && radius !== null ? boundingBox(near, radius) : null
    // Compared with the haversine term, which grows with the distance: no asin or sqrt per entry.
    const maxTerm = radius !== null ? haversineTermOfKm(radius) : Number.POSITIVE_INFINITY
    const hasAny = (codes: Int32Array, from: number, to: number, want: Uint8Array) => {
      for (let i = from; i < to; i++) if (want[codes[i]!] === 1) return true
      return false
    }

    // Candidates: the full-text matches (position, score), or every position (newest first).
    let positions: Int32Array | null = null
    let scores: Float64Array | null = null
    let candidateCount = columns.count
    if (candidates) {
      const n = candidates.rids.length
      positions = new Int32Array(n)
      scores = new Float64Array(n)
      let kept = 0
      if (n * SPARSE_CANDIDATES < columns.count) {
        for (let i = 0; i < n; i++) {
          const position = positionOfRid(positionOf, candidates.rids[i]!)
          if (position < 0) continue
          positions[kept] = position
          scores[kept++] = candidates.scores[i]!
        }
      } else {
        // Many matches: visited in position order, so that the pass reads each column
        // forwards instead of at random (rowid order is not date order); each match is
        // marked at its position, then one sweep collects them.
        const slot = this.slots(columns.count)
        for (let i = 0; i < n; i++) {
          const position = positionOfRid(positionOf, candidates.rids[i]!)
          if (position >= 0) slot[position] = i + 1
        }
        for (let p = 0; p < columns.count; p++) {
          const i = slot[p]!
          if (i === 0) continue
          slot[p] = 0
          positions[kept] = p
          scores[kept++] = candidates.scores[i - 1]!
        }
      }
      candidateCount = kept
    }
    // Visited newest first with nothing else to order by: the first matches are the page.
    const inDateOrder = !candidates && !near
    const room = inDateOrder ? Math.min(keep, candidateCount) : candidateCount
    const { position: matchPosition, score: matchScore, dist: matchTerm } = this.buffers(room)
    let kept = 0
    let total = 0

    for (let c = 0; c < candidateCount; c++) {
      const p = positions === null ? c : positions[c]!
      if (territories[p] !== territory) continue
      const expiry = expires[p]!
      if (expiry <= now) continue
      if (expiry < nextExpiry) nextExpiry = expiry
      let term = Number.NaN
      if (near) {
        const la = lat[p]!
        const ln = lng[p]!
        if (Number.isNaN(la) || Number.isNaN(ln)) {
          if (box) continue
        } else {
          if (box && (la < box.minLat || la > box.maxLat || ln < box.minLng || ln > box.maxLng)) continue
          const sinLat = Math.sin(((la - nearLat) * RAD) / 2)
          const sinLng = Math.sin(((ln - nearLng) * RAD) / 2)
          term = sinLat * sinLat + nearCos * cosLat[p]! * sinLng * sinLng
          if (term > maxTerm) continue
        }
      }
      const kind = kinds[p]!
      const price = prices[p]!
      const communesFrom = communeStart[p]!
      const communesTo = communeStart[p + 1]!
      const categoriesFrom = categoryStart[p]!
      const categoriesTo = categoryStart[p + 1]!
      const fCat = wantCategories === null || hasAny(categoryCodes, categoriesFrom, categoriesTo, wantCategories)
      const fCom = wantCommunes === null || hasAny(communeCodes, communesFrom, communesTo, wantCommunes)
      const fKind =
        (wantKinds === null || wantKinds[kind] === 1) &&
        (wantAnnouncementKinds === null || kind !== announcements || wantAnnouncementKinds[announcementKind[p]!] === 1)
      const fPrice = wantPrices === null || (price >= 0 && wantPrices[price] === 1)
      // Each facet ignores its own filter, so that other values stay selectable.
      if (fCat && fCom && fPrice) kindCounts[kind]!++
      if (fCat && fCom && fKind && price >= 0) priceCounts[price]!++
      if (fCat && fKind && fPrice) for (let i = communesFrom; i < communesTo; i++) communeCounts[communeCodes[i]!]!++
      if (fCom && fKind && fPrice) for (let i = categoriesFrom; i < categoriesTo; i++) categoryCounts[categoryCodes[i]!]!++
      if (fCat && fCom && fKind && fPrice) {
        total++
        if (kept < room) {
          matchPosition[kept] = p
          matchScore[kept] = scores ? scores[c]! + (bonusSets !== undefined && bonusSets[categorySet[p]!] === 1 ? bonus : 0) : 0
          matchTerm[kept++] = term
        }
      }
    }

    // Ordered by index into the match buffers, on keys where higher is better (distance
    // negated, none = −∞, rid last); only the first `keep` become objects.
    let first: number[]
    if (inDateOrder) first = Array.from({ length: kept }, (_, i) => i)
    else {
      const keys = this.keyBuffers(kept)
      const [k1, k2, k3, k4] = keys
      const order = plan.sort === 'date' ? 0 : plan.sort === 'distance' ? 1 : candidates ? 2 : 3
      for (let i = 0; i < kept; i++) {
        const p = matchPosition[i]!
        const nearness = Number.isNaN(matchTerm[i]!) ? Number.NEGATIVE_INFINITY : -matchTerm[i]!
        const score = matchScore[i]!
        const date = updated[p]!
        k1[i] = order === 0 ? date : order === 2 ? score : nearness
        k2[i] = order === 0 || order === 1 ? score : order === 2 ? nearness : date
        k3[i] = order === 2 ? date : 0
        k4[i] = columns.rid[p]!
      }
      first = firstByKeys(kept, Math.min(keep, kept), keys)
    }
    const ridOf = (i: number) => columns.rid[matchPosition[i]!]!
    const matches = first.map((i) => ({
      rid: ridOf(i),
      score: matchScore[i]!,
      dist: Number.isNaN(matchTerm[i]!) ? null : kmOfHaversineTerm(matchTerm[i]!),
      updated: updated[matchPosition[i]!]!,
    }))
    return result(matches, total)
  }
}

/** The position of a rowid in the columns, or −1 when it is not a live entry. */
function positionOfRid(positionOf: Int32Array, rid: number): number {
  return rid >= 0 && rid < positionOf.length ? positionOf[rid]! - 1 : -1
}

/** Four sort keys of each of `n` items, higher first: the first decides, the next break ties. */
export type SortKeys = readonly [Float64Array, Float64Array, Float64Array, Float64Array]

/**
 * The indices of the first `count` of `n` items by their keys (highest first), without
 * sorting them all: a bounded heap of the best so far, whose worst is at the root, so that
 * most items cost one comparison of their first key.
 */
export function firstByKeys(n: number, count: number, [k1, k2, k3, k4]: SortKeys): number[] {
  const better = (a: number, b: number) =>
    k1[a]! > k1[b]! ||
    (k1[a] === k1[b] && (k2[a]! > k2[b]! || (k2[a] === k2[b] && (k3[a]! > k3[b]! || (k3[a] === k3[b] && k4[a]! > k4[b]!)))))
  const inOrder = (a: number, b: number) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)
  if (count <= 0) return []
  const heap: number[] = []
  for (let item = 0; item < n; item++) {
    if (heap.length < count) {
      heap.push(item)
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1
        if (!better(heap[parent]!, heap[i]!)) break
        ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
        i = parent
      }
    } else if (better(item, heap[0]!)) {
      heap[0] = item
      for (let i = 0; ; ) {
        const l = 2 * i + 1
        const r = l + 1
        let worst = i
        if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l
        if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r
        if (worst === i) break
        ;[heap[i], heap[worst]] = [heap[worst]!, heap[i]!]
        i = worst
      }
    }
  }
  return heap.sort(inOrder)
}
