/**
 * SQLite engine: an FTS5 table over pre-folded, pre-stemmed text (accents and plurals
 * removed in `text.ts`), prefix indexes for "boulan" → "Boulangerie", bm25 with column
 * weights (name > categories > description), an fts5vocab view for typo correction, and a
 * table of the filterable fields (`search_entries`).
 *
 * This class writes the index (through Payload's client) and tells every reader what each
 * write changed. Searches run in an `IndexReader` (indexReader.ts) on a statement-caching
 * read connection: in this thread, or in search workers when the server started them
 * (workerPool.ts), so that searches use every core.
 */
import type { Payload } from 'payload'

import type { IndexDocument } from '../document'
import { BaseSearchEngine, type EntryRef } from '../engine'
import type { SearchPlan } from '../query'
import type { SqlReader } from '../sqlSource'
import { indexText } from '../text'
import type { EntryKind } from '../types'
import type { EntryRow } from './entryTable'
import { ResultCache } from '../resultCache'
import { type Args, CHANGES_SQL, type EncodedAnswer, type IndexPatch, IndexReader, type ReadResult, type Row, type Value } from './indexReader'
import { ReadConnection } from './readConnection'

export { matchExpression } from './fullText'

type Statement = { sql: string; args: Args | Value[] }

/** Where searches run when not in this thread (the search workers). */
export type SearchExecutor = {
  execute(plan: SearchPlan): Promise<EncodedAnswer>
  applyPatch(patch: IndexPatch): void
}

/** The part of the libsql client the engine uses. */
export type LibsqlClient = {
  execute(stmt: Statement | string): Promise<{ rows: Row[] }>
  batch(stmts: Array<Statement | string>, mode?: 'write' | 'read' | 'deferred'): Promise<unknown>
}

const SCHEMA_VERSION = '6'

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT)`,
  `CREATE TABLE IF NOT EXISTS search_entries (
    rid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    territory TEXT NOT NULL,
    title TEXT NOT NULL,
    slug TEXT NOT NULL,
    summary TEXT NOT NULL,
    commune_id TEXT,
    category_ids TEXT NOT NULL,
    category_key TEXT NOT NULL,
    commune_key TEXT NOT NULL,
    announcement_kind TEXT,
    price_type TEXT,
    latitude REAL,
    longitude REAL,
    expires_at TEXT,
    shown_from TEXT,
    updated_at TEXT NOT NULL,
    is_example INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, entry_id)
  )`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    title, categories, body, place,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4',
    content = '',
    contentless_delete = 1
  )`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search_fts, 'row')`,
  // The names alone: which of many matches match by name, read off their short lists (a
  // column filter on search_fts would read the whole lists of every match).
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_titles USING fts5(
    title,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4',
    content = '',
    contentless_delete = 1
  )`,
  // The categories column's text of each category set (`category_key`): readers match it in memory.
  `CREATE TABLE IF NOT EXISTS search_category_texts (key TEXT PRIMARY KEY, text TEXT NOT NULL)`,
]

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** `,3,12,`: a list any id can be looked up in with instr(), and grouped on. */
const key = (ids: string[]) => (ids.length ? `,${ids.join(',')},` : '')

export class SqliteSearchEngine extends BaseSearchEngine {
  readonly name = 'sqlite' as const
  private readConnection: ReadConnection | null | undefined
  /** Searches in this thread (when no executor is set, or it failed). */
  private readonly reader = new IndexReader((sql, args) => this.read(sql, args))
  private executor: SearchExecutor | null = null
  /** Results reused while the index is unchanged and nothing among them has expired (here, so that a hit never waits for a worker). */
  private readonly results = new ResultCache<Uint8Array<ArrayBuffer>>()

  constructor(payload: Payload) {
    super(payload)
  }

  private get client(): LibsqlClient {
    return (this.payload.db as unknown as { client: LibsqlClient }).client
  }

  /** The database's libsql URL (`file:…` for a local file, the only kind search workers can open). */
  get databaseUrl(): string | undefined {
    return (this.payload.db as unknown as { clientConfig?: { url?: string } }).clientConfig?.url
  }

  /** Searches run on `executor` from now on (null: in this thread again); it receives every index write. */
  useExecutor(executor: SearchExecutor | null): void {
    this.executor = executor
  }

  /** Reads through the statement-caching connection when the database is a local file. */
  private async read(sql: string, args: Args | Value[] = []): Promise<Row[]> {
    if (this.readConnection === undefined) {
      try {
        this.readConnection = ReadConnection.open(this.databaseUrl)
      } catch {
        this.readConnection = null
      }
    }
    if (this.readConnection) return this.readConnection.all(sql, args)
    return (await this.client.execute({ sql, args })).rows
  }

