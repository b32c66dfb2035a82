/**
 * SQLite engine: an FTS5 table over pre-folded, pre-stemmed text (accents and plurals
 * removed in `text.ts`), prefix indexes for "boulan" → "Boulangerie", bm25 with column
 * weights (name > categories > description), an fts5vocab view for typo correction, and a
 * plain table of filterable fields (territory, coordinates, kind, price, expiry, and the
 * entry's categories with their ancestors and its communes as `,id,` lists).
 *
 * One statement answers a search: the page of hits, and the facets as two small
 * aggregates of the matching set — (kind, price, communes, filter flags) and
 * (categories, filter flags) — from which every count is summed up here, each facet
 * ignoring its own filter (disjunctive facets).
 */
import type { Payload } from 'payload'

import type { IndexDocument } from '../document'
import { BaseSearchEngine, type EntryRef } from '../engine'
import { boundingBox, EARTH_RADIUS_KM } from '../geo'
import { type SearchPlan, sortFacet, toId } from '../query'
import type { SqlReader } from '../sqlSource'
import { indexText } from '../text'
import type { AnnouncementKind, EntryKind, PriceType, SearchHit, SearchResult } from '../types'
import { expandTerms, Vocabulary } from '../vocabulary'

type Value = string | number | null
type Args = Record<string, Value>
type Row = Record<string, Value>
type Statement = { sql: string; args: Args | Value[] }

/** The part of the libsql client the engine uses. */
export type LibsqlClient = {
  execute(stmt: Statement | string): Promise<{ rows: Row[] }>
  batch(stmts: Array<Statement | string>, mode?: 'write' | 'read' | 'deferred'): Promise<unknown>
}

const SCHEMA_VERSION = '2'
/** bm25 weights of title, categories, body, place. */
const WEIGHTS = '10.0, 4.0, 1.0, 2.0'
const VOCABULARY_TTL_MS = 5 * 60_000

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
  `CREATE INDEX IF NOT EXISTS search_entries_geo ON search_entries (territory, latitude, longitude)`,
  `CREATE INDEX IF NOT EXISTS search_entries_updated ON search_entries (territory, updated_at)`,
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
const unkey = (value: Value) => String(value ?? '').split(',').filter(Boolean)

export class SqliteSearchEngine extends BaseSearchEngine {
  readonly name = 'sqlite' as const
  private vocabulary: { value: Vocabulary; loadedAt: number } | null = null

  constructor(payload: Payload) {
    super(payload)
  }

  private get client(): LibsqlClient {
    return (this.payload.db as unknown as { client: LibsqlClient }).client
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
    await this.client.execute({ sql: `INSERT OR REPLACE INTO search_meta (key, value) VALUES ('version', ?)`, args: [SCHEMA_VERSION] })
    const built = await this.client.execute(`SELECT value FROM search_meta WHERE key = 'built'`)
    return built.rows.length === 0
  }

  protected async markBuilt(): Promise<void> {
    await this.client.execute({ sql: `INSERT OR REPLACE INTO search_meta (key, value) VALUES ('built', ?)`, args: [new Date().toISOString()] })
    // Fresh statistics let the planner choose scans or indexes well.
    await this.client.execute('ANALYZE search_entries')
  }

  protected async clearIndex(): Promise<void> {
    await this.client.batch(['DELETE FROM search_fts', 'DELETE FROM search_entries'], 'write')
    this.vocabulary = null
  }

  protected sqlReader(): SqlReader {
    return {
      all: async (sql, params) => (await this.client.execute({ sql, args: params as Value[] })).rows,
      p: () => '?',
    }
  }

  protected async writeDocuments(docs: IndexDocument[], options: { fresh?: boolean } = {}): Promise<void> {
    for (let i = 0; i < docs.length; i += 200) await this.writeChunk(docs.slice(i, i + 200), options.fresh === true)
    this.vocabulary = null
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
    for (const doc of unique) {
      const rid = rids.get(`${doc.kind}:${doc.id}`)
      if (rid === undefined) continue
      if (!fresh) stmts.push({ sql: 'DELETE FROM search_fts WHERE rowid = ?', args: [rid] })
      stmts.push({
        sql: 'INSERT INTO search_fts (rowid, title, categories, body, place) VALUES (?, ?, ?, ?, ?)',
        args: [rid, indexText(doc.text.title), indexText(doc.text.categories), indexText(doc.text.body), indexText(doc.text.place)],
      })
    }
    if (stmts.length) await this.client.batch(stmts, 'write')
  }

