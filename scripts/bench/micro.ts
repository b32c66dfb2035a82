/**
 * Micro-benchmarks of the small pieces handed to libraries (docs/benchmarks.md,
 * « Bibliothèques ») : the search result cache (256 entries, a realistic mix of hits, misses
 * and new entries), CSV writing (the open-data export of 5,000 rows) and the time-zone
 * arithmetic of opening hours against `@date-fns/tz` (Payload's own dependency). Prints the fastest
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

// Opening hours: the wall clock of 20,000 instants, and 5,000 local times back to instants.
const { wallClock, localToInstant } = await import('@/fields/openingHours/zonedTime')
const { TZDate } = await import('@date-fns/tz')
const ZONE = 'Europe/Paris'
const instants = Array.from({ length: 20_000 }, (_, i) => Date.UTC(2026, 0, 1) + i * 1_571_000)
const locals = instants.slice(0, 5_000)
const pad = (value: number) => String(value).padStart(2, '0')
const handWrittenMs = time(() => {
  for (const instant of instants) wallClock(new Date(instant), ZONE)
  for (const local of locals) localToInstant(local, ZONE)
})
const dateFnsTzMs = time(() => {
  for (const instant of instants) {
    const d = new TZDate(instant, ZONE)
    void { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, minutes: d.getHours() * 60 + d.getMinutes(), weekday: d.getDay() }
  }
  for (const local of locals) {
    const u = new Date(local)
    new TZDate(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes(), ZONE).getTime()
  }
})

console.log(
  JSON.stringify({
    base: base ?? 'current',
    resultCacheMs: Number(cacheMs.toFixed(2)),
    csv5000RowsMs: Number(csvMs.toFixed(2)),
    zonedTimeMs: Number(handWrittenMs.toFixed(2)),
    dateFnsTzMs: Number(dateFnsTzMs.toFixed(2)),
  }),
)
