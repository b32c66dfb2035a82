/**
 * `npm run load`: 60 seconds at 32 concurrent connections on a mix of searches, detail pages
 * and contact-form posts, against a production server this script starts on localhost (the
 * build of NEXT_DIST_DIR, the demo territory, a throw-away database), first on SQLite, then
 * on PostgreSQL when one is reachable (LOAD_POSTGRES_URI, TEST_POSTGRES_URI or the local
 * default). Prints throughput, p50/p99 latency and errors (target 0) for each.
 * Options: --db sqlite|postgres|both, --duration <s>, --connections <n>, --url <http://127.0.0.1:…>
 * to load a server already running (localhost only). Rate limits of the server it starts are
 * scaled up (RATE_LIMIT_SCALE): every request comes from 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import pg from 'pg'

import { SERVER_ARGS, SERVER_ENV } from './lib/serverCommand.mjs'

const SEARCH_TERMS = ['pain', 'boulangerie', 'plombier', 'médecin', 'jardinage', 'association sportive', 'coiffure', 'garage', 'mairie', 'école']

type Mix = { method: 'GET' | 'POST'; path: string; body?: string; kind: 'recherche' | 'fiche' | 'formulaire' }
type Figures = { database: string; seconds: number; connections: number; requests: number; perSecond: number; p50: number; p99: number; errors: number; byKind: Record<string, number>; statuses: Record<string, number> }

function assertLocal(url: string): void {
  const host = new URL(url).hostname
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    console.error(`✖ Le test de charge ne vise que cette machine (127.0.0.1) : ${host} refusé.`)
    process.exit(1)
  }
}

async function startServer(database: 'sqlite' | 'postgres', port: number, dir: string): Promise<{ baseUrl: string; child: ChildProcess; dropDatabase: () => Promise<void> }> {
  let databaseUri = `file:${path.join(dir, 'charge.db')}`
  let dropDatabase = async () => {}
  if (database === 'postgres') {
    const base = process.env.LOAD_POSTGRES_URI || process.env.TEST_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/test'
    const url = new URL(base)
    url.pathname = `/annuaire_charge_${process.pid}`
    databaseUri = url.toString()
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: base })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`)
      await client.end()
    }
    await dropDatabase()
  }
  const log = fs.openSync(path.join(dir, `serveur-${database}.log`), 'w')
  const child = spawn(process.execPath, SERVER_ARGS, {
    env: {
      ...SERVER_ENV,
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '--no-deprecation',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URI: databaseUri,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'load-test-secret-not-for-production',
      ANNUAIRE_DEMO: '1',
      INSECURE_COOKIES: '1',
      FORM_MIN_SECONDS: '0',
      RATE_LIMIT_SCALE: '100000',
      EMAIL_OUTBOX_DIR: path.join(dir, `outbox-${database}`),
      MEDIA_DIR: path.join(dir, `media-${database}`),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', log, log],
    detached: true,
  })
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) return { baseUrl, child, dropDatabase }
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  stop(child)
  throw new Error(`Le serveur ${database} n’a pas démarré (journal : ${path.join(dir, `serveur-${database}.log`)})`)
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    process.kill(-child.pid!, 'SIGTERM')
  } catch {}
  return exited
}

/** The request mix: 4 searches, 4 detail pages, 2 contact-form posts out of every 10. */
async function buildMix(baseUrl: string): Promise<Mix[]> {
  const details: string[] = []
  for (const [collection, segment] of [
    ['businesses', 'entreprises'],
    ['associations', 'associations'],
    ['services', 'services'],
    ['announcements', 'annonces'],
  ] as const) {
    const res = await fetch(`${baseUrl}/api/${collection}?limit=15&depth=0&where[status][equals]=published`)
    const { docs } = (await res.json()) as { docs: Array<{ slug?: string }> }
    for (const doc of docs) {
      // Only the pages of the territory this host serves (others answer 404 here).
      if (doc.slug && (await fetch(`${baseUrl}/${segment}/${doc.slug}`)).status === 200) details.push(`/${segment}/${doc.slug}`)
    }
  }
  if (details.length === 0) throw new Error('Aucune fiche publiée : le territoire de démonstration manque.')
  const forms: Mix[] = []
  for (const detail of details.filter((d) => d.startsWith('/entreprises/')).slice(0, 5)) {
    const page = `/contacter${detail}`
    const html = await (await fetch(`${baseUrl}${page}`)).text()
    const token = html.match(/name="_jeton" value="([^"]+)"/)?.[1]
    if (!token) continue
    const body = new URLSearchParams({
      _jeton: token,
      senderName: 'Essai de charge',
      senderEmail: 'charge@annuaire.example',
      message: 'Bonjour, ceci est un message du test de charge : merci de l’ignorer.',
    }).toString()
    forms.push({ method: 'POST', path: `${page}/envoyer`, body, kind: 'formulaire' })
  }
  if (forms.length === 0) throw new Error('Aucun formulaire de contact trouvé.')
  const mix: Mix[] = []
  for (let i = 0; i < Math.max(SEARCH_TERMS.length, details.length); i++) {
    mix.push({ method: 'GET', path: `/recherche?q=${encodeURIComponent(SEARCH_TERMS[i % SEARCH_TERMS.length]!)}`, kind: 'recherche' })
    mix.push({ method: 'GET', path: `/recherche?q=${encodeURIComponent(SEARCH_TERMS[(i + 3) % SEARCH_TERMS.length]!)}&page=1`, kind: 'recherche' })
    mix.push({ method: 'GET', path: details[i % details.length]!, kind: 'fiche' })
    mix.push({ method: 'GET', path: details[(i * 7 + 1) % details.length]!, kind: 'fiche' })
    mix.push(forms[i % forms.length]!)
    mix.push({ method: 'GET', path: `/recherche?q=${encodeURIComponent(SEARCH_TERMS[(i + 5) % SEARCH_TERMS.length]!)}`, kind: 'recherche' })
    mix.push({ method: 'GET', path: `/recherche?q=${encodeURIComponent(SEARCH_TERMS[(i + 7) % SEARCH_TERMS.length]!)}`, kind: 'recherche' })
    mix.push({ method: 'GET', path: details[(i * 3 + 2) % details.length]!, kind: 'fiche' })
    mix.push({ method: 'GET', path: details[(i * 5 + 3) % details.length]!, kind: 'fiche' })
    mix.push(forms[(i + 1) % forms.length]!)
  }
  return mix
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function load(database: string, baseUrl: string, seconds: number, connections: number): Promise<Figures> {
  const { default: autocannon } = await import('autocannon')
  const mix = await buildMix(baseUrl)
  const origin = new URL(baseUrl).origin
  // Warm-up: the first render of every page compiles and fills caches.
  for (const item of mix.slice(0, 20)) await fetch(`${baseUrl}${item.path}`, item.method === 'POST' ? { method: 'POST', body: item.body, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin } } : {})
  let next = 0
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let errors = 0
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const item = mix[next++ % mix.length]!
          return item.method === 'POST'
            ? { ...req, method: 'POST', path: item.path, body: item.body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin } }
            : { ...req, method: 'GET', path: item.path, headers: {} as Record<string, string> }
        },
      },
    ],
  })
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime)
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1
    if (statusCode >= 400) errors++
  })
  const result = await instance
  latencies.sort((a, b) => a - b)
  const total = latencies.length
  return {
    database,
    seconds,
    connections,
    requests: total,
    perSecond: Math.round((total / seconds) * 10) / 10,
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
    // autocannon's `errors` already include its `timeouts`.
    errors: errors + result.errors,
    byKind: Object.fromEntries(['recherche', 'fiche', 'formulaire'].map((k) => [k, mix.filter((m) => m.kind === k).length])),
    statuses,
  }
}