  protected async deleteEntries(kind: EntryKind, ids: string[]): Promise<void> {
    if (ids.length === 0) return
    const { rows } = await this.client.execute({
      sql: `SELECT rid FROM search_entries WHERE kind = ? AND entry_id IN (${ids.map(() => '?').join(', ')})`,
      args: [kind, ...ids],
    })
    const stmts: Statement[] = rows.flatMap((r) => [
      { sql: 'DELETE FROM search_fts WHERE rowid = ?', args: [Number(r.rid)] },
      { sql: 'DELETE FROM search_entries WHERE rid = ?', args: [Number(r.rid)] },
    ])
    if (stmts.length) await this.client.batch(stmts, 'write')
    this.vocabulary = null
  }

  async entriesInCategory(categoryId: number | string): Promise<EntryRef[]> {
    await this.ensureSchema()
    const { rows } = await this.client.execute({
      sql: `SELECT kind, entry_id FROM search_entries WHERE instr(category_key, ?) > 0`,
      args: [`,${categoryId},`],
    })
    return rows.map((r) => ({ kind: r.kind as EntryKind, id: String(r.entry_id) }))
  }

  private async loadVocabulary(): Promise<Vocabulary> {
    const now = Date.now()
    if (this.vocabulary && now - this.vocabulary.loadedAt < VOCABULARY_TTL_MS) return this.vocabulary.value
    const { rows } = await this.client.execute(`SELECT term, doc FROM search_vocab`)
    const value = new Vocabulary(rows.map((r) => [String(r.term), Number(r.doc)]))
    this.vocabulary = { value, loadedAt: now }
    return value
  }

  protected async execute(plan: SearchPlan): Promise<Omit<SearchResult, 'tookMs'>> {
    let match: string | null = null
    let groups: string[][] = []
    if (plan.terms.length) {
      groups = expandTerms(plan.terms, await this.loadVocabulary())
      match = matchExpression(groups, 'AND')
      // Words were typed but none is searchable (only symbols): nothing matches.
      if (match === null) return { ...emptyFacets(plan), hits: [] }
    }
    let result = await this.run(plan, match)
    if (result.total === 0 && groups.length > 1) result = await this.run(plan, matchExpression(groups, 'OR'))
    return result
  }

  private async run(plan: SearchPlan, match: string | null): Promise<Omit<SearchResult, 'tookMs'>> {
    const { sql, args } = buildSearchSql(plan, match)
    const { rows } = await this.client.execute({ sql, args })
    const hits: Array<SearchHit & { pos: number }> = []
    const counts = { total: 0, kinds: new Map<string, number>(), priceTypes: new Map<string, number>(), communes: new Map<string, number>(), categories: new Map<string, number>() }
    const add = (map: Map<string, number>, value: string, n: number) => map.set(value, (map.get(value) ?? 0) + n)
    for (const row of rows) {
      const n = Number(row.n)
      if (row.t === 'hit') {
        hits.push(toHit(row, plan))
        continue
      }
      const [cat, com, kind, price] = [row.f_cat, row.f_com, row.f_kind, row.f_price].map((f) => Number(f) === 1)
      if (row.t === 'cube') {
        if (cat && com && kind && price) counts.total += n
        if (cat && com && price) add(counts.kinds, String(row.kind), n)
        if (cat && com && kind && row.price_type !== null) add(counts.priceTypes, String(row.price_type), n)
        if (cat && kind && price) for (const c of unkey(row.value)) add(counts.communes, c, n)
      } else if (row.t === 'cats') {
        for (const c of unkey(row.value)) add(counts.categories, c, n)
      }
    }
    hits.sort((a, b) => a.pos - b.pos)
    const list = (map: Map<string, number>) => sortFacet([...map].map(([value, count]) => ({ value, count })))
    return {
      hits: hits.map(({ pos: _pos, ...hit }) => hit),
      total: counts.total,
      page: plan.page,
      totalPages: Math.ceil(counts.total / plan.limit),
      facets: {
        categories: list(counts.categories),
        communes: list(counts.communes),
        kinds: list(counts.kinds),
        priceTypes: list(counts.priceTypes),
      },
    }
  }
}

