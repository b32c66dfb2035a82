/**
 * One search is one visitor's words (or, without words, the category) in one sitting. A
 * resident who types « plombier », then changes category, commune, distance or page, refines
 * that search: its record is updated, not repeated. This module remembers, for 30 minutes
 * after its last refinement, what was counted for each open search, so that the next
 * refinement can replace it.
 *
 * Privacy: the visitor is known only by a hash of the request's address and browser name
 * with a random key drawn in memory and replaced every day; nothing of it is written to the
 * database, and it is forgotten after the sitting. Each server process has its own memory: with
 * several instances and no sticky sessions, a refinement served by another instance counts as
 * a new search (as every refinement did before).
 */
import { createHash, randomBytes } from 'node:crypto'

import type { Increment } from './store'

/** A search left alone this long is over: the same words later are a new search. */
export const SITTING_MS = 30 * 60_000
/** Open searches remembered at most (the oldest are forgotten first). */
const MAX_OPEN = 20_000

type Open = { at: number; rows: Increment[] }
const open = new Map<string, Open>()

let salt = { day: '', key: Buffer.alloc(0) }

/**
 * The visitor's key for one day: a hash of the address and the browser name with a random
 * key that changes every day and is never stored. `undefined` without an address.
 */
export function visitorKey(address: string | null | undefined, userAgent: string | null | undefined, now = new Date()): string | undefined {
  if (!address) return undefined
  const day = now.toISOString().slice(0, 10)
  if (salt.day !== day) salt = { day, key: randomBytes(32) }
  return createHash('sha256').update(salt.key).update(`${address}\n${userAgent ?? ''}`).digest('base64url').slice(0, 22)
}

/**
 * Set by the server only (src/server/loopbackClient.ts replaces any incoming value): the
 * client's address as `req.ip` gives it, X-Forwarded-For followed through trusted proxies only.
 */
export const CLIENT_ADDRESS_HEADER = 'x-annuaire-client-address'

/**
 * The client's address as express trusts it (see markLoopbackClient): never the raw
 * X-Forwarded-For, which anyone may write to count one search many times.
 */
export function addressOf(headers: { get(name: string): string | null }): string | undefined {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || undefined
}

function forgetOld(now: number) {
  for (const [key, value] of open) {
    if (open.size <= MAX_OPEN && now - value.at < SITTING_MS) break
    open.delete(key)
  }
}

/**
 * Opens or refines the search `search` of `visitor`, counted by `rows`: returns what to add to
 * the counters, that is `rows` for a new search, or `rows` minus what the search counted so far
 * for a refinement (a search that found nothing and then something is no longer « sans
 * résultat »). Without a visitor every call is a new search.
 */
export function refine(visitor: string | undefined, search: string, rows: Increment[], now = Date.now()): Increment[] {
  if (!visitor) return rows
  forgetOld(now)
  const key = `${visitor}|${search}`
  const previous = open.get(key)
  open.delete(key)
  open.set(key, { at: now, rows })
  if (!previous) return rows
  return [...previous.rows.map((row) => ({ ...row, by: -(row.by ?? 1) })), ...rows]
}

/** Forgets every open search (tests). */
export function forgetAllSittings() {
  open.clear()
}
