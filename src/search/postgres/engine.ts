/**
 * PostgreSQL engine. The text is indexed by PostgreSQL: a weighted tsvector (name A,
 * categories B, communes C, description D) in a French configuration with `unaccent`, a
 * GIN index, prefix queries (`boulan:*`), `pg_trgm` similarity on the indexed words to
 * correct typos, `ts_rank` for relevance. The lexemes of every entry's tsvector are also
 * held in memory (terms.ts), so a search finds its matches without reading a table page
 * per match; `ts_rank` ranks them when they are few (RANK_LIMIT), a score by field in
 * memory when they are many. Everything else — filters, bounding box and exact distance,
 * the four facets (each ignoring its own filter), the order and the page — is one pass
 * over in-memory columns of the filterable fields, the same `EntryTable` as the SQLite
 * engine, loaded from `search_entries` and kept in step with every instance that writes to
 * the database (columns.ts). A search is thus two or three short statements: the index's
 * change counter (with the words' expansion), the ranked matches when they are few, and
 * the page's rows.
 */
import type { Payload } from 'payload'

import type { IndexDocument } from '../document'
import { BaseSearchEngine, type EntryRef } from '../engine'
import { searchHit } from '../hits'
import { type SearchPlan, sortFacet } from '../query'
import { ResultCache } from '../resultCache'
import type { Candidates, EntryTable, Match } from '../sqlite/entryTable'
import type { SqlReader } from '../sqlSource'
import { synonymsOf } from '../synonyms'
import { allowedTypos, editDistance, stem, words } from '../text'
import type { EntryKind, SearchHit, SearchResult } from '../types'
import { CONFIG, isRetryable, SCHEMA, SCHEMA_VERSION, schemaComplete } from './schema'
import { type TermIndex } from './terms'
import {
  type Counters,
  COUNTERS_SQL,
  countersOf,
  type PgClient,
  readCounters,
  REMOVED_RETENTION,
  SYNC_INTERVAL_MS,
  SyncedColumns,
} from './columns'

type QueryResult = { rows: Array<Record<string, unknown>> }
/** The part of the pg Pool the engine uses. */
export type PgPool = { query(text: string, values?: unknown[]): Promise<QueryResult>; connect(): Promise<PgClient> }
type Result = Omit<SearchResult, 'tookMs'>
/** What a search reads in memory: the columns, the words, and the query's groups of lexemes (null: left to PostgreSQL). */
type Index = { table: EntryTable; terms: TermIndex; lexemes: string[][] | null }
type TextQuery = { tsquery: string | null; operator: '&' | '|' }

/** ts_rank weights in the order D (description), C (communes), B (categories), A (name). */
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}'
/**
 * Up to this many matches (found in memory), relevance is `ts_rank`, read with the matches
 * from the GIN index; beyond, a score by the fields the words are in, computed in memory
 * (as the SQLite engine does past bm25's limit): `ts_rank` reads a table page per match.
 */
const RANK_LIMIT = 500
/** Query words whose lexemes are remembered (the configuration's stemming of a word never changes). */
const LEXEME_CACHE_SIZE = 10_000

/** A tsquery from sanitised words only: every alternative as a prefix (`plombier:* | plomberie:*`). */
export function tsqueryExpression(groups: string[][], operator: '&' | '|'): string | null {
  const parts = groups
    .map((group) => group.filter((t) => /^[a-z0-9]+$/.test(t)))
    .filter((group) => group.length > 0)
    .map((group) => `(${group.map((t) => `${t}:*`).join(' | ')})`)
  return parts.length ? parts.join(` ${operator} `) : null
}

/**
 * The full-text matches of a territory, rowids and ranks as two comma-separated texts
 * (one row: no object per match in the driver). The GIN index finds them; `ts_rank` reads
 * the tsvector of each on its heap page, which the match test reads anyway.
 */
