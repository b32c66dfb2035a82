/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements the PostgreSQL engine runs for one query of
 * each type of the benchmark mix, on a database the benchmark left behind:
 * `BENCH_KEEP=1 BENCH_STOP_AFTER_BUILD=1 node --conditions=production --import tsx scripts/bench/run.ts --db=postgres --size=100000`
 * then `node --conditions=production --import tsx scripts/bench/explain.ts postgres://…/<base> [territory]`
 * (`FULL=1`: whole plans). Filters, facets, distance and order run in memory (see
 * src/search/postgres/engine.ts): the statements are the change counter (with the words'
 * expansion when there are words), the full-text matches with `ts_rank` (only when the
 * matches found in memory are few, RANK_LIMIT), and the page's rows.
 */
import pg from 'pg'

import { COUNTERS_SQL } from '@/search/postgres/columns'
import { EXPAND_SQL, FULL_TEXT_SQL, HITS_SQL, tsqueryExpression } from '@/search/postgres/engine'
import { planQuery } from '@/search/query'
import { synonymsOf } from '@/search/synonyms'
import type { SearchQuery } from '@/search/types'

const [uri = 'postgres://postgres@127.0.0.1:5432/postgres', territory = '1'] = process.argv.slice(2)
const client = new pg.Client({ connectionString: uri })
await client.connect()

const queries: Array<[string, Omit<SearchQuery, 'territory'>]> = [
  ['mot', { text: 'boulangerie' }],
  ['préfixe', { text: 'boul' }],
  ['faute (aucune correspondance avant correction)', { text: 'plombeir' }],
  ['mot + commune', { text: 'pain Grandvilliers' }],
  ['mot très courant', { text: 'domicile' }],
]

async function explain(label: string, sql: string, values: unknown[] = []) {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values)
  const lines = rows.map((r) => r['QUERY PLAN'])
  console.log(`\n### ${label}`)
  if (process.env.FULL) return console.log(lines.join('\n'))
  // The scans (rows, buffers), the statement's total buffers and times.
  lines.forEach((line, i) => {
    if (/Scan|Sort Method|Disk/.test(line)) console.log(line.replace(/\(cost=[^)]*\) /, ''))
    if (/Scan/.test(line) && /^\s*Buffers/.test(lines[i + 1] ?? '')) console.log(lines[i + 1])
  })
  console.log(lines.find((l) => /^\s*Buffers/.test(l)) ?? '', '(total)')
  for (const line of lines) if (/Planning Time|Execution Time/.test(line)) console.log(line)
}

await explain('compteur des modifications (chaque recherche)', COUNTERS_SQL)
await explain('compteur et expansion des mots, mot connu « boulangerie »', EXPAND_SQL, [['boulangerie', 'boulanger', 'pain']])
await explain('compteur et expansion des mots, faute « plombeir »', EXPAND_SQL, [['plombeir']])
for (const [label, query] of queries) {
  const plan = planQuery({ territory, ...query })
  const groups = plan.terms.map((t) => [...new Set([t, ...synonymsOf(t)])])
  const tsquery = tsqueryExpression(groups, '&')!
  await explain(`texte intégral : ${label} ${JSON.stringify(query)} → ${tsquery}`, FULL_TEXT_SQL, [territory, tsquery])
}
const { rows } = await client.query<{ rid: string }>(`SELECT rid FROM search_entries ORDER BY updated_at DESC LIMIT 20`)
await explain('fiches de la page (20)', HITS_SQL, [rows.map((r) => r.rid)])
await client.end()