function print(f: Figures): void {
  const share = Object.entries(f.byKind)
    .map(([k, n]) => `${k} ${Math.round((n / Object.values(f.byKind).reduce((a, b) => a + b, 0)) * 100)} %`)
    .join(', ')
  console.log(`\n── ${f.database} : ${f.seconds} s à ${f.connections} connexions (${share})`)
  console.log(`   requêtes      ${f.requests}`)
  console.log(`   débit         ${String(f.perSecond).replace('.', ',')} requêtes/s`)
  console.log(`   latence p50   ${f.p50} ms`)
  console.log(`   latence p99   ${f.p99} ms`)
  console.log(`   erreurs       ${f.errors}${f.errors === 0 ? ' (objectif atteint)' : ' (objectif : 0)'}`)
  console.log(`   codes HTTP    ${Object.entries(f.statuses).map(([s, n]) => `${s} × ${n}`).join(', ')}`)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'both' },
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '32' },
      url: { type: 'string' },
      port: { type: 'string', default: process.env.LOAD_PORT || '3340' },
    },
  })
  const seconds = Math.min(600, Math.max(1, Number(values.duration) || 60))
  const connections = Math.min(256, Math.max(1, Number(values.connections) || 32))
  console.log(`Machine : ${os.cpus().length} cœurs, ${Math.round(os.totalmem() / 1024 ** 3)} Gio, Node ${process.versions.node}, charge moyenne ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`)
  if (values.url) {
    assertLocal(values.url)
    print(await load(values.url, values.url.replace(/\/$/, ''), seconds, connections))
    return
  }
  const databases = values.db === 'both' ? (['sqlite', 'postgres'] as const) : ([values.db] as Array<'sqlite' | 'postgres'>)
  let failed = false
  for (const database of databases) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `annuaire-charge-${database}-`))
    console.log(`\n▶ Démarrage d’un serveur ${database} de démonstration…`)
    let server: Awaited<ReturnType<typeof startServer>> | undefined
    try {
      server = await startServer(database, Number(values.port), dir)
      console.log(`▶ Charge pendant ${seconds} s…`)
      const figures = await load(database === 'sqlite' ? 'SQLite' : 'PostgreSQL', server.baseUrl, seconds, connections)
      print(figures)
      if (figures.errors > 0) failed = true
    } catch (error) {
      console.error(`✖ ${database} : ${error instanceof Error ? error.message : String(error)}`)
      failed = true
    } finally {
      if (server) {
        await stop(server.child)
        await server.dropDatabase().catch(() => {})
      }
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  process.exit(failed ? 1 : 0)
}

await main()
