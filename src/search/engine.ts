/**
 * What the three engines share: schema set-up once per process, query planning, loading
 * documents through the Payload local API, rebuilds in batches. Each engine only says how
 * to store documents and how to run a plan on its database.
 */
import type { Payload, PayloadRequest } from 'payload'

import { DIRECTORY_SLUGS } from '@collections/slugs'

import {
  buildDocuments,
  type IndexDocument,
  isIndexable,
  loadAllCommuneNames,
  loadCategories,
  loadDocument,
  readPublishedWithPayload,
  SELECT,
} from './document'
import { emptyResult, planQuery, type SearchPlan } from './query'
import { readPublished, type SqlReader } from './sqlSource'
import type { EntryKind, SearchEngine, SearchQuery, SearchResult } from './types'

export type EntryRef = { kind: EntryKind; id: string }

/** The interface the hooks, scripts and benchmark use on top of the public contract. */
export interface IndexingSearchEngine extends SearchEngine {
  readonly name: 'sqlite' | 'postgres' | 'mongodb'
  /** `search` answered as UTF-8 JSON (what GET /api/search sends). */
  searchJson(query: SearchQuery): Promise<Uint8Array<ArrayBuffer>>
  /** Indexes (or removes) documents already in hand, e.g. in an afterChange hook. */
  indexDocuments(kind: EntryKind, docs: Array<Record<string, unknown>>, req?: Partial<PayloadRequest>): Promise<void>
  /** Entries filed under a category or one of its sub-categories. */
  entriesInCategory(categoryId: number | string): Promise<EntryRef[]>
  /** Re-reads and re-indexes the given entries (removing those no longer public). */
  reindexEntries(refs: EntryRef[], req?: Partial<PayloadRequest>): Promise<void>
  /**
   * Engines whose searches need data loaded in memory first (PostgreSQL's columns) load
   * it now and keep it current in the background; resolves with the entries loaded.
   */
  warmUp?(): Promise<{ entries: number }>
  /** Stops the background work `warmUp` started (at shutdown, before the database closes). */
  stopFollowing?(): void
}

export abstract class BaseSearchEngine implements IndexingSearchEngine {
  abstract readonly name: 'sqlite' | 'postgres' | 'mongodb'
  private schemaReady: Promise<void> | null = null

  constructor(protected readonly payload: Payload) {}

  /** Creates the engine's tables and indexes if missing; true when the index was never built. */
  protected abstract createSchema(): Promise<boolean>
  protected abstract markBuilt(): Promise<void>
  /** `fresh`: the documents are known not to be in the index yet (rebuild after a clear). */
  protected abstract writeDocuments(docs: IndexDocument[], options?: { fresh?: boolean }): Promise<void>
  /** Raw SQL access to the collection tables for fast rebuilds (SQL databases only). */
  protected sqlReader(): SqlReader | null {
    return null
  }
  protected abstract deleteEntries(kind: EntryKind, ids: string[]): Promise<void>
  protected abstract clearIndex(): Promise<void>
  protected abstract execute(plan: SearchPlan): Promise<Omit<SearchResult, 'tookMs'>>
  abstract entriesInCategory(categoryId: number | string): Promise<EntryRef[]>

  ensureSchema(): Promise<void> {
    this.schemaReady ??= (async () => {
      const neverBuilt = await this.createSchema()
      if (neverBuilt) {
        const { indexed } = await this.rebuildIndex()
        if (indexed > 0) this.payload.logger.info(`Index de recherche construit : ${indexed} fiches.`)
      }
    })().catch((error: unknown) => {
      this.schemaReady = null
      throw error
    })
    return this.schemaReady
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now()
    const plan = planQuery(query ?? ({} as SearchQuery))
    if (!plan.territory) return emptyResult(plan)
    await this.ensureSchema()
    const result = await this.execute(plan)
    return { ...result, tookMs: Math.round((performance.now() - started) * 100) / 100 }
  }

