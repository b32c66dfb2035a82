import fs from 'node:fs'
import path from 'node:path'

import type { Payload, PayloadRequest } from 'payload'

import { haversineKm } from '@/search/geo'
import type { IndexingSearchEngine } from '@/search'
import type { SearchWorkerPool } from '@/search/sqlite/workerPool'
import type { SearchQuery, SearchResult } from '@/search/types'

import { seedCategories } from '@/seed/categories'
import { DEMO_EPCI, INSEE } from '../support/fixtures'
import { bootLocalPayload, type TestDatabase } from '../support/localPayload'

type FixtureEntry = {
  kind: 'businesses' | 'associations' | 'services' | 'announcements'
  name?: string
  title?: string
  commune?: string
  categories?: string[]
  category?: string
  description?: string
  body?: string
  provider?: string
  priceType?: 'free' | 'paid' | 'cesu'
  communesServed?: string[]
  announcementKind?: 'offer' | 'need' | 'notice'
}
type RelevanceFile = { entries: FixtureEntry[]; queries: Array<{ q: string; expect: string; why: string }> }

export const RELEVANCE: RelevanceFile = JSON.parse(
  fs.readFileSync(path.resolve(process.cwd(), 'data/search/relevance.json'), 'utf8'),
) as RelevanceFile

type Ids = Map<string, number | string>

function pick(ids: Ids, key: string | undefined, what: string) {
  const id = key === undefined ? undefined : ids.get(key)
  if (id === undefined) throw new Error(`${what} « ${key} » introuvable dans le jeu de pertinence`)
  return id as number
}

/** Creates the labelled entries through the local API (so the hooks index them). */
async function seedRelevanceEntries(payload: Payload, categories: Ids, communes: Ids) {
  const providers = new Map<string, { relationTo: 'businesses' | 'associations'; value: number }>()
  const created = new Map<string, { kind: string; id: number | string }>()
  for (const e of RELEVANCE.entries) {
    let doc: { id: number | string }
    if (e.kind === 'businesses' || e.kind === 'associations') {
      doc = await payload.create({
        collection: e.kind,
        overrideAccess: true,
        data: {
          name: e.name!,
          categories: (e.categories ?? []).map((c) => pick(categories, c, 'catégorie')),
          description: e.description,
          commune: pick(communes, e.commune, 'commune'),
          status: 'published',
        },
      })
      providers.set(e.name!, { relationTo: e.kind, value: doc.id as number })
    } else if (e.kind === 'services') {
      const provider = providers.get(e.provider!)
      if (!provider) throw new Error(`prestataire « ${e.provider} » introuvable`)
      doc = await payload.create({
        collection: 'services',
        overrideAccess: true,
        data: {
          title: e.title!,
          provider,
          categories: (e.categories ?? []).map((c) => pick(categories, c, 'catégorie')),
          priceType: e.priceType ?? 'free',
          description: e.description,
          communesServed: (e.communesServed ?? []).map((c) => pick(communes, c, 'commune')),
          status: 'published',
        } as never,
      })
    } else {
      doc = await payload.create({
        collection: 'announcements',
        overrideAccess: true,
        data: {
          kind: e.announcementKind ?? 'offer',
          title: e.title!,
          body: e.body!,
          commune: pick(communes, e.commune, 'commune'),
          category: e.category ? pick(categories, e.category, 'catégorie') : undefined,
          priceType: e.priceType ?? 'free',
          status: 'published',
        },
      })
    }
    created.set((e.name ?? e.title)!, { kind: e.kind, id: doc.id })
  }
  return created
}

/**
 * The search suite, run once per database: a fresh database with the demo territory, the
 * national categories and the labelled entries of data/search/relevance.json, created
 * through the local API so that the index is filled by the collection hooks.
 */
