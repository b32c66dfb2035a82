/**
 * Entry point of search: `getSearchEngine(payload)` returns the engine of the configured
 * database (one per Payload instance). Callers see the `IndexingSearchEngine` contract; only
 * the SQLite worker pool needs the SQLite engine itself, through `sqliteEngineOf` (checked,
 * not cast).
 */
import type { Payload } from 'payload'

import type { IndexingSearchEngine } from './engine'
import { MongoSearchEngine } from './mongodb/engine'
import { PostgresSearchEngine } from './postgres/engine'
import { SqliteSearchEngine } from './sqlite/engine'

export type { IndexingSearchEngine } from './engine'
export type * from './types'

/**
 * One engine per Payload instance for the whole process: the express server and Next's
 * bundle each hold a copy of this module but share the Payload instance, so the map lives
 * on globalThis (one set of in-memory columns, one result cache, writes seen by all).
 */
const ENGINES = Symbol.for('annuaire-local.searchEngines')
const engines: WeakMap<Payload, IndexingSearchEngine> = ((globalThis as { [ENGINES]?: WeakMap<Payload, IndexingSearchEngine> })[ENGINES] ??=
  new WeakMap())

export function createSearchEngine(payload: Payload): IndexingSearchEngine {
  switch (payload.db.name) {
    case 'sqlite':
      return new SqliteSearchEngine(payload)
    case 'postgres':
      return new PostgresSearchEngine(payload)
    case 'mongoose':
      return new MongoSearchEngine(payload)
    default:
      throw new Error(`Recherche : base de données « ${payload.db.name} » non prise en charge (sqlite, postgres ou mongodb).`)
  }
}

export function getSearchEngine(payload: Payload): IndexingSearchEngine {
  let engine = engines.get(payload)
  if (!engine) {
    engine = createSearchEngine(payload)
    engines.set(payload, engine)
  }
  return engine
}

/** The SQLite engine of this Payload instance, or null on another database. */
export function sqliteEngineOf(payload: Payload): SqliteSearchEngine | null {
  const engine = getSearchEngine(payload)
  return engine instanceof SqliteSearchEngine ? engine : null
}
