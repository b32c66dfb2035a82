import { createHmac, randomBytes } from 'node:crypto'

import { type FuzzContext, type FuzzRequest, makeGenerator } from './cases'
import { openTraceReader } from './traces'

export type FuzzOptions = {
  baseUrl: string
  count: number
  seconds: number
  seed: number
  concurrency: number
  /** The server's database, to look for traces (none: the trace check is skipped). */
  databaseUri?: string
  /** The server's PAYLOAD_SECRET: forms then get valid tokens and reach their validation. */
  secret?: string
  /** Accounts (`email:password`) whose sessions some REST requests carry, to reach what logged-in users can do. */
  accounts?: string[]
  log?: (line: string) => void
}

export type FuzzFailure = { n: number; kind: string; method: string; path: string; status: number | string; body?: string }

export type FuzzReport = {
  sent: number
  seconds: number
  byStatus: Record<string, number>
  serverErrors: FuzzFailure[]
  networkErrors: FuzzFailure[]
  rateLimited: number
  /** Markers of rejected requests found in the database, with where. */
  traces: Array<{ marker: string; request: FuzzFailure; tables: string[] }>
  traceCheck: 'done' | 'skipped'
  /** Markers of accepted requests found in the database: proof that the trace check sees what is written. */
  acceptedTraces: number
  sessions: number
  tableChanges: Record<string, { before: number; after: number }>
  healthyAfter: boolean
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/** The fuzz run only ever targets this machine. */
export function assertLocal(baseUrl: string): URL {
  const url = new URL(baseUrl)
  if (!LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(`Le fuzz ne vise que cette machine (127.0.0.1, localhost, ::1) : ${url.hostname} refusé.`)
  }
  return url
}

/** The same token as src/forms/guard.ts, issued 5 s in the past (forms want a minimum fill time). */
function formTokenIssuer(secret: string) {
  return (form: string) => {
    const issued = String(Date.now() - 5000)
    const nonce = randomBytes(9).toString('base64url')
    const signature = createHmac('sha256', `${secret}:forms`).update(`${issued}.${nonce}.${form}.anonyme`).digest('base64url')
    return `${issued}.${nonce}.${signature}`
  }
}

/** Real slugs and ids to aim at, from the public API. */
async function discover(baseUrl: string): Promise<FuzzContext> {
  const get = async (path: string) => {
    try {
      const res = await fetch(`${baseUrl}${path}`)
      return res.ok ? ((await res.json()) as { docs?: Array<{ id: number | string; slug?: string }> }) : { docs: [] }
    } catch {
      return { docs: [] }
    }
  }
  const sections = { entreprises: 'businesses', associations: 'associations', services: 'services', annonces: 'announcements', categories: 'categories', communes: 'communes' } as const
  const slugs = {} as FuzzContext['slugs']
  const ids: FuzzContext['ids'] = {}
  for (const [section, collection] of Object.entries(sections) as Array<[keyof typeof sections, string]>) {
    const { docs = [] } = await get(`/api/${collection}?limit=5&depth=0`)
    slugs[section] = docs.map((d) => d.slug).filter((s): s is string => Boolean(s))
    ids[collection] = docs.map((d) => d.id)
  }
  return { slugs, ids }
}

async function logIn(baseUrl: string, accounts: string[]): Promise<string[]> {
  const tokens: string[] = []
  for (const account of accounts) {
    const at = account.indexOf(':')
    const res = await fetch(`${baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account.slice(0, at), password: account.slice(at + 1) }),
    })
    const token = res.ok ? ((await res.json()) as { token?: string }).token : undefined
    if (!token) throw new Error(`Connexion impossible pour ${account.slice(0, at)} (${res.status}).`)
    tokens.push(token)
  }
  return tokens
}

function accepted(status: number, location: string | null): boolean {
  if (status >= 400) return false
  if (status >= 300 && location && /erreur=1|[?&]erreur=/.test(location)) return false
  return true
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const base = assertLocal(options.baseUrl)
  const baseUrl = base.origin
  const log = options.log ?? (() => undefined)
  const context = await discover(baseUrl)
  if (options.secret) context.formToken = formTokenIssuer(options.secret)
  const generator = makeGenerator(options.seed, context)
  const tokens = await logIn(baseUrl, options.accounts ?? [])
  const reader = options.databaseUri ? await openTraceReader(options.databaseUri) : null
  const before = reader ? await reader.counts() : {}

  const report: FuzzReport = {
    sent: 0,
    seconds: 0,
    byStatus: {},
    serverErrors: [],
    networkErrors: [],
    rateLimited: 0,
    traces: [],
    traceCheck: reader ? 'done' : 'skipped',
    acceptedTraces: 0,
    sessions: tokens.length,
    tableChanges: {},
    healthyAfter: false,
  }
  const rejected = new Map<string, FuzzFailure>()
  const started = Date.now()
  const deadline = started + options.seconds * 1000
  const describe = (r: FuzzRequest, status: number | string, body?: string): FuzzFailure => ({
    n: r.n,
    kind: r.kind,
    method: r.method,
    path: r.path.slice(0, 300),
    status,
    body: body?.slice(0, 300),
  })

  async function send(r: FuzzRequest) {
    const headers = { ...r.headers }
    if (headers.origin === 'SELF') headers.origin = baseUrl
    if (tokens.length && r.path.startsWith('/api/') && r.n % 3 === 0) headers.authorization = `JWT ${tokens[r.n % tokens.length]}`
    const bodyText = typeof r.body === 'string' ? r.body : undefined
    try {
      const res = await fetch(`${baseUrl}${r.path}`, {
        method: r.method,
        headers,
        body: r.body as BodyInit | undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      })
      const text = await res.text().catch(() => '')
      const key = `${Math.floor(res.status / 100)}xx`
      report.byStatus[key] = (report.byStatus[key] ?? 0) + 1
      if (res.status === 429) report.rateLimited += 1
      if (res.status >= 500) {
        report.serverErrors.push({ ...describe(r, res.status, bodyText), body: `${bodyText?.slice(0, 200) ?? ''} ⇒ ${text.slice(0, 200)}` })
        log(`5xx ${res.status} ${r.method} ${r.path.slice(0, 160)} (${r.kind})`)
      }
      if (!accepted(res.status, res.headers.get('location'))) rejected.set(r.marker, describe(r, res.status, bodyText))
    } catch (error) {
      report.networkErrors.push(describe(r, (error as Error).name, bodyText))
      rejected.set(r.marker, describe(r, 'network', bodyText))
    }
  }

  const workers = Array.from({ length: options.concurrency }, async () => {
    while (report.sent < options.count && Date.now() < deadline) {
      report.sent += 1
      await send(generator.next())
      if (report.sent % 500 === 0) log(`${report.sent} requêtes envoyées…`)
    }
  })
  await Promise.all(workers)
  report.seconds = Math.round((Date.now() - started) / 100) / 10

  try {
    report.healthyAfter = (await fetch(`${baseUrl}/healthz`)).ok
  } catch {
    report.healthyAfter = false
  }

  if (reader) {
    // Jobs queued by accepted requests (e-mails) may still be written: a moment to settle.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const after = await reader.counts()
    for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if ((before[table] ?? 0) !== (after[table] ?? 0)) report.tableChanges[table] = { before: before[table] ?? 0, after: after[table] ?? 0 }
    }
    const found = await reader.markers(`fz${options.seed}q`)
    for (const [marker, tables] of found) {
      const request = rejected.get(marker)
      if (request) report.traces.push({ marker, request, tables: [...tables] })
      else report.acceptedTraces += 1
    }
    await reader.close()
  }
  return report
}

export function printReport(report: FuzzReport, options: FuzzOptions, print: (line: string) => void = console.log) {
  print(`Fuzz de ${options.baseUrl} (graine ${options.seed})`)
  print(`  requêtes envoyées : ${report.sent} en ${report.seconds} s${report.sessions ? ` (un tiers des requêtes d’API avec ${report.sessions} session(s))` : ''}`)
  print(`  réponses : ${Object.entries(report.byStatus).sort().map(([k, v]) => `${k} ${v}`).join(', ')}${report.rateLimited ? ` (dont ${report.rateLimited} × 429, limites d’envoi)` : ''}`)
  print(`  erreurs serveur (5xx) : ${report.serverErrors.length}`)
  for (const f of report.serverErrors.slice(0, 20)) print(`    #${f.n} ${f.status} ${f.method} ${f.path} [${f.kind}] ${f.body ?? ''}`)
  print(`  erreurs réseau : ${report.networkErrors.length}`)
  for (const f of report.networkErrors.slice(0, 10)) print(`    #${f.n} ${f.status} ${f.method} ${f.path} [${f.kind}]`)
  if (report.traceCheck === 'skipped') print('  traces en base : non vérifiées (DATABASE_URI du serveur absent, ou MongoDB)')
  else {
    print(`  traces en base d’entrées refusées : ${report.traces.length} (marqueurs de requêtes acceptées retrouvés : ${report.acceptedTraces})`)
    for (const t of report.traces.slice(0, 20)) print(`    ${t.marker} dans ${t.tables.join(', ')} ← ${t.request.status} ${t.request.method} ${t.request.path}`)
    const changes = Object.entries(report.tableChanges)
    print(`  tables modifiées (requêtes acceptées comprises) : ${changes.length ? changes.map(([t, c]) => `${t} ${c.before}→${c.after}`).join(', ') : 'aucune'}`)
  }
  print(`  serveur en bonne santé après : ${report.healthyAfter ? 'oui' : 'NON'}`)
}

export function fuzzPassed(report: FuzzReport): boolean {
  return report.serverErrors.length === 0 && report.traces.length === 0 && report.healthyAfter
}
