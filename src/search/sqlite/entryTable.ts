/**
 * The filterable fields of every indexed entry, held in columns in memory by the SQLite
 * engine (SQLite is one process on one file): territory, kind, price, coordinates, expiry,
 * date, communes and categories. One pass over the candidates — all entries, or those FTS5
 * matched — applies the filters, the bounding box then the exact distance, and counts every
 * facet at once. Loaded from `search_entries`, patched on each write of this process and
 * reloaded when another process (a rebuild command) changed the index.
 */
import { boundingBox, haversineKm } from '../geo'
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
  /** Alive slots by date, newest first (rebuilt lazily after writes). */
  private byDate: number[] | null = null

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
    this.byDate = null
  }

  remove(rid: number): void {
    const slot = this.slotOf.get(rid)
    if (slot === undefined) return
    this.alive[slot] = false
    this.slotOf.delete(rid)
    this.byDate = null
  }

  private dateOrder(): number[] {
    if (!this.byDate) {
      const slots: number[] = []
      for (let s = 0; s < this.rid.length; s++) if (this.alive[s]) slots.push(s)
      slots.sort((a, b) => this.updated[b]! - this.updated[a]! || this.rid[b]! - this.rid[a]!)
      this.byDate = slots
    }
    return this.byDate
  }

  /**
   * Filters and counts in one pass. `scores` (rid → relevance) restricts the candidates to
   * the full-text matches; without it every entry of the territory is a candidate, visited
   * newest first. Only the first `keep` matches are kept (all are counted).
   */
  scan(plan: SearchPlan, scores: Map<number, number> | null, keep = Number.POSITIVE_INFINITY): ScanResult {
    const facets = { categories: new Map<string, number>(), communes: new Map<string, number>(), kinds: new Map<string, number>(), priceTypes: new Map<string, number>() }
    const matches: Match[] = []
    let total = 0
    const territory = this.strings.find(plan.territory)
    if (territory === undefined) return { matches, total, facets }
    const now = Date.parse(plan.now)
    const codesOf = (values: string[]) => new Set(values.map((v) => this.strings.find(v)).filter((c): c is number => c !== undefined))
    const wantCategories = plan.categories.length ? codesOf(plan.categories) : null
    const wantCommunes = plan.communes.length ? codesOf(plan.communes) : null
    const wantKinds = plan.kinds.length ? codesOf(plan.kinds) : null
    const wantAnnouncementKinds = plan.announcementKinds.length ? codesOf(plan.announcementKinds) : null
    const wantPrices = plan.priceTypes.length ? codesOf(plan.priceTypes) : null
    const announcements = this.strings.find('announcements')
    const near = plan.near
    const box = near && near.radiusKm !== null ? boundingBox(near, near.radiusKm) : null

    // Counts by code (codes are dense), turned into strings at the end.
    const codeCount = this.strings.values.length
    const kindCounts = new Int32Array(codeCount)
    const priceCounts = new Int32Array(codeCount)
    const communeCounts = new Int32Array(codeCount)
    const categoryCounts = new Int32Array(codeCount)
    const hasAny = (list: Int32Array, want: Set<number>) => {
      for (let i = 0; i < list.length; i++) if (want.has(list[i]!)) return true
      return false
    }

    const visit = (slot: number, score: number) => {
      if (!this.alive[slot] || this.territory[slot] !== territory || this.expires[slot]! <= now) return
      let dist: number | null = null
      if (near) {
        const lat = this.lat[slot]!
        const lng = this.lng[slot]!
        if (Number.isNaN(lat) || Number.isNaN(lng)) {
          if (box) return
        } else {
          if (box && (lat < box.minLat || lat > box.maxLat || lng < box.minLng || lng > box.maxLng)) return
          dist = haversineKm(near, { latitude: lat, longitude: lng })
          if (near.radiusKm !== null && dist > near.radiusKm) return
        }
      }
      const kind = this.kind[slot]!
      const price = this.price[slot]!
      const fCat = wantCategories ? hasAny(this.categories[slot]!, wantCategories) : true
      const fCom = wantCommunes ? hasAny(this.communes[slot]!, wantCommunes) : true
      const fKind =
        (!wantKinds || wantKinds.has(kind)) &&
        (!wantAnnouncementKinds || kind !== announcements || wantAnnouncementKinds.has(this.announcementKind[slot]!))
      const fPrice = !wantPrices || wantPrices.has(price)
      // Each facet ignores its own filter, so that other values stay selectable.
      if (fCat && fCom && fPrice) kindCounts[kind]!++
      if (fCat && fCom && fKind && price >= 0) priceCounts[price]!++
      if (fCat && fKind && fPrice) {
        const list = this.communes[slot]!
        for (let i = 0; i < list.length; i++) communeCounts[list[i]!]!++
      }
      if (fCom && fKind && fPrice) {
        const list = this.categories[slot]!
        for (let i = 0; i < list.length; i++) categoryCounts[list[i]!]!++
      }
      if (fCat && fCom && fKind && fPrice) {
        total++
        if (matches.length < keep) matches.push({ rid: this.rid[slot]!, score, dist, updated: this.updated[slot]! })
      }
    }

    if (scores) {
      for (const [rid, score] of scores) {
        const slot = this.slotOf.get(rid)
        if (slot !== undefined) visit(slot, score)
      }
    } else {
      // Date order, so that a browse needs no sort afterwards.
      for (const slot of this.dateOrder()) visit(slot, 0)
    }
    const named = (counts: Int32Array) => {
      const map = new Map<string, number>()
      for (let code = 0; code < counts.length; code++) if (counts[code]! > 0) map.set(this.strings.values[code]!, counts[code]!)
      return map
    }
    return {
      matches,
      total,
      facets: { categories: named(categoryCounts), communes: named(communeCounts), kinds: named(kindCounts), priceTypes: named(priceCounts) },
    }
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
