/**
 * The whole test suite in one command (`npm test`): builds the product once and meanwhile
 * makes the databases every test starts from (migrated, demo seeded: makeTemplates.ts),
 * starts production servers (SQLite always, PostgreSQL when TEST_POSTGRES_URI is set) on
 * copies of the demo with captured e-mail, runs every jest project against them, then stops
 * them. Extra arguments go to jest (e.g. `npm test -- --selectProjects access`).
 * SKIP_BUILD=1 reuses an existing build. Several checkouts or people can run at once with
 * their own NEXT_DIST_DIR, TEST_TMP_DIR, TEST_PORT, TEST_PG_PORT and TEST_EXTRA_PORT_BASE
 * (the run uses the 50 ports from there).
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { formatFailures, formatSlowest, SLOWEST } from '../tests/support/timingReporter.mjs'
import { pgAdmin } from './lib/pgAdmin.mjs'
import { NODE_TS_ARGS, SERVER_ARGS, SERVER_ENV } from './lib/serverCommand.mjs'

/** A binary of this project's own node_modules (npx misbehaves inside `npm test`). */
const localBin = (name) => path.resolve('node_modules/.bin', name)

const root = process.cwd()
const tmp = path.resolve(process.env.TEST_TMP_DIR || path.join(root, 'tests/.tmp'))
const distDir = process.env.NEXT_DIST_DIR || '.next'
fs.rmSync(tmp, { recursive: true, force: true })
fs.mkdirSync(tmp, { recursive: true })

const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'Demo-Annuaire-2026!'
const children = []

/**
 * Runs a command; its output lines are prefixed with `[label]` when several run at once.
 * Resolves with the exit code.
 */
function runAsync(cmd, args, env = {}, label = '') {
  const child = spawn(cmd, args, { stdio: ['ignore', label ? 'pipe' : 'inherit', label ? 'pipe' : 'inherit'], env: { ...process.env, ...env } })
  children.push(child)
  if (label) {
    for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      let rest = ''
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n')
        rest = lines.pop()
        for (const line of lines) out.write(`[${label}] ${line}\n`)
      })
      stream.on('end', () => rest && out.write(`[${label}] ${rest}\n`))
    }
  }
  return new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))))
}

const seconds = (started) => Math.round((Date.now() - started) / 1000)

async function build() {
  if (process.env.SKIP_BUILD === '1' && fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    console.log('▶ Build existant réutilisé (SKIP_BUILD=1)')
    return
  }
  console.log('▶ Construction de production (next build)…')
  const started = Date.now()
  const code = await runAsync(localBin('next'), ['build'], { NODE_OPTIONS: '--no-deprecation', NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir }, 'build')
  if (code !== 0) throw new Error(`next build a échoué (code ${code})`)
  console.log(`  build en ${seconds(started)} s`)
}

/** Where the databases every file and server starts from are (see tests/support/makeTemplates.ts). */
const templateDir = path.join(tmp, 'templates')
const pgTemplate = `annuaire_tpl_${process.pid}`
const templateEnv = { TEST_TEMPLATE_DIR: templateDir, DEMO_PASSWORD, PAYLOAD_SECRET: 'test-secret-not-for-production', NODE_OPTIONS: '--no-deprecation' }
const demoKey = Buffer.from(DEMO_PASSWORD).toString('hex').slice(0, 32)

/** Makes the templates (SQLite, and PostgreSQL one after the other); false when one failed. */
async function makeTemplates() {
  fs.mkdirSync(templateDir, { recursive: true })
  const started = Date.now()
  const make = (kind, env = {}) =>
    runAsync(process.execPath, [...NODE_TS_ARGS, 'tests/support/makeTemplates.ts', kind], { ...templateEnv, ...env }, `modèle ${kind}`)
  const sqlite = make('sqlite')
  const postgres = process.env.TEST_POSTGRES_URI
    ? make('postgres-migrated', { TEST_PG_TEMPLATE: pgTemplate }).then((code) => (code === 0 ? make('postgres-demo', { TEST_PG_TEMPLATE: pgTemplate }) : code))
    : Promise.resolve(0)
  const codes = await Promise.all([sqlite, postgres])
  console.log(`  bases modèles en ${seconds(started)} s (codes ${codes.join(', ')})`)
  return codes.every((code) => code === 0)
}

