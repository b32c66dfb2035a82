import { describe, expect, it } from '@jest/globals'

import { haversineKm } from '@/search/geo'
import { planQuery } from '@/search/query'
import { type EntryRow, EntryTable } from '@/search/sqlite/entryTable'
import { BestItems } from '@/search/sqlite/topK'

const row = (rid: number, extra: Partial<EntryRow> = {}): EntryRow => ({
  rid,
  territory: '1',
  kind: 'businesses',
  announcement_kind: null,
  price_type: null,
  latitude: 49.6,
  longitude: 1.9,
  expires_at: null,
  shown_from: null,
  updated_at: new Date(Date.UTC(2026, 0, rid)).toISOString(),
  category_key: ',10,1,',
  commune_key: ',100,',
  ...extra,
})

describe('in-memory columns of the SQLite engine', () => {
  const table = new EntryTable([
    row(1),
    row(2, { category_key: ',11,1,', commune_key: ',101,' }),
    row(3, { kind: 'services', price_type: 'cesu', commune_key: ',100,101,102,' }),
    row(4, { kind: 'announcements', announcement_kind: 'need', price_type: 'free', expires_at: '2020-01-01T00:00:00.000Z' }),
    row(5, { kind: 'announcements', announcement_kind: 'offer', price_type: 'free', latitude: 49.7, longitude: 2.1 }),
    row(6, { territory: '2' }),
  ])

  it('returns the territory’s live entries newest first, expired ones hidden', () => {
    const { matches, total } = table.scan(planQuery({ territory: 1 }), null)
    expect(total).toBe(4)
    expect(matches.map((m) => m.rid)).toEqual([5, 3, 2, 1])
  })

  it('hides a municipal notice until its first day, and holds the result only until then', () => {
    const starts = '2026-03-10T23:00:00.000Z'
    const notices = new EntryTable([row(1), row(2, { kind: 'announcements', announcement_kind: 'notice', shown_from: starts })])
    const before = notices.scan(planQuery({ territory: 1 }, new Date('2026-03-10T22:59:59.000Z')), null)
    expect(before.matches.map((m) => m.rid)).toEqual([1])
    expect(before.total).toBe(1)
    expect(before.nextExpiry).toBe(Date.parse(starts))
    const onItsDay = notices.scan(planQuery({ territory: 1 }, new Date(starts)), null)
    expect(onItsDay.matches.map((m) => m.rid)).toEqual([2, 1])
    expect(Object.fromEntries(onItsDay.facets.kinds)).toEqual({ businesses: 1, announcements: 1 })
  })

  it('counts every facet in the same pass, each ignoring its own filter', () => {
    const { total, facets } = table.scan(planQuery({ territory: 1, communes: ['101'] }), null)
    expect(total).toBe(2)
    // Communes keep their counts without the commune filter: 100 has entries 1, 3, 5.
    expect(Object.fromEntries(facets.communes)).toEqual({ '100': 3, '101': 2, '102': 1 })
    expect(Object.fromEntries(facets.kinds)).toEqual({ businesses: 1, services: 1 })
    expect(Object.fromEntries(facets.categories)).toEqual({ '1': 2, '10': 1, '11': 1 })
    expect(Object.fromEntries(facets.priceTypes)).toEqual({ cesu: 1 })
  })

  it('filters kinds, announcement kinds and prices', () => {
    expect(table.scan(planQuery({ territory: 1, kinds: ['announcements'] }), null).total).toBe(1)
    expect(table.scan(planQuery({ territory: 1, announcementKinds: ['need'] }), null).total).toBe(3)
    expect(table.scan(planQuery({ territory: 1, priceTypes: ['free', 'cesu'] }), null).total).toBe(2)
  })

  it('keeps only full-text candidates with their scores', () => {
    const { matches } = table.scan(planQuery({ territory: 1, text: 'x' }), { rids: [2, 6, 4], scores: [5, 9, 7] })
    expect(matches).toEqual([expect.objectContaining({ rid: 2, score: 5 })])
  })

  it('orders by relevance, distance or date and keeps only the first ones', () => {
    const candidates = { rids: [1, 2, 3, 5], scores: [1, 4, 2, 3] }
    const ranked = table.scan(planQuery({ territory: 1, text: 'x' }), candidates, 2)
    expect(ranked.total).toBe(4)
    expect(ranked.matches.map((m) => m.rid)).toEqual([2, 5])
    const near = { latitude: 49.7, longitude: 2.1 }
    expect(table.scan(planQuery({ territory: 1, near, sort: 'distance' }), null, 1).matches.map((m) => m.rid)).toEqual([5])
    expect(table.scan(planQuery({ territory: 1, text: 'x', sort: 'date' }), candidates).matches.map((m) => m.rid)).toEqual([5, 3, 2, 1])
  })

  it('applies the radius with the exact distance', () => {
    const near = { latitude: 49.6, longitude: 1.9, radiusKm: 5 }
    const { matches, total } = table.scan(planQuery({ territory: 1, near }), null)
    expect(total).toBe(3)
    expect(matches.every((m) => m.dist === 0)).toBe(true)
    const far = table.scan(planQuery({ territory: 1, near: { ...near, radiusKm: 20 } }), null)
    const five = far.matches.find((m) => m.rid === 5)!
    expect(five.dist).toBeCloseTo(haversineKm(near, { latitude: 49.7, longitude: 2.1 }), 6)
  })

  it('follows writes', () => {
    const t = new EntryTable([row(1), row(2)])
    t.upsert(row(2, { territory: '2' }))
    t.remove(1)
    t.upsert(row(7))
    expect(t.scan(planQuery({ territory: 1 }), null).matches.map((m) => m.rid)).toEqual([7])
    // Columns already built for a scan are rebuilt after the next write.
    t.upsert(row(8, { updated_at: '2020-01-01T00:00:00.000Z' }))
    t.remove(7)
    expect(t.scan(planQuery({ territory: 1 }), null).matches.map((m) => m.rid)).toEqual([8])
  })

  it('answers after any mix of writes as a table built from the final rows', () => {
    let seed = 42
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const live = new Map<number, EntryRow>()
    const incremental = new EntryTable()
    const plans = [
      planQuery({ territory: 1 }),
      planQuery({ territory: 1, near: { latitude: 49.6, longitude: 1.9, radiusKm: 15 }, sort: 'distance' }),
      planQuery({ territory: 1, communes: ['101'], kinds: ['services'] }),
    ]
    for (let round = 0; round < 30; round++) {
      for (let w = 0; w < 8; w++) {
        const rid = 1 + Math.floor(next() * 40)
        if (next() < 0.25) {
          incremental.remove(rid)
          live.delete(rid)
        } else {
          const r = row(rid, {
            kind: next() < 0.5 ? 'businesses' : 'services',
            commune_key: next() < 0.5 ? ',100,' : ',101,',
            latitude: 49.5 + next() * 0.2,
            updated_at: new Date(Date.UTC(2026, 0, 1 + Math.floor(next() * 5))).toISOString(),
          })
          incremental.upsert(r)
          live.set(rid, r)
        }
      }
      const fresh = new EntryTable([...live.values()])
      for (const plan of plans) expect(incremental.scan(plan, null, 10)).toEqual(fresh.scan(plan, null, 10))
      const rids = [...live.keys()].sort((a, b) => a - b)
      const text = { rids, scores: rids.map((rid) => rid % 3) }
      expect(incremental.scan(planQuery({ territory: 1, text: 'x' }), text, 10)).toEqual(fresh.scan(planQuery({ territory: 1, text: 'x' }), text, 10))
    }
  })

  it('gives the same answer whatever the order of the full-text candidates', () => {
    const plan = planQuery({ territory: 1, text: 'x', near: { latitude: 49.6, longitude: 1.9 }, sort: 'distance' })
    const forward = table.scan(plan, { rids: [1, 2, 3, 5], scores: [1, 4, 2, 3] })
    const backward = table.scan(plan, { rids: [5, 3, 2, 1], scores: [3, 2, 4, 1] })
    expect(backward).toEqual(forward)
    expect(forward.matches.map((m) => m.rid)).toEqual([2, 3, 1, 5])
  })
})

