/**
 * Where the shared test servers are. `npm test` (scripts/test.mjs) builds the product once,
 * starts one production server on SQLite and, when TEST_POSTGRES_URI is set, one on
 * PostgreSQL, both with the demo territory, then runs jest with their addresses.
 */
/** `logFile`: what the server writes (requests, errors), for the tests that read its log. */
export type ServerTarget = { name: 'sqlite' | 'postgres'; baseUrl: string; outboxDir: string; logFile: string }

export function sqliteServer(): ServerTarget {
  const baseUrl = process.env.TEST_BASE_URL
  if (!baseUrl) {
    throw new Error('TEST_BASE_URL manque : lancez les tests avec « npm test », qui construit et démarre le serveur de test.')
  }
  return { name: 'sqlite', baseUrl, outboxDir: process.env.TEST_OUTBOX_DIR ?? '', logFile: process.env.TEST_SERVER_LOG ?? '' }
}

export function postgresServer(): ServerTarget | null {
  const baseUrl = process.env.TEST_PG_BASE_URL
  return baseUrl ? { name: 'postgres', baseUrl, outboxDir: process.env.TEST_PG_OUTBOX_DIR ?? '', logFile: process.env.TEST_PG_SERVER_LOG ?? '' } : null
}

/** Every server this run has: SQLite always, PostgreSQL when available. */
export function allServers(): ServerTarget[] {
  const pg = postgresServer()
  return pg ? [sqliteServer(), pg] : [sqliteServer()]
}
