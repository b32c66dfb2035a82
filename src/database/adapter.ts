import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import { type DatabaseTarget, parseDatabaseUri } from './parseDatabaseUri'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export const databaseTarget: DatabaseTarget = parseDatabaseUri(process.env.DATABASE_URI)

/**
 * Schema changes always go through committed migrations (never drizzle "push", which can
 * stop on an interactive prompt); `src/server.ts` runs them at start.
 */
export function createDatabaseAdapter(target: DatabaseTarget = databaseTarget): DatabaseAdapterObj {
  switch (target.kind) {
    case 'sqlite':
      fs.mkdirSync(path.dirname(target.filePath), { recursive: true })
      return sqliteAdapter({
        client: { url: target.url },
        push: false,
        wal: true,
        busyTimeout: 5000,
        migrationDir: path.resolve(dirname, '../migrations/sqlite'),
        prodMigrations: sqliteMigrations,
      })
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: target.url, connectionTimeoutMillis: 5000 },
        push: false,
        migrationDir: path.resolve(dirname, '../migrations/postgres'),
        prodMigrations: postgresMigrations,
      })
    case 'mongodb':
      return mongooseAdapter({ url: target.url, connectOptions: { serverSelectionTimeoutMS: 5000 } })
  }
}
