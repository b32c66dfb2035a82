/**
 * A second connection to the SQLite file, used only to read, with prepared statements kept
 * between searches: compiling the search statement costs more than running it. Writes
 * stay on Payload's client; in WAL mode this connection sees every committed write.
 */
import path from 'node:path'

import Database from 'libsql'

type Row = Record<string, string | number | null>
type Prepared = { all(params?: unknown): unknown[] }
type Connection = { prepare(sql: string): Prepared; pragma(source: string): unknown; close(): void }

const MAX_STATEMENTS = 200
/**
 * Page cache of a read connection (KiB). SQLite's default, 2 MB, is far below what searches
 * touch at 100,000 entries (the page's rows anywhere in `search_entries`, the lists of common
 * words in `search_fts`): every miss is a read from the system's cache. 16 MB holds what
 * the benchmark's searches read; more gained nothing (figures: docs/benchmarks.md).
 */
const PAGE_CACHE_KIB = 16 * 1024

export class ReadConnection {
  private readonly statements = new Map<string, Prepared>()

  private constructor(private readonly db: Connection) {}

  /** A connection to the same local file as a libsql client URL, or null (memory or remote databases). */
  static open(url: string | undefined): ReadConnection | null {
    if (!url || !url.startsWith('file:')) return null
    const file = url.slice('file:'.length).split('?')[0]!
    if (!file || file === ':memory:') return null
    const db = new Database(path.resolve(file)) as unknown as Connection
    db.pragma('busy_timeout = 5000')
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
    return new ReadConnection(db)
  }

  all(sql: string, params: Record<string, unknown> | unknown[] = []): Row[] {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      if (this.statements.size >= MAX_STATEMENTS) this.statements.delete(this.statements.keys().next().value!)
      this.statements.set(sql, statement)
    }
    return statement.all(params) as Row[]
  }

  close(): void {
    this.statements.clear()
    this.db.close()
  }
}
