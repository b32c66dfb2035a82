import path from 'node:path'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export type DatabaseTarget =
  | { kind: 'sqlite'; url: string; filePath: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'mongodb'; url: string }

export const DEFAULT_SQLITE_FILE = 'data/annuaire.db'

/** A configuration problem a person can fix; its message says how, in French then English. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

/**
 * Chooses the database from DATABASE_URI: absent or `file:` → embedded SQLite,
 * `postgres://` / `postgresql://` → PostgreSQL, `mongodb://` / `mongodb+srv://` → MongoDB.
 */
export function parseDatabaseUri(raw: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const uri = raw?.trim()
  if (!uri) return sqliteTarget(path.resolve(cwd, DEFAULT_SQLITE_FILE))
  if (uri.startsWith('file:')) {
    const rest = uri.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    if (!rest) {
      throw new ConfigurationError(
        'DATABASE_URI « file: » ne donne aucun chemin : écrivez par exemple file:./data/annuaire.db. ' +
          '(DATABASE_URI "file:" has no path: use e.g. file:./data/annuaire.db.)',
      )
    }
    return sqliteTarget(path.resolve(cwd, rest))
  }
  if (/^postgres(ql)?:\/\//.test(uri)) return { kind: 'postgres', url: uri }
  if (/^mongodb(\+srv)?:\/\//.test(uri)) return { kind: 'mongodb', url: uri }
  const scheme = uri.split(':')[0]
  throw new ConfigurationError(
    `DATABASE_URI commence par « ${scheme}: », que l'annuaire ne connaît pas : utilisez file:… (SQLite), ` +
      `postgres://… (PostgreSQL) ou mongodb://… (MongoDB), ou laissez-la vide pour la base SQLite intégrée. ` +
      `(Unknown DATABASE_URI scheme "${scheme}:"; use file:, postgres:// or mongodb://, or leave it empty.)`,
  )
}

function sqliteTarget(filePath: string): DatabaseTarget {
  return { kind: 'sqlite', url: `file:${filePath}`, filePath }
}
