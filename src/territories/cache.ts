import type { Payload } from 'payload'

import type { Territory } from '@/payload-types'

/**
 * The one cache of the territories (a handful of rows, read by every request: which
 * territory it is for, which host names and `/t/<slug>` prefixes exist, which origins are
 * ours). Re-read every 10 s, so that a territory created or renamed on another instance
 * counts within 10 s, and at once after a change made through this instance
 * (`forgetTerritories`, called by the Territories collection's hooks).
 *
 * It lives on `globalThis`, keyed by the Payload instance: the express server and Next's
 * bundle each load their own copy of this module but share the Payload instance, so a
 * change made through the admin (Next) is seen at once by the express middleware too.
 */
const TTL_MS = 10_000

type Entry = { at: number; list: Promise<Territory[]> }
const KEY = Symbol.for('annuaire.territoryCache')
const store = globalThis as typeof globalThis & { [KEY]?: WeakMap<Payload, Entry> }
const entries = (store[KEY] ??= new WeakMap<Payload, Entry>())

/** Every territory, oldest first (depth 0; territories are public: `read: anyone`). */
export function allTerritories(payload: Payload): Promise<Territory[]> {
  const cached = entries.get(payload)
  if (cached && Date.now() - cached.at <= TTL_MS) return cached.list
  const list = payload
    .find({ collection: 'territories', sort: 'createdAt', pagination: false, depth: 0, overrideAccess: true })
    .then(({ docs }) => docs)
  list.catch(() => entries.delete(payload))
  entries.set(payload, { at: Date.now(), list })
  return list
}

/** Drops the cached territories: the next read goes to the database. */
export function forgetTerritories(payload: Payload): void {
  entries.delete(payload)
}