/**
 * Starts one production server with the demo territory and captured e-mail. With a
 * template (`sqlite`: the demo database file; `postgres`: nothing to copy, the database was
 * made from the template) its media folder starts as the demo's.
 */
async function startServer(name, port, databaseUri, templateMedia) {
  const outbox = path.join(tmp, `outbox-${name}`)
  const media = path.join(tmp, `media-${name}`)
  if (templateMedia && fs.existsSync(templateMedia)) fs.cpSync(templateMedia, media, { recursive: true })
  const logFile = path.join(tmp, `server-${name}.log`)
  const log = fs.openSync(logFile, 'w')
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
      MEDIA_DIR: media,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // Every test request comes from 127.0.0.1: generous abuse limits (tests/int/rateLimits checks the real ones).
      RATE_LIMIT_SCALE: '1000',
    },
    stdio: ['ignore', log, log],
    detached: true,
  })
  children.push(child)
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 300_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      const res = await fetch(`${baseUrl}/readyz`)
      if (res.ok) {
        await warmUp(baseUrl)
        console.log(`▶ Serveur ${name} prêt sur ${baseUrl}`)
        return { baseUrl, outbox, logFile }
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  const output = fs.readFileSync(path.join(tmp, `server-${name}.log`), 'utf8')
  console.error(output.slice(-4000))
  throw new Error(`Le serveur de test ${name} n'a pas démarré (code de sortie ${child.exitCode}, signal ${child.signalCode})`)
}

/**
 * The first request of a page kind makes Next load its code: the administration's first
 * page took over 30 s (the browser's limit) on a fresh server of a loaded machine. One
 * visit of each kind before the tests; a failure here is the tests' to report.
 */
async function warmUp(baseUrl) {
  for (const page of ['/', '/recherche?q=boulangerie', '/admin/login']) {
    await fetch(`${baseUrl}${page}`, { signal: AbortSignal.timeout(120_000) })
      .then((res) => res.arrayBuffer())
      .catch(() => {})
  }
}

/** PostgreSQL databases this run made, dropped at the end. */
const pgDatabases = []

