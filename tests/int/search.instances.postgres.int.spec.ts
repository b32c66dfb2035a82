import type { Payload } from 'payload'
import pg from 'pg'

import type { IndexingSearchEngine } from '@/search'
import type { SearchResult } from '@/search/types'

import { bootLocalPayload } from '../support/localPayload'
import { type SearchWorld, seedSearchWorld } from '../support/searchWorld'

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
  let world: SearchWorld
  const pools: pg.Pool[] = []
  const previousCache = process.env.SEARCH_RESULT_CACHE

  const engines: IndexingSearchEngine[] = []

  /** Another instance: its own engine on its own connections. */
  async function otherInstance(): Promise<IndexingSearchEngine> {
    return (await countedInstance()).engine
  }

  /**
   * Another instance whose dedicated connections are counted: the engine takes one only to
   * load or catch up its in-memory columns (a search itself runs single statements on the pool).
   */
  async function countedInstance(
    options: { rankLimit?: number; lockTimeoutMs?: number; statements?: string[] } = {},
  ): Promise<{ engine: IndexingSearchEngine; loads: () => number }> {
    const { createSearchEngine } = await import('@/search')
    const { PostgresSearchEngine } = await import('@/search/postgres/engine')
    const lockTimeout = options.lockTimeoutMs ? { options: `-c lock_timeout=${options.lockTimeoutMs}` } : {}
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URI, max: 4, ...lockTimeout })
    pools.push(pool)
    let connects = 0
    // Every statement it runs, in a transaction or not, when asked.
    const record = (text: string) => options.statements?.push(text)
    const counted = {
      query: (text: string, values?: unknown[]) => (record(text), pool.query(text, values)),
      connect: async () => {
        connects++
        const client = await pool.connect()
        return { query: (text: string, values?: unknown[]) => (record(text), client.query(text, values)), release: () => client.release() }
      },
    }
    const db = Object.assign(Object.create(payload.db) as object, { pool: counted })
    const instance = Object.assign(Object.create(payload) as object, { db }) as Payload
    const engine = options.rankLimit === undefined ? createSearchEngine(instance) : new PostgresSearchEngine(instance, { rankLimit: options.rankLimit })
    engines.push(engine)
    // The schema check (one transaction) is not a load.
    await engine.ensureSchema()
    connects = 0
    return { engine, loads: () => connects }
  }
  /** SQL on the first instance's connections. */
  const sql = (text: string, values?: unknown[]) => (payload.db as unknown as { pool: pg.Pool }).pool.query(text, values)
  /** The index's bookkeeping, read directly. */
  const meta = async (key: string) => Number((await sql(`SELECT value FROM search_meta WHERE key = $1`, [key])).rows[0]?.value)
  const titles = (result: SearchResult) => result.hits.map((h) => h.title)
  const publish = (name: string) => world.publish(name)

  beforeAll(async () => {
    // The result cache on, as in production: it must never answer with what an instance wrote since.
    process.env.SEARCH_RESULT_CACHE = '1'
    ;({ payload, cleanup } = await bootLocalPayload('postgres'))
    world = await seedSearchWorld(payload)
    ;({ territory, commune, category } = world)
  }, 600_000)

  afterAll(async () => {
    for (const engine of engines) (engine as { stopFollowing?: () => void }).stopFollowing?.()
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

  it('loads its columns at warm-up, not at the first search, then follows the writes without a search', async () => {
    const cold = await countedInstance()
    await cold.engine.search({ territory, kinds: ['businesses'] })
    expect(cold.loads()).toBe(1) // without warm-up, the first search loads the columns

    const warm = await countedInstance()
    const { entries } = await warm.engine.warmUp!()
    expect(entries).toBeGreaterThan(0)
    expect(warm.loads()).toBe(1)
    const before = await warm.engine.search({ territory, kinds: ['businesses'], limit: 100 })
    expect(warm.loads()).toBe(1) // the first search found them loaded

    // Written through the first instance; the warmed one catches up within its sync interval, unasked.
    await publish('Ferronnerie Lison')
    const { SYNC_INTERVAL_MS } = await import('@/search/postgres/columns')
    for (const until = Date.now() + SYNC_INTERVAL_MS + 5_000; warm.loads() < 2 && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(warm.loads()).toBe(2)
    const after = await warm.engine.search({ territory, kinds: ['businesses'], limit: 100 })
    expect(warm.loads()).toBe(2) // already current: the search did not wait for a catch-up
    expect(after.total).toBe(before.total + 1)
    expect(titles(after)).toContain('Ferronnerie Lison')
  }, 60_000)

  it('prunes old removals, and an instance older than the pruning reloads everything instead of missing one', async () => {
    const [x, y] = [await publish('Tonnellerie Xavier'), await publish('Tonnellerie Yvonne')]
    const behind = await otherInstance()
    const byFacet = { territory, kinds: ['businesses' as const], limit: 100 }
    const held = await behind.search(byFacet)
    expect(titles(held)).toEqual(expect.arrayContaining(['Tonnellerie Xavier', 'Tonnellerie Yvonne']))

    await payload.update({ collection: 'businesses', id: x.id, overrideAccess: true, data: { status: 'archived' } })
    const removals = await sql(`SELECT count(*)::int AS n FROM search_removed`)
    expect(removals.rows[0].n).toBeGreaterThan(0)
    // Every removal so far as if made long ago: the next removal prunes them.
    await sql(`UPDATE search_removed SET removed_at = now() - interval '1 hour'`)
    const xChange = Number((await sql(`SELECT max(change) AS c FROM search_removed`)).rows[0].c)
    await payload.update({ collection: 'businesses', id: y.id, overrideAccess: true, data: { status: 'archived' } })

    const left = await sql(`SELECT change, removed_at > now() - interval '1 minute' AS recent FROM search_removed`)
    expect(left.rows).toHaveLength(1) // Yvonne's removal only
    expect(left.rows[0].recent).toBe(true)
    expect(await meta('pruned')).toBe(xChange)

    // `behind` holds columns from before Xavier's removal, whose row is gone: it must not keep him.
    const now = await behind.search(byFacet)
    expect(titles(now)).not.toContain('Tonnellerie Xavier')
    expect(titles(now)).not.toContain('Tonnellerie Yvonne')
    expect(now.total).toBe(held.total - 2)
    expect(now.facets.kinds).toEqual([{ value: 'businesses', count: held.total - 2 }])
  })

  it('finds in memory the very matches of the GIN index, and follows the writes', async () => {
    // Ranked in memory whatever the number of matches, and by ts_rank over the GIN index's matches.
    const memory = (await countedInstance({ rankLimit: 0 })).engine
    const gin = (await countedInstance({ rankLimit: Number.POSITIVE_INFINITY })).engine
    const texts = ['serrurerie', 'serru', 'serrurrie', 'cordonnerie numéro', 'le la de', 'tonnellerie xavier', 'vannerie serrurerie', 'alpha songeons', 'miroiterie', 'xyzzy']
    const summary = (r: SearchResult) => ({ total: r.total, facets: r.facets, ids: r.hits.map((h) => `${h.kind}:${h.id}`).sort() })
    const compare = async () => {
      for (const text of texts) {
        const query = { territory, text, limit: 100 }
        expect({ text, ...summary(await memory.search(query)) }).toEqual({ text, ...summary(await gin.search(query)) })
      }
    }
    await compare()
    const doc = await publish('Serrurerie Zoé')
    await compare()
    await payload.update({ collection: 'businesses', id: doc.id, overrideAccess: true, data: { name: 'Miroiterie Zoé' } })
    await compare()
    expect(titles(await memory.search({ territory, text: 'miroiterie' }))).toEqual(['Miroiterie Zoé'])
    await payload.delete({ collection: 'businesses', id: doc.id, overrideAccess: true })
    await compare()
    expect((await memory.search({ territory, text: 'miroiterie' })).total).toBe(0)
  })

  it('runs no DDL at start when the schema is complete, while another instance holds the locks of an index write', async () => {
    // The table locks an index write holds until it commits (the deadlock of eee6a83: a
    // CREATE INDEX IF NOT EXISTS of a starting instance waited on them while holding its own).
    const writer = await (payload.db as unknown as { pool: pg.Pool }).pool.connect()
    await writer.query('BEGIN')
    await writer.query('LOCK TABLE search_entries, search_removed, search_words, search_meta IN ROW EXCLUSIVE MODE')
    const statements: string[] = []
    try {
      // A DDL statement would wait for the writer: it fails after the lock timeout instead of hanging.
      const { engine } = await countedInstance({ lockTimeoutMs: 5_000, statements })
      expect(statements.length).toBeGreaterThan(0)
      expect(statements.filter((text) => /^\s*(CREATE|ALTER|DROP|TRUNCATE|DO)\b/i.test(text))).toEqual([])
      expect((await engine.search({ territory, text: 'serrurerie' })).total).toBeGreaterThan(0)
    } finally {
      await writer.query('ROLLBACK')
      writer.release()
    }
  })

  it('runs an index write again when PostgreSQL chose it as a deadlock victim (40P01)', async () => {
    // The first insert into the index fails as a deadlock victim would; the next ones pass.
    await sql(`CREATE SEQUENCE test_victim_once`)
    await sql(`CREATE FUNCTION test_victim_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('test_victim_once') = 1 THEN RAISE EXCEPTION 'interblocage simulé' USING ERRCODE = 'deadlock_detected'; END IF;
        RETURN NULL;
      END $$`)
    await sql(`CREATE TRIGGER test_victim_once BEFORE INSERT ON search_entries FOR EACH STATEMENT EXECUTE FUNCTION test_victim_once()`)
    try {
      const other = await otherInstance()
      const before = await meta('changes')
      await publish('Chaudronnerie Hervé')
      expect(Number((await sql(`SELECT last_value FROM test_victim_once`)).rows[0].last_value)).toBe(2) // tried twice
      expect(titles(await other.search({ territory, text: 'chaudronnerie' }))).toEqual(['Chaudronnerie Hervé'])
      expect(await meta('changes')).toBe(before + 1) // the failed try took no change number
    } finally {
      await sql(`DROP TRIGGER IF EXISTS test_victim_once ON search_entries`)
      await sql(`DROP FUNCTION IF EXISTS test_victim_once()`)
      await sql(`DROP SEQUENCE IF EXISTS test_victim_once`)
    }
  })
})