describe('full-text candidates among many entries', () => {
  // 2,000 entries whose date order is not their rowid order.
  const rows = Array.from({ length: 2000 }, (_, i) =>
    row(i + 1, {
      updated_at: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 2000) * 3_600_000).toISOString(),
      commune_key: i % 3 === 0 ? ',100,' : ',101,',
      latitude: 49.5 + ((i * 13) % 100) / 500,
    }),
  )
  const table = new EntryTable(rows)
  const plans = [
    planQuery({ territory: 1, text: 'x' }),
    planQuery({ territory: 1, text: 'x', communes: ['101'], sort: 'date' }),
    planQuery({ territory: 1, text: 'x', near: { latitude: 49.6, longitude: 1.9, radiusKm: 5 }, sort: 'distance' }),
  ]
  it('answers alike whether a few (visited as they come) or most entries (visited in column order) matched', () => {
    for (const count of [20, 1900]) {
      const rids = Array.from({ length: count }, (_, i) => 1 + ((i * 37) % 2000))
      const scores = rids.map((rid) => rid % 4)
      const candidates = { rids, scores }
      const shuffled = { rids: [...rids].reverse(), scores: [...scores].reverse() }
      for (const plan of plans) {
        const result = table.scan(plan, candidates, 30)
        expect(table.scan(plan, shuffled, 30)).toEqual(result)
        // Every match keeps its own score, and the total counts each candidate that passes the filters.
        const expected = new Map(rids.map((rid, i) => [rid, scores[i]]))
        for (const match of result.matches) expect(match.score).toBe(expected.get(match.rid))
        expect(result.total).toBe(rids.filter((rid) => table.scan({ ...plan, terms: [] }, { rids: [rid], scores: [0] }).total === 1).length)
      }
    }
  })
})

