/**
 * Search over HTTP and under stress (searchSuite.ts): GET /api/search with its parameters,
 * bad input that never fails, the UTF-8 JSON of the route, and, when the suite runs with
 * worker threads, concurrent searches answered by them.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { IndexingSearchEngine } from '@/search'
import type { SearchWorkerPool } from '@/search/sqlite/workerPool'
import type { SearchResult } from '@/search/types'

import { INSEE } from '../support/fixtures'
import type { Ids, SearchHarness } from './searchHarness'

/** The HTTP route, bad input, and the worker threads when the suite runs with them. */
export function apiTests(h: SearchHarness) {
  const { options, search } = h
  let payload: Payload
  let pool: SearchWorkerPool | null
  let engine: IndexingSearchEngine
  let territory: number | string
  let communes: Ids
  // Set once the harness's own beforeAll, which runs first, has booted the database.
  beforeAll(() => {
    ;({ payload, pool, engine, territory, communes } = h)
  })

  describe('GET /api/search', () => {
    const call = async (query: string) => {
      const { searchEndpoint } = await import('@/search/endpoint')
      const req = { payload, url: `http://localhost/api/search?${query}`, headers: new Headers() } as unknown as PayloadRequest
      const response = await searchEndpoint.handler(req)
      return { status: response.status, body: (await response.json()) as SearchResult & { errors?: Array<{ message: string }> } }
    }

    it('answers the same as the engine, territory by id or slug or by default', async () => {
      const byId = await call(`territory=${territory}&q=plombier`)
      expect(byId.status).toBe(200)
      expect(byId.body.hits.map((h) => h.title)).toContain('Plomberie Chauffage Lemaire')
      const { slug } = await payload.findByID({ collection: 'territories', id: territory, overrideAccess: true })
      expect((await call(`territory=${slug}&q=plombier`)).body.total).toBe(byId.body.total)
      expect((await call('q=plombier')).body.total).toBe(byId.body.total)
    })

    it('reads repeated and comma-separated filters, and a commune centre as origin', async () => {
      const formerie = communes.get(INSEE.formerie)!
      const result = await call(`territory=${territory}&kind=businesses,associations&commune=${formerie}&near=${formerie}&radius=1&sort=distance`)
      expect(result.status).toBe(200)
      expect(result.body.total).toBeGreaterThan(0)
      expect(result.body.hits.every((h) => (h.kind === 'businesses' || h.kind === 'associations') && h.distanceKm! <= 1)).toBe(true)
    })

    it('drops nonsense parameters instead of failing, and says when the territory is unknown', async () => {
      const odd = await call(`territory=${territory}&q=${encodeURIComponent('"*) OR 1=1 --')}&page=-3&limit=abc&lat=999&radius=x&kind=<b>&price=gratis&sort=best`)
      expect(odd.status).toBe(200)
      expect(odd.body.page).toBe(1)
      const unknown = await call('territory=nulle-part&q=pain')
      expect(unknown.status).toBe(404)
      expect(unknown.body.errors?.[0]?.message).toMatch(/Territoire inconnu/)
    })
  })

  describe('bad input returns normal results or none, never an error', () => {
    const nasty = [
      '"',
      "'",
      '""""',
      '*',
      '***',
      'boulan*',
      '(((',
      ')) OR ((',
      'NEAR(a b)',
      'title:boulangerie',
      '^plombier',
      'a AND OR NOT b',
      '-',
      '\\',
      '%_%',
      "'; DROP TABLE search_entries; --",
      '1 OR 1=1',
      '$where',
      '{"$gt": ""}',
      '😀🥖👩‍🔧',
      'ﷺ ℌ 𝔘 Ω',
      '\u0000\u0001\u0002',
      'x'.repeat(10_000),
      'boulangerie '.repeat(1000),
      '   ',
      '',
    ]
    it.each(nasty.map((q) => [q.length > 40 ? `${q.slice(0, 20)}… (${q.length} car.)` : JSON.stringify(q), q]))('%s', async (_label, q) => {
      const result = await search({ text: q })
      expect(Array.isArray(result.hits)).toBe(true)
      expect(result.total).toBeGreaterThanOrEqual(0)
    })

    it('survives odd parameters', async () => {
      const result = await engine.search({
        territory,
        page: Number.NaN,
        limit: -1,
        categories: ['<script>', 'NaN'],
        communes: [Number.POSITIVE_INFINITY as never],
        near: { latitude: 1000, longitude: -1000, radiusKm: -5 },
        kinds: ['nope' as never],
        sort: 'DROP' as never,
      })
      expect(result.page).toBe(1)
      expect(result.total).toBe(0)
    })
  })

  it('answers the HTTP route with UTF-8 JSON equal to the search result, accents included', async () => {
    const bytes = await engine.searchJson({ territory, text: 'épicerie' })
    expect(bytes).toBeInstanceOf(Uint8Array)
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    expect(text.startsWith('{"tookMs":')).toBe(true)
    const { tookMs: _sent, ...sent } = JSON.parse(text) as SearchResult
    const { tookMs: _direct, ...direct } = await search({ text: 'épicerie' })
    expect(sent).toEqual(direct)
    expect(sent.hits.map((h) => h.title)).toContain('Épicerie de Marseille-en-Beauvaisis')
  })

  if (options.workers) {
    it('answers many concurrent searches, queued for the workers, as it answers them one by one', async () => {
      const { planQuery } = await import('@/search/query')
      const plans = ['boulangerie', 'plombier', 'garage', 'médecin', 'épicerie', 'jardinier', 'coiffeur', 'taxi'].flatMap((text) =>
        [{ text }, { text, sort: 'date' as const }, { text, page: 2, limit: 2 }].map((query) => planQuery({ territory, ...query })),
      )
      // Straight to the pool: the engine's result cache would answer the second round.
      const one = async (plan: (typeof plans)[number]) => JSON.parse(new TextDecoder().decode((await pool!.execute(plan)).json)) as unknown
      const sequential = []
      for (const plan of plans) sequential.push(await one(plan))
      expect(await Promise.all(plans.map(one))).toEqual(sequential)
      expect(sequential.filter((result) => (result as SearchResult).total > 0).length).toBeGreaterThan(plans.length / 2)
    })

    it('answered every search above from the worker threads, and searches in this thread once they stop', async () => {
      expect(pool!.served).toBeGreaterThan(100)
      const before = await search({ text: 'boulangerie' })
      await pool!.close()
      const after = await search({ text: 'boulangerie' })
      expect(after.total).toBeGreaterThan(0)
      expect(after.hits.map((h) => h.id)).toEqual(before.hits.map((h) => h.id))
    })
  }
}
