import { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'

import { buildDirectoryBook } from './directory'
import { directoryPdf } from './directoryPdf'

/**
 * The paper booklet of one commune, as the footer's « Pas d'accès à internet ? » promises it:
 * public, built from published entries only. A PDF costs CPU, so each commune's is built at
 * most once per 10 minutes per instance, and concurrent requests share one build.
 */
const booklets = new LRUCache<string, Buffer>({ max: 500, ttl: 10 * 60_000 })
const building = new Map<string, Promise<Buffer>>()

export async function publicBooklet(payload: Payload, territoryId: number, communeId: number): Promise<Buffer> {
  const key = `${territoryId}:${communeId}`
  const cached = booklets.get(key)
  if (cached) return cached
  const pending = building.get(key)
  if (pending) return pending
  const build = buildDirectoryBook(payload, territoryId, communeId)
    .then(directoryPdf)
    .then((pdf) => {
      booklets.set(key, pdf)
      return pdf
    })
    .finally(() => building.delete(key))
  building.set(key, build)
  return build
}