function emptyFacets(plan: SearchPlan): Omit<SearchResult, 'tookMs' | 'hits'> {
  return { total: 0, page: plan.page, totalPages: 0, facets: { categories: [], communes: [], kinds: [], priceTypes: [] } }
}

function toHit(row: Row, plan: SearchPlan): SearchHit & { pos: number } {
  return {
    pos: Number(row.n),
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
    ...(plan.near && row.dist !== null ? { distanceKm: Math.round(Number(row.dist) * 1000) / 1000 } : {}),
    score: Math.round(Number(row.score ?? 0) * 1e6) / 1e6,
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

function bindAll(prefix: string, values: string[], args: Args, wrap: (v: string) => string = (v) => v): string[] {
  return values.map((value, i) => {
    args[`${prefix}${i}`] = wrap(value)
    return `:${prefix}${i}`
  })
}

const HIT_COLUMNS = `e.kind AS kind, e.entry_id AS entry_id, e.title AS title, e.slug AS slug, e.summary AS summary,
  e.commune_id AS commune_id, e.category_ids AS category_ids, e.announcement_kind AS announcement_kind, e.price_type AS price_type,
  e.latitude AS latitude, e.longitude AS longitude, e.updated_at AS updated_at, e.is_example AS is_example`
const NO_HIT = `NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL`

/**
 * The single statement: candidates (driven by FTS5 when there are words, by the bounding
 * box when there is a radius) → the matching set, materialised once → the page of hits, a
 * (kind, price, communes, flags) aggregate and a (categories, flags) aggregate.
 */
export function buildSearchSql(plan: SearchPlan, match: string | null): { sql: string; args: Args } {
  const args: Args = { territory: plan.territory, now: plan.now }
  const where = ['e.territory = :territory', '(e.expires_at IS NULL OR e.expires_at > :now)']
  let from = 'search_entries e'
  let score = '0.0'
  let fts = ''
  if (match) {
    // The full-text query runs once and drives the join (CROSS JOIN fixes the order): a plan
    // that scans the entries and probes FTS5 row by row would re-run the query each time.
    fts = `fts AS MATERIALIZED (SELECT rowid AS rid, -bm25(search_fts, ${WEIGHTS}) AS score FROM search_fts WHERE search_fts MATCH :match),`
    from = 'fts CROSS JOIN search_entries e ON e.rid = fts.rid'
    args.match = match
    score = 'fts.score'
  }
  let dist = 'NULL'
  let radius = ''
  if (plan.near) {
    args.lat = plan.near.latitude
    args.lng = plan.near.longitude
    // Haversine: 2R·asin(√(sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2))).
    dist = `CASE WHEN e.latitude IS NULL OR e.longitude IS NULL THEN NULL ELSE ${2 * EARTH_RADIUS_KM} * asin(min(1.0, sqrt(
      sin(radians(e.latitude - :lat) / 2) * sin(radians(e.latitude - :lat) / 2) +
      cos(radians(:lat)) * cos(radians(e.latitude)) * sin(radians(e.longitude - :lng) / 2) * sin(radians(e.longitude - :lng) / 2)))) END`
    if (plan.near.radiusKm !== null) {
      const box = boundingBox(plan.near, plan.near.radiusKm)
      Object.assign(args, { minLat: box.minLat, maxLat: box.maxLat, minLng: box.minLng, maxLng: box.maxLng, radius: plan.near.radiusKm })
      where.push('e.latitude BETWEEN :minLat AND :maxLat AND e.longitude BETWEEN :minLng AND :maxLng')
      radius = 'WHERE dist <= :radius'
    }
  }
  const inKey = (column: string, prefix: string, values: string[]) =>
    `(${bindAll(prefix, values, args, (v) => `,${v},`).map((p) => `instr(${column}, ${p}) > 0`).join(' OR ')})`
  const fCat = plan.categories.length ? inKey('e.category_key', 'cat', plan.categories) : '1'
  const fCom = plan.communes.length ? inKey('e.commune_key', 'com', plan.communes) : '1'
  const kindParts: string[] = []
  if (plan.kinds.length) kindParts.push(`e.kind IN (${bindAll('kind', plan.kinds, args).join(', ')})`)
  if (plan.announcementKinds.length) {
    kindParts.push(`(e.kind <> 'announcements' OR coalesce(e.announcement_kind IN (${bindAll('ak', plan.announcementKinds, args).join(', ')}), 0))`)
  }
  const fKind = kindParts.length ? kindParts.join(' AND ') : '1'
  const fPrice = plan.priceTypes.length ? `coalesce(e.price_type IN (${bindAll('price', plan.priceTypes, args).join(', ')}), 0)` : '1'
  const all = 'f_cat AND f_com AND f_kind AND f_price'
  args.first = plan.offset
  args.last = plan.offset + plan.limit

  // Without words or distance, the page is read in date order straight from the index and
  // stops after the page; otherwise the matching set is ranked.
  const byDateFromIndex = !match && !plan.near
  let hits: string
  if (byDateFromIndex) {
    args.limit = plan.limit
    hits = `SELECT 'hit' AS t, :first + row_number() OVER (ORDER BY h.updated_at DESC, h.rid DESC) AS n, NULL AS value, 0.0 AS score, NULL AS dist, h.*,
        NULL AS f_cat, NULL AS f_com, NULL AS f_kind, NULL AS f_price
      FROM (SELECT e.rid AS rid, ${HIT_COLUMNS} FROM search_entries e
            WHERE ${where.join(' AND ')} AND ${fCat} AND ${fCom} AND ${fKind} AND ${fPrice}
            ORDER BY e.updated_at DESC, e.rid DESC LIMIT :limit OFFSET :first) h`
  } else {
    let order: string
    if (plan.sort === 'date') order = 'updated_at DESC, score DESC, rid DESC'
    else if (plan.sort === 'distance') order = 'dist ASC NULLS LAST, score DESC, rid DESC'
    else if (match) order = 'score DESC, dist ASC NULLS LAST, updated_at DESC, rid DESC'
    else order = 'dist ASC NULLS LAST, updated_at DESC, rid DESC'
    hits = `SELECT 'hit' AS t, r.pos AS n, NULL AS value, r.score AS score, r.dist AS dist, r.rid AS rid, ${HIT_COLUMNS},
        NULL AS f_cat, NULL AS f_com, NULL AS f_kind, NULL AS f_price
      FROM (SELECT rid, score, dist, row_number() OVER (ORDER BY ${order}) AS pos FROM base WHERE ${all}) r
      JOIN search_entries e ON e.rid = r.rid WHERE r.pos > :first AND r.pos <= :last`
  }
  const sql = `
WITH ${fts}
cand AS (
  SELECT e.rid AS rid, e.kind AS kind, e.price_type AS price_type, e.updated_at AS updated_at,
    e.category_key AS category_key, e.commune_key AS commune_key, ${score} AS score, ${dist} AS dist,
    ${fCat} AS f_cat, ${fCom} AS f_com, ${fKind} AS f_kind, ${fPrice} AS f_price
  FROM ${from}
  WHERE ${where.join(' AND ')}
),
base AS MATERIALIZED (SELECT * FROM cand ${radius})
${hits}
UNION ALL
SELECT 'cube', count(*), b.commune_key, NULL, NULL, NULL, b.kind, ${NO_HIT.split(', ').slice(1, 8).join(', ')}, b.price_type, NULL, NULL, NULL, NULL,
  b.f_cat, b.f_com, b.f_kind, b.f_price
FROM base b GROUP BY b.kind, b.price_type, b.commune_key, b.f_cat, b.f_com, b.f_kind, b.f_price
UNION ALL
SELECT 'cats', count(*), b.category_key, NULL, NULL, NULL, ${NO_HIT}, b.f_cat, b.f_com, b.f_kind, b.f_price
FROM base b WHERE b.f_com AND b.f_kind AND b.f_price GROUP BY b.category_key, b.f_cat, b.f_com, b.f_kind, b.f_price`
  return { sql, args }
}
