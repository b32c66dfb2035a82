import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { DatabaseAdapterObj } from 'payload'

import { type DatabaseTarget, parseDatabaseUri } from './parseDatabaseUri'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export const databaseTarget: DatabaseTarget = parseDatabaseUri(process.env.DATABASE_URI)

/**
 * Schema changes always go through committed migrations (never drizzle "push", which can
 * stop on an interactive prompt); `src/server.ts` runs them at start. Only the chosen
 * database's adapter and migrations are loaded (the MongoDB driver alone holds ~10 MB).
 */
export async function createDatabaseAdapter(target: DatabaseTarget = databaseTarget): Promise<DatabaseAdapterObj> {
  switch (target.kind) {
    case 'sqlite': {
      // One after the other: jest's ESM loader fails on two parallel imports sharing a dependency.
      const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
      const { migrations } = await import('../migrations/sqlite')
      fs.mkdirSync(path.dirname(target.filePath), { recursive: true })
      return sqliteAdapter({
        client: { url: target.url },
        push: false,
        wal: true,
        busyTimeout: 5000,
        migrationDir: path.resolve(dirname, '../migrations/sqlite'),
        prodMigrations: migrations,
      })
    }
    case 'postgres': {
      const { postgresAdapter } = await import('@payloadcms/db-postgres')
      const { migrations } = await import('../migrations/postgres')
      return postgresAdapter({
        pool: { connectionString: target.url, connectionTimeoutMillis: 5000 },
        push: false,
        migrationDir: path.resolve(dirname, '../migrations/postgres'),
        prodMigrations: migrations,
      })
    }
    case 'mongodb': {
      const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
      return mongooseAdapter({ url: target.url, connectOptions: { serverSelectionTimeoutMS: 5000 } })
    }
  }
}
