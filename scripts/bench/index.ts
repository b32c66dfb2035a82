/**
 * Search benchmark: `npm run bench` (10,000 and 100,000 entries) or `npm run bench -- --quick`
 * (10,000 only). For each size and database (SQLite; PostgreSQL when BENCH_POSTGRES_URI or
 * TEST_POSTGRES_URI answers): a deterministic data set inserted straight into the tables,
 * the index rebuilt (timed), 200 fixed queries in process (twice, after a warm-up), the
 * naive baseline on every 10th query (within a time budget), and over HTTP with autocannon at concurrency 1 and 16
 * when a production build exists (NEXT_DIST_DIR, default .next). Prints the table and
 * writes it to docs/benchmarks.md with the machine it ran on.
 *
 * Options: --quick, --sizes=10000,100000, --no-postgres, --no-http, --no-write, --port=3303 (HTTP server),
 * --naive-budget-s=180 (time given to the naive baseline per run), --note="…" (a line added to the machine section).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { NODE_TS_ARGS } from '../lib/serverCommand.mjs'
import type { Percentiles } from './stats'

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    'no-postgres': { type: 'boolean', default: false },
    'no-http': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    port: { type: 'string', default: '3303' },
    'naive-budget-s': { type: 'string', default: '180' },
    /** A line added to the machine section (e.g. other work running during the measure). */
    note: { type: 'string' },
  },
})

type HttpFigures = {
  c1: Percentiles
  c16: Percentiles
  requests: number
  errors: number
  serverIdleRssMb?: number
  c16CpuMsPerRequest?: { server: number; client: number }
  c16Passes?: Array<{ p95: number }>
  serverRssMb: number
  serverPeakRssMb: number
  c16Cached?: Percentiles
  cachedServerPeakRssMb?: number
}
type RunResult = {
  db: 'sqlite' | 'postgres'
  dbVersion: string
  size: number
  published: number
  indexed: number
  insertMs: number
  buildMs: number
  engine: Percentiles
  byLabel: Record<string, Percentiles>
  zeroHits: number
  naive: { queries: number; planned: number; every: number; times: Percentiles; engineSameQueries: Percentiles }
  inProcessRssMb: number
  http: HttpFigures | { skipped: string }
  totalMs: number
}

const sizes = args.sizes ? args.sizes.split(',').map(Number) : args.quick ? [10_000] : [10_000, 100_000]
const pgUri = process.env.BENCH_POSTGRES_URI || process.env.TEST_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/postgres'

async function postgresAnswers(): Promise<boolean> {
  if (args['no-postgres']) return false
  try {
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: pgUri, connectionTimeoutMillis: 2000 })
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

function run(db: 'sqlite' | 'postgres', size: number): Promise<RunResult> {
  const out = path.join(os.tmpdir(), `annuaire-bench-${process.pid}-${db}-${size}.json`)
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--no-deprecation',
        '--expose-gc',
        ...NODE_TS_ARGS,
        'scripts/bench/run.ts',
        `--db=${db}`,
        `--size=${size}`,
        `--out=${out}`,
        `--pg-uri=${pgUri}`,
        `--port=${args.port}`,
        `--naive-budget-s=${args['naive-budget-s']}`,
        ...(args['no-http'] ? [] : ['--http']),
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    )
    child.on('exit', (code) => {
      if (code !== 0 || !fs.existsSync(out)) return reject(new Error(`la mesure ${db} ${size} a échoué (code ${code})`))
      const result = JSON.parse(fs.readFileSync(out, 'utf8')) as RunResult
      fs.rmSync(out, { force: true })
      resolve(result)
    })
  })
}

const f1 = (n: number) => n.toFixed(1)
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const triple = (p: Percentiles) => `${f1(p.p50)} / ${f1(p.p95)} / ${f1(p.p99)}`

