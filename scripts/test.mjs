/**
 * The whole test suite in one command (`npm test`): builds the product once, starts the
 * shared production servers (SQLite always, PostgreSQL when TEST_POSTGRES_URI is set) with
 * the demo territory and captured e-mail, runs every jest project against them, then stops
 * them. Extra arguments go to jest (e.g. `npm test -- --selectProjects access`).
 * SKIP_BUILD=1 reuses an existing build. Several checkouts or people can run at once with
 * their own NEXT_DIST_DIR, TEST_TMP_DIR, TEST_PORT and TEST_PG_PORT.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { formatSlowest, SLOWEST } from '../tests/support/timingReporter.mjs'
import { SERVER_ARGS, SERVER_ENV } from './lib/serverCommand.mjs'

/** A binary of this project's own node_modules (npx misbehaves inside `npm test`). */
const localBin = (name) => path.resolve('node_modules/.bin', name)

const root = process.cwd()
const tmp = path.resolve(process.env.TEST_TMP_DIR || path.join(root, 'tests/.tmp'))
const distDir = process.env.NEXT_DIST_DIR || '.next'
fs.rmSync(tmp, { recursive: true, force: true })
fs.mkdirSync(tmp, { recursive: true })

const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'Demo-Annuaire-2026!'
const children = []

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} a échoué (code ${result.status})`)
}

function build() {
  if (process.env.SKIP_BUILD === '1' && fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    console.log('▶ Build existant réutilisé (SKIP_BUILD=1)')
    return
  }
  console.log('▶ Construction de production (next build)…')
  const started = Date.now()
  run(localBin('next'), ['build'], { NODE_OPTIONS: '--no-deprecation', NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir })
  console.log(`  build en ${Math.round((Date.now() - started) / 1000)} s`)
}

async function startServer(name, port, databaseUri) {
  const outbox = path.join(tmp, `outbox-${name}`)
  const log = fs.openSync(path.join(tmp, `server-${name}.log`), 'w')
  const child = spawn(process.execPath, SERVER_ARGS, {
    env: {
      ...SERVER_ENV,
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: distDir,
      NODE_OPTIONS: '--no-deprecation',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URI: databaseUri,
      PAYLOAD_SECRET: 'test-secret-not-for-production',
      ANNUAIRE_DEMO: '1',
      DEMO_PASSWORD,
      INSECURE_COOKIES: '1',
      EMAIL_OUTBOX_DIR: outbox,
      MEDIA_DIR: path.join(tmp, `media-${name}`),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // Every test request comes from 127.0.0.1: generous abuse limits (tests/int/rateLimits checks the real ones).
      RATE_LIMIT_SCALE: '1000',
    },
    stdio: ['ignore', log, log],
    detached: true,
  })
  children.push(child)
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      const res = await fetch(`${baseUrl}/readyz`)
      if (res.ok) {
        console.log(`▶ Serveur ${name} prêt sur ${baseUrl}`)
        return { baseUrl, outbox }
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  const output = fs.readFileSync(path.join(tmp, `server-${name}.log`), 'utf8')
  console.error(output.slice(-4000))
  throw new Error(`Le serveur de test ${name} n'a pas démarré (code de sortie ${child.exitCode}, signal ${child.signalCode})`)
}

async function freshPostgresDatabase(baseUri) {
  const url = new URL(baseUri)
  url.pathname = `/annuaire_e2e_${process.pid}`
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: baseUri })
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`)
  await client.end()
  return {
    uri: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUri })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`)
      await c.end()
    },
  }
}

function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {}
  }
}

/**
 * Without arguments, two phases: the files that own their database or server (unit, int,
 * access) on two workers, then the files that share the two servers (server, e2e) one at a
 * time. With arguments (a pattern, a project…), one jest run that does what they say.
 */
function runJest(args, env) {
  const jestEnv = {
    ...process.env,
    ...env,
    NODE_OPTIONS: '--experimental-vm-modules --no-deprecation',
    TEST_TIMINGS_FILE: timingsFile,
    TEST_TIMINGS_QUIET: '1',
    // The demo territory seeded once, and the migrated database, copied by the SQLite files (tests/support/sqliteTemplates.ts).
    TEST_TEMPLATE_DIR: path.join(tmp, 'templates'),
  }
  fs.mkdirSync(jestEnv.TEST_TEMPLATE_DIR, { recursive: true })
  const phases = args.length
    ? [{ name: 'jest', args }]
    : [
        { name: 'unit, int, access (2 workers)', args: ['--selectProjects', 'unit', 'int', 'access', '--maxWorkers=2'] },
        { name: 'server, e2e (1 worker)', args: ['--selectProjects', 'server', 'e2e', '--maxWorkers=1'] },
      ]
  let status = 0
  for (const phase of phases) {
    const started = Date.now()
    console.log(`▶ Tests : ${phase.name}`)
    const result = spawnSync(localBin('jest'), phase.args, { stdio: 'inherit', env: jestEnv })
    console.log(`  ${phase.name} en ${Math.round((Date.now() - started) / 1000)} s (code ${result.status})`)
    if (result.status !== 0) status = result.status ?? 1
  }
  printSlowest()
  return status
}

/** Each file's duration, written by tests/support/timingReporter.mjs during every phase. */
const timingsFile = path.join(tmp, 'timings.jsonl')

function printSlowest() {
  if (!fs.existsSync(timingsFile)) return
  const rows = fs.readFileSync(timingsFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line))
  if (rows.length === 0) return
  const total = rows.reduce((sum, r) => sum + r.seconds, 0)
  console.log(`▶ Fichiers les plus lents (${Math.min(SLOWEST, rows.length)} sur ${rows.length}, ${Math.round(total)} s cumulées ; détail : ${timingsFile}) :`)
  for (const line of formatSlowest(rows)) console.log(line)
}

let exitCode = 1
let pgDb = null
const suiteStarted = Date.now()
try {
  build()
  const sqliteUri = `file:${path.join(tmp, 'e2e.db')}`
  const sqlite = await startServer('sqlite', Number(process.env.TEST_PORT || 3201), sqliteUri)
  // The databases too: the access tests write what only the server may write (contact requests…) there.
  const env = { TEST_BASE_URL: sqlite.baseUrl, TEST_OUTBOX_DIR: sqlite.outbox, TEST_DATABASE_URI: sqliteUri, DEMO_PASSWORD }
  if (process.env.TEST_POSTGRES_URI) {
    pgDb = await freshPostgresDatabase(process.env.TEST_POSTGRES_URI)
    const postgres = await startServer('postgres', Number(process.env.TEST_PG_PORT || 3202), pgDb.uri)
    Object.assign(env, { TEST_PG_BASE_URL: postgres.baseUrl, TEST_PG_OUTBOX_DIR: postgres.outbox, TEST_PG_DATABASE_URI: pgDb.uri })
  } else {
    console.log('▶ TEST_POSTGRES_URI absent : tests PostgreSQL ignorés')
  }
  exitCode = runJest(process.argv.slice(2), env)
  // Page weight budget of the public site, printed in every run; fails it only when over budget.
  const budget = spawnSync('node', ['scripts/budget.mjs', sqlite.baseUrl], { stdio: 'inherit', env: process.env })
  if (budget.status === 1 && exitCode === 0) exitCode = 1
} catch (error) {
  console.error(`✖ ${error.message}`)
} finally {
  stopAll()
  if (pgDb) await pgDb.drop().catch(() => {})
}
console.log(`▶ Suite complète en ${Math.round((Date.now() - suiteStarted) / 1000)} s`)
process.exit(exitCode)
