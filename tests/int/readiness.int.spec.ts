import pg from 'pg'

import { spawnServer, waitForStatus, type SpawnedServer } from '../support/spawnServer'

/**
 * /readyz tells whether the database answers: 503 while PostgreSQL refuses connections,
 * 200 again once it accepts them, without restarting the process.
 * Needs the production build that `npm test` makes, and TEST_POSTGRES_URI.
 */
const base = process.env.TEST_POSTGRES_URI
const describeIfPostgres = base && process.env.TEST_BASE_URL ? describe : describe.skip

describeIfPostgres('readiness when PostgreSQL goes away and comes back', () => {
  const dbName = `annuaire_ready_${process.pid}`
  let server: SpawnedServer
  let admin: pg.Client

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: base })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
    const url = new URL(base!)
    url.pathname = `/${dbName}`
    server = await spawnServer(Number(process.env.TEST_READY_PORT || 3921), { DATABASE_URI: url.toString() })
  }, 180_000)

  afterAll(async () => {
    await server?.stop()
    await admin?.query(`ALTER DATABASE "${dbName}" WITH ALLOW_CONNECTIONS true`).catch(() => {})
    await admin?.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {})
    await admin?.end()
  })

  it('answers 200, then 503 while the database is gone, then 200 again', async () => {
    expect(await waitForStatus(`${server.baseUrl}/readyz`, 200)).toBe(200)
    await admin.query(`ALTER DATABASE "${dbName}" WITH ALLOW_CONNECTIONS false`)
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [dbName])
    expect(await waitForStatus(`${server.baseUrl}/readyz`, 503)).toBe(503)
    expect(server.child.exitCode).toBeNull()
    await admin.query(`ALTER DATABASE "${dbName}" WITH ALLOW_CONNECTIONS true`)
    expect(await waitForStatus(`${server.baseUrl}/readyz`, 200)).toBe(200)
    expect((await fetch(`${server.baseUrl}/api/territories`)).status).toBe(200)
  })
})
