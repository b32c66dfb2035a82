/**
 * Recent search results of one process, reused only while they are exactly what the
 * engine would compute again: the index has not changed since (its change counter is part
 * of the entry) and no entry among the candidates has expired since (each result keeps
 * the earliest future expiry it saw). A popular search, a facet click that comes back, the
 * page 2 after page 1's count: answered without running the query again. Bounded in size
 * (least recently used out first, lru-cache); `SEARCH_RESULT_CACHE=0` turns it off (the
 * benchmark measures the engine both ways).
 */
import { LRUCache } from 'lru-cache'

/** A result as JSON (without `tookMs`): immutable, handed out as is. */
type Entry<Value> = { version: number; validUntil: number; value: Value }

const MAX_ENTRIES = 256
/** Even with nothing expiring, an entry is dropped after this long. */
const MAX_AGE_MS = 5 * 60_000

export class ResultCache<Value extends {}> {
  private readonly entries = new LRUCache<string, Entry<Value>>({ max: MAX_ENTRIES })

  constructor(readonly enabled = process.env.SEARCH_RESULT_CACHE !== '0') {}

  get(key: string, version: number, now: number): Value | null {
    const entry = this.enabled ? this.entries.get(key) : undefined
    if (!entry || (entry.version === version && now < entry.validUntil)) return entry?.value ?? null
    this.entries.delete(key)
    return null
  }

  set(key: string, version: number, now: number, validUntil: number, value: Value): void {
    if (this.enabled) this.entries.set(key, { version, validUntil: Math.min(validUntil, now + MAX_AGE_MS), value })
  }

  clear(): void {
    this.entries.clear()
  }
}
