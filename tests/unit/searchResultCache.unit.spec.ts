import { describe, expect, it } from '@jest/globals'

import { ResultCache } from '@/search/resultCache'

describe('search result cache', () => {
  const json = '{"hits":[],"total":0}'

  it('gives a result back only at the same index version and before its first expiry', () => {
    const cache = new ResultCache(true)
    cache.set('q', 7, 1_000, 5_000, json)
    expect(cache.get('q', 7, 2_000)).toBe(json)
    expect(cache.get('q', 8, 2_000)).toBeNull()
    cache.set('q', 7, 1_000, 5_000, json)
    expect(cache.get('q', 7, 5_000)).toBeNull()
    expect(cache.get('other', 7, 2_000)).toBeNull()
  })

  it('forgets an entry after five minutes even when nothing expires', () => {
    const cache = new ResultCache(true)
    cache.set('q', 1, 0, Number.POSITIVE_INFINITY, json)
    expect(cache.get('q', 1, 5 * 60_000 - 1)).toBe(json)
    expect(cache.get('q', 1, 5 * 60_000)).toBeNull()
  })

  it('keeps the 256 most recently used results', () => {
    const cache = new ResultCache(true)
    for (let i = 0; i < 256; i++) cache.set(`q${i}`, 1, 0, 1e12, json)
    expect(cache.get('q0', 1, 1)).toBe(json) // q0 is now the most recent
    cache.set('q256', 1, 0, 1e12, json)
    expect(cache.get('q1', 1, 1)).toBeNull()
    expect(cache.get('q0', 1, 1)).toBe(json)
  })

  it('holds nothing when turned off', () => {
    const cache = new ResultCache(false)
    cache.set('q', 1, 0, 1e12, json)
    expect(cache.get('q', 1, 1)).toBeNull()
  })
})
