import { addressOf, refine, SITTING_MS, visitorKey } from '@/stats/sittings'
import type { Increment } from '@/stats/store'

const row = (dimension: string, by = 1): Increment => ({ territory: 1, month: '2026-12', metric: 'search', dimension, by })

describe('search sittings', () => {
  it('replaces what a refinement counted, and forgets the search after 30 minutes', () => {
    const start = Date.UTC(2026, 11, 5, 10)
    expect(refine('v1', 'term:plombier', [row('all'), row('commune:7')], start)).toEqual([row('all'), row('commune:7')])
    expect(refine('v1', 'term:plombier', [row('all'), row('commune:8')], start + 60_000)).toEqual([
      row('all', -1),
      row('commune:7', -1),
      row('all'),
      row('commune:8'),
    ])
    // Another visitor, or the same one much later, makes a new search.
    expect(refine('v2', 'term:plombier', [row('all')], start + 120_000)).toEqual([row('all')])
    expect(refine('v1', 'term:plombier', [row('all')], start + 60_000 + SITTING_MS + 1)).toEqual([row('all')])
    // Without a visitor key, every call is a new search.
    expect(refine(undefined, 'term:plombier', [row('all')], start)).toEqual([row('all')])
  })

  it('knows a visitor by a hash that keeps neither the address nor the browser, and changes every day', () => {
    const day = new Date('2026-12-05T10:00:00Z')
    const key = visitorKey('203.0.113.9', 'Firefox', day)
    expect(key).toMatch(/^[\w-]{22}$/)
    expect(key).not.toContain('203')
    expect(visitorKey('203.0.113.9', 'Firefox', day)).toBe(key)
    expect(visitorKey('203.0.113.10', 'Firefox', day)).not.toBe(key)
    expect(visitorKey('203.0.113.9', 'Firefox', new Date('2026-12-06T10:00:00Z'))).not.toBe(key)
    expect(visitorKey(undefined, 'Firefox', day)).toBeUndefined()
    const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name] ?? null })
    // The address express trusted, never what the client wrote in X-Forwarded-For.
    expect(addressOf(headers({ 'x-annuaire-client-address': '203.0.113.9' }))).toBe('203.0.113.9')
    expect(addressOf(headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1', 'x-real-ip': '198.51.100.2' }))).toBeUndefined()
  })
})
