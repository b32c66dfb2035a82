import type { Payload } from 'payload'

import type { StatMetric } from './metrics'

export type Counter = { month: string; metric: StatMetric; dimension: string; count: number }

/**
 * Every counter of a territory between two months (inclusive, `YYYY-MM`), but those back at
 * zero (a refined search moved to another commune or category: ./sittings).
 */
export async function loadCounters(
  payload: Payload,
  territory: number | string,
  from: string,
  to: string,
): Promise<Counter[]> {
  const { docs } = await payload.find({
    collection: 'usage-stats',
    where: {
      and: [
        { territory: { equals: territory } },
        { month: { greater_than_equal: from } },
        { month: { less_than_equal: to } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs
    .map((d) => ({ month: d.month, metric: d.metric as StatMetric, dimension: d.dimension, count: Number(d.count) }))
    .filter((c) => c.count !== 0)
}

/** The months from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  while ((y < ty || (y === ty && m <= tm)) && out.length < 240) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}

/** Sum of counters by dimension for one metric, optionally only dimensions with a prefix. */
export function sumBy(counters: Counter[], metric: StatMetric, prefix: string): Map<string, number> {
  const out = new Map<string, number>()
  for (const c of counters) {
    if (c.metric !== metric || !c.dimension.startsWith(prefix)) continue
    const key = c.dimension.slice(prefix.length)
    out.set(key, (out.get(key) ?? 0) + c.count)
  }
  return out
}

export function total(counters: Counter[], metric: StatMetric): number {
  return sumBy(counters, metric, 'all').get('') ?? 0
}

export function monthly(counters: Counter[], metric: StatMetric, months: string[]): Array<{ month: string; count: number }> {
  const byMonth = new Map<string, number>()
  for (const c of counters) if (c.metric === metric && c.dimension === 'all') byMonth.set(c.month, (byMonth.get(c.month) ?? 0) + c.count)
  return months.map((month) => ({ month, count: byMonth.get(month) ?? 0 }))
}

export function top(map: Map<string, number>, n: number): Array<{ key: string; count: number }> {
  return [...map.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'fr'))
    .slice(0, n)
}
