/**
 * The filterable fields of every indexed entry, held in columns in memory by the SQLite
 * engine (SQLite is one process on one file): territory, kind, price, coordinates, expiry,
 * date, communes and categories. One pass over the candidates — all entries, or those FTS5
 * matched — applies the filters, the bounding box then the exact distance, and counts every
 * facet at once. Loaded from `search_entries`, patched on each write of this process and
 * reloaded when another process (a rebuild command) changed the index.
 */
import { boundingBox, haversineTermOfKm, kmOfHaversineTerm, unitVector } from '../geo'
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
 * `,id,id,` lists (an entry's communes, or its categories and their parents) ↔ small
 * integer codes, with the codes of each list's members: entries share a few hundred lists,
 * so the scan counts entries per list and adds them to the members' counts once at the end.
 */
class ListCodes {
  private readonly keys = new Codes()
  readonly members: Int32Array[] = []
  constructor(private readonly strings: Codes) {}
  get size(): number {
    return this.members.length
  }
  code(key: string): number {
    const code = this.keys.code(key)
    if (code === this.members.length) this.members.push(key ? Int32Array.from(key.split(',').filter(Boolean), (id) => this.strings.code(id)) : EMPTY)
    return code
  }
  /** Flags by list code of the lists holding a wanted member (null: no filter). */
  holding(want: Uint8Array | null): Uint8Array | null {
    if (want === null) return null
    return Uint8Array.from(this.members, (members) => (members.some((code) => want[code] === 1) ? 1 : 0))
  }
  /** Adds each list's count to each of its members' counts. */
  addToMembers(listCounts: Int32Array, counts: Int32Array): void {
    for (let list = 0; list < listCounts.length; list++) {
      const count = listCounts[list]!
      if (count > 0) for (const code of this.members[list]!) counts[code]! += count
    }
  }
}

/**
 * The columns as the scan reads them, rebuilt after writes: live entries only, stored
 * newest first (a search without words walks them in order and its first matches are the
 * page), numbers in typed arrays and each entry's communes and categories as the code of
 * its list (ListCodes), so that the pass over 100,000 entries touches memory in sequence.
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
  /** The point on the unit sphere (see unitVector), NaN without coordinates. */
  x: Float64Array
  y: Float64Array
  z: Float64Array
  expires: Float64Array
  updated: Float64Array
  communeSet: Int32Array
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
    x: noFloat,
    y: noFloat,
    z: noFloat,
    expires: noFloat,
    updated: noFloat,
    communeSet: none,
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
  x: number[] = []
  y: number[] = []
  z: number[] = []
  expires: number[] = []
  updated: number[] = []
  communeSet: number[] = []
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
  private scratch: MatchBuffers = { position: new Int32Array(0), score: new Float64Array(0), dist: new Float64Array(0) }
  private slotBuffer = new Int32Array(0)
  private candidateScratch = { positions: new Int32Array(0), scores: new Float64Array(0) }

  private readonly strings = new Codes()
  /** Commune sets (`commune_key`) by code. */
  private readonly communeSets = new ListCodes(this.strings)
  /** Category sets (`category_key`) by code, and the indexed words of each set's categories. */
  private readonly categorySets = new ListCodes(this.strings)
  private readonly categoryWords = new Map<number, string[]>()

  constructor(rows: Iterable<EntryRow> = []) {
    for (const row of rows) this.upsert(row)
  }

  /** Merges the rows written so far into the columns now rather than at the next scan (frees the staged rows). */
  build(): void {
    this.columns()
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
    ;[staged.x[i], staged.y[i], staged.z[i]] = unitVector({ latitude: staged.lat[i]!, longitude: staged.lng[i]! })
    staged.expires[i] = row.expires_at ? Date.parse(row.expires_at) : Number.POSITIVE_INFINITY
    staged.updated[i] = Date.parse(row.updated_at) || 0
    staged.communeSet[i] = this.communeSets.code(row.commune_key)
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
    const flags = new Uint8Array(this.categorySets.size)
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
    const rid = ints(old.rid, staged.rid)
    let maxRid = -1
    for (let k = 0; k < n; k++) if (rid[k]! > maxRid) maxRid = rid[k]!
    const positionOf = new Int32Array(maxRid + 1)
    for (let k = 0; k < n; k++) positionOf[rid[k]!] = k + 1
    this.frozen = {
      count: n,
      rid,
      positionOf,
      territory: ints(old.territory, staged.territory),
      kind: ints(old.kind, staged.kind),
      announcementKind: ints(old.announcementKind, staged.announcementKind),
      price: ints(old.price, staged.price),
      lat: floats(old.lat, staged.lat),
      lng: floats(old.lng, staged.lng),
      x: floats(old.x, staged.x),
      y: floats(old.y, staged.y),
      z: floats(old.z, staged.z),
      expires: floats(old.expires, staged.expires),
      updated: floats(old.updated, staged.updated),
      communeSet: ints(old.communeSet, staged.communeSet),
      categorySet: ints(old.categorySet, staged.categorySet),
    }
    this.staged = new Staged()
    this.replaced = new Set()
    return this.frozen
  }

  /** The plan's filters as codes of these columns; null when the territory has no entry. */
  private filter(plan: SearchPlan): Filter | null {
    const territory = this.strings.find(plan.territory)
    if (territory === undefined) return null
    /** Wanted codes as flags indexed by code (null: no filter). */
    const flags = (values: string[]) => {
      if (!values.length) return null
      const want = new Uint8Array(this.strings.values.length)
      for (const value of values) {
        const code = this.strings.find(value)
        if (code !== undefined) want[code] = 1
      }
      return want
    }
    const near = plan.near
    const radius = near?.radiusKm ?? null
    return {
      territory,
      now: Date.parse(plan.now),
      categorySets: this.categorySets.holding(flags(plan.categories)),
      communeSets: this.communeSets.holding(flags(plan.communes)),
      kinds: flags(plan.kinds),
      announcementKinds: flags(plan.announcementKinds),
      prices: flags(plan.priceTypes),
      announcements: this.strings.find('announcements') ?? -2,
      near: near
        ? {
            unit: unitVector(near),
            box: radius !== null ? boundingBox(near, radius) : null,
            // Compared with the haversine term, which grows with the distance: no asin or sqrt per entry.
            maxTerm: radius !== null ? haversineTermOfKm(radius) : Number.POSITIVE_INFINITY,
            served: near.servedCommune !== null ? this.communeSets.holding(flags([near.servedCommune])) : null,
          }
        : null,
    }
  }

  /** A zeroed array of one slot per position (left zeroed by its user). */
  private slots(size: number): Int32Array {
    return (this.slotBuffer = atLeast(this.slotBuffer, size, Int32Array))
  }

  /** Room for `n` candidates (position, score), reused from one scan to the next. */
  private candidateBuffers(n: number) {
    const room = this.candidateScratch
    room.positions = atLeast(room.positions, n, Int32Array)
    room.scores = atLeast(room.scores, n, Float64Array)
    return room
  }

  /** Room for `n` matches, reused from one scan to the next. */
  private buffers(n: number): MatchBuffers {
    const room = this.scratch
    room.position = atLeast(room.position, n, Int32Array)
    room.score = atLeast(room.score, n, Float64Array)
    room.dist = atLeast(room.dist, n, Float64Array)
    return room
  }

  /**
   * Filters and counts in one pass, then orders. `candidates` restricts the search to the
   * full-text matches (with their relevance); without it every entry of the territory is a
   * candidate, visited newest first. Returns every facet count, the total and the first
   * `keep` matches in the plan's order (`hasText`: relevance is the score).
   */
  scan(plan: SearchPlan, candidates: Candidates | null, keep = Number.POSITIVE_INFINITY): ScanResult {
    const codeCount = this.strings.values.length
    const counts: FacetCounts = {
      kinds: new Int32Array(codeCount),
      prices: new Int32Array(codeCount),
      communeSets: new Int32Array(this.communeSets.size),
      categorySets: new Int32Array(this.categorySets.size),
    }
    const named = (counts: Int32Array) => {
      const map = new Map<string, number>()
      for (let code = 0; code < counts.length; code++) if (counts[code]! > 0) map.set(this.strings.values[code]!, counts[code]!)
      return map
    }
    const result = (matches: Match[], total: number, nextExpiry: number): ScanResult => {
      const communes = new Int32Array(codeCount)
      const categories = new Int32Array(codeCount)
      this.communeSets.addToMembers(counts.communeSets, communes)
      this.categorySets.addToMembers(counts.categorySets, categories)
      return {
        matches,
        total,
        nextExpiry,
        facets: { categories: named(categories), communes: named(communes), kinds: named(counts.kinds), priceTypes: named(counts.prices) },
      }
    }
    const filter = this.filter(plan)
    if (filter === null) return result([], 0, Number.POSITIVE_INFINITY)

    const columns = this.columns()
    // Candidates: the full-text matches (position, score), or every position (newest first).
    let positions: Int32Array | null = null
    let scores: Float64Array | null = null
    let candidateCount = columns.count
    if (candidates) {
      const n = candidates.rids.length
      const room = this.candidateBuffers(n)
      positions = room.positions
      scores = room.scores
      let kept = 0
      if (n * SPARSE_CANDIDATES < columns.count) {
        for (let i = 0; i < n; i++) {
          const position = positionOfRid(columns.positionOf, candidates.rids[i]!)
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
          const position = positionOfRid(columns.positionOf, candidates.rids[i]!)
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
    const inDateOrder = !candidates && !plan.near
    const room = inDateOrder ? Math.min(keep, candidateCount) : candidateCount
    const buffers = this.buffers(room)
    const bonus = candidates?.categoryBonus ?? null
    const { kept, total, nextExpiry } = filterAndCount(columns, filter, positions, scores, candidateCount, bonus, room, buffers, counts)
    const { position: matchPosition, score: matchScore, dist: matchTerm } = buffers
    const { updated } = columns

    // Ordered by index into the match buffers; only the first `keep` become objects.
    let first: number[]
    if (inDateOrder) first = Array.from({ length: kept }, (_, i) => i)
    else {
      const order = plan.sort === 'date' ? 0 : plan.sort === 'distance' ? 1 : candidates ? 2 : 3
      first = firstMatches(order, kept, Math.min(keep, kept), buffers, columns)
    }
    const ridOf = (i: number) => columns.rid[matchPosition[i]!]!
    const matches = first.map((i) => ({
      rid: ridOf(i),
      score: matchScore[i]!,
      dist: Number.isNaN(matchTerm[i]!) ? null : kmOfHaversineTerm(matchTerm[i]!),
      updated: updated[matchPosition[i]!]!,
    }))
    return result(matches, total, nextExpiry)
  }
}

/** A plan's filters in the codes of the columns (flags indexed by code; null: no filter). */
type Filter = {
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
type FacetCounts = { kinds: Int32Array; prices: Int32Array; communeSets: Int32Array; categorySets: Int32Array }
type MatchBuffers = { position: Int32Array; score: Float64Array; dist: Float64Array }

/**
 * The pass itself, apart from the preparation and the ordering in `scan`, with what it
 * reads in locals: filters the candidates (every position when `positions` is null), counts
 * every facet, writes the first `room` matches (position, score, haversine term or NaN)
 * into `out`.
 */
function filterAndCount(
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
  const { territory: territories, kind: kinds, announcementKind, price: prices, lat, lng, x, y, z, expires } = columns
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
function firstMatches(order: 0 | 1 | 2 | 3, n: number, count: number, matches: MatchBuffers, columns: Frozen): number[] {
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

/**
 * The best `count` items offered, by four keys (higher first; each breaks the ties of the
 * one before): a bounded heap whose worst item is at the root, keys stored by heap slot.
 */
export class BestItems {
  private readonly keys: Float64Array
  private readonly items: Int32Array
  private size = 0
  /** The first key of the worst item kept once full (−∞ before): an item below it cannot enter. */
  floor = Number.NEGATIVE_INFINITY

  constructor(private readonly count: number) {
    this.keys = new Float64Array(4 * (count + 1))
    this.items = new Int32Array(count + 1)
  }

  offer(item: number, k1: number, k2: number, k3: number, k4: number): void {
    if (this.count <= 0) return
    const full = this.size === this.count
    // Written in the spare slot first, then compared with the root.
    const spare = this.count
    this.write(spare, item, k1, k2, k3, k4)
    if (!full) {
      this.move(spare, this.size)
      this.siftUp(this.size++)
    } else if (this.better(spare, 0)) {
      this.move(spare, 0)
      this.siftDown(0)
    }
    if (this.size === this.count) this.floor = this.keys[0]!
  }

  /** The items kept, best first. */
  inOrder(): number[] {
    const slots = Array.from({ length: this.size }, (_, slot) => slot)
    slots.sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0))
    return slots.map((slot) => this.items[slot]!)
  }

  private better(a: number, b: number): boolean {
    const keys = this.keys
    for (let k = 0; k < 4; k++) {
      const x = keys[4 * a + k]!
      const y = keys[4 * b + k]!
      if (x !== y) return x > y
    }
    return false
  }

  private write(slot: number, item: number, k1: number, k2: number, k3: number, k4: number): void {
    const at = 4 * slot
    this.keys[at] = k1
    this.keys[at + 1] = k2
    this.keys[at + 2] = k3
    this.keys[at + 3] = k4
    this.items[slot] = item
  }

  private move(from: number, to: number): void {
    this.keys.copyWithin(4 * to, 4 * from, 4 * from + 4)
    this.items[to] = this.items[from]!
  }

  private swap(a: number, b: number): void {
    const spare = this.count
    this.move(a, spare)
    this.move(b, a)
    this.move(spare, b)
  }

  /** The worst at the root: a slot goes up while its parent is better. */
  private siftUp(slot: number): void {
    while (slot > 0) {
      const parent = (slot - 1) >> 1
      if (!this.better(parent, slot)) return
      this.swap(parent, slot)
      slot = parent
    }
  }

  private siftDown(slot: number): void {
    for (;;) {
      const left = 2 * slot + 1
      const right = left + 1
      let worst = slot
      if (left < this.size && this.better(worst, left)) worst = left
      if (right < this.size && this.better(worst, right)) worst = right
      if (worst === slot) return
      this.swap(slot, worst)
      slot = worst
    }
  }
}

/** `array` when it holds `n` values, else a new zeroed one of at least twice its length (nothing copied). */
function atLeast<T extends Int32Array | Float64Array>(array: T, n: number, make: new (length: number) => T): T {
  return array.length >= n ? array : new make(Math.max(n, array.length * 2))
}

/** The position of a rowid in the columns, or −1 when it is not a live entry. */
function positionOfRid(positionOf: Int32Array, rid: number): number {
  return rid >= 0 && rid < positionOf.length ? positionOf[rid]! - 1 : -1
}
