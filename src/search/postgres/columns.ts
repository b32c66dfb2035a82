/**
 * The in-memory columns of the PostgreSQL engine, the same `EntryTable` the SQLite engine
 * scans (filters, bounding box and distance, every facet, the page's order in one pass),
 * loaded from `search_entries` and kept in step with the database, whichever instance wrote.
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
 */
import { type EntryRow, EntryTable } from '../sqlite/entryTable'

type QueryResult = { rows: Array<Record<string, unknown>> }
export type Queryable = { query(text: string, values?: unknown[]): Promise<QueryResult> }
export type PgClient = Queryable & { release(): void }

/** Rows read at a time when loading the columns (100,000 row objects at once would grow the heap for nothing). */
const LOAD_SLICE = 10_000

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`
const LIST = (column: string) => `CASE WHEN cardinality(${column}) = 0 THEN '' ELSE ',' || array_to_string(${column}, ',') || ',' END`
/** `search_entries` as the columns read it (see EntryRow). */
export const ENTRY_ROW_COLUMNS = `rid::int4 AS rid, territory, kind, announcement_kind, price_type, latitude, longitude,
  to_char(expires_at AT TIME ZONE 'UTC', ${ISO}) AS expires_at, to_char(updated_at AT TIME ZONE 'UTC', ${ISO}) AS updated_at,
  ${LIST('category_tree')} AS category_key, ${LIST('communes')} AS commune_key`

/** The counter of index writes and the number of the last clear. */
export const COUNTERS_SQL = `SELECT coalesce((SELECT value FROM search_meta WHERE key = 'changes'), '0') AS changes,
  coalesce((SELECT value FROM search_meta WHERE key = 'reset'), '0') AS reset`

export type Counters = { changes: number; reset: number }

export async function readCounters(db: Queryable): Promise<Counters> {
  const { rows } = await db.query(COUNTERS_SQL)
  return { changes: Number(rows[0]?.changes ?? 0), reset: Number(rows[0]?.reset ?? 0) }
}

const entryRow = (row: Record<string, unknown>): EntryRow => row as unknown as EntryRow

export class SyncedColumns {
  private state: { table: EntryTable; changes: number } | null = null
  private refreshing: Promise<void> | null = null

  constructor(private readonly connect: () => Promise<PgClient>) {}

  /** The columns as of `wanted` changes at least (the counter a search just read). */
  async at(counters: Counters): Promise<{ table: EntryTable; changes: number }> {
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
      if (held && counters.reset <= held.changes) {
        const { rows: upserts } = await client.query(`SELECT ${ENTRY_ROW_COLUMNS} FROM search_entries WHERE change > $1`, [held.changes])
        const { rows: removed } = await client.query(`SELECT rid::int4 AS rid FROM search_removed WHERE change > $1`, [held.changes])
        await client.query('COMMIT')
        for (const row of removed) held.table.remove(Number(row.rid))
        for (const row of upserts) held.table.upsert(entryRow(row))
        held.changes = counters.changes
        return
      }
      // In slices of rowids (an index range each; with ORDER BY rid LIMIT the planner sorted the
      // whole table for every slice), so that the heap never holds every row object at once.
      const table = new EntryTable()
      const { rows: last } = await client.query(`SELECT coalesce(max(rid), 0)::int8 AS rid FROM search_entries`)
      const maxRid = Number(last[0]?.rid ?? 0)
      for (let after = 0; after < maxRid; after += LOAD_SLICE) {
        const { rows } = await client.query(`SELECT ${ENTRY_ROW_COLUMNS} FROM search_entries WHERE rid > $1 AND rid <= $2`, [
          after,
          after + LOAD_SLICE,
        ])
        for (const row of rows) table.upsert(entryRow(row))
      }
      await client.query('COMMIT')
      table.build()
      this.state = { table, changes: counters.changes }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }
}
