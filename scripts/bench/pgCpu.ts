/**
 * Processor time of the PostgreSQL engine per search, by query type of the benchmark mix:
 * Node (process.cpuUsage of this process) and the PostgreSQL server (user + system time
 * of this database's backends, from /proc), on a database the benchmark left behind:
 * `BENCH_KEEP=1 BENCH_STOP_AFTER_BUILD=1 node --conditions=production --import tsx scripts/bench/run.ts --db=postgres --size=100000`
 * then `node --conditions=production --import tsx scripts/bench/pgCpu.ts postgres://…/<base> [rounds]`.
 * Processor time rather than elapsed time: it holds on a shared, loaded machine. The engine
 * runs on its own pool (no Payload boot); the result cache is off.
 */
import fs from 'node:fs'

import type { Payload } from 'payload'
import pg from 'pg'

import { PostgresSearchEngine } from '@/search/postgres/engine'

import { type BenchQuery, benchQueries } from './queries'

const [uri = 'postgres://postgres@127.0.0.1:5432/annuaire_bench_pg', roundsArg = '3'] = process.argv.slice(2)
const rounds = Number(roundsArg)
process.env.SEARCH_RESULT_CACHE = '0'

const pool = new pg.Pool({ connectionString: uri, max: 4 })
const logger = { info: () => {}, warn: console.warn, error: console.error }
const engine = new PostgresSearchEngine({ db: { pool }, logger } as unknown as Payload)

const { rows: territories } = await pool.query(`SELECT id FROM territories ORDER BY id LIMIT 1`)
const territory = territories[0]!.id as number
const { rows: categories } = await pool.query(`SELECT id FROM categories ORDER BY id`)
const { rows: communes } = await pool.query(`SELECT id, name, latitude, longitude FROM communes WHERE latitude IS NOT NULL ORDER BY id`)
const queries = benchQueries({
  categories: categories.map((c) => c.id as number),
  communes: communes.map((c) => ({ id: c.id as number, name: String(c.name), latitude: Number(c.latitude), longitude: Number(c.longitude) })),
})

const ticksPerMs = 100 / 1000 // USER_HZ
/** User + system time (ms) of this database's server processes. */
async function serverCpuMs(): Promise<number> {
  const { rows } = await pool.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)
  let ticks = 0
  for (const { pid } of rows) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // gone meanwhile
    }
  }
  return ticks / ticksPerMs
}

const search = (q: BenchQuery) => engine.search({ territory, ...q.query })
const loadStarted = performance.now()
const { entries } = await engine.warmUp()
const loadMs = performance.now() - loadStarted
;(globalThis as { gc?: () => void }).gc?.()
console.log(`colonnes et mots de ${entries} fiches chargés en ${(loadMs / 1000).toFixed(1)} s ; tas ${Math.round(process.memoryUsage().heapUsed / 1048576)} Mo`)
for (const q of queries) await search(q) // warm-up: plans, caches, the columns

const labels = [...new Set(queries.map((q) => q.label))]
const lines: string[] = []
let allNode = 0
let allServer = 0
let allCount = 0
for (const label of labels) {
  const subset = queries.filter((q) => q.label === label)
  const server = await serverCpuMs()
  const node = process.cpuUsage()
  for (let r = 0; r < rounds; r++) for (const q of subset) await search(q)
  const used = process.cpuUsage(node)
  const nodeMs = (used.user + used.system) / 1000
  const serverMs = (await serverCpuMs()) - server
  const n = subset.length * rounds
  allNode += nodeMs
  allServer += serverMs
  allCount += n
  lines.push(`| ${label} | ${n} | ${(nodeMs / n).toFixed(2)} | ${(serverMs / n).toFixed(2)} | ${((nodeMs + serverMs) / n).toFixed(2)} |`)
}
lines.push(`| toutes | ${allCount} | ${(allNode / allCount).toFixed(2)} | ${(allServer / allCount).toFixed(2)} | ${((allNode + allServer) / allCount).toFixed(2)} |`)
console.log('| type | recherches | Node (ms) | PostgreSQL (ms) | total (ms) |\n|---|---|---|---|---|')
console.log(lines.join('\n'))
engine.stopFollowing()
await pool.end()
