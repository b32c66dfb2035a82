/**
 * Micro-benchmarks of the small pieces handed to libraries (docs/benchmarks.md,
 * « Bibliothèques ») : the search result cache (256 entries, a realistic mix of hits, misses
 * and new entries) and CSV writing (the open-data export of 5,000 rows). Prints the fastest
 * of 15 runs in ms of CPU time of this thread's process (the machine may be busy: CPU time
 * and the fastest run are what other work disturbs least). `MICRO_BASE=<folder>` measures another copy of `resultCache.ts` and `csv.ts`
 * (e.g. the previous version, from `git show`), for a before/after on the same machine.
 *
 *   node --import tsx scripts/bench/micro.ts
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'

type Cache = { get(key: string, version: number, now: number): string | null; set(key: string, version: number, now: number, validUntil: number, value: string): void }
type CacheModule = { ResultCache: new (enabled?: boolean) => Cache }
type CsvModule = { toCsv(rows: unknown[][], separator?: string): string }

const base = process.env.MICRO_BASE
const load = async <T>(local: string, file: string): Promise<T> =>
  (await import(base ? pathToFileURL(path.resolve(base, file)).href : local)) as T

function time(work: () => void): number {
  for (let i = 0; i < 3; i++) work()
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < 15; i++) {
    const start = process.cpuUsage()
    work()
    const used = process.cpuUsage(start)
    best = Math.min(best, (used.user + used.system) / 1000)
  }
  return best
}

const { ResultCache } = await load<CacheModule>('../../src/search/resultCache.ts', 'resultCache.ts')
const { toCsv } = await load<CsvModule>('../../src/reports/csv.ts', 'csv.ts')

// 200,000 operations over 600 keys (popular ones more often): about 40 % misses, as under load.
const keys = Array.from({ length: 200_000 }, (_, i) => `q${Math.floor(600 * ((i * 7919) % 1000 / 1000) ** 2)}`)
const cacheMs = time(() => {
  const cache = new ResultCache(true)
  let now = 0
  for (const key of keys) {
    now += 1
    if (cache.get(key, 1, now) === null) cache.set(key, 1, now, now + 60_000, key)
  }
})

const rows = Array.from({ length: 5_000 }, (_, i) => [
  i,
  `Boulangerie n° ${i}, "chez Martin"`,
  i % 50 === 0 ? '=HYPERLINK("http://x")' : 'Grandvilliers',
  'Pain, viennoiseries\nlivraison le mardi',
  49.66 + i / 1e5,
  -1.5,
])
const csvMs = time(() => {
  toCsv(rows, ';')
})

console.log(JSON.stringify({ base: base ?? 'current', resultCacheMs: Number(cacheMs.toFixed(2)), csv5000RowsMs: Number(csvMs.toFixed(2)) }))