export const FULL_TEXT_SQL = `SELECT coalesce(string_agg(e.rid::text, ','), '') AS rids,
  coalesce(string_agg(ts_rank('${RANK_WEIGHTS}'::float4[], e.tsv, q)::float8::text, ','), '') AS scores
FROM search_entries e, to_tsquery('${CONFIG}', $2) q
WHERE e.territory = $1 AND e.tsv @@ q`

/**
 * The index's counters and, for each query word, whether an indexed word starts with it
 * and, only when none does, the indexed words it is a typo of (pg_trgm), closest first.
 */
export const EXPAND_SQL = `SELECT c.changes, c.reset, c.pruned, a.term, f.found,
  CASE WHEN f.found OR length(a.term) < 4 THEN '{}'
    ELSE ARRAY(SELECT w.word FROM search_words w WHERE w.word % a.term ORDER BY similarity(w.word, a.term) DESC, w.word LIMIT 8)
  END AS candidates
FROM (${COUNTERS_SQL}) c CROSS JOIN unnest($1::text[]) AS a(term)
  CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM search_words w WHERE w.word LIKE a.term || '%') AS found OFFSET 0) f`

/** The rows of a page's entries. */
export const HITS_SQL = `SELECT rid::int4 AS rid, kind, entry_id, title, slug, summary, commune_id, category_ids, announcement_kind, price_type,
  latitude, longitude, updated_at, is_example
FROM search_entries WHERE rid = ANY($1::int8[])`

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value))
const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Comma-separated numbers (as FULL_TEXT_SQL returns them) in a typed array. */
function numbers<T extends Int32Array | Float64Array>(text: string, make: new (length: number) => T): T {
  if (text === '') return new make(0)
  const parts = text.split(',')
  const out = new make(parts.length)
  for (let i = 0; i < parts.length; i++) out[i] = Number(parts[i])
  return out
}

export class PostgresSearchEngine extends BaseSearchEngine {
  readonly name = 'postgres' as const
  private readonly columns = new SyncedColumns(() => this.pool.connect())
  /** Results reused while the index's change counter is the same and nothing among them has expired. */
  private readonly results = new ResultCache<Uint8Array<ArrayBuffer>>()

  /** The lexemes PostgreSQL's configuration makes of each query word (none: a stop word). */
  private readonly lexemes = new Map<string, string[]>()

  /** `rankLimit`: see RANK_LIMIT (a test sets it to 0 to check the ranking of many matches on a few). */
  constructor(
    payload: Payload,
    private readonly options: { rankLimit?: number } = {},
  ) {
    super(payload)
  }

  private get pool(): PgPool {
    return (this.payload.db as unknown as { pool: PgPool }).pool
  }

  /** One transaction; run again (3 tries) when PostgreSQL chose it as a deadlock victim or could not serialise it. */
  private async transaction<T>(work: (client: PgClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect()
      try {
        await client.query('BEGIN')
        const result = await work(client)
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        if (attempt < 3 && isRetryable(error)) continue
        throw error
      } finally {
        client.release()
      }
    }
  }

  /**
   * An index write: its transaction first takes the next change number (the row lock on
   * the counter orders the writers of every instance), with which the work stamps what it
   * writes (see columns.ts).
   */
  private write<T>(work: (client: PgClient, change: number) => Promise<T>): Promise<T> {
    return this.transaction(async (client) => {
      const { rows } = await client.query(
        `UPDATE search_meta SET value = (value::bigint + 1)::text WHERE key = 'changes' RETURNING value::bigint AS change`,
      )
      if (!rows[0]) throw new Error('index de recherche : compteur des modifications absent')
      return work(client, Number(rows[0].change))
    })
  }

