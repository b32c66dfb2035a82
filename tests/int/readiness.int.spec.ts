import pg from 'pg'

import { freePort } from '../support/freePort'
import { spawnServer, waitForStatus, type SpawnedServer } from '../support/spawnServer'

/**
 * /readyz tells whether the database answers: 503 while PostgreSQL refuses connections,
 * 200 again once it accepts them, without restarting the process; meanwhile pages, forms
 * and the API answer a French 503 (see src/server/databaseGate.ts).
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
    server = await spawnServer(Number(process.env.TEST_READY_PORT || (await freePort())), { DATABASE_URI: url.toString() })
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
    // Pages and the API answer a French 503 (HTML / JSON) while the database is away.
    expect(await waitForStatus(`${server.baseUrl}/recherche`, 503)).toBe(503)
    const page = await fetch(`${server.baseUrl}/recherche`)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.headers.get('retry-after')).toBeTruthy()
    const html = await page.text()
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain('Service momentanément indisponible')
    const apiAnswer = await fetch(`${server.baseUrl}/api/territories`)
    expect(apiAnswer.status).toBe(503)
    expect(((await apiAnswer.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain('base de données ne répond pas')
    const form = await fetch(`${server.baseUrl}/connexion/envoyer`, { method: 'POST', body: 'email=a%40b.fr', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(form.status).toBe(503)
    await admin.query(`ALTER DATABASE "${dbName}" WITH ALLOW_CONNECTIONS true`)
    expect(await waitForStatus(`${server.baseUrl}/readyz`, 200)).toBe(200)
    expect(await waitForStatus(`${server.baseUrl}/api/territories`, 200)).toBe(200)
    expect(server.log()).toContain('Base de données injoignable')
    // Information lines are written in blocks, at the latest a second later (src/logging/logger.ts).
    for (const until = Date.now() + 10_000; !server.log().includes('de nouveau disponible') && Date.now() < until; ) await new Promise((r) => setTimeout(r, 200))
    expect(server.log()).toContain('Base de données de nouveau disponible')
  })
})
