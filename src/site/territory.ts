import { headers } from 'next/headers'
import { cache } from 'react'

import type { Territory } from '@/payload-types'

import { sitePayload } from './payload'

/** The host a request was made to, lower-cased and without its port. */
export function normalizeHost(host: string | null | undefined): string {
  return (host ?? '').split(',')[0]!.trim().toLowerCase().replace(/:\d+$/, '')
}

/** The territory whose hostnames list `host`, else the first one. Pure, for tests. */
export function pickTerritory<T extends Pick<Territory, 'hostnames'>>(territories: T[], host: string): T | null {
  const wanted = normalizeHost(host)
  const byHost = territories.find((t) => (t.hostnames ?? []).some((name) => normalizeHost(name) === wanted))
  return byHost ?? territories[0] ?? null
}

/**
 * The territory this request is for: the one whose hostnames contain the request's Host,
 * otherwise the first territory. The one place where the public site decides it (a later
 * change adds a path-prefix fallback here).
 */
export const getCurrentTerritory = cache(async (): Promise<Territory | null> => {
  const payload = await sitePayload()
  const { docs } = await payload.find({
    collection: 'territories',
    sort: 'createdAt',
    limit: 200,
    depth: 0,
    overrideAccess: false,
  })
  const list = await headers()
  return pickTerritory(docs, list.get('x-forwarded-host') ?? list.get('host') ?? '')
})

/** Same as getCurrentTerritory, for pages that cannot work without one. */
export async function requireTerritory(): Promise<Territory> {
  const territory = await getCurrentTerritory()
  if (!territory) throw new Error('Aucun territoire n’est configuré : importez une intercommunalité (npm run import:epci).')
  return territory
}
