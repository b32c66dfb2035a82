/**
 * What the fuzz run left in the database, read straight from the tables (every table, every
 * text column, so that search indexes, versions and logs are seen too): row counts per table,
 * and the fuzz markers found. SQLite and PostgreSQL; MongoDB is not inspected.
 */
import Database from 'libsql'
import pg from 'pg'

import { parseDatabaseUri } from '../../src/database/parseDatabaseUri'

export type TraceReader = {
  counts(): Promise<Record<string, number>>
  /** Every marker starting with `prefix` found anywhere, with the tables it is in. */
  markers(prefix: string): Promise<Map<string, Set<string>>>
  close(): Promise<void>
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

function collect(found: Map<string, Set<string>>, table: string, text: string, pattern: RegExp) {
  for (const match of text.matchAll(pattern)) {
    const set = found.get(match[0]) ?? new Set<string>()
    set.add(table)
    found.set(match[0], set)
  }
}

export async function openTraceReader(databaseUri: string): Promise<TraceReader | null> {
  const target = parseDatabaseUri(databaseUri)
  if (target.kind === 'sqlite') {
    const db = new Database(target.filePath, { readonly: true })
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>)
      .map((t) => t.name)
      // FTS5 shadow tables repeat the content of their virtual table, which is read instead.
      .filter((name, _i, all) => !all.some((other) => other !== name && /_(data|idx|docsize|config|content)$/.test(name) && name.startsWith(`${other}_`)))
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as Array<{ name: string }>).map((c) => c.name)
    return {
      async counts() {
        const out: Record<string, number> = {}
        for (const table of tables) out[table] = Number((db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n)
        return out
      },
      async markers(prefix) {
        const found = new Map<string, Set<string>>()
        const pattern = new RegExp(`${prefix}\\d+`, 'g')
        for (const table of tables) {
          const cols = columns(table)
          if (cols.length === 0) continue
          const where = cols.map((c) => `CAST(${quote(c)} AS TEXT) LIKE ?`).join(' OR ')
          const rows = db.prepare(`SELECT * FROM ${quote(table)} WHERE ${where}`).all(...cols.map(() => `%${prefix}%`)) as Array<Record<string, unknown>>
          for (const row of rows) collect(found, table, JSON.stringify(row), pattern)
        }
        return found
      },
      async close() {
        db.close()
      },
    }
  }
  if (target.kind === 'postgres') {
    const client = new pg.Client({ connectionString: target.url })
    await client.connect()
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'tsvector', 'USER-DEFINED')`,
    )
    const { rows: tableRows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    )
    const textColumns = new Map<string, string[]>()
    for (const row of rows) textColumns.set(row.table_name, [...(textColumns.get(row.table_name) ?? []), row.column_name])
    return {
      async counts() {
        const out: Record<string, number> = {}
        for (const { table_name } of tableRows) out[table_name] = Number((await client.query(`SELECT count(*) AS n FROM ${quote(table_name)}`)).rows[0].n)
        return out
      },
      async markers(prefix) {
        const found = new Map<string, Set<string>>()
        const pattern = new RegExp(`${prefix}\\d+`, 'g')
        for (const [table, cols] of textColumns) {
          if (!tableRows.some((t) => t.table_name === table)) continue
          const where = cols.map((c) => `${quote(c)}::text LIKE $1`).join(' OR ')
          const result = await client.query(`SELECT * FROM ${quote(table)} WHERE ${where}`, [`%${prefix}%`])
          for (const row of result.rows) collect(found, table, JSON.stringify(row), pattern)
        }
        return found
      },
      async close() {
        await client.end()
      },
    }
  }
  return null
}