/** A new PostgreSQL database, a copy of `template` when given. */
async function freshPostgresDatabase(name, template) {
  const url = new URL(process.env.TEST_POSTGRES_URI)
  url.pathname = `/${name}`
  await pgAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`)
  })
  pgDatabases.push(name)
  return url.toString()
}

async function dropPostgresDatabases() {
  if (!process.env.TEST_POSTGRES_URI) return
  await pgAdmin(async (client) => {
    for (const name of [...pgDatabases, `${pgTemplate}_demo`, `${pgTemplate}_migrated`]) {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {})
    }
  })
}

/**
 * One set of servers: SQLite (a copy of the demo template) and, with `postgres`,
 * PostgreSQL (a database made from the demo template). Returns the environment the test
 * files read (tests/support/servers.ts). Without templates, each server seeds its own demo.
 */
async function startServerSet(index, ports, { postgres, templates }) {
  const suffix = index === 0 ? '' : `-${index}`
  const sqliteFile = path.join(tmp, `e2e${suffix}.db`)
  const sqliteTemplate = path.join(templateDir, `demo-${demoKey}.db`)
  if (templates) fs.copyFileSync(sqliteTemplate, sqliteFile)
  const sqliteUri = `file:${sqliteFile}`
  const starts = [startServer(`sqlite${suffix}`, ports.sqlite, sqliteUri, templates ? path.join(templateDir, `demo-${demoKey}-media`) : null)]
  let pgUri = null
  if (postgres) {
    pgUri = await freshPostgresDatabase(`annuaire_e2e_${process.pid}${suffix.replace('-', '_')}`, templates ? `${pgTemplate}_demo` : null)
    starts.push(startServer(`postgres${suffix}`, ports.postgres, pgUri, templates ? path.join(templateDir, 'pg-demo-media') : null))
  }
  const [sqlite, pg] = await Promise.all(starts)
  // The databases too: the access tests write what only the server may write (contact requests…) there.
  const env = { TEST_BASE_URL: sqlite.baseUrl, TEST_OUTBOX_DIR: sqlite.outbox, TEST_SERVER_LOG: sqlite.logFile, TEST_DATABASE_URI: sqliteUri }
  if (pg) Object.assign(env, { TEST_PG_BASE_URL: pg.baseUrl, TEST_PG_OUTBOX_DIR: pg.outbox, TEST_PG_SERVER_LOG: pg.logFile, TEST_PG_DATABASE_URI: pgUri })
  return env
}

function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {}
    try {
      child.kill('SIGTERM')
    } catch {}
  }
}

/** Browser files run on this many workers, each with a SQLite server of its own. */
const E2E_WORKERS = Number(process.env.TEST_E2E_WORKERS || 3)
const portBase = Number(process.env.TEST_EXTRA_PORT_BASE || 3930)
/** Ports: the files' own extra servers use 10 from their TEST_EXTRA_PORT_BASE; the servers of sets 1… from +60. */
const setPorts = (index) =>
  index === 0
    ? { sqlite: Number(process.env.TEST_PORT || 3201), postgres: Number(process.env.TEST_PG_PORT || 3202) }
    : { sqlite: portBase + 60 + 2 * index, postgres: portBase + 61 + 2 * index }
const extraPorts = (index) => ({ TEST_EXTRA_PORT_BASE: String(portBase + 10 * index), TEST_READY_PORT: String(portBase + 10 * index + 8) })

/** Each file's duration, written by tests/support/timingReporter.mjs during every process. */
const timingsFile = path.join(tmp, 'timings.jsonl')

function jestEnv(env) {
  return {
    ...env,
    NODE_OPTIONS: '--experimental-vm-modules --no-deprecation',
    TEST_TIMINGS_FILE: timingsFile,
    TEST_TIMINGS_QUIET: '1',
    DEMO_PASSWORD,
  }
}

/**
 * Without arguments, three jest processes at once, each on its own servers, so that the
 * browser files' waits (a person's pace: 2.2 s per form, 1.2 s per click) fill the gaps of
 * the processor-bound files: unit, int and access on two workers (set 0; no file of these
 * shares a database or a server with another), server on one worker (set 1: SQLite and
 * PostgreSQL), e2e on E2E_WORKERS workers (sets 2…, one SQLite server per worker,
 * tests/support/workerServers.ts). Files of one worker run one after another, as all the
 * server and e2e files used to.
 * With arguments (a pattern, a project…), one jest run on set 0 that does what they say.
 */
async function runJest(args, sets, base) {
  const runs = args.length
    ? [{ name: 'jest', args, env: { ...base, ...sets[0] } }]
    : [
        { name: 'unit, int, access (2 workers)', label: 'int', args: ['--selectProjects', 'unit', 'int', 'access', '--maxWorkers=2'], env: { ...base, ...sets[0] } },
        { name: 'server (1 worker)', label: 'server', args: ['--selectProjects', 'server', '--maxWorkers=1'], env: { ...base, ...sets[1] } },
        {
          name: `e2e (${E2E_WORKERS} workers)`,
          label: 'e2e',
          args: ['--selectProjects', 'e2e', `--maxWorkers=${E2E_WORKERS}`],
          env: { ...base, ...sets[2], TEST_WORKER_SERVERS: JSON.stringify(sets.slice(2)) },
        },
      ]
  // TEST_PATHS=<pattern>: the same three processes on the matching files only (to try the runner).
  if (!args.length && process.env.TEST_PATHS) for (const run of runs) run.args.push('--passWithNoTests', '--testPathPatterns', process.env.TEST_PATHS)
  const started = Date.now()
  // TEST_CONCURRENT=0: the same processes one after another (slower; to tell a failure that
  // comes from the load of the others apart from a real one).
  const together = process.env.TEST_CONCURRENT !== '0'
  const oneAfterAnother = async (work) => {
    const out = []
    for (const run of runs) out.push(await work(run))
    return out
  }
  const results = await (together ? (work) => Promise.all(runs.map(work)) : oneAfterAnother)(
    async (run) => {
      const began = Date.now()
      if (run.label) console.log(`▶ Tests : ${run.name}`)
      const code = await runAsync(localBin('jest'), run.args, jestEnv(run.env), run.label ?? '')
      const line = `  ${run.name} en ${seconds(began)} s (code ${code})`
      console.log(line)
      return { line, code }
    },
  )
  console.log(`▶ Durées :\n${results.map((r) => r.line).join('\n')}\n  tests en ${seconds(started)} s`)
  printSlowest()
  return results.find((r) => r.code !== 0)?.code ?? 0
}

function printSlowest() {
  if (!fs.existsSync(timingsFile)) return
  const rows = fs.readFileSync(timingsFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line))
  if (rows.length === 0) return
  const total = rows.reduce((sum, r) => sum + r.seconds, 0)
  console.log(`▶ Fichiers les plus lents (${Math.min(SLOWEST, rows.length)} sur ${rows.length}, ${Math.round(total)} s cumulées ; détail : ${timingsFile}) :`)
  for (const line of formatSlowest(rows)) console.log(line)
  const failures = formatFailures(rows)
  if (failures.length) console.log(`▶ Échecs (${failures.length}) :\n${failures.join('\n')}`)
}

// Interrupted (Ctrl-C, CI cancel): stop the servers, builds and jest processes started here.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll()
    void dropPostgresDatabases()
      .catch(() => {})
      .finally(() => process.exit(130))
  })
}

let exitCode = 1
const suiteStarted = Date.now()
const timings = []
const step = async (name, work) => {
  const began = Date.now()
  const value = await work()
  timings.push(`  ${name} en ${seconds(began)} s`)
  return value
}
try {
  const postgres = Boolean(process.env.TEST_POSTGRES_URI)
  if (!postgres) console.log('▶ TEST_POSTGRES_URI absent : tests PostgreSQL ignorés')
  // The build and the templates need each other's processor only: both at once.
  const [, templates] = await step('build et bases modèles', () => Promise.all([build(), makeTemplates()]))
  const args = process.argv.slice(2)
  const setCount = args.length ? 1 : 2 + E2E_WORKERS
  const sets = await step(`serveurs (${setCount} ensembles)`, () =>
    Promise.all(
      Array.from({ length: setCount }, async (_, index) => ({
        ...(await startServerSet(index, setPorts(index), { postgres: postgres && index < 2, templates })),
        ...extraPorts(index),
        TEST_TMP_DIR: index === 0 ? tmp : path.join(tmp, `set-${index}`),
      })),
    ),
  )
  for (const set of sets) fs.mkdirSync(set.TEST_TMP_DIR, { recursive: true })
  // Every file starts from a copy of the templates (tests/support/sqliteTemplates.ts, pgTemplates.ts).
  const shared = { TEST_TEMPLATE_DIR: templateDir, ...(postgres && templates ? { TEST_PG_TEMPLATE: pgTemplate } : {}) }
  exitCode = await step('tests', () => runJest(args, sets, { ...process.env, ...shared }))
  // Page weight budget of the public site, printed in every run; fails it only when over budget.
  const budget = spawnSync('node', ['scripts/budget.mjs', sets[0].TEST_BASE_URL], { stdio: 'inherit', env: process.env })
  if (budget.status === 1 && exitCode === 0) exitCode = 1
} catch (error) {
  console.error(`✖ ${error.message}`)
} finally {
  stopAll()
  await dropPostgresDatabases().catch(() => {})
}
console.log(`▶ Étapes :\n${timings.join('\n')}`)
console.log(`▶ Suite complète en ${seconds(suiteStarted)} s`)
process.exit(exitCode)