function table(results: RunResult[]): string {
  const lines = [
    '| base | fiches (publiées) | construction de l’index | en processus p50 / p95 / p99 (ms) | HTTP c=1 p50 / p95 / p99 (ms) | HTTP c=16 p50 / p95 / p99 (ms) | CPU par requête à c=16, serveur / client (ms) | HTTP c=16 avec cache de résultats (ms) | naïf p95 (ms) | rapport p95 naïf / moteur | RSS en processus | RSS serveur au repos / après la charge et les pages du site (pic) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const r of results) {
    const http = 'c16' in r.http ? r.http : null
    const ratio = r.naive.times.p95 / Math.max(0.01, r.naive.engineSameQueries.p95)
    lines.push(
      `| ${r.db === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${r.dbVersion} | ${r.size.toLocaleString('fr-FR')} (${r.indexed.toLocaleString('fr-FR')}) | ${s1(r.buildMs)} | ${triple(r.engine)} | ${http ? triple(http.c1) : '—'} | ${http ? `${triple(http.c16)}${http.c16Passes && http.c16Passes.length > 1 ? ` (p95 des ${http.c16Passes.length} passes : ${http.c16Passes.map((p) => f1(p.p95)).join(' / ')})` : ''}` : '—'} | ${http?.c16CpuMsPerRequest ? `${f1(http.c16CpuMsPerRequest.server)} / ${f1(http.c16CpuMsPerRequest.client)}` : '—'} | ${http?.c16Cached ? triple(http.c16Cached) : '—'} | ${f1(r.naive.times.p95)} | ×${ratio.toFixed(0)} | ${r.inProcessRssMb} Mo | ${http ? `${http.serverIdleRssMb ?? '?'} / ${http.serverRssMb} Mo (${http.serverPeakRssMb} Mo)` : '—'} |`,
    )
  }
  return lines.join('\n')
}

function detail(results: RunResult[]): string {
  const labels = [...new Set(results.flatMap((r) => Object.keys(r.byLabel)))]
  const lines = [
    `| base | fiches | ${labels.join(' | ')} |`,
    `|---|---|${labels.map(() => '---').join('|')}|`,
    ...results.map((r) => `| ${r.db} | ${r.size.toLocaleString('fr-FR')} | ${labels.map((l) => (r.byLabel[l] ? `${f1(r.byLabel[l]!.p50)} / ${f1(r.byLabel[l]!.p95)}` : '—')).join(' | ')} |`),
  ]
  return lines.join('\n')
}

function machine(): string {
  const cpus = os.cpus()
  const load = os.loadavg().map((l) => l.toFixed(1)).join(', ')
  return [
    `- Date : ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- Processeur : ${cpus[0]?.model ?? 'inconnu'}, ${cpus.length} cœurs ; mémoire ${(os.totalmem() / 1024 ** 3).toFixed(1)} Go`,
    `- Système : ${os.type()} ${os.release()} (${os.arch()}), Node ${process.version}`,
    `- Charge moyenne à la fin de la mesure (1, 5, 15 min) : ${load}`,
    ...(args.note ? [`- ${args.note}`] : []),
  ].join('\n')
}

async function main() {
  const dbs: Array<'sqlite' | 'postgres'> = ['sqlite']
  if (await postgresAnswers()) dbs.push('postgres')
  else console.error(`PostgreSQL ne répond pas sur ${pgUri} : mesure SQLite seulement.`)
  const results: RunResult[] = []
  for (const size of sizes) {
    for (const db of dbs) {
      console.error(`\n▶ ${db}, ${size.toLocaleString('fr-FR')} fiches`)
      results.push(await run(db, size))
    }
  }
  const skipped = results.map((r) => ('skipped' in r.http ? r.http.skipped : null)).find(Boolean)
  const summary = table(results)
  console.log(`\n${summary}\n`)
  if (skipped) console.log(`HTTP non mesuré : ${skipped}`)
  if (args['no-write']) return
  const doc = fs.readFileSync(path.resolve('scripts/bench/benchmarks.template.md'), 'utf8')
    .replace('{{machine}}', machine())
    .replace('{{table}}', summary)
    .replace('{{detail}}', detail(results))
    .replace('{{http}}', skipped ? `\n> HTTP non mesuré lors de cette exécution : ${skipped}.\n` : '')
    .replace('{{raw}}', JSON.stringify(results, null, 2))
  fs.writeFileSync(path.resolve('docs/benchmarks.md'), doc)
  console.log('Écrit dans docs/benchmarks.md')
}

main().catch((error) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
