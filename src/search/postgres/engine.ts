/**
 * PostgreSQL engine, all in SQL so that several instances can share the database: a
 * weighted tsvector (name A, categories B, communes C, description D) in a French
 * configuration with `unaccent`, a GIN index, prefix queries (`boulan:*`), `pg_trgm`
 * similarity on the indexed words to correct typos. One statement returns the page and two
 * small aggregates of the matching set — (kind, price, communes, filter flags) and
 * (categories, filter flags) — from which every facet is summed, each ignoring its own
 * filter (disjunctive facets).
 */
import type { Payload } from 'payload'

import type { IndexDocument } from '../document'
import { BaseSearchEngine, type EntryRef } from '../engine'
import { boundingBox, EARTH_RADIUS_KM } from '../geo'
import { searchHit } from '../hits'
import { type SearchPlan, sortFacet } from '../query'
import type { SqlReader } from '../sqlSource'
import { synonymsOf } from '../synonyms'
import { allowedTypos, editDistance, stem, words } from '../text'
import type { EntryKind, SearchHit, SearchResult } from '../types'

type QueryResult = { rows: Array<Record<string, unknown>> }
type PgClient = { query(text: string, values?: unknown[]): Promise<QueryResult>; release(): void }
/** The part of the pg Pool the engine uses. */
export type PgPool = { query(text: string, values?: unknown[]): Promise<QueryResult>; connect(): Promise<PgClient> }

const CONFIG = 'annuaire_fr'
const SCHEMA_VERSION = '2'
/** Memory for one search's sorts and aggregates (see `run`). */
const SEARCH_WORK_MEM = '16MB'
/** ts_rank weights in the order D (description), C (communes), B (categories), A (name). */
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}'

const SCHEMA = [
  `CREATE EXTENSION IF NOT EXISTS unaccent`,
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
  `DO $$ BEGIN
     IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '${CONFIG}') THEN
       CREATE TEXT SEARCH CONFIGURATION ${CONFIG} (COPY = french);
       ALTER TEXT SEARCH CONFIGURATION ${CONFIG} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
     END IF;
   END $$`,
  `CREATE TABLE IF NOT EXISTS search_meta (key text PRIMARY KEY, value text)`,
  `CREATE TABLE IF NOT EXISTS search_entries (
    rid bigserial PRIMARY KEY,
    kind text NOT NULL,
    entry_id text NOT NULL,
    territory text NOT NULL,
    title text NOT NULL,
    slug text NOT NULL,
    summary text NOT NULL,
    commune_id text,
    category_ids text[] NOT NULL DEFAULT '{}',
    category_tree text[] NOT NULL DEFAULT '{}',
    communes text[] NOT NULL DEFAULT '{}',
    announcement_kind text,
    price_type text,
    latitude double precision,
    longitude double precision,
    expires_at timestamptz,
    updated_at timestamptz NOT NULL,
    is_example boolean NOT NULL DEFAULT false,
    tsv tsvector NOT NULL,
    UNIQUE (kind, entry_id)
  )`,
  `CREATE INDEX IF NOT EXISTS search_entries_tsv ON search_entries USING gin (tsv)`,
  `CREATE INDEX IF NOT EXISTS search_entries_geo ON search_entries (territory, latitude, longitude)`,
  `CREATE INDEX IF NOT EXISTS search_entries_updated ON search_entries (territory, updated_at)`,
  `CREATE INDEX IF NOT EXISTS search_entries_categories ON search_entries USING gin (category_tree)`,
  `CREATE INDEX IF NOT EXISTS search_entries_communes ON search_entries USING gin (communes)`,
  `CREATE TABLE IF NOT EXISTS search_words (word text PRIMARY KEY)`,
  `CREATE INDEX IF NOT EXISTS search_words_trgm ON search_words USING gin (word gin_trgm_ops)`,
]

/** A tsquery from sanitised words only: every alternative as a prefix (`plombier:* | plomberie:*`). */
export function tsqueryExpression(groups: string[][], operator: '&' | '|'): string | null {
  const parts = groups
    .map((group) => group.filter((t) => /^[a-z0-9]+$/.test(t)))
    .filter((group) => group.length > 0)
    .map((group) => `(${group.map((t) => `${t}:*`).join(' | ')})`)
  return parts.length ? parts.join(` ${operator} `) : null
}