export function searchSuite(kind: TestDatabase, options: { workers?: boolean } = {}) {
  let payload: Payload
  let pool: SearchWorkerPool | null = null
  let cleanup: () => Promise<void>
  let engine: IndexingSearchEngine
  let territory: number | string
  let communes: Ids
  let categories: Ids
  let entries: Map<string, { kind: string; id: number | string }>
  const search = (query: Omit<SearchQuery, 'territory'>): Promise<SearchResult> => engine.search({ territory, ...query })
  const titles = (result: SearchResult) => result.hits.map((h) => h.title)

  beforeAll(async () => {
    ;({ payload, cleanup } = await bootLocalPayload(kind))
    const { importEpci } = await import('@/territories/importEpci')
    const { getSearchEngine } = await import('@/search')
    const report = await importEpci(payload, DEMO_EPCI)
    territory = report.territory.id
    const { docs } = await payload.find({ collection: 'communes', pagination: false, depth: 0, overrideAccess: true })
    communes = new Map(docs.map((c) => [c.inseeCode, c.id]))
    categories = await seedCategories(payload)
    engine = getSearchEngine(payload)
    if (options.workers) {
      // Started before the entries exist: every entry reaches the workers as a patch.
      const previous = process.env.SEARCH_WORKERS
      process.env.SEARCH_WORKERS = '2'
      const { startSearchWorkers } = await import('@/search/sqlite/workerPool')
      pool = await startSearchWorkers(payload)
      if (previous === undefined) delete process.env.SEARCH_WORKERS
      else process.env.SEARCH_WORKERS = previous
      if (!pool || pool.size !== 2) throw new Error('les fils de recherche n’ont pas démarré')
    }
    entries = await seedRelevanceEntries(payload, categories, communes)
  }, 600_000)

  afterAll(async () => {
    await pool?.close()
    await cleanup?.()
  })

  it(`finds the labelled entry in the top 3 for at least 90 % of ${RELEVANCE.queries.length} French queries`, async () => {
    expect(RELEVANCE.queries.length).toBeGreaterThanOrEqual(50)
    const misses: string[] = []
    for (const { q, expect: expected, why } of RELEVANCE.queries) {
      const result = await search({ text: q, limit: 3 })
      if (!titles(result).includes(expected)) misses.push(`  « ${q} » (${why}) → ${JSON.stringify(titles(result))}, attendu « ${expected} »`)
    }
    const share = 1 - misses.length / RELEVANCE.queries.length
    console.log(
      `[${kind}] pertinence : ${(share * 100).toFixed(1)} % des ${RELEVANCE.queries.length} requêtes trouvent la fiche attendue dans le top 3 (objectif ≥ 95 %)` +
        (misses.length ? `\n${misses.join('\n')}` : ''),
    )
    expect(share).toBeGreaterThanOrEqual(0.9)
  })

  it('ranks name above category above description', async () => {
    const category = await payload.create({
      collection: 'categories',
      overrideAccess: true,
      data: { name: 'Animalerie', keywords: 'quokka, animaux exotiques', parent: categories.get('Services en cas d’absence') as number },
    })
    const commune = communes.get(INSEE.songeons) as number
    const make = (name: string, categoryId: number | string, description: string) =>
      payload.create({ collection: 'businesses', overrideAccess: true, data: { name, categories: [categoryId as number], commune, description, status: 'published' } })
    // Oldest first: a tie would put the newest first, so only the weights give this order.
    const created = [
      await make('Le Quokka', categories.get('Cycles')!, 'Magasin de jouets en bois et de jeux de société.'),
      await make('Animalerie Dupuis', category.id, 'Aliments pour chiens et chats, accessoires.'),
      await make('Ferme pédagogique Vasseur', categories.get('Producteurs locaux')!, 'Visite de la ferme : chèvres, ânes et un quokka.'),
    ]
    try {
      expect(titles(await search({ text: 'quokka' }))).toEqual(['Le Quokka', 'Animalerie Dupuis', 'Ferme pédagogique Vasseur'])
      if (kind === 'sqlite') {
        // The same order when there are too many matches for bm25 (name, then categories found in memory, then the rest).
        const { IndexReader } = await import('@/search/sqlite/indexReader')
        const { ReadConnection } = await import('@/search/sqlite/readConnection')
        const { planQuery } = await import('@/search/query')
        const connection = ReadConnection.open((engine as unknown as { databaseUrl: string }).databaseUrl)!
        try {
          const reader = new IndexReader((sql, args) => connection.all(sql, args), { bm25Limit: 0 })
          const { result } = await reader.execute(planQuery({ territory, text: 'quokka' }))
          expect(titles({ ...result, tookMs: 0 })).toEqual(['Le Quokka', 'Animalerie Dupuis', 'Ferme pédagogique Vasseur'])
        } finally {
          connection.close()
        }
      }
      if (kind === 'postgres') {
        // The same order when ranked in memory (too many matches for ts_rank: the fields the word is in).
        const { PostgresSearchEngine } = await import('@/search/postgres/engine')
        const byFields = new PostgresSearchEngine(payload, { rankLimit: 0 })
        expect(titles(await byFields.search({ territory, text: 'quokka' }))).toEqual(['Le Quokka', 'Animalerie Dupuis', 'Ferme pédagogique Vasseur'])
      }
    } finally {
      for (const doc of created) await payload.delete({ collection: 'businesses', id: doc.id, overrideAccess: true })
      await payload.delete({ collection: 'categories', id: category.id, overrideAccess: true })
    }
    expect((await search({ text: 'quokka' })).total).toBe(0)
  })

  it('is accent- and case-insensitive, matches prefixes, plurals, synonyms and typos', async () => {
    expect(titles(await search({ text: 'EPICERIE' }))).toContain('Épicerie de Marseille-en-Beauvaisis')
    expect(titles(await search({ text: 'épicerie' }))).toContain('Épicerie de Marseille-en-Beauvaisis')
    expect(titles(await search({ text: 'boulan' }))).toContain('Boulangerie Martin')
    expect(titles(await search({ text: 'plombiier' }))).toContain('Plomberie Chauffage Lemaire')
    expect(titles(await search({ text: 'pharmacies' }))).toEqual(expect.arrayContaining(['Pharmacie de Formerie', 'Pharmacie du Marché']))
    expect(titles(await search({ text: 'garagiste' }))).toContain('Garage du Thérain')
    expect(titles(await search({ text: 'généraliste' }))).toContain('Cabinet médical de Grandvilliers')
    expect((await search({ text: 'xylophonistes' })).total).toBe(0)
  })

  it('reads the editable synonym list', async () => {
    // "resto" is only a synonym (data/search/synonyms.json), no entry contains it.
    expect(titles(await search({ text: 'resto' }))).toEqual(expect.arrayContaining(['Café-restaurant Le Relais']))
  })

  describe('keeps the index in step with the collections', () => {
    const commune = () => communes.get(INSEE.hanvoile) as number
    const category = () => categories.get('Serrurerie') as number

    it('indexes a published entry on create and a renamed one on update', async () => {
      const doc = await payload.create({
        collection: 'businesses',
        overrideAccess: true,
        data: { name: 'Quincaillerie Zéphyrin', categories: [category()], commune: commune(), status: 'published' },
      })
      expect(titles(await search({ text: 'zephyrin' }))).toEqual(['Quincaillerie Zéphyrin'])
      await payload.update({ collection: 'businesses', id: doc.id, overrideAccess: true, data: { name: 'Droguerie Zéphyrin' } })
      expect(titles(await search({ text: 'droguerie' }))).toEqual(['Droguerie Zéphyrin'])
      expect((await search({ text: 'quincaillerie' })).total).toBe(0)
      await payload.delete({ collection: 'businesses', id: doc.id, overrideAccess: true })
      expect((await search({ text: 'zephyrin' })).total).toBe(0)
    })

    it('never returns pending, rejected or archived entries, and follows status changes', async () => {
      const doc = await payload.create({
        collection: 'associations',
        overrideAccess: true,
        data: { name: 'Club de pétanque Wurtz', categories: [categories.get('Associations sportives') as number], commune: commune(), status: 'pending' },
      })
      expect((await search({ text: 'wurtz' })).total).toBe(0)
      await payload.update({ collection: 'associations', id: doc.id, overrideAccess: true, data: { status: 'published' } })
      expect(titles(await search({ text: 'wurtz' }))).toEqual(['Club de pétanque Wurtz'])
      for (const status of ['rejected', 'archived', 'pending'] as const) {
        await payload.update({ collection: 'associations', id: doc.id, overrideAccess: true, data: { status } })
        expect((await search({ text: 'petanque wurtz' })).total).toBe(0)
        await payload.update({ collection: 'associations', id: doc.id, overrideAccess: true, data: { status: 'published' } })
        expect((await search({ text: 'petanque wurtz' })).total).toBe(1)
      }
      await payload.delete({ collection: 'associations', id: doc.id, overrideAccess: true })
    })

    it('hides expired announcements without any write', async () => {
      const doc = await payload.create({
        collection: 'announcements',
        overrideAccess: true,
        data: {
          kind: 'offer',
          title: 'Prête une remorque Yzeure',
          body: 'Remorque disponible le week-end pour vos déchets verts.',
          commune: commune(),
          priceType: 'free',
          status: 'published',
          expiresAt: new Date(Date.now() + 60_000).toISOString(),
        },
      })
      expect((await search({ text: 'remorque yzeure' })).total).toBe(1)
      await payload.update({
        collection: 'announcements',
        id: doc.id,
        overrideAccess: true,
        data: { expiresAt: new Date(Date.now() - 1000).toISOString() },
      })
      expect((await search({ text: 'remorque yzeure' })).total).toBe(0)
      // The same index row, seen after its expiry date passes.
      await payload.update({
        collection: 'announcements',
        id: doc.id,
        overrideAccess: true,
        data: { expiresAt: new Date(Date.now() + 1500).toISOString() },
      })
      expect((await search({ text: 'remorque yzeure' })).total).toBe(1)
      await new Promise((resolve) => setTimeout(resolve, 1700))
      expect((await search({ text: 'remorque yzeure' })).total).toBe(0)
      await payload.delete({ collection: 'announcements', id: doc.id, overrideAccess: true })
    })

    it('reindexes the entries of a category when its keywords change', async () => {
      expect((await search({ text: 'crochetage' })).total).toBe(0)
      const id = categories.get('Serrurerie')!
      const before = await payload.findByID({ collection: 'categories', id, overrideAccess: true })
      await payload.update({ collection: 'categories', id, overrideAccess: true, data: { keywords: `${before.keywords}, crochetage` } })
      expect(titles(await search({ text: 'crochetage' }))).toContain('Serrurerie Express Oise')
      await payload.update({ collection: 'categories', id, overrideAccess: true, data: { keywords: before.keywords } })
      expect((await search({ text: 'crochetage' })).total).toBe(0)
    })

    it('sees index changes made by another process (another engine instance on the same database)', async () => {
      const { createSearchEngine } = await import('@/search')
      const other = createSearchEngine(payload)
      expect((await search({ text: 'quincaillerie' })).total).toBe(0)
      const doc = await payload.create({
        collection: 'businesses',
        overrideAccess: true,
        context: { skipSearchIndex: true },
        data: { name: 'Quincaillerie Ursule', categories: [categories.get('Serrurerie') as number], commune: communes.get(INSEE.songeons) as number, status: 'published' },
      })
      expect((await search({ text: 'quincaillerie' })).total).toBe(0)
      await other.indexEntry('businesses', doc.id)
      expect(titles(await search({ text: 'quincaillerie' }))).toEqual(['Quincaillerie Ursule'])
      expect((await search({ communes: [communes.get(INSEE.songeons)!], kinds: ['businesses'] })).hits.map((h) => h.title)).toContain('Quincaillerie Ursule')
      await other.removeEntry('businesses', doc.id)
      expect((await search({ text: 'quincaillerie' })).total).toBe(0)
      await payload.delete({ collection: 'businesses', id: doc.id, overrideAccess: true, context: { skipSearchIndex: true } })
    })

    it('rebuilds the whole index from the collections', async () => {
      const published = (
        await Promise.all(
          (['businesses', 'associations', 'services', 'announcements'] as const).map((collection) =>
            payload.count({ collection, where: { status: { equals: 'published' } }, overrideAccess: true }),
          ),
        )
      ).reduce((sum, c) => sum + c.totalDocs, 0)
      let progress = 0
      const { indexed } = await engine.rebuild((done) => (progress = done))
      expect(indexed).toBe(published)
      expect(progress).toBe(published)
      expect(titles(await search({ text: 'plombier' }))).toContain('Plomberie Chauffage Lemaire')
    })
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

  describe('GET /api/search', () => {
    const call = async (query: string) => {
      const { searchEndpoint } = await import('@/search/endpoint')
      const req = { payload, url: `http://localhost/api/search?${query}`, headers: new Headers() } as unknown as PayloadRequest
      const response = await searchEndpoint.handler(req)
      return { status: response.status, body: (await response.json()) as SearchResult & { errors?: Array<{ message: string }> } }
    }

    it('answers the same as the engine, territory by id or slug or by default', async () => {
      const byId = await call(`territory=${territory}&q=plombier`)
      expect(byId.status).toBe(200)
      expect(byId.body.hits.map((h) => h.title)).toContain('Plomberie Chauffage Lemaire')
      const { slug } = await payload.findByID({ collection: 'territories', id: territory, overrideAccess: true })
      expect((await call(`territory=${slug}&q=plombier`)).body.total).toBe(byId.body.total)
      expect((await call('q=plombier')).body.total).toBe(byId.body.total)
    })

    it('reads repeated and comma-separated filters, and a commune centre as origin', async () => {
      const formerie = communes.get(INSEE.formerie)!
      const result = await call(`territory=${territory}&kind=businesses,associations&commune=${formerie}&near=${formerie}&radius=1&sort=distance`)
      expect(result.status).toBe(200)
      expect(result.body.total).toBeGreaterThan(0)
      expect(result.body.hits.every((h) => (h.kind === 'businesses' || h.kind === 'associations') && h.distanceKm! <= 1)).toBe(true)
    })

    it('drops nonsense parameters instead of failing, and says when the territory is unknown', async () => {
      const odd = await call(`territory=${territory}&q=${encodeURIComponent('"*) OR 1=1 --')}&page=-3&limit=abc&lat=999&radius=x&kind=<b>&price=gratis&sort=best`)
      expect(odd.status).toBe(200)
      expect(odd.body.page).toBe(1)
      const unknown = await call('territory=nulle-part&q=pain')
      expect(unknown.status).toBe(404)
      expect(unknown.body.errors?.[0]?.message).toMatch(/Territoire inconnu/)
    })
  })

  describe('bad input returns normal results or none, never an error', () => {
    const nasty = [
      '"',
      "'",
      '""""',
      '*',
      '***',
      'boulan*',
      '(((',
      ')) OR ((',
      'NEAR(a b)',
      'title:boulangerie',
      '^plombier',
      'a AND OR NOT b',
      '-',
      '\\',
      '%_%',
      "'; DROP TABLE search_entries; --",
      '1 OR 1=1',
      '$where',
      '{"$gt": ""}',
      '😀🥖👩‍🔧',
      'ﷺ ℌ 𝔘 Ω',
      '\u0000\u0001\u0002',
      'x'.repeat(10_000),
      'boulangerie '.repeat(1000),
      '   ',
      '',
    ]
    it.each(nasty.map((q) => [q.length > 40 ? `${q.slice(0, 20)}… (${q.length} car.)` : JSON.stringify(q), q]))('%s', async (_label, q) => {
      const result = await search({ text: q })
      expect(Array.isArray(result.hits)).toBe(true)
      expect(result.total).toBeGreaterThanOrEqual(0)
    })

    it('survives odd parameters', async () => {
      const result = await engine.search({
        territory,
        page: Number.NaN,
        limit: -1,
        categories: ['<script>', 'NaN'],
        communes: [Number.POSITIVE_INFINITY as never],
        near: { latitude: 1000, longitude: -1000, radiusKm: -5 },
        kinds: ['nope' as never],
        sort: 'DROP' as never,
      })
      expect(result.page).toBe(1)
      expect(result.total).toBe(0)
    })
  })

  it('answers the HTTP route with UTF-8 JSON equal to the search result, accents included', async () => {
    const bytes = await engine.searchJson({ territory, text: 'épicerie' })
    expect(bytes).toBeInstanceOf(Uint8Array)
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    expect(text.startsWith('{"tookMs":')).toBe(true)
    const { tookMs: _sent, ...sent } = JSON.parse(text) as SearchResult
    const { tookMs: _direct, ...direct } = await search({ text: 'épicerie' })
    expect(sent).toEqual(direct)
    expect(sent.hits.map((h) => h.title)).toContain('Épicerie de Marseille-en-Beauvaisis')
  })

  if (options.workers) {
    it('answers many concurrent searches, queued for the workers, as it answers them one by one', async () => {
      const { planQuery } = await import('@/search/query')
      const plans = ['boulangerie', 'plombier', 'garage', 'médecin', 'épicerie', 'jardinier', 'coiffeur', 'taxi'].flatMap((text) =>
        [{ text }, { text, sort: 'date' as const }, { text, page: 2, limit: 2 }].map((query) => planQuery({ territory, ...query })),
      )
      // Straight to the pool: the engine's result cache would answer the second round.
      const one = async (plan: (typeof plans)[number]) => JSON.parse(new TextDecoder().decode((await pool!.execute(plan)).json)) as unknown
      const sequential = []
      for (const plan of plans) sequential.push(await one(plan))
      expect(await Promise.all(plans.map(one))).toEqual(sequential)
      expect(sequential.filter((result) => (result as SearchResult).total > 0).length).toBeGreaterThan(plans.length / 2)
    })

    it('answered every search above from the worker threads, and searches in this thread once they stop', async () => {
      expect(pool!.served).toBeGreaterThan(100)
      const before = await search({ text: 'boulangerie' })
      await pool!.close()
      const after = await search({ text: 'boulangerie' })
      expect(after.total).toBeGreaterThan(0)
      expect(after.hits.map((h) => h.id)).toEqual(before.hits.map((h) => h.id))
    })
  }
}
