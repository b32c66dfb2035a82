/**
 * The read side of the SQLite engine: everything a search needs, given only a way to run a
 * read query on the database file. It runs in the server's thread or in a search worker
 * (workerPool.ts), each with its own copy of the in-memory columns and vocabulary, kept up
 * to date by the patches the writing thread sends after each index write (the result cache
 * stays in the server's thread, see engine.ts).
 *
 * A search runs the full-text query (when there are words), then one pass over the
 * candidates in the in-memory columns of `search_entries` (see entryTable.ts) applies
 * filters, bounding box and exact distance and counts every facet; the page's rows are
 * read back by rowid.
 */
import { searchHit } from '../hits'
import { type SearchPlan, sortFacet } from '../query'
import type { SearchHit, SearchResult } from '../types'
import { expandTerms, Vocabulary } from '../vocabulary'
import { type Candidates, type EntryRow, EntryTable, type Match } from './entryTable'
import { type FullText, fullTextQuery } from './fullText'

export type Value = string | number | null
export type Args = Record<string, Value>
export type Row = Record<string, Value>
export type ReadSql = (sql: string, args?: Args | Value[]) => Promise<Row[]> | Row[]
export type ReadResult = Omit<SearchResult, 'tookMs'>
/** A result, the `search_meta.changes` count it was computed at, and until when it holds (ms; the next expiry among its candidates). */
export type ReaderAnswer = { result: ReadResult; changes: number; validUntil: number }
/**
 * A reader's answer with the result as UTF-8 JSON, as a search worker sends it: its buffer
 * is transferred to the server's thread, not copied, and written to the socket as it is.
 */
export type EncodedAnswer = { json: Uint8Array<ArrayBuffer>; changes: number; validUntil: number }

/**
 * What one index write did, numbered by the `search_meta.changes` count it set: entry rows
 * upserted and rowids removed, the texts of the category sets it wrote, or `reset`
 * (cleared or unknown: reload everything).
 */
export type IndexPatch = { changes: number; upserts: EntryRow[]; removed: number[]; categoryTexts?: CategoryText[]; reset?: boolean }
/** A row of `search_category_texts`: the indexed words of the categories of a category set (`category_key`). */
export type CategoryText = { key: string; text: string }

/** bm25 weights of title, categories, body, place. */
const WEIGHTS = '10.0, 4.0, 1.0, 2.0'
/**
 * Above this many full-text matches, relevance is by matched fields instead of bm25 (see
 * `scores`): bm25's cost grows with every match, the fields' does not (figures:
 * docs/benchmarks.md).
 */
const BM25_LIMIT = 500
/** The columns of `search_entries` a result entry is made from. */
const HIT_COLUMNS = [
  'rid',
  'kind',
  'entry_id',
  'title',
  'slug',
  'summary',
  'commune_id',
  'category_ids',
  'announcement_kind',
  'price_type',
  'latitude',
  'longitude',
  'updated_at',
  'is_example',
] as const
/** Rows read at a time when loading the in-memory columns. */
const TABLE_SLICE = 5000
/** The count of index writes (`search_meta.changes`): a change made by any process shows here. */
export const CHANGES_SQL = `SELECT CAST(value AS INTEGER) AS changes FROM search_meta WHERE key = 'changes'`

export class IndexReader {
  private vocabulary: { value: Vocabulary; changes: number } | null = null
  private table: { value: EntryTable; changes: number } | null = null

  /** `bm25Limit`: see BM25_LIMIT (a test sets it to 0 to check the ranking of many matches on a few). */
  constructor(
    private readonly readSql: ReadSql,
    private readonly options: { bm25Limit?: number } = {},
  ) {}

  private async read(sql: string, args: Args | Value[] = []): Promise<Row[]> {
    return this.readSql(sql, args)
  }

