/**
 * SQLite engine: an FTS5 table over pre-folded, pre-stemmed text (accents and plurals
 * removed in `text.ts`), prefix indexes for "boulan" → "Boulangerie", bm25 with column
 * weights (name > categories > description), an fts5vocab view for typo correction, and a
 * table of the filterable fields (`search_entries`).
 *
 * A search runs the full-text query (when there are words) on a statement-caching read
 * connection, then one pass over the candidates in the in-memory columns of
 * `search_entries` (see entryTable.ts) applies filters, bounding box and exact distance
 * and counts every facet; the page's rows are read back by rowid.
 */
import type { Payload } from 'payload'

import type { IndexDocument } from '../document'
import { BaseSearchEngine, type EntryRef } from '../engine'
import { type SearchPlan, sortFacet, toId } from '../query'
import type { SqlReader } from '../sqlSource'
import { ResultCache } from '../resultCache'
import { indexText } from '../text'
import type { AnnouncementKind, EntryKind, PriceType, SearchHit, SearchResult } from '../types'
import { expandTerms, Vocabulary } from '../vocabulary'
import { type Candidates, type EntryRow, EntryTable, type Match } from './entryTable'
import { ReadConnection } from './readConnection'

type Value = string | number | null
type Args = Record<string, Value>
type Row = Record<string, Value>
type Statement = { sql: string; args: Args | Value[] }

/** The part of the libsql client the engine uses. */
export type LibsqlClient = {
  execute(stmt: Statement | string): Promise<{ rows: Row[] }>
  batch(stmts: Array<Statement | string>, mode?: 'write' | 'read' | 'deferred'): Promise<unknown>
}

const SCHEMA_VERSION = '3'
/** bm25 weights of title, categories, body, place. */
const WEIGHTS = '10.0, 4.0, 1.0, 2.0'
/** Above this many full-text matches, relevance is by matched fields instead of bm25 (see `scores`). */
const BM25_LIMIT = 500
/** Rows read at a time when loading the in-memory columns. */
const TABLE_SLICE = 5000

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
]

/** `,3,12,`: a list any id can be looked up in with instr(), and grouped on. */
const key = (ids: string[]) => (ids.length ? `,${ids.join(',')},` : '')

export class SqliteSearchEngine extends BaseSearchEngine {
  readonly name = 'sqlite' as const
  private vocabulary: { value: Vocabulary; changes: number } | null = null
  private table: { value: EntryTable; changes: number } | null = null
  private readConnection: ReadConnection | null | undefined
  /** Results reused while the index is unchanged and nothing among them has expired. */
  private readonly results = new ResultCache()

  constructor(payload: Payload) {
    super(payload)
  }

  private get client(): LibsqlClient {
    return (this.payload.db as unknown as { client: LibsqlClient }).client
  }

  /** Reads through the statement-caching connection when the database is a local file. */
  private async read(sql: string, args: Args | Value[] = []): Promise<Row[]> {
    if (this.readConnection === undefined) {
      const url = (this.payload.db as unknown as { clientConfig?: { url?: string } }).clientConfig?.url
      try {
        this.readConnection = ReadConnection.open(url)
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
    await this.commit(['DELETE FROM search_fts', 'DELETE FROM search_entries'], null)
  }

  /**
   * Runs a write batch and counts it in `search_meta.changes`, in the same transaction. When
   * this process saw the previous count, it patches its in-memory columns; otherwise (another
   * process wrote too) they are reloaded at the next search.
   */
  private async commit(stmts: Array<Statement | string>, patch: ((table: EntryTable) => void) | null): Promise<void> {
    const results = (await this.client.batch(
      [...stmts, `UPDATE search_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'changes' RETURNING CAST(value AS INTEGER) AS changes`],
      'write',
    )) as Array<{ rows: Row[] }>
    const changes = Number(results[results.length - 1]?.rows[0]?.changes ?? Number.NaN)
    if (patch && this.table && this.table.changes === changes - 1) {
      patch(this.table.value)
      this.table.changes = changes
    } else {
      this.table = null
    }
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
    const columns = 17
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
        doc.updatedAt,
        doc.isExample ? 1 : 0,
      )
    }
    const placeholders = unique.map(() => `(${new Array(columns).fill('?').join(', ')})`).join(', ')
    const { rows } = await this.client.execute({
      sql: `INSERT INTO search_entries (kind, entry_id, territory, title, slug, summary, commune_id, category_ids, category_key, commune_key,
              announcement_kind, price_type, latitude, longitude, expires_at, updated_at, is_example)
            VALUES ${placeholders}
            ON CONFLICT (kind, entry_id) DO UPDATE SET territory = excluded.territory, title = excluded.title, slug = excluded.slug,
              summary = excluded.summary, commune_id = excluded.commune_id, category_ids = excluded.category_ids,
              category_key = excluded.category_key, commune_key = excluded.commune_key, announcement_kind = excluded.announcement_kind,
              price_type = excluded.price_type, latitude = excluded.latitude, longitude = excluded.longitude,
              expires_at = excluded.expires_at, updated_at = excluded.updated_at, is_example = excluded.is_example
            RETURNING rid, kind, entry_id`,
      args: values,
    })
    const rids = new Map(rows.map((r) => [`${r.kind}:${r.entry_id}`, Number(r.rid)]))
    const stmts: Statement[] = []
    const ftsValues: Value[] = []
    const patched: EntryRow[] = []
    for (const doc of unique) {
      const rid = rids.get(`${doc.kind}:${doc.id}`)
      if (rid === undefined) continue
      if (!fresh) stmts.push({ sql: 'DELETE FROM search_fts WHERE rowid = ?', args: [rid] })
      ftsValues.push(rid, indexText(doc.text.title), indexText(doc.text.categories), indexText(doc.text.body), indexText(doc.text.place))
      patched.push({
        rid,
        territory: doc.territory,
        kind: doc.kind,
        announcement_kind: doc.announcementKind,
        price_type: doc.priceType,
        latitude: doc.latitude,
        longitude: doc.longitude,
        expires_at: doc.expiresAt,
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
    }
    await this.commit(stmts, (table) => {
      for (const row of patched) table.upsert(row)
    })
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
      { sql: 'DELETE FROM search_entries WHERE rid = ?', args: [rid] },
    ])
    await this.commit(stmts, (table) => {
      for (const rid of rids) table.remove(rid)
    })
  }

