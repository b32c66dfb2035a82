import type { Territory } from '@/payload-types'

/** The host a request was made to, lower-cased and without its port. */
export function normalizeHost(host: string | null | undefined): string {
  return (host ?? '').split(',')[0]!.trim().toLowerCase().replace(/:\d+$/, '')
}

/**
 * The territory of a request: the one named by the path prefix (`/t/<slug>/…`, see
 * territoryPrefix.ts) — none when that slug is unknown —, else the one whose hostnames list
 * `host`, else the first one. Pure, for tests.
 */
export function pickTerritory<T extends Pick<Territory, 'hostnames'> & { slug?: string | null }>(territories: T[], host: string, slug?: string | null): T | null {
  if (slug) return territories.find((t) => t.slug === slug) ?? null
  const wanted = normalizeHost(host)
  const byHost = territories.find((t) => (t.hostnames ?? []).some((name) => normalizeHost(name) === wanted))
  return byHost ?? territories[0] ?? null
}
