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
export type ScanResult = {
  matches: Match[]
  total: number
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
  private readonly slotOf = new Map<number, number>()
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
    return this.slotOf.size
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
    let slot = this.slotOf.get(row.rid)
    if (slot === undefined) {
      slot = this.rid.length
      this.slotOf.set(row.rid, slot)
      this.rid.push(row.rid)
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
    const slot = this.slotOf.get(rid)
    if (slot === undefined) return
    this.alive[slot] = false
    this.slotOf.delete(rid)
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
   * Filters and counts in one pass. `scores` (rid → relevance) restricts the candidates to
   * the full-text matches; without it every entry of the territory is a candidate, visited
   * newest first. Only the first `keep` matches are kept (all are counted).
   */
  scan(plan: SearchPlan, scores: Map<number, number> | null, keep = Number.POSITIVE_INFINITY): ScanResult {
    const matches: Match[] = []
    let total = 0
    const named = (counts: Int32Array) => {
      const map = new Map<string, number>()
      for (let code = 0; code < counts.length; code++) if (counts[code]! > 0) map.set(this.strings.values[code]!, counts[code]!)
      return map
    }
    const territory = this.strings.find(plan.territory)
    const codeCount = this.strings.values.length
    const kindCounts = new Int32Array(codeCount)
    const priceCounts = new Int32Array(codeCount)
    const communeCounts = new Int32Array(codeCount)
    const categoryCounts = new Int32Array(codeCount)
    const result = () => ({
      matches,
      total,
      facets: { categories: named(categoryCounts), communes: named(communeCounts), kinds: named(kindCounts), priceTypes: named(priceCounts) },
    })
    if (territory === undefined) return result()

    const { alive, territory: territories, kind: kinds, announcementKind, price: prices, lat, lng, expires, updated, byDate } = this.columns()
    const communes = this.communes
    const categories = this.categories
    const rids = this.rid
    const now = Date.parse(plan.now)
    const codesOf = (values: string[]) => new Set(values.map((v) => this.strings.find(v)).filter((c): c is number => c !== undefined))
    const wantCategories = plan.categories.length ? codesOf(plan.categories) : null
    const wantCommunes = plan.communes.length ? codesOf(plan.communes) : null
    const wantKinds = plan.kinds.length ? codesOf(plan.kinds) : null
    const wantAnnouncementKinds = plan.announcementKinds.length ? codesOf(plan.announcementKinds) : null
    const wantPrices = plan.priceTypes.length ? codesOf(plan.priceTypes) : null
    const announcements = this.strings.find('announcements') ?? -2
    const near = plan.near
    const nearLat = near?.latitude ?? 0
    const nearLng = near?.longitude ?? 0
    const radius = near?.radiusKm ?? null
    const box = near && radius !== null ? boundingBox(near, radius) : null
    const hasAny = (list: Int32Array, want: Set<number>) => {
      for (let i = 0; i < list.length; i++) if (want.has(list[i]!)) return true
      return false
    }

    // Candidates: the full-text matches (slot, score), or every slot newest first.
    let candidates: Int32Array
    let candidateScores: Float64Array | null = null
    if (scores) {
      candidates = new Int32Array(scores.size)
      candidateScores = new Float64Array(scores.size)
      let n = 0
      for (const [rid, score] of scores) {
        const slot = this.slotOf.get(rid)
        if (slot === undefined) continue
        candidates[n] = slot
        candidateScores[n++] = score
      }
      candidates = candidates.subarray(0, n)
    } else {
      candidates = byDate
    }

    for (let c = 0; c < candidates.length; c++) {
      const slot = candidates[c]!
      if (alive[slot] === 0 || territories[slot] !== territory || expires[slot]! <= now) continue
      let dist: number | null = null
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
        (wantKinds === null || wantKinds.has(kind)) &&
        (wantAnnouncementKinds === null || kind !== announcements || wantAnnouncementKinds.has(announcementKind[slot]!))
      const fPrice = wantPrices === null || wantPrices.has(price)
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
        if (matches.length < keep) {
          matches.push({ rid: rids[slot]!, score: candidateScores ? candidateScores[c]! : 0, dist, updated: updated[slot]! })
        }
      }
    }
    return result()
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
