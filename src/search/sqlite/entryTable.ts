/**
 * The filterable fields of every indexed entry, held in columns in memory by the SQLite
 * engine (SQLite is one process on one file): territory, kind, price, coordinates, expiry, start,
 * date, communes and categories. One pass over the candidates — all entries, or those FTS5
 * matched — applies the filters, the bounding box then the exact distance, and counts every
 * facet at once. Loaded from `search_entries`, patched on each write of this process and
 * reloaded when another process (a rebuild command) changed the index.
 */
import { boundingBox, haversineTermOfKm, kmOfHaversineTerm, unitVector } from '../geo'
import type { SearchPlan } from '../query'

import { Codes, ListCodes } from './codes'
import { emptyColumns, type Frozen, Staged } from './columns'
import { type FacetCounts, type Filter, filterAndCount, firstMatches, type MatchBuffers } from './scan'

export type EntryRow = {
  rid: number
  territory: string
  kind: string
  announcement_kind: string | null
  price_type: string | null
  latitude: number | null
  longitude: number | null
  expires_at: string | null
  /** A notice's first public instant (hidden before it). */
  shown_from: string | null
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
  /** The earliest expiry or notice start (ms) after `plan.now` among the candidates: the result holds until then. */
  nextExpiry: number
  facets: { categories: Map<string, number>; communes: Map<string, number>; kinds: Map<string, number>; priceTypes: Map<string, number> }
}

/**
 * Below one full-text match per this many entries, matches are visited in the order they
 * came (too few for the order of memory reads to matter, and no sweep of every position).
 */
const SPARSE_CANDIDATES = 32

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
    staged.shows[i] = row.shown_from ? Date.parse(row.shown_from) : Number.NEGATIVE_INFINITY
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
      shows: floats(old.shows, staged.shows),
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

/** `array` when it holds `n` values, else a new zeroed one of at least twice its length (nothing copied). */
function atLeast<T extends Int32Array | Float64Array>(array: T, n: number, make: new (length: number) => T): T {
  return array.length >= n ? array : new make(Math.max(n, array.length * 2))
}

/** The position of a rowid in the columns, or −1 when it is not a live entry. */
function positionOfRid(positionOf: Int32Array, rid: number): number {
  return rid >= 0 && rid < positionOf.length ? positionOf[rid]! - 1 : -1
}