  protected async createSchema(): Promise<boolean> {
    return this.transaction(async (client) => {
      // Two processes starting at once would race on CREATE EXTENSION / CONFIGURATION.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('annuaire_search_schema'))`)
      const meta = await client.query(`SELECT to_regclass('search_meta') IS NOT NULL AS present`)
      if (meta.rows[0]?.present) {
        const version = await client.query(`SELECT value FROM search_meta WHERE key = 'version'`)
        if (version.rows[0] && version.rows[0].value !== SCHEMA_VERSION) {
          await client.query(`DROP TABLE IF EXISTS search_facets, search_entries, search_removed, search_words, search_meta`)
        } else if (version.rows[0] && (await schemaComplete(client))) {
          // Nothing to create: no DDL, whose table locks would deadlock with the index writes
          // of the instances already running (an instance started while others write).
          const built = await client.query(`SELECT 1 FROM search_meta WHERE key = 'built'`)
          return built.rows.length === 0
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
    // Fresh statistics at once, for the planner of the full-text statement.
    await this.pool.query(`ANALYZE search_entries, search_words`)
  }

  protected async clearIndex(): Promise<void> {
    await this.write(async (client, change) => {
      await client.query(`TRUNCATE search_entries, search_removed, search_words RESTART IDENTITY`)
      // Every instance reloads its columns: the removed rows are not listed one by one.
      await client.query(`UPDATE search_meta SET value = $1 WHERE key = 'reset'`, [String(change)])
    })
  }

  protected async writeDocuments(input: IndexDocument[]): Promise<void> {
    const docs = [...new Map(input.map((d) => [`${d.kind}:${d.id}`, d])).values()]
    if (docs.length === 0) return
    const col = <T>(f: (d: IndexDocument) => T) => docs.map(f)
    await this.write(async (client, change) => {
      const inserted = await client.query(
        `INSERT INTO search_entries (kind, entry_id, territory, title, slug, summary, commune_id, category_ids, category_tree, communes,
           announcement_kind, price_type, latitude, longitude, expires_at, shown_from, updated_at, is_example, tsv, change)
         SELECT kind, entry_id, territory, title, slug, summary, commune_id, string_to_array(category_ids, ','),
           string_to_array(category_tree, ','), string_to_array(communes, ','), announcement_kind,
           price_type, latitude, longitude, expires_at, shown_from, updated_at, is_example,
           setweight(to_tsvector('${CONFIG}', t_title), 'A') || setweight(to_tsvector('${CONFIG}', t_categories), 'B') ||
           setweight(to_tsvector('${CONFIG}', t_place), 'C') || setweight(to_tsvector('${CONFIG}', t_body), 'D'), $22::bigint
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
           $10::text[], $11::float8[], $12::float8[], $13::timestamptz[], $14::timestamptz[], $15::bool[], $16::text[], $17::text[],
           $18::text[], $19::text[], $20::text[], $21::text[], $23::timestamptz[])
           AS t(kind, entry_id, territory, title, slug, summary, commune_id, category_ids, announcement_kind, price_type, latitude,
             longitude, expires_at, updated_at, is_example, t_title, t_categories, t_body, t_place, category_tree, communes, shown_from)
         ON CONFLICT (kind, entry_id) DO UPDATE SET territory = excluded.territory, title = excluded.title, slug = excluded.slug,
           summary = excluded.summary, commune_id = excluded.commune_id, category_ids = excluded.category_ids,
           category_tree = excluded.category_tree, communes = excluded.communes, announcement_kind = excluded.announcement_kind, price_type = excluded.price_type, latitude = excluded.latitude,
           longitude = excluded.longitude, expires_at = excluded.expires_at, shown_from = excluded.shown_from, updated_at = excluded.updated_at,
           is_example = excluded.is_example, tsv = excluded.tsv, change = excluded.change
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
          change,
          col((d) => d.shownFrom),
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

  /**
   * Removes entries from the index and lists their rowids for the other instances; under
   * the same counter lock, forgets the removals older than REMOVED_RETENTION and records
   * the highest change number forgotten (`pruned`: instances older than it reload everything).
   */
  protected async deleteEntries(kind: EntryKind, ids: string[]): Promise<void> {
    if (ids.length === 0) return
    await this.write(async (client, change) => {
      await client.query(
        `WITH gone AS (DELETE FROM search_entries WHERE kind = $1 AND entry_id = ANY($2::text[]) RETURNING rid)
         INSERT INTO search_removed (rid, change, removed_at) SELECT rid, $3::bigint, now() FROM gone
         ON CONFLICT (rid) DO UPDATE SET change = excluded.change, removed_at = excluded.removed_at`,
        [kind, ids, change],
      )
      await client.query(
        `WITH old AS (DELETE FROM search_removed WHERE removed_at < now() - $1::interval RETURNING change)
         UPDATE search_meta SET value = greatest(value::bigint, (SELECT max(change) FROM old))::text
         WHERE key = 'pruned' AND EXISTS (SELECT 1 FROM old)`,
        [REMOVED_RETENTION],
      )
    })
  }

  /**
   * Loads the in-memory columns now (at server start, so that the first visitor does not
   * wait for them), then keeps them in step in the background. Resolves with the rows loaded.
   */
  async warmUp(): Promise<{ entries: number }> {
    await this.ensureSchema()
    await this.columns.at(await readCounters(this.pool))
    this.columns.follow(this.pool, SYNC_INTERVAL_MS, (error) =>
      this.payload.logger.warn({ err: error }, 'Recherche : mise à jour des colonnes en mémoire impossible (nouvel essai)'),
    )
    return { entries: this.columns.loadedRows }
  }

  /** Stops the background catch-up started by `warmUp`. */
  stopFollowing(): void {
    this.columns.stop()
  }

  async entriesInCategory(categoryId: number | string): Promise<EntryRef[]> {
    await this.ensureSchema()
    const { rows } = await this.pool.query(
      `SELECT kind, entry_id FROM search_entries WHERE category_tree @> ARRAY[$1::text]`,
      [String(categoryId)],
    )
    return rows.map((r) => ({ kind: r.kind as EntryKind, id: String(r.entry_id) }))
  }

  /**
   * Query words with their synonyms; a word that no indexed word starts with is corrected
   * with pg_trgm. Read with the index's change counter (one round trip for both).
   */
  private async expand(terms: string[]): Promise<{ counters: Counters; groups: string[][] }> {
    const groups = terms.map((t) => [...new Set([t, ...synonymsOf(t)])])
    const all = [...new Set(groups.flat())]
    const { rows } = await this.pool.query(EXPAND_SQL, [all])
    const counters = countersOf(rows[0])
    const found = new Map(rows.map((r) => [String(r.term), { found: r.found === true, candidates: (r.candidates as string[]) ?? [] }]))
    const expanded = groups.map((group, i) => {
      if (group.some((t) => found.get(t)?.found)) return group
      const term = terms[i]!
      const max = allowedTypos(term)
      const fixed = (found.get(term)?.candidates ?? []).find((c) => editDistance(term, c, max) <= max)
      return fixed ? [...new Set([...group, fixed, ...synonymsOf(fixed)])] : group
    })
    return { counters, groups: expanded }
  }

  protected async execute(plan: SearchPlan): Promise<Result> {
    return JSON.parse(decoder.decode(await this.executeJson(plan))) as Result
  }

  /** A plan's result as UTF-8 JSON, from the result cache while the index has not changed. */
  protected async executeJson(plan: SearchPlan): Promise<Uint8Array<ArrayBuffer>> {
    // The counter first (with the words' expansion when there are words): what the cache
    // and the columns must be as recent as.
    const { counters, groups } = plan.terms.length ? await this.expand(plan.terms) : { counters: await readCounters(this.pool), groups: [] }
    const { now: _now, ...rest } = plan
    const key = JSON.stringify(rest)
    const now = Date.parse(plan.now)
    const cached = this.results.get(key, counters.changes, now)
    if (cached) return cached
    const { table, terms, changes } = await this.columns.at(counters)
    const { result, validUntil } = await this.answer(plan, { table, terms, lexemes: await this.lexemeGroups(groups) }, groups)
    const json = encoder.encode(JSON.stringify(result))
    this.results.set(key, changes, now, validUntil, json)
    return json
  }

  /**
   * The groups of words as groups of the lexemes they make in PostgreSQL (stop words make
   * none), read once per word; null when a word makes several (a phrase in to_tsquery,
   * left to PostgreSQL).
   */
  private async lexemeGroups(groups: string[][]): Promise<string[][] | null> {
    const clean = groups.map((group) => group.filter((t) => /^[a-z0-9]+$/.test(t)))
    const missing = [...new Set(clean.flat())].filter((t) => !this.lexemes.has(t))
    if (missing.length) {
      const { rows } = await this.pool.query(`SELECT t, tsvector_to_array(to_tsvector('${CONFIG}', t)) AS lexemes FROM unnest($1::text[]) t`, [missing])
      if (this.lexemes.size + rows.length > LEXEME_CACHE_SIZE) this.lexemes.clear()
      for (const row of rows) this.lexemes.set(String(row.t), (row.lexemes as string[] | null) ?? [])
    }
    const of = clean.map((group) => group.map((t) => this.lexemes.get(t) ?? []))
    if (of.some((group) => group.some((lexemes) => lexemes.length > 1))) return null
    return of.map((group) => [...new Set(group.flat())])
  }

  /** Every word (AND); when nothing matches them all, any of them (OR). */
  private async answer(plan: SearchPlan, index: Index, groups: string[][]): Promise<{ result: Result; validUntil: number }> {
    if (!plan.terms.length) return this.run(plan, index, null)
    const every = await this.run(plan, index, { tsquery: tsqueryExpression(groups, '&'), operator: '&' })
    if (every.result.total > 0 || groups.length < 2) return every
    const any = await this.run(plan, index, { tsquery: tsqueryExpression(groups, '|'), operator: '|' })
    return { result: any.result, validUntil: Math.min(every.validUntil, any.validUntil) }
  }

  /**
   * The full-text matches and their relevance: found in memory; ranked there when they are
   * many, else read again from PostgreSQL with `ts_rank` (the same matches).
   */
  private async fullText(territory: string, index: Index, text: TextQuery & { tsquery: string }): Promise<Candidates> {
    if (index.lexemes) {
      const found = index.terms.match(index.lexemes, text.operator)
      if (found.rids.length === 0 || found.rids.length > (this.options.rankLimit ?? RANK_LIMIT)) return found
    }
    const { rows } = await this.pool.query(FULL_TEXT_SQL, [territory, text.tsquery])
    return { rids: numbers(String(rows[0]?.rids ?? ''), Int32Array), scores: numbers(String(rows[0]?.scores ?? ''), Float64Array) }
  }

  private async run(plan: SearchPlan, index: Index, text: TextQuery | null): Promise<{ result: Result; validUntil: number }> {
    const { table } = index
    const candidates = text?.tsquery ? await this.fullText(plan.territory, index, { ...text, tsquery: text.tsquery }) : null
    const needed = plan.offset + plan.limit
    const { matches, total, facets, nextExpiry } = table.scan(plan, candidates, needed)
    const page = matches.slice(plan.offset, needed)
    const hits = page.length ? await this.hits(page, plan) : []
    const list = (map: Map<string, number>) => sortFacet([...map].map(([value, count]) => ({ value, count })))
    const result: Result = {
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
    return { result, validUntil: nextExpiry }
  }

  /** The page's entries, in the page's order. */
  private async hits(page: Match[], plan: SearchPlan): Promise<SearchHit[]> {
    const { rows } = await this.pool.query(HITS_SQL, [page.map((m) => m.rid)])
    const byRid = new Map(rows.map((row) => [Number(row.rid), row]))
    return page.flatMap((m) => {
      const row = byRid.get(m.rid)
      if (!row) return []
      const parts = {
        categoryIds: (row.category_ids as string[] | null) ?? [],
        updatedAt: iso(row.updated_at),
        isExample: row.is_example === true,
        dist: m.dist,
        score: m.score,
      }
      return [searchHit(row, parts, plan.near !== null)]
    })
  }
}
