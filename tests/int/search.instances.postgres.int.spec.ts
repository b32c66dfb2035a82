import type { Payload } from 'payload'
import pg from 'pg'

import type { IndexingSearchEngine } from '@/search'
import type { SearchResult } from '@/search/types'

import { seedCategories } from '@/seed/categories'
import { DEMO_EPCI, INSEE } from '../support/fixtures'
import { bootLocalPayload } from '../support/localPayload'

/**
 * Several server instances on one PostgreSQL database: each holds its own in-memory
 * columns and result cache. Here the other instances are engines with their own pool of
 * connections (their own columns, cache and sessions); entries are published through the
 * Payload local API of the first, whose hooks write the index.
 */
const describeIfPostgres = process.env.TEST_POSTGRES_URI ? describe : describe.skip

describeIfPostgres('search on PostgreSQL with several instances on one database', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let territory: number | string
  let commune: number
  let category: number
  const pools: pg.Pool[] = []
  const previousCache = process.env.SEARCH_RESULT_CACHE

  /** Another instance: its own engine on its own connections. */
  async function otherInstance(): Promise<IndexingSearchEngine> {
    const { createSearchEngine } = await import('@/search')
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URI, max: 4 })
    pools.push(pool)
    const db = Object.assign(Object.create(payload.db) as object, { pool })
    return createSearchEngine(Object.assign(Object.create(payload) as object, { db }) as Payload)
  }
  const titles = (result: SearchResult) => result.hits.map((h) => h.title)
  const publish = (name: string) =>
    payload.create({ collection: 'businesses', overrideAccess: true, data: { name, categories: [category], commune, status: 'published' } })

  beforeAll(async () => {
    // The result cache on, as in production: it must never answer with what an instance wrote since.
    process.env.SEARCH_RESULT_CACHE = '1'
    ;({ payload, cleanup } = await bootLocalPayload('postgres'))
    const { importEpci } = await import('@/territories/importEpci')
    territory = (await importEpci(payload, DEMO_EPCI)).territory.id
    const { docs } = await payload.find({ collection: 'communes', where: { inseeCode: { equals: INSEE.songeons } }, depth: 0, overrideAccess: true })
    commune = docs[0]!.id as number
    category = (await seedCategories(payload)).get('Serrurerie') as number
    await publish('Serrurerie Alpha')
  }, 600_000)

  afterAll(async () => {
    for (const pool of pools) await pool.end()
    await cleanup?.()
    if (previousCache === undefined) delete process.env.SEARCH_RESULT_CACHE
    else process.env.SEARCH_RESULT_CACHE = previousCache
  })

  it('finds on another instance, at its next search, an entry published through the first; never from a stale cache', async () => {
    const other = await otherInstance()
    const byWord = { territory, text: 'quincaillerie' }
    const byFacet = { territory, communes: [commune], kinds: ['businesses' as const] }
    expect((await other.search(byWord)).total).toBe(0)
    expect(titles(await other.search(byFacet))).toEqual(['Serrurerie Alpha'])
    // Asked twice: the second answer is the cached one.
    expect((await other.search(byWord)).total).toBe(0)

    const published = performance.now()
    const doc = await publish('Quincaillerie Ursule')
    expect(titles(await other.search(byWord))).toEqual(['Quincaillerie Ursule'])
    expect(titles(await other.search(byFacet)).sort()).toEqual(['Quincaillerie Ursule', 'Serrurerie Alpha'])
    expect(performance.now() - published).toBeLessThan(1000 + 2000) // create + two searches; the search itself needs no wait

    await payload.update({ collection: 'businesses', id: doc.id, overrideAccess: true, data: { name: 'Quincaillerie Ursule et fils' } })
    expect(titles(await other.search(byWord))).toEqual(['Quincaillerie Ursule et fils'])

    await payload.update({ collection: 'businesses', id: doc.id, overrideAccess: true, data: { status: 'archived' } })
    expect((await other.search(byWord)).total).toBe(0)
    expect(titles(await other.search(byFacet))).toEqual(['Serrurerie Alpha'])
  })

  it('sees the writes of another instance in the first one too (each writes, each reads)', async () => {
    const other = await otherInstance()
    const { getSearchEngine } = await import('@/search')
    const first = getSearchEngine(payload)
    const doc = await payload.create({
      collection: 'businesses',
      overrideAccess: true,
      context: { skipSearchIndex: true },
      data: { name: 'Droguerie Zélie', categories: [category], commune, status: 'published' },
    })
    expect((await first.search({ territory, text: 'droguerie' })).total).toBe(0)
    await other.indexEntry('businesses', doc.id)
    expect(titles(await first.search({ territory, text: 'droguerie' }))).toEqual(['Droguerie Zélie'])
    await other.removeEntry('businesses', doc.id)
    expect((await first.search({ territory, text: 'droguerie' })).total).toBe(0)
    expect((await first.search({ territory, kinds: ['businesses'] })).hits.map((h) => h.title)).not.toContain('Droguerie Zélie')
    await payload.delete({ collection: 'businesses', id: doc.id, overrideAccess: true, context: { skipSearchIndex: true } })
  })

  it('catches up by itself when started while another instance writes', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Cordonnerie numéro ${i + 1}`)
    const writing = (async () => {
      for (const name of names) await publish(name)
    })()
    // Started and searching while the entries are being published.
    const late = await otherInstance()
    const during: number[] = []
    while (during.length < 3) during.push((await late.search({ territory, text: 'cordonnerie' })).total)
    await writing
    expect((await late.search({ territory, text: 'cordonnerie', limit: 50 })).total).toBe(names.length)
    expect((await late.search({ territory, kinds: ['businesses'], limit: 50 })).hits.map((h) => h.title)).toEqual(expect.arrayContaining(names))
    expect(during.every((n) => n <= names.length)).toBe(true)
  })

  it('reloads everything after a rebuild made by another instance', async () => {
    const other = await otherInstance()
    const before = await other.search({ territory, limit: 100 })
    // Unknown to the index until the rebuild: two entries archived, one published, without the hooks.
    const archived = [await publish('Vannerie Basile'), await publish('Vannerie Camille')]
    const doc = await payload.create({
      collection: 'businesses',
      overrideAccess: true,
      context: { skipSearchIndex: true },
      data: { name: 'Vannerie Odile', categories: [category], commune, status: 'published' },
    })
    for (const { id } of archived) {
      await payload.update({ collection: 'businesses', id, overrideAccess: true, context: { skipSearchIndex: true }, data: { status: 'archived' } })
    }
    expect(titles(await other.search({ territory, text: 'vannerie' })).sort()).toEqual(['Vannerie Basile', 'Vannerie Camille'])
    const { getSearchEngine } = await import('@/search')
    await getSearchEngine(payload).rebuild()
    const after = await other.search({ territory, limit: 100 })
    expect(after.total).toBe(before.total + 1)
    expect(titles(after).sort()).toEqual([...titles(before), 'Vannerie Odile'].sort())
    expect(titles(await other.search({ territory, text: 'vannerie' }))).toEqual(['Vannerie Odile'])
    await payload.delete({ collection: 'businesses', id: doc.id, overrideAccess: true })
    expect((await other.search({ territory, text: 'vannerie' })).total).toBe(0)
  })
})