  /** Applies a write of the index to the columns when it follows the state held; otherwise they are reloaded at the next search. */
  applyPatch(patch: IndexPatch): void {
    // Already in the columns: they were (re)loaded from the database after this write.
    if (this.table && patch.changes <= this.table.changes) return
    if (!patch.reset && this.table && this.table.changes === patch.changes - 1) {
      for (const row of patch.upserts) this.table.value.upsert(row)
      for (const rid of patch.removed) this.table.value.remove(rid)
      for (const { key, text } of patch.categoryTexts ?? []) this.table.value.setCategoryText(key, text)
      this.table.changes = patch.changes
    } else {
      this.table = null
    }
  }

  /** Loads the columns and the vocabulary now rather than at the first search. */
  async warm(): Promise<void> {
    const changes = await this.changes()
    await this.entryTable(changes)
    await this.loadVocabulary(changes)
  }

  /** The count of index writes: a change made by any process shows here. */
  private async changes(): Promise<number> {
    const rows = await this.read(CHANGES_SQL)
    return Number(rows[0]?.changes ?? 0)
  }

  private async entryTable(changes: number): Promise<EntryTable> {
    if (this.table && this.table.changes === changes) return this.table.value
    // In slices: 100,000 row objects at once would grow the heap (and the RSS) for nothing.
    const value = new EntryTable()
    for (let after = -1; ; ) {
      const rows = (await this.read(
        `SELECT rid, territory, kind, announcement_kind, price_type, latitude, longitude, expires_at, shown_from, updated_at, category_key, commune_key
         FROM search_entries WHERE rid > :after ORDER BY rid LIMIT ${TABLE_SLICE}`,
        { after },
      )) as unknown as EntryRow[]
      for (const row of rows) value.upsert(row)
      if (rows.length < TABLE_SLICE) break
      after = rows[rows.length - 1]!.rid
    }
    for (const row of await this.read(`SELECT key, text FROM search_category_texts`)) value.setCategoryText(String(row.key), String(row.text))
    value.build()
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

  /** The result of a plan, with what it holds for: the index count it read and the next expiry among its candidates. */
  async execute(plan: SearchPlan): Promise<ReaderAnswer> {
    const changes = await this.changes()
    const table = await this.entryTable(changes)
    if (!plan.terms.length) return { ...(await this.run(plan, table, null)), changes }
    const vocabulary = await this.loadVocabulary(changes)
    const groups = expandTerms(plan.terms, vocabulary)
    const every = fullTextQuery(groups, 'AND', vocabulary)
    // Words were typed but none is searchable: nothing matches.
    if (every === null) return { result: { ...emptyFacets(plan), hits: [] }, changes, validUntil: Number.POSITIVE_INFINITY }
    const all = await this.run(plan, table, every)
    if (all.result.total > 0 || every.groups.length < 2) return { ...all, changes }
    const any = await this.run(plan, table, fullTextQuery(groups, 'OR', vocabulary)!)
    return { result: any.result, changes, validUntil: Math.min(all.validUntil, any.validUntil) }
  }

  /**
   * Relevance of every full-text match. Up to BM25_LIMIT matches: bm25 with column weights.
   * Beyond (a very common word over a large territory), computing bm25 for every match
   * would dominate the search; the score then says which fields matched — name 10,
   * categories 4, anywhere 1 — and ties go to the newest entries. The name matches come
   * from the table of names alone (`search_titles`, short lists); whether the categories
   * matched is found from the words of the category sets held in memory (a few hundred
   * sets), not by a third full-text query: most matches of a common word are there.
   */
  private async scores(fullText: FullText, table: EntryTable): Promise<Candidates> {
    const { match } = fullText
    const limit = this.options.bm25Limit ?? BM25_LIMIT
    // Known from the vocabulary to match few entries: bm25 at once (one full-text query instead of two).
    if (fullText.maxMatches <= limit) return this.bm25(match)
    const [all] = await this.read(`SELECT json_group_array(rowid) AS ids FROM search_fts WHERE search_fts MATCH :match`, { match })
    const rids = JSON.parse(String(all?.ids ?? '[]')) as number[]
    if (rids.length <= limit) return this.bm25(match)
    const [titles] = await this.read(`SELECT json_group_array(rowid) AS ids FROM search_titles WHERE search_titles MATCH :match`, { match })
    // Both lists ascend (FTS5 returns matches in rowid order) and the name matches are among
    // all the matches: one walk along both gives each match its score.
    const sorted = ascendingRowids(rids)
    const titleRids = ascendingRowids(JSON.parse(String(titles?.ids ?? '[]')) as number[])
    const scores = new Float64Array(sorted.length).fill(1)
    for (let t = 0, i = 0; t < titleRids.length && i < sorted.length; t++) {
      while (i < sorted.length && sorted[i]! < titleRids[t]!) i++
      if (sorted[i] === titleRids[t]) scores[i]! += 10
    }
    const categoryBonus = { sets: table.categorySetsMatching(fullText.groups, fullText.operator), weight: 4 }
    return { rids: sorted, scores, categoryBonus }
  }

  /**
   * The page's entries, in the page's order. Read as one JSON text: the driver builds an
   * object per row and per column, which cost twice as much for 20 rows.
   */
  private async hits(page: Match[], plan: SearchPlan): Promise<SearchHit[]> {
    const [row] = await this.read(
      `SELECT json_group_array(json_object(${HIT_COLUMNS.map((column) => `'${column}', ${column}`).join(', ')})) AS hits
       FROM search_entries WHERE rid IN (SELECT value FROM json_each(:rids))`,
      { rids: JSON.stringify(page.map((m) => m.rid)) },
    )
    const byRid = new Map<number, Row>()
    for (const entry of JSON.parse(String(row?.hits ?? '[]')) as Row[]) byRid.set(Number(entry.rid), entry)
    return page.flatMap((m) => {
      const entry = byRid.get(m.rid)
      return entry ? [toHit(entry, m, plan)] : []
    })
  }

  /** Every match with its bm25 relevance (column weights). */
  private async bm25(match: string): Promise<Candidates> {
    // Materialised so that bm25 runs in the full-text query; one flat JSON row comes back.
    const [row] = await this.read(
      `WITH s AS MATERIALIZED (SELECT rowid AS r, -bm25(search_fts, ${WEIGHTS}) AS s FROM search_fts WHERE search_fts MATCH :match)
       SELECT json_group_array(r) AS rids, json_group_array(s) AS scores FROM s`,
      { match },
    )
    return { rids: JSON.parse(String(row?.rids ?? '[]')) as number[], scores: JSON.parse(String(row?.scores ?? '[]')) as number[] }
  }

  private async run(plan: SearchPlan, table: EntryTable, fullText: FullText | null): Promise<{ result: ReadResult; validUntil: number }> {
    const candidates = fullText ? await this.scores(fullText, table) : null
    const needed = plan.offset + plan.limit
    const { matches, total, facets, nextExpiry } = table.scan(plan, candidates, needed)
    const page = matches.slice(plan.offset, needed)
    const hits = page.length ? await this.hits(page, plan) : []
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
    return { result, validUntil: nextExpiry }
  }
}

/** Rowids as a typed array in ascending order (sorted only if they did not come so). */
function ascendingRowids(rids: number[]): Int32Array {
  const array = Int32Array.from(rids)
  for (let i = 1; i < array.length; i++) if (array[i - 1]! > array[i]!) return array.sort()
  return array
}

function emptyFacets(plan: SearchPlan): Omit<SearchResult, 'tookMs' | 'hits'> {
  return { total: 0, page: plan.page, totalPages: 0, facets: { categories: [], communes: [], kinds: [], priceTypes: [] } }
}

function toHit(row: Row, match: Match, plan: SearchPlan): SearchHit {
  const categoryIds = JSON.parse(String(row.category_ids ?? '[]')) as string[]
  const parts = { categoryIds, updatedAt: String(row.updated_at), isExample: Number(row.is_example) === 1, dist: match.dist, score: match.score }
  return searchHit(row, parts, plan.near !== null)
}

