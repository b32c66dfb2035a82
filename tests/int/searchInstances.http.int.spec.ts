import type { Payload } from 'payload'

import { extraPort } from '../support/forms'
import { bootLocalPayload } from '../support/localPayload'
import { type SearchWorld, seedSearchWorld } from '../support/searchWorld'
import { type SpawnedServer, spawnServer } from '../support/spawnServer'

/**
 * Two processes on one PostgreSQL database, as in a multi-instance installation: this test
 * process publishes entries through its own Payload (its hooks write the search index, as
 * another server instance would), and a production server (src/server.ts, the build
 * `npm test` made) is started in the middle of those writes and searched over HTTP.
 * Needs the build and TEST_POSTGRES_URI.
 */
const describeIfServer = process.env.TEST_POSTGRES_URI && process.env.TEST_BASE_URL ? describe : describe.skip

type SearchAnswer = { total: number; hits: Array<{ title: string }> }
type LogLine = { time?: number; msg?: string }

describeIfServer('a PostgreSQL server started while another instance writes', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let server: SpawnedServer | undefined
  let world: SearchWorld

  beforeAll(async () => {
    ;({ payload, cleanup } = await bootLocalPayload('postgres'))
    world = await seedSearchWorld(payload)
  }, 600_000)

  afterAll(async () => {
    await server?.stop()
    await cleanup?.()
  })

  it('is ready once its search columns are loaded, then answers every write at once, never from a stale cache', async () => {
    // Entries published one after another, from before the server starts until told to stop.
    const names: string[] = []
    let stop = false
    const writing = (async () => {
      for (let i = 1; !stop; i++) {
        await world.publish(`Cordonnerie numéro ${i}`)
        names.push(`Cordonnerie numéro ${i}`)
        await new Promise((r) => setTimeout(r, 200))
      }
    })()
    server = await spawnServer(extraPort(0), { DATABASE_URI: process.env.DATABASE_URI!, ANNUAIRE_DEMO: '0', JOBS_AUTORUN: '0' })
    const base = server.baseUrl

    // /readyz: 503 (« search-warming ») until the warm-up has loaded the columns.
    const seen = new Set<string>()
    let readyAt = 0
    for (const until = Date.now() + 60_000; !readyAt && Date.now() < until; ) {
      const answer = await fetch(`${base}/readyz`)
      seen.add(String(((await answer.json()) as { status: string }).status))
      if (answer.status === 200) readyAt = Date.now()
      else await new Promise((r) => setTimeout(r, 50))
    }
    expect(readyAt).toBeGreaterThan(0)
    expect([...seen].filter((s) => s !== 'ok' && s !== 'search-warming')).toEqual([])
    // Information lines reach the log within a second (src/logging/logger.ts).
    let warmed: LogLine | undefined
    for (const until = Date.now() + 5_000; !warmed && Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
      warmed = server
        .log()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as LogLine)
        .find((line) => line.msg?.includes('chargée(s) en mémoire'))
    }
    expect(warmed?.msg).toMatch(/^Recherche : \d+ fiche\(s\) chargée\(s\) en mémoire en \d+ ms\.$/)
    expect(warmed!.time!).toBeLessThanOrEqual(readyAt)

    // Searched while the writes go on: never more than what was written (the same URL each
    // time, so the result cache answers whenever the index has not moved).
    const url = `${base}/api/search?territory=${world.territory}&q=cordonnerie&limit=50`
    const search = async () => (await (await fetch(url)).json()) as SearchAnswer
    const during: Array<{ total: number; writtenBefore: number; writtenAfter: number }> = []
    for (let i = 0; i < 20; i++) {
      const writtenBefore = names.length
      const { total } = await search()
      during.push({ total, writtenBefore, writtenAfter: names.length })
      await new Promise((r) => setTimeout(r, 100))
    }
    stop = true
    await writing
    expect(during.every(({ total, writtenBefore, writtenAfter }) => total >= writtenBefore && total <= writtenAfter + 1)).toBe(true)
    expect(new Set(during.map((d) => d.total)).size).toBeGreaterThan(1) // the writes went on while it answered

    // The first search after the last write sees every entry, with no wait.
    const started = Date.now()
    const after = await search()
    expect(Date.now() - started).toBeLessThan(1000)
    expect(after.total).toBe(names.length)

    // An archive made by the other instance: gone from the next answer of the same URL.
    const { docs } = await payload.find({ collection: 'businesses', where: { name: { equals: names[0] } }, depth: 0, overrideAccess: true })
    await payload.update({ collection: 'businesses', id: docs[0]!.id, overrideAccess: true, data: { status: 'archived' } })
    const archived = await search()
    expect(archived.total).toBe(names.length - 1)
    expect(archived.hits.map((h) => h.title)).not.toContain(names[0])

    // Stopped: the background catch-up ends before the database closes, with nothing to warn about.
    await server.stop()
    const searchWarnings = server
      .log()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine & { level: number })
      .filter((line) => line.level >= 40 && line.msg?.startsWith('Recherche'))
    expect(searchWarnings).toEqual([])
  }, 300_000)
})