  /**
   * The same answer as UTF-8 JSON, for the HTTP route (an engine that holds its results
   * encoded sends them as they are, never as a string in this thread's heap).
   */
  async searchJson(query: SearchQuery): Promise<Uint8Array<ArrayBuffer>> {
    const started = performance.now()
    const plan = planQuery(query ?? ({} as SearchQuery))
    if (!plan.territory) return Buffer.from(JSON.stringify(emptyResult(plan)))
    await this.ensureSchema()
    const json = await this.executeJson(plan)
    // `tookMs` first, then the result's own fields: `{"tookMs":1.5,"hits":…}`.
    const head = Buffer.from(`{"tookMs":${Math.round((performance.now() - started) * 100) / 100},`)
    return Buffer.concat([head, json.subarray(1)])
  }

  /** A plan's result as UTF-8 JSON (an object without `tookMs`, never empty). */
  protected async executeJson(plan: SearchPlan): Promise<Uint8Array<ArrayBuffer>> {
    return Buffer.from(JSON.stringify(await this.execute(plan)))
  }

  async indexEntry(kind: EntryKind, id: number | string): Promise<void> {
    await this.ensureSchema()
    const doc = await loadDocument(this.payload, kind, id)
    if (doc) await this.writeDocuments([doc])
    else await this.deleteEntries(kind, [String(id)])
  }

  async indexDocuments(kind: EntryKind, docs: Array<Record<string, unknown>>, req?: Partial<PayloadRequest>): Promise<void> {
    await this.ensureSchema()
    const built = await buildDocuments(this.payload, kind, docs, { req })
    const hidden = docs.filter((d) => !isIndexable(d)).map((d) => String(d.id))
    if (built.length) await this.writeDocuments(built)
    if (hidden.length) await this.deleteEntries(kind, hidden)
  }

  async reindexEntries(refs: EntryRef[], req?: Partial<PayloadRequest>): Promise<void> {
    await this.ensureSchema()
    const byKind = new Map<EntryKind, string[]>()
    for (const ref of refs) byKind.set(ref.kind, [...(byKind.get(ref.kind) ?? []), ref.id])
    for (const [kind, ids] of byKind) {
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500)
        const { docs } = await this.payload.find({
          collection: kind,
          where: { id: { in: chunk } },
          pagination: false,
          depth: 0,
          overrideAccess: true,
          select: SELECT[kind],
          req,
        })
        const raw = docs as unknown as Array<Record<string, unknown>>
        const found = new Set(raw.map((d) => String(d.id)))
        await this.indexDocuments(kind, raw, req)
        const gone = chunk.filter((id) => !found.has(id))
        if (gone.length) await this.deleteEntries(kind, gone)
      }
    }
  }

  async removeEntry(kind: EntryKind, id: number | string): Promise<void> {
    await this.ensureSchema()
    await this.deleteEntries(kind, [String(id)])
  }

  async rebuild(onProgress?: (done: number, total: number) => void): Promise<{ indexed: number }> {
    await this.ensureSchema()
    return this.rebuildIndex(onProgress)
  }

  private async rebuildIndex(onProgress?: (done: number, total: number) => void): Promise<{ indexed: number }> {
    const reader = this.sqlReader()
    if (reader) {
      try {
        return await this.rebuildFrom((kind) => readPublished(reader, kind), onProgress)
      } catch (error) {
        this.payload.logger.warn({ err: error, msg: 'Lecture SQL directe impossible : reconstruction par l’API locale.' })
      }
    }
    return this.rebuildFrom((kind) => readPublishedWithPayload(this.payload, kind), onProgress)
  }

  private async rebuildFrom(
    read: (kind: EntryKind) => AsyncGenerator<Array<Record<string, unknown>>>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ indexed: number }> {
    await this.clearIndex()
    const [categories, communes, counts] = await Promise.all([
      loadCategories(this.payload),
      loadAllCommuneNames(this.payload),
      Promise.all(
        DIRECTORY_SLUGS.map((kind) =>
          this.payload.count({ collection: kind, where: { status: { equals: 'published' } }, overrideAccess: true }),
        ),
      ),
    ])
    const total = counts.reduce((sum, c) => sum + c.totalDocs, 0)
    let indexed = 0
    for (const kind of DIRECTORY_SLUGS) {
      for await (const raw of read(kind)) {
        const docs = await buildDocuments(this.payload, kind, raw, { categories, communes })
        if (docs.length) await this.writeDocuments(docs, { fresh: true })
        indexed += docs.length
        onProgress?.(indexed, total)
      }
    }
    await this.markBuilt()
    return { indexed }
  }
}
