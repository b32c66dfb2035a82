import { describe, expect, it } from '@jest/globals'

import { boundingBox, haversineKm, isValidPoint } from '@/search/geo'
import { tsqueryExpression } from '@/search/postgres/engine'
import { planQuery } from '@/search/query'
import { matchExpression } from '@/search/sqlite/engine'
import { fullTextQuery } from '@/search/sqlite/fullText'
import { buildSynonymMap, synonymsOf } from '@/search/synonyms'
import { editDistance, fold, indexText, queryTerms, stem, summarize } from '@/search/text'
import { expandTerms, Vocabulary } from '@/search/vocabulary'

describe('text folding and stemming', () => {
  it('folds accents, case and ligatures', () => {
    expect(fold('Épicerie ŒUFS Crème Brûlée')).toBe('epicerie oeufs creme brulee')
  })

  it('reads the typewriter and the French apostrophe alike', () => {
    expect(fold('Monceaux-l’Abbaye')).toBe(fold("Monceaux-l'Abbaye"))
  })

  it('removes French plurals only, alike on documents and queries', () => {
    expect(stem('boulangeries')).toBe('boulangerie')
    expect(stem('gâteaux'.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))).toBe('gateau')
    expect(stem('chevaux')).toBe('cheval')
    expect(stem('prix')).toBe(stem('prix'))
    expect(stem('bus')).toBe('bus')
    expect(stem('express')).toBe('express')
    expect(indexText('Les Boulangeries de Grandvilliers')).toBe('les boulangerie de grandvillier')
  })

  it('keeps the words of a query, drops stop words, elisions and symbols', () => {
    expect(queryTerms("Garde d'enfants à Formerie")).toEqual(['garde', 'enfant', 'formerie'])
    expect(queryTerms('"*) OR (')).toEqual(['or'])
    expect(queryTerms('😀 🍞')).toEqual([])
    expect(queryTerms("'; DROP TABLE search_entries; --")).toEqual(['drop', 'table', 'search', 'entrie'])
  })

  it('bounds very long queries', () => {
    const terms = queryTerms(Array.from({ length: 2000 }, (_, i) => `mot${i}`).join(' '))
    expect(terms.length).toBeLessThanOrEqual(8)
    expect(queryTerms('a'.repeat(10_000))[0]!.length).toBeLessThanOrEqual(40)
  })

  it('measures edit distance with adjacent swaps and a cap', () => {
    expect(editDistance('plombiier', 'plombier')).toBe(1)
    expect(editDistance('boulagnerie', 'boulangerie')).toBe(1)
    expect(editDistance('medcin', 'medecin')).toBe(1)
    expect(editDistance('garage', 'plombier', 2)).toBe(3)
  })

  it('summarises long descriptions on a word boundary', () => {
    const text = 'mot '.repeat(100)
    const summary = summarize(text, 50)
    expect(summary.length).toBeLessThanOrEqual(51)
    expect(summary.endsWith('…')).toBe(true)
    expect(summarize('  court  ')).toBe('court')
  })
})

describe('synonyms', () => {
  it('makes every word of a group find the others, folded and stemmed', () => {
    const map = buildSynonymMap([['Plombier', 'plomberie'], ['médecin', 'généraliste']])
    expect(map.get('plombier')).toEqual(['plomberie'])
    expect(map.get('generaliste')).toEqual(['medecin'])
  })

  it('reads the shipped list (plombier / plomberie, garagiste / garage, médecin / généraliste)', () => {
    expect(synonymsOf('plombier')).toContain('plomberie')
    expect(synonymsOf('garagiste')).toContain('garage')
    expect(synonymsOf('medecin')).toContain('generaliste')
  })
})

describe('typo correction against the indexed words', () => {
  const vocabulary = new Vocabulary([
    ['plombier', 3],
    ['plomberie', 5],
    ['boulangerie', 9],
    ['garage', 4],
  ])

  it('knows prefixes', () => {
    expect(vocabulary.hasPrefix('boulan')).toBe(true)
    expect(vocabulary.hasPrefix('boulz')).toBe(false)
  })

  it('corrects a word that matches nothing, and leaves short words alone', () => {
    expect(vocabulary.correct('plombiier')).toBe('plombier')
    expect(vocabulary.correct('boulagnerie')).toBe('boulangerie')
    expect(vocabulary.correct('xyz')).toBeNull()
    expect(vocabulary.correct('zzzzzzzz')).toBeNull()
  })

  it('expands with synonyms and corrections', () => {
    const [group] = expandTerms(['plombiier'], vocabulary)
    expect(group).toEqual(expect.arrayContaining(['plombiier', 'plombier', 'plomberie']))
    const [known] = expandTerms(['garage'], vocabulary)
    expect(known).toEqual(expect.arrayContaining(['garage', 'garagiste']))
  })
})

