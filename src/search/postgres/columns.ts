/**
 * The in-memory columns of the PostgreSQL engine, the same `EntryTable` the SQLite engine
 * scans (filters, bounding box and distance, every facet, the page's order in one pass),
 * and the lexemes of each entry's tsvector (`TermIndex`, terms.ts), loaded from
 * `search_entries` and kept in step with the database, whichever instance wrote.
 *
 * Every index write, from any process, runs in a transaction that first increments
 * `search_meta.changes` (the row lock makes writers wait for each other, so change numbers
 * commit in order) and stamps the rows it upserts with that number (`search_entries.change`)
 * and the rowids it removes too (`search_removed`); clearing the index also sets
 * `search_meta.reset`. Before each search an instance reads the counter (one indexed
 * row): unchanged, its columns are current; ahead, it reads only the rows stamped after the
 * number it holds (or everything again after a reset), in one repeatable-read snapshot.
 * A publish through one instance is therefore seen by the very next search of every other,
 * and a cached result, keyed by that number, is never served after it.
 *
 * Removal rows are kept for REMOVED_RETENTION only (pruned by the writer of a removal,
 * engine.ts); `search_meta.pruned` is the highest change number pruned so far. An instance
 * holding columns older than that number reloads everything (it might miss a removal),
 * so pruning never makes an instance wrong, at worst slower once. A server keeps its columns
 * in step in the background (`follow`, every SYNC_INTERVAL_MS), far inside the retention.
 */
import { type EntryRow, EntryTable } from '../sqlite/entryTable'
import { LEXEMES_SQL, TermIndex } from './terms'

type QueryResult = { rows: Array<Record<string, unknown>> }
export type Queryable = { query(text: string, values?: unknown[]): Promise<QueryResult> }
export type PgClient = Queryable & { release(): void }

