/**
 * Checks that the PostgreSQL engine finds in memory the very entries the GIN index finds:
 * the 200 queries of the benchmark mix, ranked in memory whatever the number of matches
 * (rankLimit 0) and by ts_rank over the GIN index's matches (rankLimit ∞); totals and
 * facets must be equal (the pages may differ: the ranking differs). On a database the
 * benchmark left behind (see pgCpu.ts):
 * `node --conditions=production --import tsx scripts/bench/pgCompare.ts postgres://…/<base>`.
 */
import type { Payload } from 'payload'
import pg from 'pg'

import { PostgresSearchEngine } from '@/search/postgres/engine'

import { benchQueries } from './queries'

const uri = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/annuaire_bench_pg'
process.env.SEARCH_RESULT_CACHE = '0'
const pool = new pg.Pool({ connectionString: uri, max: 4 })
const logger = { info: () => {}, warn: console.warn, error: console.error }
const sqlRank = new PostgresSearchEngine({ db: { pool }, logger } as unknown as Payload, { rankLimit: Number.POSITIVE_INFINITY })
const memory = new PostgresSearchEngine({ db: { pool }, logger } as unknown as Payload, { rankLimit: 0 })
const territory = (await pool.query(`SELECT id FROM territories ORDER BY id LIMIT 1`)).rows[0]!.id as number
const categories = (await pool.query(`SELECT id FROM categories ORDER BY id`)).rows
const communes = (await pool.query(`SELECT id, name, latitude, longitude FROM communes WHERE latitude IS NOT NULL ORDER BY id`)).rows
const queries = benchQueries({
  categories: categories.map((c) => c.id as number),
  communes: communes.map((c) => ({ id: c.id as number, name: String(c.name), latitude: Number(c.latitude), longitude: Number(c.longitude) })),
})
let same = 0
let sameTop = 0
for (const q of queries) {
  const a = await sqlRank.search({ territory, ...q.query })
  const b = await memory.search({ territory, ...q.query })
  const facets = JSON.stringify(a.facets) === JSON.stringify(b.facets) && a.total === b.total
  if (facets) same++
  else console.log('DIFF', q.label, JSON.stringify(q.query), a.total, b.total)
  if (a.hits.map((h) => h.title).join() === b.hits.map((h) => h.title).join()) sameTop++
}
console.log(`${same}/${queries.length} mêmes totaux et facettes ; ${sameTop} mêmes pages`)
await pool.end()
if (same !== queries.length) process.exit(1)