  protected async createSchema(): Promise<boolean> {
    const existing = await this.client.execute(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'search_meta'`)
    let version: Value = null
    if (existing.rows.length) {
      const row = await this.client.execute(`SELECT value FROM search_meta WHERE key = 'version'`)
      version = row.rows[0]?.value ?? null
    }
    if (version !== null && version !== SCHEMA_VERSION) {
      await this.client.batch(
        [
          'DROP TABLE IF EXISTS search_vocab',
          'DROP TABLE IF EXISTS search_category_texts',
          'DROP TABLE IF EXISTS search_titles',
          'DROP TABLE IF EXISTS search_fts',
          'DROP TABLE IF EXISTS search_facets',
          'DROP TABLE IF EXISTS search_entries',
          'DROP TABLE IF EXISTS search_meta',
        ],
        'write',
      )
    }
    await this.client.batch(SCHEMA, 'write')
    await this.client.batch(
      [
        { sql: `INSERT OR REPLACE INTO search_meta (key, value) VALUES ('version', ?)`, args: [SCHEMA_VERSION] },
        `INSERT OR IGNORE INTO search_meta (key, value) VALUES ('changes', '0')`,
      ],
      'write',
    )
    const built = await this.client.execute(`SELECT value FROM search_meta WHERE key = 'built'`)
    return built.rows.length === 0
  }

  protected async markBuilt(): Promise<void> {
    await this.client.execute({ sql: `INSERT OR REPLACE INTO search_meta (key, value) VALUES ('built', ?)`, args: [new Date().toISOString()] })
  }

  protected async clearIndex(): Promise<void> {
    await this.commit(['DELETE FROM search_fts', 'DELETE FROM search_titles', 'DELETE FROM search_entries', 'DELETE FROM search_category_texts'], null)
  }

  /**
   * Runs a write batch and counts it in `search_meta.changes`, in the same transaction, then
   * tells the readers what changed: each patches its in-memory columns when it held the
   * previous count; otherwise (another process wrote too, or `null`: everything changed)
   * it reloads them at its next search.
   */
  private async commit(stmts: Array<Statement | string>, change: Omit<IndexPatch, 'changes' | 'reset'> | null): Promise<void> {
    const results = (await this.client.batch(
      [...stmts, `UPDATE search_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'changes' RETURNING CAST(value AS INTEGER) AS changes`],
      'write',
    )) as Array<{ rows: Row[] }>
    const changes = Number(results[results.length - 1]?.rows[0]?.changes ?? Number.NaN)
    const patch: IndexPatch = change ? { changes, ...change } : { changes, upserts: [], removed: [], reset: true }
    this.reader.applyPatch(patch)
    this.executor?.applyPatch(patch)
  }

  protected sqlReader(): SqlReader {
    return {
      all: async (sql, params) => (await this.client.execute({ sql, args: params as Value[] })).rows,
      p: () => '?',
    }
  }

  protected async writeDocuments(docs: IndexDocument[], options: { fresh?: boolean } = {}): Promise<void> {
    for (let i = 0; i < docs.length; i += 200) await this.writeChunk(docs.slice(i, i + 200), options.fresh === true)
  }

  /** Upserts the entry rows (returning their rowids), then replaces their FTS rows by rowid. */
  private async writeChunk(docs: IndexDocument[], fresh: boolean): Promise<void> {
    const unique = [...new Map(docs.map((d) => [`${d.kind}:${d.id}`, d])).values()]
    const columns = 18
    const values: Value[] = []
    for (const doc of unique) {
      values.push(
        doc.kind,
        doc.id,
        doc.territory,
        doc.title,
        doc.slug,
        doc.summary,
        doc.communeId,
        JSON.stringify(doc.categoryIds),
        key(doc.categoryTreeIds),
        key(doc.communeIds),
        doc.announcementKind,
        doc.priceType,
        doc.latitude,
        doc.longitude,
        doc.expiresAt,
        doc.shownFrom,
        doc.updatedAt,
        doc.isExample ? 1 : 0,
      )
    }
    const placeholders = unique.map(() => `(${new Array(columns).fill('?').join(', ')})`).join(', ')
    const { rows } = await this.client.execute({
      sql: `INSERT INTO search_entries (kind, entry_id, territory, title, slug, summary, commune_id, category_ids, category_key, commune_key,
              announcement_kind, price_type, latitude, longitude, expires_at, shown_from, updated_at, is_example)
            VALUES ${placeholders}
            ON CONFLICT (kind, entry_id) DO UPDATE SET territory = excluded.territory, title = excluded.title, slug = excluded.slug,
              summary = excluded.summary, commune_id = excluded.commune_id, category_ids = excluded.category_ids,
              category_key = excluded.category_key, commune_key = excluded.commune_key, announcement_kind = excluded.announcement_kind,
              price_type = excluded.price_type, latitude = excluded.latitude, longitude = excluded.longitude,
              expires_at = excluded.expires_at, shown_from = excluded.shown_from, updated_at = excluded.updated_at,
              is_example = excluded.is_example
            RETURNING rid, kind, entry_id`,
      args: values,
    })
    const rids = new Map(rows.map((r) => [`${r.kind}:${r.entry_id}`, Number(r.rid)]))
    const stmts: Statement[] = []
    const ftsValues: Value[] = []
    const titleValues: Value[] = []
    const patched: EntryRow[] = []
    const categoryTexts = new Map<string, string>()
    for (const doc of unique) {
      const rid = rids.get(`${doc.kind}:${doc.id}`)
      if (rid === undefined) continue
      if (!fresh) stmts.push({ sql: 'DELETE FROM search_fts WHERE rowid = ?', args: [rid] }, { sql: 'DELETE FROM search_titles WHERE rowid = ?', args: [rid] })
      const categoryText = indexText(doc.text.categories)
      const title = indexText(doc.text.title)
      ftsValues.push(rid, title, categoryText, indexText(doc.text.body), indexText(doc.text.place))
      titleValues.push(rid, title)
      if (doc.categoryTreeIds.length) categoryTexts.set(key(doc.categoryTreeIds), categoryText)
      patched.push({
        rid,
        territory: doc.territory,
        kind: doc.kind,
        announcement_kind: doc.announcementKind,
        price_type: doc.priceType,
        latitude: doc.latitude,
        longitude: doc.longitude,
        expires_at: doc.expiresAt,
        shown_from: doc.shownFrom,
        updated_at: doc.updatedAt,
        category_key: key(doc.categoryTreeIds),
        commune_key: key(doc.communeIds),
      })
    }
    if (ftsValues.length) {
      stmts.push({
        sql: `INSERT INTO search_fts (rowid, title, categories, body, place) VALUES ${new Array(ftsValues.length / 5).fill('(?, ?, ?, ?, ?)').join(', ')}`,
        args: ftsValues,
      })
      stmts.push({ sql: `INSERT INTO search_titles (rowid, title) VALUES ${new Array(titleValues.length / 2).fill('(?, ?)').join(', ')}`, args: titleValues })
    }
    const texts = [...categoryTexts].map(([key, text]) => ({ key, text }))
    if (texts.length) {
      stmts.push({
        sql: `INSERT INTO search_category_texts (key, text) VALUES ${texts.map(() => '(?, ?)').join(', ')}
              ON CONFLICT (key) DO UPDATE SET text = excluded.text`,
        args: texts.flatMap((t) => [t.key, t.text]),
      })
    }
    await this.commit(stmts, { upserts: patched, removed: [], categoryTexts: texts })
  }

  protected async deleteEntries(kind: EntryKind, ids: string[]): Promise<void> {
    if (ids.length === 0) return
    const { rows } = await this.client.execute({
      sql: `SELECT rid FROM search_entries WHERE kind = ? AND entry_id IN (${ids.map(() => '?').join(', ')})`,
      args: [kind, ...ids],
    })
    const rids = rows.map((r) => Number(r.rid))
    if (rids.length === 0) return
    const stmts: Statement[] = rids.flatMap((rid) => [
      { sql: 'DELETE FROM search_fts WHERE rowid = ?', args: [rid] },
      { sql: 'DELETE FROM search_titles WHERE rowid = ?', args: [rid] },
      { sql: 'DELETE FROM search_entries WHERE rid = ?', args: [rid] },
    ])
    await this.commit(stmts, { upserts: [], removed: rids })
  }

  async entriesInCategory(categoryId: number | string): Promise<EntryRef[]> {
    await this.ensureSchema()
    const { rows } = await this.client.execute({
      sql: `SELECT kind, entry_id FROM search_entries WHERE instr(category_key, ?) > 0`,
      args: [`,${categoryId},`],
    })
    return rows.map((r) => ({ kind: r.kind as EntryKind, id: String(r.entry_id) }))
  }

  protected async execute(plan: SearchPlan): Promise<ReadResult> {
    return JSON.parse(decoder.decode(await this.executeJson(plan))) as ReadResult
  }

  /**
   * Results travel as UTF-8 JSON: a worker writes it once and hands its buffer over, the
   * cache keeps it as is and the HTTP route writes it to the socket (no copy between
   * threads, no string in this thread's heap, no second serialisation); only the pages
   * that render a result parse it.
   */
  protected async executeJson(plan: SearchPlan): Promise<Uint8Array<ArrayBuffer>> {
    const { now: _now, ...rest } = plan
    const key = JSON.stringify(rest)
    const now = Date.parse(plan.now)
    if (this.results.enabled) {
      const [row] = await this.read(CHANGES_SQL)
      const cached = this.results.get(key, Number(row?.changes ?? 0), now)
      if (cached) return cached
    }
    const answer = await this.answer(plan)
    this.results.set(key, answer.changes, now, answer.validUntil, answer.json)
    return answer.json
  }

  private async answer(plan: SearchPlan): Promise<EncodedAnswer> {
    if (this.executor) {
      try {
        return await this.executor.execute(plan)
      } catch (error) {
        this.payload.logger.error({ err: error, msg: 'Fils de recherche indisponibles : recherche dans le processus principal.' })
        this.executor = null
      }
    }
    const { result, changes, validUntil } = await this.reader.execute(plan)
    return { json: encoder.encode(JSON.stringify(result)), changes, validUntil }
  }
}