describe('category sets of the SQLite columns', () => {
  const table = new EntryTable([row(1), row(2, { category_key: ',11,1,' }), row(3, { category_key: '' })])
  table.setCategoryText(',10,1,', 'boulangerie pain alimentation')
  table.setCategoryText(',11,1,', 'boucherie viande alimentation')

  it('finds the sets whose words begin with the terms, every group or one', () => {
    const flagged = (flags: Uint8Array) => [...flags].flatMap((flag, code) => (flag ? [code] : []))
    expect(flagged(table.categorySetsMatching([['boulang']], 'AND'))).toHaveLength(1)
    expect(flagged(table.categorySetsMatching([['alim']], 'AND'))).toHaveLength(2)
    expect(flagged(table.categorySetsMatching([['pain'], ['viande']], 'AND'))).toHaveLength(0)
    expect(flagged(table.categorySetsMatching([['pain'], ['viande']], 'OR'))).toHaveLength(2)
    // A term longer than the word, or inside it, is not a prefix.
    expect(flagged(table.categorySetsMatching([['boulangeries'], ['angerie']], 'OR'))).toHaveLength(0)
  })

  it('adds the bonus to the matches whose category set matched', () => {
    const sets = table.categorySetsMatching([['viande']], 'AND')
    const { matches } = table.scan(planQuery({ territory: 1, text: 'x' }), { rids: [1, 2, 3], scores: [1, 1, 2], categoryBonus: { sets, weight: 4 } })
    expect(matches.map((m) => [m.rid, m.score])).toEqual([
      [2, 5],
      [3, 2],
      [1, 1],
    ])
  })
})

describe('best items by their keys', () => {
  const best = (rows: number[][], count: number) => {
    const top = new BestItems(count)
    rows.forEach((row, item) => top.offer(item, row[0]!, row[1]!, row[2]!, row[3]!))
    return top.inOrder()
  }
  const fullSort = (rows: number[][]) =>
    rows
      .map((_, i) => i)
      .sort((a, b) => {
        for (let k = 0; k < 4; k++) if (rows[a]![k] !== rows[b]![k]) return rows[b]![k]! - rows[a]![k]!
        return 0
      })

  it('keeps the best ones like a full sort, ties broken by the next keys', () => {
    // Few distinct values per key: most items tie on the first keys.
    const rows = Array.from({ length: 50_000 }, (_, i) => [(i * 7919) % 7, (i * 104729) % 5, i % 3 === 0 ? Number.NEGATIVE_INFINITY : (i * 31) % 11, i])
    expect(best(rows, 25)).toEqual(fullSort(rows).slice(0, 25))
    expect(best(rows, 1)).toEqual(fullSort(rows).slice(0, 1))
    expect(best([...rows].reverse(), 40)).toEqual(fullSort([...rows].reverse()).slice(0, 40))
  })

  it('returns them all in order when there are fewer than asked, none when none is asked', () => {
    const rows = [[1, 0, 0, 3], [2, 0, 0, 1], [1, 0, 0, 2]]
    expect(best(rows, 5)).toEqual([1, 0, 2])
    expect(best(rows, 0)).toEqual([])
  })

  it('tells the first key an item needs to enter once full', () => {
    const top = new BestItems(2)
    expect(top.floor).toBe(Number.NEGATIVE_INFINITY)
    top.offer(0, 5, 0, 0, 0)
    top.offer(1, 9, 0, 0, 0)
    expect(top.floor).toBe(5)
    top.offer(2, 7, 0, 0, 0)
    expect(top.floor).toBe(7)
    expect(top.inOrder()).toEqual([1, 2])
  })
})
