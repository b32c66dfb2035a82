/**
 * One benchmark run (one database, one size), in its own process so that memory figures
 * and Payload's singleton stay separate: started by scripts/bench/index.ts, writes its
 * figures as JSON to --out.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { Payload } from 'payload'

import { SERVER_ARGS, SERVER_ENV } from '../lib/serverCommand.mjs'
import { type BenchQuery, benchQueries } from './queries'
import { type CommuneInfo, generateEntries } from './data'
import { percentiles, type Percentiles } from './stats'

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    size: { type: 'string', default: '10000' },
    out: { type: 'string' },
    http: { type: 'boolean', default: false },
    port: { type: 'string', default: '3303' },
    'naive-every': { type: 'string', default: '10' },
    'naive-budget-s': { type: 'string', default: '180' },
    'pg-uri': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
})

const db = args.db === 'postgres' ? 'postgres' : 'sqlite'
const size = Number(args.size)
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-bench-'))
let dropDatabase = async () => {}

if (db === 'sqlite') {
  process.env.DATABASE_URI = `file:${path.join(workDir, 'bench.db')}`
} else {
  const base = new URL(args['pg-uri']!)
  const name = `annuaire_bench_${process.pid}`
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: base.toString() })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(base.toString())
  url.pathname = `/${name}`
  process.env.DATABASE_URI = url.toString()
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: base.toString() })
    await c.connect()
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await c.end()
  }
}
process.env.PAYLOAD_LOG_LEVEL ??= 'warn'
// In process, the engine's own work is measured: no reuse of earlier results.
process.env.SEARCH_RESULT_CACHE = '0'

const log = (line: string) => process.stderr.write(`  [${db} ${size}] ${line}\n`)
const ms = (start: number) => performance.now() - start
const rssMb = () => Math.round(process.memoryUsage().rss / 1048576)

async function boot(): Promise<Payload> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const { runMigrations } = await import('@/database/migrate')
  const payload = await getPayload({ config })
  await runMigrations(payload)
  return payload
}

/** Inserts the generated entries straight into the collection tables (no hooks, no index). */
async function insertEntries(payload: Payload, territory: number, categories: Map<string, number>, communes: Map<string, number>) {
  const communeList = [...communes.keys()]
  const { docs } = await payload.find({ collection: 'communes', pagination: false, depth: 0, overrideAccess: true })
  const infos: CommuneInfo[] = docs
    .filter((c) => c.latitude != null && c.longitude != null)
    .map((c) => ({ inseeCode: c.inseeCode, name: c.name, latitude: c.latitude!, longitude: c.longitude!, population: c.population ?? 100 }))
  if (infos.length !== communeList.length) log(`${communeList.length - infos.length} commune(s) sans centre ignorée(s)`)
  const entries = generateEntries(size, infos)
  const adapter = payload.db as unknown as {
    drizzle: { insert(table: unknown): { values(rows: unknown[]): Promise<unknown> }; execute?: (q: unknown) => Promise<unknown> }
    tables: Record<string, unknown>
  }
  const ids = { businesses: 0, associations: 0, services: 0, announcements: 0 }
  const rows: Record<string, Array<Record<string, unknown>>> = {}
  const push = (table: string, row: Record<string, unknown>) => (rows[table] ??= []).push(row)
  const businessIds: number[] = []
  for (const e of entries) {
    const id = ++ids[e.kind]
    const base = {
      id,
      commune: communes.get(e.commune),
      latitude: e.latitude,
      longitude: e.longitude,
      slug: `bench-${e.kind}-${id}`,
      status: e.status,
      territory,
      isExample: false,
      updatedAt: e.updatedAt,
      createdAt: e.updatedAt,
    }
    const category = categories.get(e.category)
    if (category === undefined) throw new Error(`catégorie inconnue : ${e.category}`)
    if (e.kind === 'businesses' || e.kind === 'associations') {
      push(e.kind, { ...base, name: e.title, description: e.description })
      push(`${e.kind}_rels`, { order: 1, parent: id, path: 'categories', categoriesID: category })
      if (e.kind === 'businesses') businessIds.push(id)
    } else if (e.kind === 'services') {
      push('services', { ...base, title: e.title, description: e.description, priceType: e.priceType })
      push('services_rels', { order: 1, parent: id, path: 'categories', categoriesID: category })
      push('services_rels', { parent: id, path: 'provider', businessesID: businessIds[id % Math.max(1, businessIds.length)] ?? null })
    } else {
      push('announcements', { ...base, kind: e.announcementKind, title: e.title, body: e.description, category, priceType: e.priceType, expiresAt: e.expiresAt })
    }
  }
  // Parents first, then their relation rows.
  for (const table of ['businesses', 'associations', 'services', 'announcements', 'businesses_rels', 'associations_rels', 'services_rels']) {
    const list = (rows[table] ?? []).filter((r) => table !== 'services_rels' || r.path !== 'provider' || r.businessesID !== null)
    for (let i = 0; i < list.length; i += 400) await adapter.drizzle.insert(adapter.tables[table]).values(list.slice(i, i + 400))
  }
  if (db === 'postgres') {
    const pool = (payload.db as unknown as { pool: { query(q: string): Promise<unknown> } }).pool
    for (const table of ['businesses', 'associations', 'services', 'announcements']) {
      await pool.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT max(id) FROM ${table}), 1))`)
    }
  }
  return { published: entries.filter((e) => e.status === 'published').length }
}

async function timeQueries(run: (q: BenchQuery) => Promise<unknown>, queries: BenchQuery[], passes = 1): Promise<number[]> {
  const times: number[] = []
  for (let pass = 0; pass < passes; pass++) {
    for (const q of queries) {
      const start = performance.now()
      await run(q)
      times.push(ms(start))
    }
  }
  return times
}

type HttpFigures = {
  c1: Percentiles
  c16: Percentiles
  requests: number
  errors: number
  serverIdleRssMb: number
  /** CPU time per request during the c=16 run: the server process (all threads) and the load client. */
  c16CpuMsPerRequest: { server: number; client: number }
  /** Every c=16 pass (C16_PASSES, one after the other); `c16` is the one with the median p95. */
  c16Passes: Array<Percentiles & { cpuMsPerRequest: { server: number; client: number } }>
  serverRssMb: number
  serverPeakRssMb: number
  /** Concurrency 16 again with the result cache on (the same mix replayed: mostly hits). */
  c16Cached?: Percentiles
  cachedServerPeakRssMb?: number
}

async function httpBench(territory: number, queries: BenchQuery[]): Promise<HttpFigures | { skipped: string }> {
  const distDir = process.env.NEXT_DIST_DIR || '.next'
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
    return { skipped: `pas de build Next dans ${distDir} (lancez « NEXT_DIST_DIR=${distDir} npm run build »)` }
  }
  const port = Number(args.port)
  // First without the result cache (every request runs the engine), then with it: the mix
  // is replayed, so nearly every request of the second run is a hit.
  const cold = await httpRun(distDir, port, territory, queries, false)
  const warm = await httpRun(distDir, port, territory, queries, true)
  return { ...cold, c16Cached: warm.c16, cachedServerPeakRssMb: warm.serverPeakRssMb }
}

const PAGE_OF_KIND: Record<string, string> = { businesses: 'entreprises', associations: 'associations', services: 'services', announcements: 'annonces' }

/**
 * The public site's main pages, as a visitor sees them (home, search results, map, an entry
 * of each kind): the memory figure after the load then holds the site's code too, not only
 * the search route's.
 */
async function visitSitePages(base: string, territory: number) {
  const found = (await (await fetch(`${base}/api/search?territory=${territory}&q=boulangerie&limit=50`)).json()) as {
    hits: Array<{ kind: string; slug: string }>
  }
  const entries = [...new Map(found.hits.map((h) => [h.kind, `/${PAGE_OF_KIND[h.kind]}/${h.slug}`])).values()]
  for (const page of ['/', '/recherche?q=boulangerie', '/recherche?q=plombier&tri=distance', '/carte', '/categories', '/communes', ...entries]) {
    const response = await fetch(`${base}${page}`)
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`page ${page} : ${response.status}`)
  }
}

/**
 * The c=16 load is run this many times in a row (1,600 requests each): on a shared virtual
 * machine the speed of the same work varies by a third from one minute to the next, so the
 * table gives the pass with the median p95 and lists the p95 of each.
 */
const C16_PASSES = 3

async function httpRun(distDir: string, port: number, territory: number, queries: BenchQuery[], cache: boolean): Promise<HttpFigures> {
  const server = spawn(process.execPath, ['--no-deprecation', ...SERVER_ARGS], {
    env: {
      ...SERVER_ENV,
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      NEXT_DIST_DIR: distDir,
      ANNUAIRE_DEMO: '0',
      // Every request comes from 127.0.0.1: the abuse limits would refuse most of the load.
      RATE_LIMIT_SCALE: '100000',
      SEARCH_RESULT_CACHE: cache ? '1' : '0',
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  const keep = (chunk: unknown) => (stderr = (stderr + String(chunk)).slice(-4000))
  server.stderr!.on('data', keep)
  server.stdout!.on('data', keep)
  try {
    const base = `http://127.0.0.1:${port}`
    const deadline = Date.now() + 120_000
    for (;;) {
      if (server.exitCode !== null) {
        throw new Error(`le serveur s’est arrêté (code ${server.exitCode}) : ${stderr.slice(-2000)}`)
      }
      const ok = await fetch(`${base}/readyz`).then((r) => r.ok).catch(() => false)
      if (ok) break
      if (Date.now() > deadline) throw new Error('le serveur ne répond pas après 120 s')
      await new Promise((r) => setTimeout(r, 500))
    }
    const paths = queries.map(({ query }) => {
      const p = new URLSearchParams({ territory: String(territory) })
      if (query.text) p.set('q', query.text)
      for (const c of query.categories ?? []) p.append('category', String(c))
      for (const c of query.communes ?? []) p.append('commune', String(c))
      for (const k of query.kinds ?? []) p.append('kind', k)
      for (const t of query.priceTypes ?? []) p.append('price', t)
      if (query.near) {
        p.set('lat', String(query.near.latitude))
        p.set('lng', String(query.near.longitude))
        if (query.near.radiusKm) p.set('radius', String(query.near.radiusKm))
      }
      if (query.sort) p.set('sort', query.sort)
      if (query.page) p.set('page', String(query.page))
      return `/api/search?${p}`
    })
    const rssOf = () => {
      const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8')
      const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
      return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) }
    }
    /** CPU time (ms) the server process has used, all its threads together (/proc: clock ticks of 10 ms). */
    const serverCpuMs = () => {
      const fields = fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      return (Number(fields[11]) + Number(fields[12])) * 10
    }
    // Next.js and Payload started, no search run yet (the search workers hold their columns).
    const idleRssMb = rssOf().rss
    const { default: autocannon } = await import('autocannon')
    const load = async (connections: number, amount: number) => {
      let next = 0
      const latencies: number[] = []
      let errors = 0
      const instance = autocannon({
        url: base,
        connections,
        amount,
        timeout: 30,
        requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: paths[next++ % paths.length]! }) }],
      })
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        latencies.push(responseTime)
        if (statusCode !== 200) errors++
      })
      const result = await instance
      return { latencies, errors: errors + result.errors + result.timeouts, requests: result.requests.total }
    }
    // Warm-up: a server in service has run thousands of searches, and V8 optimises the search
    // threads' code as they come (after a 200-request warm-up only, the first c=16 pass was
    // the slowest of the three in each of three runs on 4/12/2026); then 1,600 more at c=16.
    await load(4, paths.length)
    if (!cache) await load(16, paths.length * 8)
    const c1 = cache ? { latencies: [], errors: 0, requests: 0 } : await load(1, paths.length * 2)
    const passes: HttpFigures['c16Passes'] = []
    let c16Requests = 0
    let c16Errors = 0
    for (let pass = 0; pass < (cache ? 1 : C16_PASSES); pass++) {
      // The load client shares the two cores and holds what this process did before (data
      // generation, naive baseline): its garbage is collected between passes, not during one.
      ;(globalThis as { gc?: () => void }).gc?.()
      const [serverBefore, clientBefore] = [serverCpuMs(), process.cpuUsage()]
      const c16 = await load(16, paths.length * 8)
      const clientUsage = process.cpuUsage(clientBefore)
      c16Requests += c16.requests
      c16Errors += c16.errors
      passes.push({
        ...percentiles(c16.latencies),
        cpuMsPerRequest: {
          server: (serverCpuMs() - serverBefore) / Math.max(1, c16.requests),
          client: (clientUsage.user + clientUsage.system) / 1000 / Math.max(1, c16.requests),
        },
      })
    }
    const median = [...passes].sort((a, b) => a.p95 - b.p95)[Math.floor(passes.length / 2)]!
    const { cpuMsPerRequest, ...c16 } = median
    await visitSitePages(base, territory)
    const { rss, peak } = rssOf()
    return {
      c1: percentiles(c1.latencies),
      c16,
      requests: c1.requests + c16Requests,
      errors: c1.errors + c16Errors,
      serverIdleRssMb: idleRssMb,
      c16CpuMsPerRequest: cpuMsPerRequest,
      c16Passes: passes,
      serverRssMb: rss,
      serverPeakRssMb: peak,
    }
  } finally {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r))
      server.kill('SIGTERM')
      await exited
    }
  }
}

