/**
 * Search filters (searchSuite.ts): facets counted in the same pass, disjunctive counts,
 * parent categories, kinds and prices, paging, the query territory, distance, and the
 * communes a service serves within a radius.
 */
import type { Payload } from 'payload'

import { haversineKm } from '@/search/geo'
import type { IndexingSearchEngine } from '@/search'

import { INSEE } from '../support/fixtures'
import { type Ids, RELEVANCE, type SearchHarness, pick } from './searchHarness'

/** Filters, facets, distance and the communes a service serves. */
export function filterTests(h: SearchHarness) {
  const { search, titles } = h
  let payload: Payload
  let engine: IndexingSearchEngine
  let territory: number | string
  let communes: Ids
  let categories: Ids
  // Set once the harness's own beforeAll, which runs first, has booted the database.
  beforeAll(() => {
    ;({ payload, engine, territory, communes, categories } = h)
  })

  describe('filters and facets', () => {
    it('counts every facet in the same pass, consistent with filtering on each value', async () => {
      const all = await search({ limit: 100 })
      expect(all.total).toBe(RELEVANCE.entries.length)
      const sum = (facet: Array<{ count: number }>) => facet.reduce((s, f) => s + f.count, 0)
      expect(sum(all.facets.kinds)).toBe(all.total)
      expect(all.facets.kinds).toEqual(
        expect.arrayContaining([
          { value: 'businesses', count: RELEVANCE.entries.filter((e) => e.kind === 'businesses').length },
          { value: 'announcements', count: RELEVANCE.entries.filter((e) => e.kind === 'announcements').length },
        ]),
      )
      for (const facet of all.facets.categories.slice(0, 4)) {
        expect((await search({ categories: [facet.value] })).total).toBe(facet.count)
      }
      for (const facet of all.facets.communes.slice(0, 4)) {
        expect((await search({ communes: [facet.value] })).total).toBe(facet.count)
      }
      for (const facet of all.facets.priceTypes) {
        expect((await search({ priceTypes: [facet.value as 'free'] })).total).toBe(facet.count)
      }
    })

    it('keeps the other values of a filtered facet (disjunctive counts) and narrows the rest', async () => {
      const formerie = String(communes.get(INSEE.formerie))
      const filtered = await search({ communes: [formerie] })
      expect(filtered.hits.every((h) => String(h.communeId) === formerie || h.kind === 'services')).toBe(true)
      expect(filtered.facets.communes.length).toBeGreaterThan(1)
      expect(filtered.facets.communes.find((f) => f.value === formerie)?.count).toBe(filtered.total)
      expect(filtered.facets.kinds.reduce((s, f) => s + f.count, 0)).toBe(filtered.total)
    })

    it('matches a parent category through its sub-categories', async () => {
      const health = await search({ categories: [categories.get('Santé')!] })
      expect(titles(health)).toEqual(expect.arrayContaining(['Pharmacie de Formerie', 'Cabinet infirmier Delattre']))
      expect(titles(health)).not.toContain('Garage du Thérain')
    })

    it('filters kinds, announcement kinds and price types', async () => {
      const needs = await search({ kinds: ['announcements'], announcementKinds: ['need'] })
      expect(needs.total).toBe(RELEVANCE.entries.filter((e) => e.announcementKind === 'need').length)
      expect(needs.hits.every((h) => h.kind === 'announcements' && h.announcementKind === 'need')).toBe(true)
      const cesu = await search({ priceTypes: ['cesu'] })
      expect(cesu.hits.every((h) => h.priceType === 'cesu')).toBe(true)
      expect(titles(cesu)).toContain('Portage de repas')
    })

    it('finds a service in the communes it serves', async () => {
      const songeons = communes.get(INSEE.songeons)!
      expect(titles(await search({ text: 'repas', communes: [songeons] }))).toContain('Portage de repas')
    })

    it('pages without overlap', async () => {
      const first = await search({ limit: 10, page: 1 })
      const second = await search({ limit: 10, page: 2 })
      expect(second.page).toBe(2)
      expect(first.totalPages).toBe(Math.ceil(first.total / 10))
      const ids = new Set(first.hits.map((h) => `${h.kind}:${h.id}`))
      expect(second.hits.some((h) => ids.has(`${h.kind}:${h.id}`))).toBe(false)
    })

    it('only returns the query territory', async () => {
      expect((await engine.search({ territory: '999999', text: 'boulangerie' })).total).toBe(0)
      expect((await engine.search({ territory: '' })).total).toBe(0)
    })
  })

  describe('distance', () => {
    it('filters by radius with the exact great-circle distance and sorts by it', async () => {
      const centre = await payload.findByID({ collection: 'communes', id: communes.get(INSEE.grandvilliers)!, overrideAccess: true })
      const near = { latitude: centre.latitude!, longitude: centre.longitude!, radiusKm: 8 }
      const result = await search({ near, sort: 'distance', limit: 100 })
      const everything = await search({ near: { latitude: near.latitude, longitude: near.longitude }, sort: 'distance', limit: 100 })
      const expected = everything.hits.filter((h) => h.latitude !== null && haversineKm(near, { latitude: h.latitude, longitude: h.longitude! }) <= 8)
      expect(result.total).toBe(expected.length)
      expect(result.total).toBeGreaterThan(0)
      expect(result.total).toBeLessThan(everything.total)
      for (const hit of result.hits) {
        expect(hit.distanceKm).toBeLessThanOrEqual(8)
        expect(hit.distanceKm).toBeCloseTo(haversineKm(near, { latitude: hit.latitude!, longitude: hit.longitude! }), 2)
      }
      const distances = result.hits.map((h) => h.distanceKm!)
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
      expect(result.hits[0]!.distanceKm).toBeCloseTo(0, 3)
    })

    it('combines words, radius and relevance', async () => {
      const centre = await payload.findByID({ collection: 'communes', id: communes.get(INSEE.formerie)!, overrideAccess: true })
      const result = await search({ text: 'pharmacie', near: { latitude: centre.latitude!, longitude: centre.longitude!, radiusKm: 5 } })
      expect(titles(result)).toEqual(['Pharmacie de Formerie'])
    })
  })

  describe('served communes within a radius', () => {
    it('keeps the entries serving the searched commune, however far their provider lies (« pain », Formerie, 10 km)', async () => {
      const formerie = communes.get(INSEE.formerie)!
      const centre = await payload.findByID({ collection: 'communes', id: formerie, overrideAccess: true })
      const baker = await payload.create({
        collection: 'businesses',
        overrideAccess: true,
        data: {
          name: 'Fournil des Tournées',
          categories: [pick(categories, 'Boulangerie, pâtisserie', 'catégorie')],
          description: 'Boulanger.',
          commune: communes.get(INSEE.songeons)! as number,
          status: 'published',
        },
      })
      await payload.create({
        collection: 'services',
        overrideAccess: true,
        data: {
          title: 'Tournée du pain frais',
          provider: { relationTo: 'businesses', value: baker.id },
          categories: [pick(categories, 'Boulangerie, pâtisserie', 'catégorie')],
          priceType: 'paid',
          description: 'Le boulanger passe deux fois par semaine dans les villages.',
          communesServed: [formerie as number],
          status: 'published',
        } as never,
      })
      const around = { latitude: centre.latitude!, longitude: centre.longitude!, radiusKm: 10 }
      // Without the served commune, the radius alone leaves the round out (its provider is in Songeons).
      expect(titles(await search({ text: 'tournée pain', near: around }))).not.toContain('Tournée du pain frais')
      const served = await search({ text: 'tournée pain', near: { ...around, servedCommune: formerie } })
      expect(titles(served)).toContain('Tournée du pain frais')
      // The baker's own profile does not serve Formerie: still outside the radius.
      expect(titles(served)).not.toContain('Fournil des Tournées')
      // The same through the HTTP route with a commune as centre.
      const { answerSearch } = await import('@/search/endpoint')
      const answer = await answerSearch(payload, new URLSearchParams(`territory=${territory}&q=tourn%C3%A9e%20pain&near=${formerie}&radius=10`), 'localhost')
      expect(new TextDecoder().decode(answer.body)).toContain('Tournée du pain frais')
    })
  })
}