/** Rows read at a time when loading the columns (100,000 row objects at once would grow the heap for nothing). */
const LOAD_SLICE = 10_000

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`
const LIST = (column: string) => `CASE WHEN cardinality(${column}) = 0 THEN '' ELSE ',' || array_to_string(${column}, ',') || ',' END`
/** `search_entries` as the columns read it (see EntryRow). */
export const ENTRY_ROW_COLUMNS = `rid::int4 AS rid, territory, kind, announcement_kind, price_type, latitude, longitude,
  to_char(expires_at AT TIME ZONE 'UTC', ${ISO}) AS expires_at, to_char(shown_from AT TIME ZONE 'UTC', ${ISO}) AS shown_from,
  to_char(updated_at AT TIME ZONE 'UTC', ${ISO}) AS updated_at,
  ${LIST('category_tree')} AS category_key, ${LIST('communes')} AS commune_key, ${LEXEMES_SQL}`

/** How long a removal stays listed in `search_removed` for the instances that have not read it yet. */
export const REMOVED_RETENTION = '10 minutes'
/** How often a server reads the counter and catches up without waiting for a search. */
export const SYNC_INTERVAL_MS = 5_000

/** The counter of index writes, the number of the last clear and the highest removal number pruned. */
export const COUNTERS_SQL = `SELECT coalesce((SELECT value FROM search_meta WHERE key = 'changes'), '0') AS changes,
  coalesce((SELECT value FROM search_meta WHERE key = 'reset'), '0') AS reset,
  coalesce((SELECT value FROM search_meta WHERE key = 'pruned'), '0') AS pruned`

export type Counters = { changes: number; reset: number; pruned: number }

export function countersOf(row: Record<string, unknown> | undefined): Counters {
  return { changes: Number(row?.changes ?? 0), reset: Number(row?.reset ?? 0), pruned: Number(row?.pruned ?? 0) }
}

export async function readCounters(db: Queryable): Promise<Counters> {
  const { rows } = await db.query(COUNTERS_SQL)
  return countersOf(rows[0])
}

const entryRow = (row: Record<string, unknown>): EntryRow => row as unknown as EntryRow

/** The filterable fields and the words of the entries, as of `changes`. */
export type ColumnsState = { table: EntryTable; terms: TermIndex; changes: number }

function upsert(state: Omit<ColumnsState, 'changes'>, row: Record<string, unknown>): void {
  state.table.upsert(entryRow(row))
  state.terms.set(Number(row.rid), String(row.lexemes ?? ''))
}

export class SyncedColumns {
  private state: ColumnsState | null = null
  private refreshing: Promise<void> | null = null
  private following: NodeJS.Timeout | null = null
  /** Rows read by the last full load (everything again), for the start-up log. */
  loadedRows = 0

  constructor(private readonly connect: () => Promise<PgClient>) {}

  /** The columns as of `wanted` changes at least (the counter a search just read). */
  async at(counters: Counters): Promise<ColumnsState> {
    for (;;) {
      const state = this.state
      if (state && state.changes >= counters.changes) return state
      // One catch-up at a time, shared by the searches that wait for it.
      this.refreshing ??= this.catchUp().finally(() => {
        this.refreshing = null
      })
      await this.refreshing
    }
  }

  /** Forgets the columns (they are read again at the next search). */
  drop(): void {
    this.state = null
  }

  /**
   * Reads the counter every `intervalMs` and catches up when it moved, so that the next
   * search does not wait for the rows written meanwhile and a long-idle server never falls
   * behind the removals' retention. The timer does not keep the process alive.
   */
  follow(db: Queryable, intervalMs: number, onError: (error: unknown) => void): void {
    if (this.following) return
    let failing = false
    const tick = async () => {
      try {
        await this.at(await readCounters(db))
        failing = false
      } catch (error) {
        if (this.following === null) return // stopped meanwhile (the pool may be closing)
        // Once per outage: the database gate already tells when the database is away.
        if (!failing) onError(error)
        failing = true
      }
      if (this.following === null) return // stopped meanwhile
      this.following = setTimeout(() => void tick(), intervalMs).unref()
    }
    this.following = setTimeout(() => void tick(), intervalMs).unref()
  }

  /** Stops `follow`. */
  stop(): void {
    if (this.following) clearTimeout(this.following)
    this.following = null
  }

  /** Reads what changed since the state held (everything when none is held or the index was cleared since), in one snapshot. */
  private async catchUp(): Promise<void> {
    const client = await this.connect()
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const counters = await readCounters(client)
      const held = this.state
      if (held && held.changes >= counters.changes) {
        await client.query('COMMIT')
        return
      }
      // Incrementally only when nothing it needs was cleared or pruned since the number it holds.
      if (held && counters.reset <= held.changes && counters.pruned <= held.changes) {
        const { rows: upserts } = await client.query(`SELECT ${ENTRY_ROW_COLUMNS} FROM search_entries WHERE change > $1`, [held.changes])
        const { rows: removed } = await client.query(`SELECT rid::int4 AS rid FROM search_removed WHERE change > $1`, [held.changes])
        await client.query('COMMIT')
        for (const row of removed) {
          held.table.remove(Number(row.rid))
          held.terms.remove(Number(row.rid))
        }
        for (const row of upserts) upsert(held, row)
        held.changes = counters.changes
        return
      }
      // In slices of rowids (an index range each; with ORDER BY rid LIMIT the planner sorted the
      // whole table for every slice), so that the heap never holds every row object at once.
      const fresh = { table: new EntryTable(), terms: new TermIndex() }
      const { rows: last } = await client.query(`SELECT coalesce(max(rid), 0)::int8 AS rid FROM search_entries`)
      const maxRid = Number(last[0]?.rid ?? 0)
      let loaded = 0
      for (let after = 0; after < maxRid; after += LOAD_SLICE) {
        const { rows } = await client.query(`SELECT ${ENTRY_ROW_COLUMNS} FROM search_entries WHERE rid > $1 AND rid <= $2`, [
          after,
          after + LOAD_SLICE,
        ])
        for (const row of rows) upsert(fresh, row)
        loaded += rows.length
      }
      await client.query('COMMIT')
      fresh.table.build()
      this.state = { ...fresh, changes: counters.changes }
      this.loadedRows = loaded
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }
}