describe('engine query strings are built from sanitised words only', () => {
  it('quotes every FTS5 term and drops anything that is not a plain word', () => {
    expect(matchExpression([['boulan', 'pain'], ['grandvillier']], 'AND')).toBe('("boulan"* OR "pain"*) AND ("grandvillier"*)')
    expect(matchExpression([['a"b', 'ok'], ['*']], 'OR')).toBe('("ok"*)')
    expect(matchExpression([['"']], 'AND')).toBeNull()
  })

  it('writes a long prefix as the indexed words it begins when they are few, keeps short and common prefixes as prefixes', () => {
    const vocabulary = new Vocabulary([
      ['boulanger', 2],
      ['boulangerie', 9],
      ['boule', 1],
      ['pain', 3],
      ...Array.from({ length: 20 }, (_, i) => [`medical${i}`, 1] as [string, number]),
    ])
    expect(matchExpression([['boulan', 'pain'], ['boul']], 'AND', vocabulary)).toBe('("boulanger" OR "boulangerie" OR "pain"*) AND ("boul"*)')
    // More than 16 words begin with it, or none: left to FTS5 as a prefix.
    expect(matchExpression([['medical'], ['zzzzz']], 'OR', vocabulary)).toBe('("medical"*) OR ("zzzzz"*)')
  })

  it('bounds the matches of a query by the entries holding its words', () => {
    const vocabulary = new Vocabulary([
      ['boulanger', 2],
      ['boulangerie', 9],
      ['pain', 3],
      ['formerie', 40],
    ])
    // Every group must match: at most the smallest group's holders; one group: their sum.
    expect(fullTextQuery([['boulan', 'pain'], ['formerie']], 'AND', vocabulary)?.maxMatches).toBe(14)
    expect(fullTextQuery([['boulan'], ['formerie']], 'OR', vocabulary)?.maxMatches).toBe(51)
    expect(fullTextQuery([['boulan']], 'AND')?.maxMatches).toBe(Number.POSITIVE_INFINITY)
    expect(fullTextQuery([['*']], 'AND', vocabulary)).toBeNull()
  })

  it('builds PostgreSQL tsqueries the same way', () => {
    expect(tsqueryExpression([['plombier', 'plomberie'], ['formerie']], '&')).toBe('(plombier:* | plomberie:*) & (formerie:*)')
    expect(tsqueryExpression([["'); drop"]], '|')).toBeNull()
  })
})

describe('query planning never throws on odd input', () => {
  it('clamps pages, limits and radius and drops unknown values', () => {
    const plan = planQuery({
      territory: 1,
      page: -4,
      limit: 10_000,
      kinds: ['businesses', 'hackers' as never],
      priceTypes: ['cesu', 'free', 'gratuit' as never],
      categories: [3, '4', { $ne: 1 } as never, ''],
      near: { latitude: 49.6, longitude: 1.9, radiusKm: 100_000 },
      sort: 'whatever' as never,
    })
    expect(plan).toMatchObject({ page: 1, limit: 100, kinds: ['businesses'], priceTypes: ['cesu', 'free'], categories: ['3', '4'], sort: 'relevance' })
    expect(plan.near?.radiusKm).toBe(200)
  })

  it('ignores an invalid point and falls back from distance sort', () => {
    const plan = planQuery({ territory: 1, near: { latitude: Number.NaN, longitude: 2 }, sort: 'distance' })
    expect(plan.near).toBeNull()
    expect(plan.sort).toBe('relevance')
  })
})

describe('great-circle distance', () => {
  const grandvilliers = { latitude: 49.66759, longitude: 1.92647 }
  const formerie = { latitude: 49.6494, longitude: 1.7311 }

  it('is zero for the same point and symmetric', () => {
    expect(haversineKm(grandvilliers, grandvilliers)).toBe(0)
    expect(haversineKm(grandvilliers, formerie)).toBeCloseTo(haversineKm(formerie, grandvilliers), 10)
  })

  it('matches known distances', () => {
    // Paris (Notre-Dame) – Lyon (Bellecour): about 392 km.
    expect(haversineKm({ latitude: 48.853, longitude: 2.3499 }, { latitude: 45.7578, longitude: 4.832 })).toBeCloseTo(392, -1)
    // One degree of latitude: about 111.2 km.
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111.19, 1)
    expect(haversineKm(grandvilliers, formerie)).toBeGreaterThan(14)
    expect(haversineKm(grandvilliers, formerie)).toBeLessThan(15)
    // Antipodes do not overflow asin.
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3)
  })

  it('builds a bounding box that holds every point of the circle', () => {
    const box = boundingBox(grandvilliers, 10)
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const r = (bearing * Math.PI) / 180
      const dLat = (10 / 6371.0088) * Math.cos(r) * (180 / Math.PI)
      const dLng = ((10 / 6371.0088) * Math.sin(r) * (180 / Math.PI)) / Math.cos((grandvilliers.latitude * Math.PI) / 180)
      const p = { latitude: grandvilliers.latitude + dLat * 0.999, longitude: grandvilliers.longitude + dLng * 0.999 }
      expect(p.latitude).toBeGreaterThanOrEqual(box.minLat)
      expect(p.latitude).toBeLessThanOrEqual(box.maxLat)
      expect(p.longitude).toBeGreaterThanOrEqual(box.minLng)
      expect(p.longitude).toBeLessThanOrEqual(box.maxLng)
    }
    expect(box.maxLat - box.minLat).toBeCloseTo((20 / 6371.0088) * (180 / Math.PI), 6)
  })

  it('validates points', () => {
    expect(isValidPoint({ latitude: 49, longitude: 2 })).toBe(true)
    expect(isValidPoint({ latitude: 91, longitude: 2 })).toBe(false)
    expect(isValidPoint({ latitude: Number.POSITIVE_INFINITY, longitude: 2 })).toBe(false)
    expect(isValidPoint(null)).toBe(false)
  })
})