/** Numbered parameters for a statement built piece by piece. */
class Params {
  readonly values: unknown[] = []
  add(value: unknown, cast = ''): string {
    this.values.push(value)
    return `$${this.values.length}${cast}`
  }
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value))

export class PostgresSearchEngine extends BaseSearchEngine {
  readonly name = 'postgres' as const

  constructor(payload: Payload) {
    super(payload)
  }

  private get pool(): PgPool {
    return (this.payload.db as unknown as { pool: PgPool }).pool
  }

  private async transaction<T>(work: (client: PgClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  protected async createSchema(): Promise<boolean> {
    return this.transaction(async (client) => {
      // Two processes starting at once would race on CREATE EXTENSION / CONFIGURATION.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('annuaire_search_schema'))`)
      const meta = await client.query(`SELECT to_regclass('search_meta') IS NOT NULL AS present`)
      if (meta.rows[0]?.present) {
        const version = await client.query(`SELECT value FROM search_meta WHERE key = 'version'`)
        if (version.rows[0] && version.rows[0].value !== SCHEMA_VERSION) {
          await client.query(`DROP TABLE IF EXISTS search_facets, search_entries, search_words, search_meta`)
        }
      }
      for (const statement of SCHEMA) await client.query(statement)
      await client.query(
        `INSERT INTO search_meta (key, value) VALUES ('version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [SCHEMA_VERSION],
      )
      const built = await client.query(`SELECT 1 FROM search_meta WHERE key = 'built'`)
      return built.rows.length === 0
    })
  }

  protected sqlReader(): SqlReader {
    return {
      all: async (sql, params) => (await this.pool.query(sql, params)).rows,
      p: (index) => `$${index}`,
    }
  }

  protected async markBuilt(): Promise<void> {
    await this.pool.query(
      `INSERT INTO search_meta (key, value) VALUES ('built', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [new Date().toISOString()],
    )
    // Fresh statistics at once: planned with those of an empty table, a search over the
    // whole territory took a bitmap scan and under-sized its aggregates (rows=191 for 83,503).
    await this.pool.query(`ANALYZE search_entries, search_words`)
  }

  protected async clearIndex(): Promise<void> {
    await this.pool.query(`TRUNCATE search_entries, search_words`)
  }

  protected async writeDocuments(input: IndexDocument[]): Promise<void> {
    const docs = [...new Map(input.map((d) => [`${d.kind}:${d.id}`, d])).values()]
    if (docs.length === 0) return
    const col = <T>(f: (d: IndexDocument) => T) => docs.map(f)
    await this.transaction(async (client) => {
      const inserted = await client.query(
        `INSERT INTO search_entries (kind, entry_id, territory, title, slug, summary, commune_id, category_ids, category_tree, communes,
           announcement_kind, price_type, latitude, longitude, expires_at, updated_at, is_example, tsv)
         SELECT kind, entry_id, territory, title, slug, summary, commune_id, string_to_array(category_ids, ','),
           string_to_array(category_tree, ','), string_to_array(communes, ','), announcement_kind,
           price_type, latitude, longitude, expires_at, updated_at, is_example,
           setweight(to_tsvector('${CONFIG}', t_title), 'A') || setweight(to_tsvector('${CONFIG}', t_categories), 'B') ||
           setweight(to_tsvector('${CONFIG}', t_place), 'C') || setweight(to_tsvector('${CONFIG}', t_body), 'D')
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
           $10::text[], $11::float8[], $12::float8[], $13::timestamptz[], $14::timestamptz[], $15::bool[], $16::text[], $17::text[],
           $18::text[], $19::text[], $20::text[], $21::text[])
           AS t(kind, entry_id, territory, title, slug, summary, commune_id, category_ids, announcement_kind, price_type, latitude,
             longitude, expires_at, updated_at, is_example, t_title, t_categories, t_body, t_place, category_tree, communes)
         ON CONFLICT (kind, entry_id) DO UPDATE SET territory = excluded.territory, title = excluded.title, slug = excluded.slug,
           summary = excluded.summary, commune_id = excluded.commune_id, category_ids = excluded.category_ids,
           category_tree = excluded.category_tree, communes = excluded.communes, announcement_kind = excluded.announcement_kind, price_type = excluded.price_type, latitude = excluded.latitude,
           longitude = excluded.longitude, expires_at = excluded.expires_at, updated_at = excluded.updated_at,
           is_example = excluded.is_example, tsv = excluded.tsv
         RETURNING rid, kind, entry_id`,
        [
          col((d) => d.kind),
          col((d) => d.id),
          col((d) => d.territory),
          col((d) => d.title),
          col((d) => d.slug),
          col((d) => d.summary),
          col((d) => d.communeId),
          col((d) => d.categoryIds.join(',')),
          col((d) => d.announcementKind),
          col((d) => d.priceType),
          col((d) => d.latitude),
          col((d) => d.longitude),
          col((d) => d.expiresAt),
          col((d) => d.updatedAt),
          col((d) => d.isExample),
          col((d) => d.text.title),
          col((d) => d.text.categories),
          col((d) => d.text.body),
          col((d) => d.text.place),
          col((d) => d.categoryTreeIds.join(',')),
          col((d) => d.communeIds.join(',')),
        ],
      )
      if (inserted.rows.length !== docs.length) throw new Error('index de recherche : écriture incomplète')
      const vocabulary = new Set<string>()
      for (const doc of docs) {
        for (const text of Object.values(doc.text)) for (const w of words(text)) if (w.length >= 3) vocabulary.add(stem(w))
      }
      if (vocabulary.size) {
        await client.query(`INSERT INTO search_words (word) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT DO NOTHING`, [[...vocabulary]])
      }
    })
  }

  protected async deleteEntries(kind: EntryKind, ids: string[]): Promise<void> {
    if (ids.length) await this.pool.query(`DELETE FROM search_entries WHERE kind = $1 AND entry_id = ANY($2::text[])`, [kind, ids])
  }

  async entriesInCategory(categoryId: number | string): Promise<EntryRef[]> {
    await this.ensureSchema()
    const { rows } = await this.pool.query(
      `SELECT kind, entry_id FROM search_entries WHERE category_tree @> ARRAY[$1::text]`,
      [String(categoryId)],
    )
    return rows.map((r) => ({ kind: r.kind as EntryKind, id: String(r.entry_id) }))
  }

  /** Query words with their synonyms; a word that no indexed word starts with is corrected with pg_trgm. */
  private async expand(terms: string[]): Promise<string[][]> {
    const groups = terms.map((t) => [...new Set([t, ...synonymsOf(t)])])
    const all = [...new Set(groups.flat())]
    const { rows } = await this.pool.query(
      `SELECT a.term,
         EXISTS (SELECT 1 FROM search_words w WHERE w.word LIKE a.term || '%') AS found,
         ARRAY(SELECT w.word FROM search_words w WHERE length(a.term) >= 4 AND w.word % a.term
               ORDER BY similarity(w.word, a.term) DESC, w.word LIMIT 8) AS candidates
       FROM unnest($1::text[]) AS a(term)`,
      [all],
    )
    const found = new Map(rows.map((r) => [String(r.term), { found: r.found === true, candidates: (r.candidates as string[]) ?? [] }]))
    return groups.map((group, i) => {
      if (group.some((t) => found.get(t)?.found)) return group
      const term = terms[i]!
      const max = allowedTypos(term)
      const fixed = (found.get(term)?.candidates ?? []).find((c) => editDistance(term, c, max) <= max)
      return fixed ? [...new Set([...group, fixed, ...synonymsOf(fixed)])] : group
    })
  }

  protected async execute(plan: SearchPlan): Promise<Omit<SearchResult, 'tookMs'>> {
    let groups: string[][] = []
    let tsquery: string | null = null
    if (plan.terms.length) {
      groups = await this.expand(plan.terms)
      tsquery = tsqueryExpression(groups, '&')
    }
    let result = await this.run(plan, tsquery)
    if (result.total === 0 && groups.length > 1) result = await this.run(plan, tsqueryExpression(groups, '|'))
    return result
  }

  private async run(plan: SearchPlan, tsquery: string | null): Promise<Omit<SearchResult, 'tookMs'>> {
    const { sql, values } = buildPostgresSql(plan, tsquery)
    // The matching set is kept once for the page and both facet aggregates; over a whole
    // territory it outgrows the default 4 MB work_mem and went through a temporary file.
    const rows = await this.transaction(async (client) => {
      await client.query(`SET LOCAL work_mem = '${SEARCH_WORK_MEM}'`)
      return (await client.query(sql, values)).rows
    })
    const hits: Array<SearchHit & { pos: number }> = []
    let total = 0
    const counts = { kinds: new Map<string, number>(), priceTypes: new Map<string, number>(), communes: new Map<string, number>(), categories: new Map<string, number>() }
    const add = (map: Map<string, number>, value: string, n: number) => map.set(value, (map.get(value) ?? 0) + n)
    for (const row of rows) {
      const n = Number(row.n)
      if (row.t === 'hit') {
        const parts = {
          categoryIds: (row.category_ids as string[] | null) ?? [],
          updatedAt: iso(row.updated_at),
          isExample: row.is_example === true,
          dist: row.dist === null || row.dist === undefined ? null : Number(row.dist),
          score: Number(row.score ?? 0),
        }
        hits.push({ pos: n, ...searchHit(row, parts, Boolean(plan.near)) })
        continue
      }
      const [cat, com, kind, price] = [row.f_cat, row.f_com, row.f_kind, row.f_price].map((f) => f === true)
      const list = (row.value as string[] | null) ?? []
      if (row.t === 'cube') {
        if (cat && com && kind && price) total += n
        if (cat && com && price) add(counts.kinds, String(row.kind), n)
        if (cat && com && kind && row.price_type !== null) add(counts.priceTypes, String(row.price_type), n)
        if (cat && kind && price) for (const c of list) add(counts.communes, c, n)
      } else if (row.t === 'cats') {
        for (const c of list) add(counts.categories, c, n)
      }
    }
    hits.sort((a, b) => a.pos - b.pos)
    const facet = (map: Map<string, number>) => sortFacet([...map].map(([value, count]) => ({ value, count })))
    return {
      hits: hits.map(({ pos: _pos, ...hit }) => hit),
      total,
      page: plan.page,
      totalPages: Math.ceil(total / plan.limit),
      facets: {
        categories: facet(counts.categories),
        communes: facet(counts.communes),
        kinds: facet(counts.kinds),
        priceTypes: facet(counts.priceTypes),
      },
    }
  }
}

export function buildPostgresSql(plan: SearchPlan, tsquery: string | null): { sql: string; values: unknown[] } {
  const p = new Params()
  const where = [`e.territory = ${p.add(plan.territory)}`, `(e.expires_at IS NULL OR e.expires_at > ${p.add(plan.now, '::timestamptz')})`]
  let from = 'search_entries e'
  let score = '0.0::float8'
  if (tsquery) {
    from = `search_entries e CROSS JOIN to_tsquery('${CONFIG}', ${p.add(tsquery)}) q`
    where.push('e.tsv @@ q')
    score = `ts_rank('${RANK_WEIGHTS}'::float4[], e.tsv, q)::float8`
  }
  let dist = 'NULL::float8'
  let radius = ''
  if (plan.near) {
    const lat = p.add(plan.near.latitude, '::float8')
    const lng = p.add(plan.near.longitude, '::float8')
    dist = `CASE WHEN e.latitude IS NULL OR e.longitude IS NULL THEN NULL ELSE ${2 * EARTH_RADIUS_KM} * asin(least(1.0, sqrt(
      power(sin(radians(e.latitude - ${lat}) / 2), 2) +
      cos(radians(${lat})) * cos(radians(e.latitude)) * power(sin(radians(e.longitude - ${lng}) / 2), 2)))) END`
    if (plan.near.radiusKm !== null) {
      const box = boundingBox(plan.near, plan.near.radiusKm)
      where.push(
        `e.latitude BETWEEN ${p.add(box.minLat, '::float8')} AND ${p.add(box.maxLat, '::float8')}`,
        `e.longitude BETWEEN ${p.add(box.minLng, '::float8')} AND ${p.add(box.maxLng, '::float8')}`,
      )
      radius = `WHERE dist <= ${p.add(plan.near.radiusKm, '::float8')}`
    }
  }
  const fCat = plan.categories.length ? `(e.category_tree && ${p.add(plan.categories, '::text[]')})` : 'true'
  const fCom = plan.communes.length ? `(e.communes && ${p.add(plan.communes, '::text[]')})` : 'true'
  const kindParts: string[] = []
  if (plan.kinds.length) kindParts.push(`e.kind = ANY(${p.add(plan.kinds, '::text[]')})`)
  if (plan.announcementKinds.length) {
    kindParts.push(`(e.kind <> 'announcements' OR e.announcement_kind = ANY(${p.add(plan.announcementKinds, '::text[]')}))`)
  }
  const fKind = kindParts.length ? kindParts.join(' AND ') : 'true'
  const fPrice = plan.priceTypes.length ? `coalesce(e.price_type = ANY(${p.add(plan.priceTypes, '::text[]')}), false)` : 'true'

  let order: string
  if (plan.sort === 'date') order = 'updated_at DESC, score DESC, rid DESC'
  else if (plan.sort === 'distance') order = 'dist ASC NULLS LAST, score DESC, rid DESC'
  else if (tsquery) order = 'score DESC, dist ASC NULLS LAST, updated_at DESC, rid DESC'
  else if (plan.near) order = 'dist ASC NULLS LAST, updated_at DESC, rid DESC'
  else order = 'updated_at DESC, rid DESC'

  const first = p.add(plan.offset, '::bigint')
  const last = p.add(plan.offset + plan.limit, '::bigint')
  const all = 'f_cat AND f_com AND f_kind AND f_price'
  // Columns after (t, n, value): score, dist, kind, entry_id, title, slug, summary, commune_id, category_ids,
  // announcement_kind, price_type, latitude, longitude, updated_at, is_example, f_cat, f_com, f_kind, f_price.
  const nothing = (kind: string, price: string) =>
    `NULL::float8, NULL::float8, ${kind}, NULL, NULL, NULL, NULL, NULL, NULL::text[], NULL, ${price}, NULL::float8, NULL::float8, NULL::timestamptz, NULL::boolean`
  const sql = `
WITH cand AS (
  SELECT e.rid, e.kind, e.price_type, e.updated_at, e.communes, e.category_tree, ${score} AS score, ${dist} AS dist,
    ${fCat} AS f_cat, ${fCom} AS f_com, ${fKind} AS f_kind, ${fPrice} AS f_price
  FROM ${from}
  WHERE ${where.join(' AND ')}
),
base AS MATERIALIZED (SELECT * FROM cand ${radius}),
page AS (SELECT rid, score, dist, row_number() OVER () AS pos FROM (SELECT rid, score, dist FROM base WHERE ${all} ORDER BY ${order} LIMIT ${last}) top)
SELECT 'hit'::text AS t, r.pos AS n, NULL::text[] AS value, r.score, r.dist, e.kind, e.entry_id, e.title, e.slug, e.summary,
  e.commune_id, e.category_ids, e.announcement_kind, e.price_type, e.latitude, e.longitude, e.updated_at, e.is_example,
  NULL::boolean AS f_cat, NULL::boolean AS f_com, NULL::boolean AS f_kind, NULL::boolean AS f_price
FROM page r JOIN search_entries e ON e.rid = r.rid WHERE r.pos > ${first}
UNION ALL
SELECT 'cube', count(*), b.communes, ${nothing('b.kind', 'b.price_type')}, b.f_cat, b.f_com, b.f_kind, b.f_price
FROM base b GROUP BY b.kind, b.price_type, b.communes, b.f_cat, b.f_com, b.f_kind, b.f_price
UNION ALL
SELECT 'cats', count(*), b.category_tree, ${nothing('NULL', 'NULL')}, b.f_cat, b.f_com, b.f_kind, b.f_price
FROM base b WHERE b.f_com AND b.f_kind AND b.f_price GROUP BY b.category_tree, b.f_cat, b.f_com, b.f_kind, b.f_price`
  return { sql, values: p.values }
}
