/**
 * The whole product in one process: express (security headers, logs, health checks,
 * graceful shutdown) in front of Next.js, which serves the public site, the Payload admin
 * and the API. Migrations run before the first request is accepted.
 */
import http from 'node:http'

import express from 'express'
import next from 'next'
import { getPayload, type Payload } from 'payload'

import { closeDatabase } from './database/close'
import { watchInterruptedImports } from './imports/background'
import { claimsJobRunner } from './jobs'
import { guardPoolErrors } from './database/guardPoolErrors'
import { runMigrations } from './database/migrate'
import { type DatabaseTarget, parseDatabaseUri } from './database/parseDatabaseUri'
import { graphqlGuard } from './server/graphqlGuard'
import { rateLimits, redisStores } from './server/rateLimits'
import { rejectMalformedQueries } from './server/rejectMalformedQueries'
import { securityHeaders } from './server/securityHeaders'
import { publicPagesWithoutRuntime } from './server/htmlDelivery'
import { territoryPathPrefix } from './server/territoryPrefix'
import { refuseForeignOrigins } from './server/foreignOrigins'
import { markLoopbackClient } from './server/loopbackClient'
import { privateMediaFiles } from './server/mediaFiles'
import { onlyExistingAssets, SITE_ASSETS_DIR } from './server/publicAssets'
import { rejectMalformedBodies } from './server/rejectMalformedBodies'
import { SEARCH_API_PATH, searchRoute } from './server/searchRoute'
import { requestLogger } from './server/requestLogger'
import { assertPortFree } from './server/assertPortFree'
import { databaseGate } from './server/databaseGate'
import { warmSearchInBackground } from './server/searchWarmUp'
import { explainStartupError } from './server/startupErrors'
import { adminUnauthorizedToSite } from './server/adminUnauthorized'

const dev = process.argv.includes('--dev') || process.env.NODE_ENV === 'development'
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOST || '0.0.0.0'
let database: DatabaseTarget | undefined

async function main() {
  database = parseDatabaseUri(process.env.DATABASE_URI)
  await assertPortFree(port, hostname)
  const databaseKind = database.kind
  if (dev && !process.env.NEXT_DIST_DIR) process.env.NEXT_DIST_DIR = '.next-dev'
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config, cron: true })
  guardPoolErrors(payload)
  await runMigrations(payload)
  const searchEngine = (await import('./search')).getSearchEngine(payload)
  await searchEngine.ensureSchema()
  const searchWarm = warmSearchInBackground(payload, searchEngine)
  if (process.env.ANNUAIRE_DEMO === '1') {
    const { seedDemoIfEmpty } = await import('./seed/demo')
    await seedDemoIfEmpty(payload)
  }
  // Imports a previous process left « En cours » are resumed (or marked « Interrompu »).
  if (claimsJobRunner(payload)) watchInterruptedImports(payload)
  const searchWorkers = await (await import('./search/sqlite/workerPool')).startSearchWorkers(payload)

  const limitStores = process.env.REDIS_URL
    ? await redisStores(process.env.REDIS_URL, (error) => payload.logger.error({ err: error }, 'Redis des limites d’envoi injoignable'))
    : undefined

  const nextApp = createNextServer({ dev, dir: process.cwd(), hostname, port })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback')
  app.use(requestLogger(payload))
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  app.get('/readyz', async (_req, res) => {
    const ready = await databaseAnswers(payload)
    // Not ready either while the search data is still being loaded (see searchWarmUp.ts).
    const status = !ready ? 'database-unavailable' : searchWarm() ? 'ok' : 'search-warming'
    res.status(status === 'ok' ? 200 : 503).json({ status, database: databaseKind })
  })
  app.use(securityHeaders({ dev, jsonPaths: [SEARCH_API_PATH] }))
  app.use(databaseGate(() => databaseAnswers(payload), payload.logger).middleware)
  app.use(territoryPathPrefix(payload))
  app.use(markLoopbackClient)
  app.use(refuseForeignOrigins(payload))
  app.use(adminUnauthorizedToSite)
  // Before the limits: a GraphQL account operation counts against its REST twin's limit.
  app.use(graphqlGuard)
  app.use(rateLimits({ stores: limitStores, log: (error) => payload.logger.error({ err: error }, 'limites d’envoi') }))
  app.use(rejectMalformedQueries)
  app.get(SEARCH_API_PATH, searchRoute(payload))
  app.use(onlyExistingAssets('/site', SITE_ASSETS_DIR))
  app.use(privateMediaFiles(payload.config.routes.api, payload.config.collections.filter((c) => c.upload).map((c) => c.slug)))
  app.use(publicPagesWithoutRuntime())
  app.use(rejectMalformedBodies((req, res) => handle(req, res)))

  const server = http.createServer(app)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, hostname, () => resolve())
  })
  const threads = searchWorkers ? `, ${searchWorkers.size} fil(s) de recherche` : ''
  payload.logger.info(`Annuaire local prêt sur http://localhost:${port} (base ${databaseKind}, ${dev ? 'développement' : 'production'}${threads})`)
  installGracefulShutdown(server, payload, () => searchEngine.stopFollowing?.())
}

// `next` is a CommonJS module whose default export arrives wrapped under some loaders.
const createNextServer = ((next as unknown as { default?: typeof next }).default ?? next) as typeof next

async function databaseAnswers(payload: Payload): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      payload.count({ collection: 'territories', overrideAccess: true }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 3000))),
    ])
    return true
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}

function installGracefulShutdown(server: http.Server, payload: Payload, beforeClose: () => void) {
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    payload.logger.info(`${signal} reçu : arrêt en cours (les requêtes en cours se terminent).`)
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    server.close(async () => {
      try {
        beforeClose()
        await closeDatabase(payload)
      } finally {
        process.exit(0)
      }
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((error) => {
  console.error(`\n✖ ${explainStartupError(error, { port, database })}\n`)
  if (process.env.DEBUG) console.error(error)
  process.exit(1)
})
