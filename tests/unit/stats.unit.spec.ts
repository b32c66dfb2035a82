import { keyOf } from '@/stats/store'
import { monthOf, normalizeSearchTerm } from '@/stats/terms'
import { monthsBetween, sumBy, top, type Counter } from '@/stats/query'

describe('search terms as counted', () => {
  it('folds case, accents and punctuation', () => {
    expect(normalizeSearchTerm('  Électricien, à SONGEONS ! ')).toBe('electricien a songeons')
    expect(normalizeSearchTerm('Cœur de bœuf')).toBe('coeur de boeuf')
    expect(normalizeSearchTerm('')).toBeUndefined()
    expect(normalizeSearchTerm('?!')).toBeUndefined()
  })
  it('never keeps what looks like personal data', () => {
    expect(normalizeSearchTerm('jean.dupont@example.org')).toBeUndefined()
    expect(normalizeSearchTerm('06 12 34 56 78')).toBeUndefined()
    expect(normalizeSearchTerm('plombier 60210')).toBe('plombier 60210')
  })
  it('cuts long phrases at a word boundary', () => {
    const long = normalizeSearchTerm('réparation '.repeat(20))!
    expect(long.length).toBeLessThanOrEqual(60)
    expect(long.endsWith('reparation')).toBe(true)
  })
})

describe('counters', () => {
  it('keys one row per territory, month, metric and dimension', () => {
    expect(keyOf({ territory: 3, month: '2026-05', metric: 'search', dimension: 'term:pain' })).toBe('3|2026-05|search|term:pain')
  })
  it('lists months across a year end, and sums and ranks dimensions', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(monthOf(new Date('2026-03-31T23:30:00Z'))).toBe('2026-03')
    const counters: Counter[] = [
      { month: '2026-01', metric: 'search', dimension: 'term:pain', count: 2 },
      { month: '2026-02', metric: 'search', dimension: 'term:pain', count: 3 },
      { month: '2026-02', metric: 'search', dimension: 'term:velo', count: 4 },
      { month: '2026-02', metric: 'view', dimension: 'term:pain', count: 9 },
    ]
    const terms = sumBy(counters, 'search', 'term:')
    expect(terms.get('pain')).toBe(5)
    expect(top(terms, 1)).toEqual([{ key: 'pain', count: 5 }])
  })
})
