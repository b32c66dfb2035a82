import type { Payload } from 'payload'

import { recordEvent, recordSearch, recordView } from '@/stats/record'
import { loadCounters, sumBy, total } from '@/stats/query'
import { monthOf } from '@/stats/terms'
import { bootLocalPayload, type TestDatabase } from '../support/localPayload'

/** Counting under concurrency on a real database: no lost increment. */
export function statsSuite(kind: TestDatabase) {
  describe(`statistiques d'usage (${kind})`, () => {
    let payload: Payload
    let cleanup: () => Promise<void>
    let territory: number

    beforeAll(async () => {
      ;({ payload, cleanup } = await bootLocalPayload(kind))
      const t = await payload.create({
        collection: 'territories',
        data: { name: 'CC Test', epciCode: '246000848', slug: 'cc-test' },
        overrideAccess: true,
      })
      territory = t.id
    })
    afterAll(async () => {
      await cleanup?.()
    })

    it('counts 200 concurrent searches exactly, by words, and the empty ones apart', async () => {
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          recordSearch(payload, {
            territory,
            text: i % 2 ? 'Plombier' : 'PLOMBIER ',
            communeIds: [7],
            categoryIds: [],
            resultCount: i < 50 ? 0 : 3,
          }),
        ),
      )
      const counters = await loadCounters(payload, territory, monthOf(), monthOf())
      expect(total(counters, 'search')).toBe(200)
      expect(total(counters, 'search-empty')).toBe(50)
      expect(sumBy(counters, 'search', 'term:').get('plombier')).toBe(200)
      expect(sumBy(counters, 'search-empty', 'term:').get('plombier')).toBe(50)
      expect(sumBy(counters, 'search', 'commune:').get('7')).toBe(200)
      // One row per counter, not one per search.
      expect(counters.filter((c) => c.metric === 'search').length).toBe(3)
    })

    it('counts a search once however the visitor refines it, its last result count deciding « sans résultat »', async () => {
      const other = await payload.create({
        collection: 'territories',
        data: { name: 'CC Affinée', epciCode: '246000855', slug: 'cc-affinee' },
        overrideAccess: true,
      })
      const [resident, neighbour] = ['resident-key', 'neighbour-key']
      const search = (visitor: string, text: string | undefined, resultCount: number, communeIds: number[] = [], categoryIds: number[] = []) =>
        recordSearch(payload, { territory: other.id, visitor, text, resultCount, communeIds, categoryIds })
      // 1. « plombier », nothing at first, then another category, commune, distance, page: 3 results.
      await search(resident, 'plombier', 0, [7])
      await search(resident, 'Plombier', 0, [7], [5])
      await search(resident, 'plombier', 0, [8], [5])
      await search(resident, 'plombier ', 3, [8], [6])
      await search(resident, 'plombier', 3, [8])
      // 2. « électricien »: results, then none around another commune.
      await search(resident, 'électricien', 2, [7])
      await search(resident, 'electricien', 0, [8])
      // 3. No words, a category, then a commune.
      await search(resident, undefined, 4, [], [5])
      await search(resident, undefined, 4, [8], [5])
      // 4. Another visitor's « plombier » is another search.
      await search(neighbour, 'plombier', 0, [7])
      const counters = await loadCounters(payload, other.id, monthOf(), monthOf())
      expect(total(counters, 'search')).toBe(4)
      expect(total(counters, 'search-empty')).toBe(2)
      expect(Object.fromEntries(sumBy(counters, 'search', 'term:'))).toEqual({ plombier: 2, electricien: 1 })
      // The refined « plombier » ended with results: only the neighbour's found nothing.
      expect(Object.fromEntries(sumBy(counters, 'search-empty', 'term:'))).toEqual({ plombier: 1, electricien: 1 })
      // Counted where the search ended: commune 8 (×3) and commune 7 (the neighbour).
      expect(Object.fromEntries(sumBy(counters, 'search', 'commune:'))).toEqual({ '7': 1, '8': 3 })
      expect(Object.fromEntries(sumBy(counters, 'search', 'category:'))).toEqual({ '5': 1 })
      // No counter left below zero by the refinements.
      expect(counters.filter((c) => c.count < 0)).toEqual([])
    })

    it('counts views and events per entry, commune and category, folding accents', async () => {
      await Promise.all([
        ...Array.from({ length: 30 }, () => recordView(payload, { territory, kind: 'businesses', id: 12, communeId: 3, categoryIds: [5, 6] })),
        ...Array.from({ length: 20 }, () => recordEvent(payload, { territory, metric: 'contact-request', communeId: { id: 3 }, categoryId: 5 })),
        recordSearch(payload, { territory, text: 'Électricien à Songeons', resultCount: 0 }),
        recordSearch(payload, { territory, text: 'jean.dupont@example.org', resultCount: 0 }),
      ])
      const counters = await loadCounters(payload, territory, monthOf(), monthOf())
      expect(total(counters, 'view')).toBe(30)
      expect(sumBy(counters, 'view', 'entry:').get('businesses:12')).toBe(30)
      expect(sumBy(counters, 'view', 'category:').get('6')).toBe(30)
      expect(sumBy(counters, 'contact-request', 'commune:').get('3')).toBe(20)
      expect(sumBy(counters, 'search-empty', 'term:').get('electricien a songeons')).toBe(1)
      // Personal data is never kept as a search term.
      expect([...sumBy(counters, 'search', 'term:').keys()].some((k) => k.includes('dupont'))).toBe(false)
      expect(total(counters, 'search-empty')).toBe(52)
    })

    it('never throws, even without a territory or with a broken database call', async () => {
      await expect(recordSearch(payload, { territory: null, text: 'x', resultCount: 0 })).resolves.toBeUndefined()
      await expect(recordView(payload, { territory, kind: 'businesses', id: 1, categoryIds: [{} as never] })).resolves.toBeUndefined()
    })

    it('counts a new entry and a new announcement when they are created', async () => {
      const commune = await payload.create({
        collection: 'communes',
        data: { name: 'Testville', slug: 'testville', inseeCode: '60999', territory },
        overrideAccess: true,
      })
      const category = await payload.create({ collection: 'categories', data: { name: 'Boulangerie', territory }, overrideAccess: true })
      await payload.create({
        collection: 'businesses',
        data: { name: 'Fournil de test', categories: [category.id], commune: commune.id, territory, status: 'published' },
        overrideAccess: true,
      })
      const counters = await loadCounters(payload, territory, monthOf(), monthOf())
      expect(total(counters, 'new-entry')).toBe(1)
      expect(sumBy(counters, 'new-entry', 'commune:').get(String(commune.id))).toBe(1)
      expect(sumBy(counters, 'new-entry', 'category:').get(String(category.id))).toBe(1)
    })

    it('counts a contact request when it is passed on, once, under its target’s commune and category', async () => {
      const commune = await payload.create({
        collection: 'communes',
        data: { name: 'Contactville', slug: 'contactville', inseeCode: '60998', territory },
        overrideAccess: true,
      })
      const category = await payload.create({ collection: 'categories', data: { name: 'Plomberie', territory }, overrideAccess: true })
      const target = await payload.create({
        collection: 'businesses',
        data: { name: 'Plombier de test', categories: [category.id], commune: commune.id, territory, status: 'published' },
        overrideAccess: true,
      })
      const before = total(await loadCounters(payload, territory, monthOf(), monthOf()), 'contact-request')
      const data = { target: { relationTo: 'businesses' as const, value: target.id }, senderName: 'Léa', senderEmail: 'lea@example.org', message: 'Bonjour, êtes-vous disponible ?', territory }
      const waiting = await payload.create({ collection: 'contact-requests', data: { ...data, status: 'awaiting-confirmation' }, overrideAccess: true })
      await payload.create({ collection: 'contact-requests', data: { ...data, status: 'sent' }, overrideAccess: true })
      let counters = await loadCounters(payload, territory, monthOf(), monthOf())
      expect(total(counters, 'contact-request') - before).toBe(1)
      // The sender confirms: counted then, and a second save of the same request adds nothing.
      await payload.update({ collection: 'contact-requests', id: waiting.id, data: { status: 'sent' }, overrideAccess: true })
      await payload.update({ collection: 'contact-requests', id: waiting.id, data: { message: 'Bonjour, êtes-vous disponible demain ?' }, overrideAccess: true })
      counters = await loadCounters(payload, territory, monthOf(), monthOf())
      expect(total(counters, 'contact-request') - before).toBe(2)
      expect(sumBy(counters, 'contact-request', 'commune:').get(String(commune.id))).toBe(2)
      expect(sumBy(counters, 'contact-request', 'category:').get(String(category.id))).toBe(2)
    })

    it('counts an offer and a need that answer each other when the second is published', async () => {
      const commune = await payload.create({
        collection: 'communes',
        data: { name: 'Entraideville', slug: 'entraideville', inseeCode: '60997', territory, latitude: 49.66, longitude: 1.94 },
        overrideAccess: true,
      })
      const category = await payload.create({ collection: 'categories', data: { name: 'Jardinage', territory }, overrideAccess: true })
      const base = { category: category.id, commune: commune.id, territory, priceType: 'free' as const, body: 'Tondre une pelouse le samedi matin.' }
      await payload.create({ collection: 'announcements', data: { ...base, kind: 'need', title: 'Besoin d’aide au jardin', status: 'published' }, overrideAccess: true, context: { skipEmail: true } })
      const offer = await payload.create({ collection: 'announcements', data: { ...base, kind: 'offer', title: 'Je tonds votre pelouse', status: 'pending' }, overrideAccess: true, context: { skipEmail: true } })
      expect(total(await loadCounters(payload, territory, monthOf(), monthOf()), 'match')).toBe(0)
      await payload.update({ collection: 'announcements', id: offer.id, data: { status: 'published' }, overrideAccess: true, context: { skipEmail: true } })
      const counters = await loadCounters(payload, territory, monthOf(), monthOf())
      expect(total(counters, 'match')).toBe(1)
      expect(sumBy(counters, 'match', 'category:').get(String(category.id))).toBe(1)
    })
  })
}
