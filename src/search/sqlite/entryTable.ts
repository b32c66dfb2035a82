/**
 * The filterable fields of every indexed entry, held in columns in memory by the SQLite
 * engine (SQLite is one process on one file): territory, kind, price, coordinates, expiry,
 * date, communes and categories. One pass over the candidates — all entries, or those FTS5
 * matched — applies the filters, the bounding box then the exact distance, and counts every
 * facet at once. Loaded from `search_entries`, patched on each write of this process and
 * reloaded when another process (a rebuild command) changed the index.
 */
import { boundingBox, EARTH_RADIUS_KM } from '../geo'
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
/** Full-text matches: rowids of `search_entries` and their relevance, in step. */
export type Candidates = { rids: ArrayLike<number>; scores: ArrayLike<number> }
export type ScanResult = {
  matches: Match[]
  total: number
  /** The earliest expiry (ms) after `plan.now` among the candidates: the result holds until then. */
  nextExpiry: number
  facets: { categories: Map<string, number>; communes: Map<string, number>; kinds: Map<string, number>; priceTypes: Map<string, number> }
}

const EMPTY = new Int32Array(0)
const RAD = Math.PI / 180

/** Haversine distance in km (as geo.haversineKm, without allocating points in the hot loop). */
function haversine(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const sinLat = Math.sin(((lat2 - lat1) * RAD) / 2)
  const sinLng = Math.sin(((lng2 - lng1) * RAD) / 2)
  const h = sinLat * sinLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sinLng * sinLng
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

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

export class EntryTable {
  /** rid → slot + 1 (0: not held); rids are small consecutive integers (SQLite rowids). */
  private slotOf = new Int32Array(1024)
  private count = 0
  private rid: number[] = []
  private alive: boolean[] = []
  private territory: number[] = []
  private kind: number[] = []
  private announcementKind: number[] = []
  private price: number[] = []
  private lat: number[] = []
  private lng: number[] = []
  private expires: number[] = []
  private updated: number[] = []
  private communes: Int32Array[] = []
  private categories: Int32Array[] = []

  private readonly strings = new Codes()
  /** Shared arrays for identical `,id,` lists (most entries share their category set). */
  private readonly lists = new Map<string, Int32Array>()

  constructor(rows: Iterable<EntryRow> = []) {
    for (const row of rows) this.upsert(row)
  }

  get size(): number {
    return this.count
  }

  /** The slot of a rowid, or -1. */
  slot(rid: number): number {
    return rid >= 0 && rid < this.slotOf.length ? this.slotOf[rid]! - 1 : -1
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
    let slot = this.slot(row.rid)
    if (slot < 0) {
      slot = this.rid.length
      if (row.rid >= this.slotOf.length) {
        const grown = new Int32Array(Math.max(row.rid + 1, this.slotOf.length * 2))
        grown.set(this.slotOf)
        this.slotOf = grown
      }
      this.slotOf[row.rid] = slot + 1
      this.rid.push(row.rid)
      this.count++
    }
    this.alive[slot] = true
    this.territory[slot] = this.code(row.territory)
    this.kind[slot] = this.code(row.kind)
    this.announcementKind[slot] = this.code(row.announcement_kind)
    this.price[slot] = this.code(row.price_type)
    this.lat[slot] = row.latitude ?? Number.NaN
    this.lng[slot] = row.longitude ?? Number.NaN
    this.expires[slot] = row.expires_at ? Date.parse(row.expires_at) : Number.POSITIVE_INFINITY
    this.updated[slot] = Date.parse(row.updated_at) || 0
    this.communes[slot] = this.list(row.commune_key)
    this.categories[slot] = this.list(row.category_key)
    this.frozen = null
  }

  remove(rid: number): void {
    const slot = this.slot(rid)
    if (slot < 0) return
    this.alive[slot] = false
    this.slotOf[rid] = 0
    this.count--
    this.frozen = null
  }

  /** Typed copies of the columns for the scan, rebuilt after writes. */
  private frozen: {
    alive: Uint8Array
    territory: Int32Array
    kind: Int32Array
    announcementKind: Int32Array
    price: Int32Array
    lat: Float64Array
    lng: Float64Array
    expires: Float64Array
    updated: Float64Array
    byDate: Int32Array
  } | null = null

  private columns() {
    if (!this.frozen) {
      const n = this.rid.length
      const alive = Uint8Array.from(this.alive, (a) => (a ? 1 : 0))
      const slots: number[] = []
      for (let s = 0; s < n; s++) if (alive[s]) slots.push(s)
      slots.sort((a, b) => this.updated[b]! - this.updated[a]! || this.rid[b]! - this.rid[a]!)
      this.frozen = {
        alive,
        territory: Int32Array.from(this.territory),
        kind: Int32Array.from(this.kind),
        announcementKind: Int32Array.from(this.announcementKind),
        price: Int32Array.from(this.price),
        lat: Float64Array.from(this.lat),
        lng: Float64Array.from(this.lng),
        expires: Float64Array.from(this.expires),
        updated: Float64Array.from(this.updated),
        byDate: Int32Array.from(slots),
      }
    }
    return this.frozen
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

    const { alive, territory: territories, kind: kinds, announcementKind, price: prices, lat, lng, expires, updated, byDate } = this.columns()
    const communes = this.communes
    const categories = this.categories
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
    const radius = near?.radiusKm ?? null
    const box = near && radius !== null ? boundingBox(near, radius) : null
    const hasAny = (list: Int32Array, want: Uint8Array) => {
      for (let i = 0; i < list.length; i++) if (want[list[i]!] === 1) return true
      return false
    }

    // Candidates: the full-text matches (slot, score), or every slot newest first.
    let slots: Int32Array
    let scores: Float64Array | null = null
    if (candidates) {
      const n = candidates.rids.length
      slots = new Int32Array(n)
      scores = new Float64Array(n)
      let kept = 0
      for (let i = 0; i < n; i++) {
        const slot = this.slot(candidates.rids[i]!)
        if (slot < 0) continue
        slots[kept] = slot
        scores[kept++] = candidates.scores[i]!
      }
      slots = slots.subarray(0, kept)
      scores = scores.subarray(0, kept)
    } else {
      slots = byDate
    }
    // Visited newest first with nothing else to order by: the first matches are the page.
    const inDateOrder = !candidates && !near
    const room = inDateOrder ? Math.min(keep, slots.length) : slots.length
    const matchSlot = new Int32Array(room)
    const matchScore = new Float64Array(room)
    const matchDist = new Float64Array(room)
    let kept = 0
    let total = 0

    for (let c = 0; c < slots.length; c++) {
      const slot = slots[c]!
      if (alive[slot] === 0 || territories[slot] !== territory || expires[slot]! <= now) continue
      if (expires[slot]! < nextExpiry) nextExpiry = expires[slot]!
      let dist = Number.NaN
      if (near) {
        const la = lat[slot]!
        const ln = lng[slot]!
        if (Number.isNaN(la) || Number.isNaN(ln)) {
          if (box) continue
        } else {
          if (box && (la < box.minLat || la > box.maxLat || ln < box.minLng || ln > box.maxLng)) continue
          dist = haversine(nearLat, nearLng, la, ln)
          if (radius !== null && dist > radius) continue
        }
      }
      const kind = kinds[slot]!
      const price = prices[slot]!
      const fCat = wantCategories === null || hasAny(categories[slot]!, wantCategories)
      const fCom = wantCommunes === null || hasAny(communes[slot]!, wantCommunes)
      const fKind =
        (wantKinds === null || wantKinds[kind] === 1) &&
        (wantAnnouncementKinds === null || kind !== announcements || wantAnnouncementKinds[announcementKind[slot]!] === 1)
      const fPrice = wantPrices === null || (price >= 0 && wantPrices[price] === 1)
      // Each facet ignores its own filter, so that other values stay selectable.
      if (fCat && fCom && fPrice) kindCounts[kind]!++
      if (fCat && fCom && fKind && price >= 0) priceCounts[price]!++
      if (fCat && fKind && fPrice) {
        const list = communes[slot]!
        for (let i = 0; i < list.length; i++) communeCounts[list[i]!]!++
      }
      if (fCom && fKind && fPrice) {
        const list = categories[slot]!
        for (let i = 0; i < list.length; i++) categoryCounts[list[i]!]!++
      }
      if (fCat && fCom && fKind && fPrice) {
        total++
        if (kept < room) {
          matchSlot[kept] = slot
          matchScore[kept] = scores ? scores[c]! : 0
          matchDist[kept++] = dist
        }
      }
    }

    // Ordered by index into the match columns; only the first `keep` become objects.
    const distance = (i: number) => (Number.isNaN(matchDist[i]!) ? Number.POSITIVE_INFINITY : matchDist[i]!)
    const rid = (i: number) => this.rid[matchSlot[i]!]!
    const date = (i: number) => updated[matchSlot[i]!]!
    let order: (a: number, b: number) => number
    if (plan.sort === 'date') order = (a, b) => date(b) - date(a) || matchScore[b]! - matchScore[a]! || rid(b) - rid(a)
    else if (plan.sort === 'distance') order = (a, b) => distance(a) - distance(b) || matchScore[b]! - matchScore[a]! || rid(b) - rid(a)
    else if (candidates) order = (a, b) => matchScore[b]! - matchScore[a]! || distance(a) - distance(b) || date(b) - date(a) || rid(b) - rid(a)
    else order = (a, b) => distance(a) - distance(b) || date(b) - date(a) || rid(b) - rid(a)
    const indices = Array.from({ length: kept }, (_, i) => i)
    const first = inDateOrder ? indices : firstInOrder(indices, Math.min(keep, kept), order)
    const matches = first.map((i) => ({
      rid: rid(i),
      score: matchScore[i]!,
      dist: Number.isNaN(matchDist[i]!) ? null : matchDist[i]!,
      updated: date(i),
    }))
    return result(matches, total)
  }
}

/** The first `count` items in order, without sorting everything when `count` is small. */
export function firstInOrder<T>(items: T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (count <= 0) return []
  if (items.length <= count * 8 || items.length < 2000) return items.sort(compare).slice(0, count)
  // Bounded max-heap of the best `count` items seen so far.
  const heap: T[] = []
  const worse = (i: number, j: number) => compare(heap[i]!, heap[j]!) > 0
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!])
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item)
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1
        if (!worse(i, parent)) break
        swap(i, parent)
        i = parent
      }
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item
      for (let i = 0; ; ) {
        const l = 2 * i + 1
        const r = l + 1
        let top = i
        if (l < heap.length && worse(l, top)) top = l
        if (r < heap.length && worse(r, top)) top = r
        if (top === i) break
        swap(i, top)
        i = top
      }
    }
  }
  return heap.sort(compare)
}
