/**
 * `npm run scale-out`: the multi-instance set-up on one machine, then a load through it.
 *
 *   nginx (Debian package, foreground, 127.0.0.1:3330, config in a temp folder)
 *     ├── instance A  127.0.0.1:3324  JOBS_AUTORUN=1 (the only one running background jobs)
 *     └── instance B  127.0.0.1:3325  JOBS_AUTORUN=0
 *   one throw-away PostgreSQL database, one PAYLOAD_SECRET (sessions valid on both),
 *   REDIS_URL (rate limits shared), one MEDIA_DIR and one e-mail outbox.
 *
 * Installs nginx with `apt-get install -y nginx` when it is missing (nothing else is
 * downloaded), builds when the build is missing, checks that a write and a session made on
 * one instance are seen by the other, runs the load script (scripts/load.ts) through nginx,
 * prints throughput, p99 and errors, and stops everything (exit code 1 on any error).
 * Options: --duration <s> (default 25), --connections <n> (default 16), --keep (leave it running until Ctrl-C).
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import pg from 'pg'

import { SERVER_ARGS, SERVER_ENV } from './lib/serverCommand.mjs'

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: process.env.SCALE_DURATION || '25' },
    connections: { type: 'string', default: process.env.SCALE_CONNECTIONS || '16' },
    keep: { type: 'boolean', default: false },
  },
})
const PROXY_PORT = Number(process.env.SCALE_PROXY_PORT || 3330)
const INSTANCE_PORTS = [Number(process.env.SCALE_PORT_A || 3324), Number(process.env.SCALE_PORT_B || 3325)]
const POSTGRES = process.env.SCALE_POSTGRES_URI || process.env.TEST_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/test'
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const distDir = process.env.NEXT_DIST_DIR || '.next'
const localBin = (name) => path.resolve('node_modules/.bin', name)
const step = (text) => console.log(`\n▶ ${text}`)
const children = []
let dropDatabase = async () => {}
let workDir = ''

function findNginx() {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(candidate)) return candidate
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' })
  return which.status === 0 ? which.stdout.trim() : null
}

function ensureNginx() {
  const found = findNginx()
  if (found) return found
  step('nginx absent : installation du paquet Debian (apt-get install -y nginx)')
  // RUNLEVEL=1: the package must not start the system service, this script runs its own nginx.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' }
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], { stdio: 'inherit', env })
  if (install.status !== 0) {
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env })
    if (update.status === 0) spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], { stdio: 'inherit', env })
  }
  const installed = findNginx()
  if (!installed) throw new Error('nginx n’a pas pu être installé : lancez « apt-get install -y nginx » en root, puis recommencez.')
  return installed
}

function ensureBuild() {
  if (fs.existsSync(path.join(distDir, 'BUILD_ID'))) return
  step(`Construction du site dans ${distDir} (quelques minutes)`)
  const build = spawnSync(localBin('next'), ['build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '--no-deprecation', NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir },
  })
  if (build.status !== 0) throw new Error('la construction a échoué')
}

async function createDatabase() {
  const url = new URL(POSTGRES)
  url.pathname = `/annuaire_scale_${process.pid}`
  const name = url.pathname.slice(1)
  const run = async (sql) => {
    const client = new pg.Client({ connectionString: POSTGRES })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await run(`CREATE DATABASE "${name}"`)
  dropDatabase = () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  return url.toString()
}

function startProcess(name, command, args, env, logFile) {
  const log = fs.openSync(logFile, 'w')
  const child = spawn(command, args, { env, stdio: ['ignore', log, log], detached: true })
  child.label = name
  child.logFile = logFile
  children.push(child)
  return child
}

async function waitFor(url, child, ms = 240_000) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  const tail = fs.existsSync(child.logFile) ? fs.readFileSync(child.logFile, 'utf8').slice(-2000) : ''
  throw new Error(`${child.label} ne répond pas sur ${url}\n${tail}`)
}

function nginxConfig(dir) {
  const asRoot = process.getuid?.() === 0
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(dir, sub), { recursive: true, mode: 0o777 })
  if (asRoot) {
    fs.chmodSync(dir, 0o755)
    for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.chmodSync(path.join(dir, sub), 0o777)
  }
  return `# Generated by scripts/scale-out.mjs — a throw-away nginx in front of two instances.
${asRoot ? 'user nobody nogroup;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  log_format upstream '$remote_addr "$request" $status $upstream_addr $request_time';
  access_log ${dir}/nginx-access.log upstream;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 8m;
  upstream annuaire {
    least_conn;
${INSTANCE_PORTS.map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=5s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${PROXY_PORT};
    location / {
      proxy_pass http://annuaire;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_read_timeout 60s;
    }
  }
}
`
}

/** A write and a login made on one instance are seen at once by the other. */
async function checkSharing(baseA, baseB) {
  const login = await fetch(`${baseA}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'national@annuaire.example', password: process.env.DEMO_PASSWORD }),
  })
  if (!login.ok) throw new Error(`connexion sur A refusée (${login.status})`)
  // As a browser sends it: Payload accepts a session cookie only from a same-origin request (CSRF).
  const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('payload-token=')) ?? '').split(';')[0]
  const browser = { cookie, 'sec-fetch-site': 'same-origin' }
  const me = await (await fetch(`${baseB}/api/users/me`, { headers: browser })).json()
  if (me?.user?.email !== 'national@annuaire.example') throw new Error(`la session ouverte sur A n’est pas reconnue par B : ${JSON.stringify(me).slice(0, 300)}`)
  const name = `Vérification multi-instance ${Date.now()}`
  const created = await (await fetch(`${baseA}/api/categories`, { method: 'POST', headers: { ...browser, 'content-type': 'application/json' }, body: JSON.stringify({ name }) })).json()
  const read = await (await fetch(`${baseB}/api/categories/${created?.doc?.id}?depth=0`, { headers: browser })).json()
  if (read?.name !== name) throw new Error('une écriture faite sur A n’est pas lue sur B')
  await fetch(`${baseB}/api/categories/${created.doc.id}`, { method: 'DELETE', headers: browser })
  console.log('  session ouverte sur A valable sur B : oui')
  console.log('  écriture sur A lue aussitôt sur B : oui')
}

function upstreamShares(logFile) {
  const counts = new Map()
  if (!fs.existsSync(logFile)) return counts
  for (const line of fs.readFileSync(logFile, 'utf8').split('\n')) {
    const match = line.match(/ (127\.0\.0\.1:\d+) [\d.]+$/)
    if (match) counts.set(match[1], (counts.get(match[1]) ?? 0) + 1)
  }
  return counts
}

async function stopAll() {
  await Promise.all(
    children.reverse().map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          const timer = setTimeout(() => {
            try {
              process.kill(-child.pid, 'SIGKILL')
            } catch {}
          }, 15_000)
          child.once('exit', () => {
            clearTimeout(timer)
            resolve()
          })
          try {
            process.kill(-child.pid, child.label === 'nginx' ? 'SIGQUIT' : 'SIGTERM')
          } catch {
            resolve()
          }
        }),
    ),
  )
  await dropDatabase().catch(() => {})
}

async function main() {
  const nginx = ensureNginx()
  ensureBuild()
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-scale-'))
  const shared = { media: path.join(workDir, 'media'), outbox: path.join(workDir, 'outbox') }
  fs.mkdirSync(shared.media)
  step('Base PostgreSQL jetable')
  const databaseUri = await createDatabase()
  console.log(`  ${databaseUri.replace(/\/\/[^@]*@/, '//')}`)
  process.env.DEMO_PASSWORD ||= `Essai-${randomBytes(6).toString('hex')}`
  const common = {
    ...SERVER_ENV,
    ...process.env,
    NODE_ENV: 'production',
    NODE_OPTIONS: '--no-deprecation',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    HOST: '127.0.0.1',
    DATABASE_URI: databaseUri,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || randomBytes(32).toString('hex'),
    REDIS_URL,
    MEDIA_DIR: shared.media,
    EMAIL_OUTBOX_DIR: shared.outbox,
    PUBLIC_URL: `http://127.0.0.1:${PROXY_PORT}`,
    ANNUAIRE_DEMO: '1',
    INSECURE_COOKIES: '1',
    // The load comes from one address (127.0.0.1): the shared limits are scaled up, and the
    // contact form's minimum filling time is off, as in scripts/load.ts.
    RATE_LIMIT_SCALE: process.env.RATE_LIMIT_SCALE || '100000',
    FORM_MIN_SECONDS: '0',
  }
  const [portA, portB] = INSTANCE_PORTS
  step(`Instance A sur ${portA} (installe la démonstration, seule à exécuter les tâches de fond)`)
  const a = startProcess('instance A', process.execPath, SERVER_ARGS, { ...common, PORT: String(portA), JOBS_AUTORUN: '1' }, path.join(workDir, 'instance-a.log'))
  await waitFor(`http://127.0.0.1:${portA}/readyz`, a)
  step(`Instance B sur ${portB} (JOBS_AUTORUN=0)`)
  const b = startProcess('instance B', process.execPath, SERVER_ARGS, { ...common, PORT: String(portB), JOBS_AUTORUN: '0' }, path.join(workDir, 'instance-b.log'))
  await waitFor(`http://127.0.0.1:${portB}/readyz`, b)

  step(`nginx sur 127.0.0.1:${PROXY_PORT} (configuration : ${workDir}/nginx.conf)`)
  const confFile = path.join(workDir, 'nginx.conf')
  fs.writeFileSync(confFile, nginxConfig(workDir))
  const test = spawnSync(nginx, ['-t', '-q', '-p', workDir, '-c', confFile, '-e', path.join(workDir, 'nginx-error.log')], { encoding: 'utf8' })
  if (test.status !== 0) throw new Error(`configuration nginx refusée :\n${test.stderr}`)
  const proxy = startProcess('nginx', nginx, ['-p', workDir, '-c', confFile, '-e', path.join(workDir, 'nginx-error.log')], process.env, path.join(workDir, 'nginx.out'))
  const proxyUrl = `http://127.0.0.1:${PROXY_PORT}`
  await waitFor(`${proxyUrl}/healthz`, proxy, 15_000)

  step('Partage entre instances')
  await checkSharing(`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`)

  step(`Charge à travers nginx : ${options.duration} s, ${options.connections} connexions`)
  const load = spawnSync(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'scripts/load.ts', '--url', proxyUrl, '--duration', String(options.duration), '--connections', String(options.connections)],
    { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--no-deprecation' } },
  )
  const shares = upstreamShares(path.join(workDir, 'nginx-access.log'))
  const total = [...shares.values()].reduce((s, n) => s + n, 0)
  console.log('\n── répartition par nginx')
  for (const [upstream, n] of [...shares.entries()].sort()) {
    const label = upstream.endsWith(`:${portA}`) ? 'A' : upstream.endsWith(`:${portB}`) ? 'B' : '?'
    console.log(`   instance ${label} (${upstream})  ${n} requêtes (${Math.round((n / Math.max(1, total)) * 100)} %)`)
  }
  console.log('   tâches de fond : instance A seulement (JOBS_AUTORUN=0 sur B)')

  if (options.keep) {
    console.log(`\nEn service sur ${proxyUrl} (Ctrl-C pour tout arrêter). Journaux : ${workDir}`)
    await new Promise((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
  }
  return load.status === 0
}

// Ctrl-C or a kill during the start or the load: still stop everything and drop the database.
let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted || options.keep) return
    interrupted = true
    console.error(`\n${signal} : arrêt de tout ce que ce script a démarré…`)
    void stopAll().finally(() => process.exit(130))
  })
}

let ok = false
try {
  ok = await main()
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}${error?.cause ? ` (${error.cause.message ?? error.cause})` : ''}`)
  if (workDir) console.error(`  journaux : ${workDir}`)
} finally {
  step('Arrêt de nginx, des deux instances et suppression de la base jetable')
  await stopAll()
  if (ok && workDir) fs.rmSync(workDir, { recursive: true, force: true })
}
console.log(ok ? '\n✔ Montée en charge sur deux instances : aucune erreur.' : '\n✖ Échec (voir ci-dessus).')
process.exit(ok ? 0 : 1)
