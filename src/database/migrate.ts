import type { Payload } from 'payload'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'

type Migrations = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']

/**
 * Applies the committed migrations of the configured database (none for MongoDB, whose
 * collections need no schema). Already-applied migrations are skipped.
 */
export async function runMigrations(payload: Payload): Promise<void> {
  const byAdapter = { sqlite: sqliteMigrations, postgres: postgresMigrations } as unknown as Record<string, Migrations>
  const migrations = byAdapter[payload.db.name] ?? []
  if (migrations && migrations.length > 0) await payload.db.migrate({ migrations })
}
