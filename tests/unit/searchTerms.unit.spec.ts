import { describe, expect, it } from '@jest/globals'

import { parseTsvector, TermIndex } from '@/search/postgres/terms'

describe('PostgreSQL term index (lexemes of the tsvectors, in memory)', () => {
  it('reads a tsvector as PostgreSQL writes it: doubled quotes, escaped backslashes, best weight, D by default', () => {
    expect(parseTsvector(`'a''b':1A,2 'c\\\\d' 'pain':3C,4B`)).toEqual([
      ["a'b", 3],
      ['c\\d', 0],
      ['pain', 2],
    ])
    expect(parseTsvector('')).toEqual([])
  })

  it('matches prefixes, every group (AND) or one (OR), scores by the best field, and follows rewrites and removals', () => {
    const terms = new TermIndex()
    terms.set(1, `'boulang':1A 'pain':3D`)
    terms.set(2, `'pain':1B,2A`)
    terms.set(3, `'plomb':1C`)
    const found = (groups: string[][], operator: '&' | '|') => {
      const { rids, scores } = terms.match(groups, operator)
      return Object.fromEntries([...rids].map((rid, i) => [rid, Math.round(scores[i]! * 10) / 10]))
    }
    expect(found([['boul']], '&')).toEqual({ 1: 1 })
    expect(found([['boul', 'pai']], '&')).toEqual({ 1: 1, 2: 1 })
    expect(found([['boul'], ['pain']], '&')).toEqual({ 1: 1.1 })
    expect(found([['boul'], ['plomb']], '|')).toEqual({ 1: 1, 3: 0.2 })
    expect(found([['boul'], []], '&')).toEqual({ 1: 1 }) // a group of stop words only is no condition
    expect(found([['xyz']], '|')).toEqual({})
    terms.set(1, `'plomb':1A`)
    terms.remove(3)
    expect(found([['boul']], '&')).toEqual({})
    expect(found([['plomb']], '&')).toEqual({ 1: 1 })
    expect(found([['pain']], '&')).toEqual({ 2: 1 })
  })
})
