/**
 * Response compression, the way src/server/compression.ts does it, on the site's real pages:
 * `node --import tsx scripts/bench/compression.ts <base URL of a running server>`.
 * For each page (fetched uncompressed, so after the runtime is stripped) and each vendor
 * file: its size, its size in brotli and gzip at the levels the site uses, the CPU time of one
 * compression, and how long the event loop is held by one compression done synchronously
 * (as before) and asynchronously (zlib on the thread pool, as now). Prints a Markdown table
 * for docs/benchmarks.md.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import zlib from 'node:zlib'

import { compressWith, type Effort, type Encoding } from '@/server/compression'

const base = (process.argv[2] ?? process.env.BASE_URL ?? '').replace(/\/$/, '')
if (!base) {
  console.error('Indiquez l’adresse du serveur : node --import tsx scripts/bench/compression.ts http://127.0.0.1:3950')
  process.exit(2)
}
const ROUNDS = 40
const PAGES = ['/', '/recherche?tri=date', '/recherche?q=boulangerie']
const VENDOR = ['leaflet/dist/leaflet.js', 'leaflet.markercluster/dist/leaflet.markercluster.js']
const LEVELS: Record<Effort, Record<Encoding, number>> = { page: { br: 6, gzip: 6 }, static: { br: 11, gzip: 9 } }

function syncCompress(body: Buffer, encoding: Encoding, effort: Effort): Buffer {
  const level = LEVELS[effort][encoding]
  return encoding === 'br' ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: level } }) : zlib.gzipSync(body, { level })
}

const ms = (value: number) => value.toFixed(2).replace('.', ',')
const kb = (bytes: number) => (bytes / 1000).toFixed(1).replace('.', ',')

async function measure(name: string, body: Buffer, effort: Effort, rounds: number): Promise<string> {
  const cells: string[] = []
  for (const encoding of ['br', 'gzip'] as const) {
    const compressed = await compressWith(body, encoding, effort)
    if (!syncCompress(body, encoding, effort).equals(compressed)) throw new Error(`${name} ${encoding} : octets différents`)
    // Synchronous: the event loop is held for the whole compression (CPU time ≈ that time).
    const cpu = process.cpuUsage()
    let held = 0
    for (let i = 0; i < rounds; i++) {
      const start = performance.now()
      syncCompress(body, encoding, effort)
      held += performance.now() - start
    }
    const used = process.cpuUsage(cpu)
    // Asynchronous: the event loop is held only while the call hands the work over.
    let handOver = 0
    for (let i = 0; i < rounds; i++) {
      const start = performance.now()
      const pending = compressWith(body, encoding, effort)
      handOver += performance.now() - start
      await pending
    }
    cells.push(`${kb(compressed.length)} Ko`, `${ms((used.user + used.system) / 1000 / rounds)} ms`, `${ms(held / rounds)} → ${ms(handOver / rounds)} ms`)
  }
  return `| ${name} | ${kb(body.length)} Ko | ${cells.join(' | ')} |`
}

const rows: string[] = []
for (const page of PAGES) {
  const response = await fetch(`${base}${page}`, { headers: { 'accept-encoding': 'identity' } })
  rows.push(await measure(`page ${page}`, Buffer.from(await response.arrayBuffer()), 'page', ROUNDS))
}
for (const file of VENDOR) {
  rows.push(await measure(`fichier ${path.basename(file)} (une fois)`, readFileSync(path.join(process.cwd(), 'node_modules', file)), 'static', 3))
}
console.log('| réponse | brute | brotli | CPU brotli | boucle bloquée brotli (sync → async) | gzip | CPU gzip | boucle bloquée gzip (sync → async) |')
console.log('|---|---|---|---|---|---|---|---|')
for (const row of rows) console.log(row)