async function main() {
  const started = performance.now()
  const payload = await boot()
  const { importEpci } = await import('@/territories/importEpci')
  const { seedCategories } = await import('@/seed/categories')
  const { getSearchEngine } = await import('@/search')
  const { closeDatabase } = await import('@/database/close')
  const report = await importEpci(payload, '246000848')
  const territory = report.territory.id as number
  const categories = (await seedCategories(payload)) as Map<string, number>
  const { docs: communeDocs } = await payload.find({ collection: 'communes', pagination: false, depth: 0, overrideAccess: true })
  const communes = new Map(communeDocs.map((c) => [c.inseeCode, c.id as number]))
  const engine = getSearchEngine(payload)
  await engine.ensureSchema()

  let start = performance.now()
  const { published } = await insertEntries(payload, territory, categories, communes)
  const insertMs = ms(start)
  log(`${size} fiches insérées (${published} publiées) en ${(insertMs / 1000).toFixed(1)} s`)

  start = performance.now()
  const { indexed } = await engine.rebuild()
  const buildMs = ms(start)
  log(`index construit (${indexed} fiches) en ${(buildMs / 1000).toFixed(1)} s`)

  if (process.env.BENCH_STOP_AFTER_BUILD === '1') return
  const queries = benchQueries({
    categories: [...categories.values()],
    communes: communeDocs.filter((c) => c.latitude != null).map((c) => ({ id: c.id, name: c.name, latitude: c.latitude!, longitude: c.longitude! })),
  })
  const search = (q: BenchQuery) => engine.search({ territory, ...q.query })
  await timeQueries(search, queries) // warm-up
  const engineTimes = await timeQueries(search, queries, 2)
  const byLabel: Record<string, Percentiles> = {}
  for (const label of [...new Set(queries.map((q) => q.label))]) {
    const idx = queries.flatMap((q, i) => (q.label === label ? [i, i + queries.length] : []))
    byLabel[label] = percentiles(idx.map((i) => engineTimes[i]!))
  }
  let zeroHits = 0
  for (const q of queries) if ((await search(q)).total === 0) zeroHits++
  log(`moteur : p95 ${percentiles(engineTimes).p95.toFixed(1)} ms sur ${queries.length} requêtes × 2`)

  ;(globalThis as { gc?: () => void }).gc?.()
  const inProcessRssMb = rssMb()

  // Naive baseline on a fixed subset (every n-th query): it fetches every match.
  const every = Math.max(1, Number(args['naive-every']))
  const subset = queries.filter((_, i) => i % every === 0)
  const { naiveSearch } = await import('./naive')
  // Stops once the budget is spent (the naive way reads every match: minutes at 100,000).
  const budgetMs = Number(args['naive-budget-s']) * 1000
  const naiveTimes: number[] = []
  const naiveStarted = performance.now()
  for (const q of subset) {
    if (ms(naiveStarted) > budgetMs) break
    naiveTimes.push((await timeQueries((x) => naiveSearch(payload, { territory, ...x.query }), [q]))[0]!)
  }
  const measured = subset.slice(0, naiveTimes.length)
  const engineSubset = await timeQueries(search, measured, 2)
  log(`naïf : p95 ${percentiles(naiveTimes).p95.toFixed(1)} ms sur ${measured.length} requêtes`)

  const sqliteVersion =
    db === 'sqlite'
      ? String((await (payload.db as unknown as { client: { execute(s: string): Promise<{ rows: Array<Record<string, unknown>> }> } }).client.execute('select sqlite_version() v')).rows[0]?.v)
      : String(((await (payload.db as unknown as { pool: { query(s: string): Promise<{ rows: Array<Record<string, unknown>> }> } }).pool.query('show server_version')).rows[0]?.server_version))
  // Never let a connection that will not close hold the benchmark up.
  await Promise.race([closeDatabase(payload).catch(() => {}), new Promise((resolve) => setTimeout(resolve, 10_000))])
  log('base fermée')

  const http = args.http
    ? await httpBench(territory, queries).catch((error: unknown) => ({ skipped: `échec : ${error instanceof Error ? error.message : String(error)}` }))
    : { skipped: 'désactivé (--no-http)' }
  if ('c16' in http) log(`HTTP : p95 ${http.c1.p95.toFixed(1)} ms (c=1), ${http.c16.p95.toFixed(1)} ms (c=16)`)
  else log(`HTTP : ${http.skipped}`)

  const result = {
    db,
    dbVersion: sqliteVersion,
    size,
    published,
    indexed,
    insertMs,
    buildMs,
    engine: percentiles(engineTimes),
    byLabel,
    zeroHits,
    naive: { queries: measured.length, planned: subset.length, every, times: percentiles(naiveTimes), engineSameQueries: percentiles(engineSubset) },
    inProcessRssMb,
    http,
    totalMs: ms(started),
  }
  fs.writeFileSync(args.out ?? path.join(workDir, 'result.json'), JSON.stringify(result, null, 2))
}

try {
  await main()
} finally {
  if (process.env.BENCH_KEEP === '1') log(`base conservée : ${process.env.DATABASE_URI}`)
  else {
    await dropDatabase().catch(() => {})
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}
process.exit(0)