  async entriesInCategory(categoryId: number | string): Promise<EntryRef[]> {
    await this.ensureSchema()
    const { rows } = await this.client.execute({
      sql: `SELECT kind, entry_id FROM search_entries WHERE instr(category_key, ?) > 0`,
      args: [`,${categoryId},`],
    })
    return rows.map((r) => ({ kind: r.kind as EntryKind, id: String(r.entry_id) }))
  }

  /** The count of index writes: a change made by any process shows here. */
  private async changes(): Promise<number> {
    const rows = await this.read(`SELECT CAST(value AS INTEGER) AS changes FROM search_meta WHERE key = 'changes'`)
    return Number(rows[0]?.changes ?? 0)
  }

  private async entryTable(changes: number): Promise<EntryTable> {
    if (this.table && this.table.changes === changes) return this.table.value
    // In slices: 100,000 row objects at once would grow the heap (and the RSS) for nothing.
    const value = new EntryTable()
    for (let after = -1; ; ) {
      const rows = (await this.read(
        `SELECT rid, territory, kind, announcement_kind, price_type, latitude, longitude, expires_at, updated_at, category_key, commune_key
         FROM search_entries WHERE rid > :after ORDER BY rid LIMIT ${TABLE_SLICE}`,
        { after },
      )) as unknown as EntryRow[]
      for (const row of rows) value.upsert(row)
      if (rows.length < TABLE_SLICE) break
      after = rows[rows.length - 1]!.rid
    }
    this.table = { value, changes }
    return value
  }

  private async loadVocabulary(changes: number): Promise<Vocabulary> {
    if (this.vocabulary && this.vocabulary.changes === changes) return this.vocabulary.value
    const rows = await this.read(`SELECT term, doc FROM search_vocab`)
    const value = new Vocabulary(rows.map((r) => [String(r.term), Number(r.doc)]))
    this.vocabulary = { value, changes }
    return value
  }

  protected async execute(plan: SearchPlan): Promise<Omit<SearchResult, 'tookMs'>> {
    const changes = await this.changes()
    const table = await this.entryTable(changes)
    if (!plan.terms.length) return this.run(plan, table, null, changes)
    const groups = expandTerms(plan.terms, await this.loadVocabulary(changes))
    const match = matchExpression(groups, 'AND')
    // Words were typed but none is searchable: nothing matches.
    if (match === null) return { ...emptyFacets(plan), hits: [] }
    const result = await this.run(plan, table, match, changes)
    if (result.total > 0 || groups.length < 2) return result
    return this.run(plan, table, matchExpression(groups, 'OR'), changes)
  }

