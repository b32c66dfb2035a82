/**
 * What the search suites share (searchSuite.ts): the labelled entries of
 * data/search/relevance.json, and a fresh database with the demo territory, the national
 * categories and those entries, created through the local API so that the index is filled by
 * the collection hooks (and, with `workers`, search worker threads started before them).
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import type { IndexingSearchEngine } from '@/search'
import type { SearchWorkerPool } from '@/search/sqlite/workerPool'
import type { SearchQuery, SearchResult } from '@/search/types'

import { seedCategories } from '@/seed/categories'
import { DEMO_EPCI } from '../support/fixtures'
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

export type Ids = Map<string, number | string>

export function pick(ids: Ids, key: string | undefined, what: string) {
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

export type SearchHarness = ReturnType<typeof searchHarness>

/** Boots the database and fills the index before the suite, and gives the suite its helpers. */
export function searchHarness(kind: TestDatabase, options: { workers?: boolean } = {}) {
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

  return {
    kind,
    options,
    search,
    titles,
    get payload() {
      return payload
    },
    get pool() {
      return pool
    },
    get engine() {
      return engine
    },
    get territory() {
      return territory
    },
    get communes() {
      return communes
    },
    get categories() {
      return categories
    },
  }
}