  /**
   * Relevance of every full-text match. Up to BM25_LIMIT matches: bm25 with column weights.
   * Beyond (a very common word over a large territory), computing bm25 for every match
   * would dominate the search; the score then says which fields matched — name 10,
   * categories 4, anywhere 1 — and ties go to the newest entries.
   */
  private async scores(match: string): Promise<Candidates> {
    const [all] = await this.read(`SELECT json_group_array(rowid) AS ids FROM search_fts WHERE search_fts MATCH :match`, { match })
    const rids = JSON.parse(String(all?.ids ?? '[]')) as number[]
    if (rids.length <= BM25_LIMIT) {
      // Materialised so that bm25 runs in the full-text query; one flat JSON row comes back.
      const [row] = await this.read(
        `WITH s AS MATERIALIZED (SELECT rowid AS r, -bm25(search_fts, ${WEIGHTS}) AS s FROM search_fts WHERE search_fts MATCH :match)
         SELECT json_group_array(r) AS rids, json_group_array(s) AS scores FROM s`,
        { match },
      )
      return { rids: JSON.parse(String(row?.rids ?? '[]')) as number[], scores: JSON.parse(String(row?.scores ?? '[]')) as number[] }
    }
    const [tiers] = await this.read(
      `SELECT (SELECT json_group_array(rowid) FROM search_fts WHERE search_fts MATCH '{title} : ' || :match) AS title,
              (SELECT json_group_array(rowid) FROM search_fts WHERE search_fts MATCH '{categories} : ' || :match) AS categories`,
      { match },
    )
    // Rowids are small integers: a dense score array indexed by rowid, no map.
    let max = 0
    for (const rid of rids) if (rid > max) max = rid
    const byRid = new Float64Array(max + 1)
    for (const rid of rids) byRid[rid] = 1
    const add = (json: unknown, weight: number) => {
      for (const rid of JSON.parse(String(json ?? '[]')) as number[]) if (rid <= max && byRid[rid]! > 0) byRid[rid]! += weight
    }
    add(tiers?.title, 10)
    add(tiers?.categories, 4)
    return { rids, scores: Float64Array.from(rids, (rid) => byRid[rid]!) }
  }

  private async run(plan: SearchPlan, table: EntryTable, match: string | null, changes: number): Promise<Omit<SearchResult, 'tookMs'>> {
    const { now: _now, terms: _terms, ...rest } = plan
    const key = JSON.stringify([match, rest])
    const now = Date.parse(plan.now)
    const cached = this.results.get(key, changes, now)
    if (cached) return cached
    const candidates = match ? await this.scores(match) : null
    const needed = plan.offset + plan.limit
    const { matches, total, facets, nextExpiry } = table.scan(plan, candidates, needed)
    const page = matches.slice(plan.offset, needed)
    const rows = page.length
      ? await this.read(
          `SELECT rid, kind, entry_id, title, slug, summary, commune_id, category_ids, announcement_kind, price_type, latitude, longitude,
             updated_at, is_example FROM search_entries WHERE rid IN (SELECT value FROM json_each(:rids))`,
          { rids: JSON.stringify(page.map((m) => m.rid)) },
        )
      : []
    const byRid = new Map(rows.map((r) => [Number(r.rid), r]))
    const hits = page.flatMap((m) => {
      const row = byRid.get(m.rid)
      return row ? [toHit(row, m, plan)] : []
    })
    const list = (map: Map<string, number>) => sortFacet([...map].map(([value, count]) => ({ value, count })))
    const result = {
      hits,
      total,
      page: plan.page,
      totalPages: Math.ceil(total / plan.limit),
      facets: {
        categories: list(facets.categories),
        communes: list(facets.communes),
        kinds: list(facets.kinds),
        priceTypes: list(facets.priceTypes),
      },
    }
    this.results.set(key, changes, now, nextExpiry, result)
    return result
  }
}

function emptyFacets(plan: SearchPlan): Omit<SearchResult, 'tookMs' | 'hits'> {
  return { total: 0, page: plan.page, totalPages: 0, facets: { categories: [], communes: [], kinds: [], priceTypes: [] } }
}

function toHit(row: Row, match: Match, plan: SearchPlan): SearchHit {
  return {
    kind: row.kind as EntryKind,
    id: toId(String(row.entry_id), true),
    title: String(row.title),
    slug: String(row.slug),
    summary: String(row.summary),
    communeId: row.commune_id === null ? null : toId(String(row.commune_id), true),
    categoryIds: (JSON.parse(String(row.category_ids ?? '[]')) as string[]).map((c) => toId(c, true)),
    announcementKind: (row.announcement_kind as AnnouncementKind | null) ?? null,
    priceType: (row.price_type as PriceType | null) ?? null,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    ...(plan.near && match.dist !== null ? { distanceKm: Math.round(match.dist * 1000) / 1000 } : {}),
    score: Math.round(match.score * 1e6) / 1e6,
    updatedAt: String(row.updated_at),
    isExample: Number(row.is_example) === 1,
  }
}

/** An FTS5 MATCH string from sanitised words only: every term quoted, as a prefix. */
export function matchExpression(groups: string[][], operator: 'AND' | 'OR'): string | null {
  const parts = groups
    .map((group) => group.filter((t) => /^[a-z0-9]+$/.test(t)))
    .filter((group) => group.length > 0)
    .map((group) => `(${group.map((t) => `"${t}"*`).join(' OR ')})`)
  return parts.length ? parts.join(` ${operator} `) : null
}

