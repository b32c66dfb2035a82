import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { demoSiret } from '@/seed/luhn'
import { DEMO_PASSWORD } from '../support/fixtures'
import { extraPort, formToken } from '../support/forms'
import { spawnServer, type SpawnedServer } from '../support/spawnServer'

/**
 * Two territories in one installation, served by two instances of the server on one
 * PostgreSQL database (the scale-out set-up without the proxy): no data crosses territories
 * (search, map, open data, statistics, alert e-mails), each instance sees the other's writes
 * and sessions at once, and a scheduled job runs once although both instances are up.
 * Needs the build `npm test` makes and TEST_POSTGRES_URI.
 */
const base = process.env.TEST_POSTGRES_URI
const describeIfReady = base && process.env.TEST_BASE_URL ? describe : describe.skip

const PV = { slug: 'cc-de-la-picardie-verte', host: 'picardie-verte.localhost', name: 'CC de la Picardie Verte' }
const PS = { slug: 'cc-des-portes-de-sologne', host: 'sologne.localhost', name: 'CC des Portes de Sologne' }
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36'

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** One HTTP request with the Host header of our choice (fetch cannot set it). */
function request(baseUrl: string, pathname: string, options: { host?: string; method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const url = new URL(pathname, baseUrl)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: options.method ?? 'GET',
        headers: { 'user-agent': BROWSER, accept: 'text/html,application/json', ...(options.host ? { host: options.host } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    req.on('error', reject)
    if (options.body) req.write(options.body)
    req.end()
  })
}

async function loginToken(baseUrl: string, email: string): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  if (!res.ok) throw new Error(`login ${email} → ${res.status} ${await res.text()}`)
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('payload-token=')) ?? '').split(';')[0]!
  return { token: ((await res.json()) as { token: string }).token, cookie }
}

async function rest<T = any>(baseUrl: string, token: string, method: string, pathname: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${pathname}`, {
    method,
    headers: { authorization: `JWT ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = (await res.json()) as T
  if (!res.ok) throw new Error(`${method} ${pathname} → ${res.status} ${JSON.stringify(json)}`)
  return json
}

function outboxMessages(dir: string, to: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .filter((raw) => new RegExp(`^To: .*${to.replace(/[.+]/g, '\\$&')}`, 'im').test(raw))
    .map(decodeQuotedPrintable)
}

const nonEmpty = <T,>(list: T[]): T[] | null => (list.length ? list : null)

function decodeQuotedPrintable(raw: string): string {
  return Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Délai dépassé : ${what}`)
    await new Promise((r) => setTimeout(r, 300))
  }
}

/** `body` names `mine` and never `theirs` (whole slugs, names or numbers: « x » is not « x-2 »). */
function own(body: string, mine: string, theirs: string) {
  const whole = (text: string) => new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`)
  expect(body).toMatch(whole(mine))
  expect(body).not.toMatch(whole(theirs))
}

describeIfReady('two territories, two instances, one PostgreSQL database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-multi-'))
  const outbox = path.join(dir, 'outbox')
  const dbUrl = new URL(base ?? 'postgres://localhost/x')
  dbUrl.pathname = `/annuaire_multi_${process.pid}`
  let a: SpawnedServer
  let b: SpawnedServer
  let superadmin: string
  const ids = { pv: 0, ps: 0, category: 0 }
  /** The same business name in both territories, in a commune named « Grandvilliers » in both. */
  const twin = { name: 'Quincaillerie Zéphyrin', pvSlug: '', psSlug: '', pvPhone: '03 44 00 00 01', psPhone: '02 38 00 00 02' }

  const admin = async (sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: sql.startsWith('DROP') || sql.startsWith('CREATE') ? base : dbUrl.toString() })
    await client.connect()
    try {
      return await client.query(sql, params)
    } finally {
      await client.end()
    }
  }

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${dbUrl.pathname.slice(1)}" WITH (FORCE)`)
    await admin(`CREATE DATABASE "${dbUrl.pathname.slice(1)}"`)
    const env = {
      DATABASE_URI: dbUrl.toString(),
      ANNUAIRE_DEMO: '1',
      DEMO_PASSWORD,
      EMAIL_OUTBOX_DIR: outbox,
      MEDIA_DIR: path.join(dir, 'media'),
      FORM_MIN_SECONDS: '0',
      RATE_LIMIT_SCALE: '1000',
      JOBS_EMAIL_CRON: '*/2 * * * * *',
      JOBS_DAILY_CRON: '*/3 * * * * *',
    }
    // One after the other: the first one installs the demo on the empty database.
    a = await spawnServer(extraPort(6), { ...env, JOBS_AUTORUN: '1' })
    b = await spawnServer(extraPort(7), { ...env, JOBS_AUTORUN: '0' })
    superadmin = (await loginToken(a.baseUrl, 'national@annuaire.example')).token
    const territories = await rest(a.baseUrl, superadmin, 'GET', '/api/territories?depth=0&limit=10')
    for (const t of territories.docs as Array<{ id: number; slug: string }>) {
      if (t.slug === PV.slug) ids.pv = t.id
      if (t.slug === PS.slug) ids.ps = t.id
    }
    const pvCommune = (await rest(a.baseUrl, superadmin, 'GET', '/api/communes?where[inseeCode][equals]=60286&depth=0')).docs[0]
    const psCommune = (
      await rest(a.baseUrl, superadmin, 'POST', '/api/communes', {
        name: 'Grandvilliers',
        slug: 'grandvilliers',
        inseeCode: '45999',
        epciCode: '200005932',
        latitude: 47.72,
        longitude: 1.94,
        territory: ids.ps,
      })
    ).doc
    const category = (await rest(a.baseUrl, superadmin, 'GET', '/api/categories?where[slug][equals]=petits-travaux-et-bricolage&depth=0')).docs[0]
    ids.category = category.id
    const create = async (commune: number, phone: string, n: number) =>
      (
        await rest(a.baseUrl, superadmin, 'POST', '/api/businesses', {
          name: twin.name,
          siret: demoSiret(700 + n),
          commune,
          categories: [category.id],
          description: 'Outils, visserie et petit matériel de jardin.',
          phone,
          status: 'published',
        })
      ).doc
    twin.pvSlug = (await create(pvCommune.id, twin.pvPhone, 1)).slug
    twin.psSlug = (await create(psCommune.id, twin.psPhone, 2)).slug
  }, 400_000)

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await admin(`DROP DATABASE IF EXISTS "${dbUrl.pathname.slice(1)}" WITH (FORCE)`).catch(() => {})
    fs.rmSync(dir, { recursive: true, force: true })
  })

  describe('each territory has its own public site', () => {
    it('is chosen by host name, or by the /t/<slug>/ prefix whose links keep it', async () => {
      const pv = await request(a.baseUrl, '/', { host: PV.host })
      const ps = await request(b.baseUrl, '/', { host: PS.host })
      expect(pv.status).toBe(200)
      expect(ps.status).toBe(200)
      expect(pv.body).toContain(`<span class="brand-name">${PV.name}</span>`)
      expect(ps.body).toContain(`<span class="brand-name">${PS.name}</span>`)
      expect(ps.body).toContain('--primary:#2b6a35')
      expect(ps.body).toMatch(/<img src="\/api\/media\/file\/logo-ps[^"]*"/)

      const prefixed = await request(a.baseUrl, `/t/${PS.slug}/`)
      expect(prefixed.status).toBe(200)
      expect(prefixed.body).toContain(`<span class="brand-name">${PS.name}</span>`)
      expect(prefixed.body).toContain(`href="/t/${PS.slug}/recherche"`)
      expect(prefixed.body).toContain(`action="/t/${PS.slug}/recherche"`)
      expect(prefixed.body).not.toMatch(/\s(href|action)="\/(?!t\/|_next\/|api\/|admin|site\/|vendor\/|favicon|logo)/)
      expect((await request(a.baseUrl, '/t/territoire-inconnu/recherche')).status).toBe(404)
    })

    it('shows the national categories everywhere and a territory’s own categories only on its site', async () => {
      const pv = await request(a.baseUrl, '/categories', { host: PV.host })
      const ps = await request(a.baseUrl, `/t/${PS.slug}/categories`)
      for (const page of [pv, ps]) expect(page.body).toContain('Alimentation')
      expect(ps.body).toContain('Forêt et bois de chauffage')
      expect(pv.body).not.toContain('Forêt et bois de chauffage')
    })
  })

  describe('no data crosses territories', () => {

    it('search page, through host name and path prefix', async () => {
      own((await request(a.baseUrl, '/recherche?q=zephyrin', { host: PV.host })).body, twin.pvSlug, twin.psSlug)
      own((await request(b.baseUrl, '/recherche?q=zephyrin', { host: PS.host })).body, twin.psSlug, twin.pvSlug)
      const prefixed = (await request(a.baseUrl, `/t/${PS.slug}/recherche?q=zephyrin`)).body
      own(prefixed, `/t/${PS.slug}/entreprises/${twin.psSlug}`, twin.pvSlug)
    })

    it('search filtered by a commune name both territories have', async () => {
      own((await request(a.baseUrl, '/recherche?commune=grandvilliers', { host: PS.host })).body, twin.psSlug, twin.pvSlug)
      const pv = (await request(a.baseUrl, '/recherche?commune=grandvilliers', { host: PV.host })).body
      own(pv, twin.pvSlug, twin.psSlug)
      expect(pv).toContain('boulangerie-martin-grandvilliers')
      own((await request(a.baseUrl, '/communes/grandvilliers', { host: PS.host })).body, twin.psSlug, 'boulangerie-martin-grandvilliers')
    })

    it('/api/search by Host or by territory parameter', async () => {
      const slugs = async (pathname: string, host?: string) =>
        (JSON.parse((await request(a.baseUrl, pathname, { host })).body) as { hits: Array<{ slug: string }> }).hits.map((h) => h.slug)
      expect(await slugs('/api/search?q=zephyrin', PV.host)).toEqual([twin.pvSlug])
      expect(await slugs('/api/search?q=zephyrin', PS.host)).toEqual([twin.psSlug])
      expect(await slugs(`/api/search?q=zephyrin&territory=${PS.slug}`)).toEqual([twin.psSlug])
      expect((await slugs('/api/search?q=boulangerie+martin', PS.host)).every((s) => !s.endsWith('grandvilliers'))).toBe(true)
    })

    it('map markers', async () => {
      const markers = (body: string) => body.match(/data-markers="([^"]*)"/)?.[1] ?? ''
      own(markers((await request(a.baseUrl, '/carte?q=zephyrin', { host: PV.host })).body), twin.pvSlug, twin.psSlug)
      own(markers((await request(a.baseUrl, '/carte?q=zephyrin', { host: PS.host })).body), twin.psSlug, twin.pvSlug)
    })

    it('open data files', async () => {
      const pv = await request(a.baseUrl, `/api/open-data/${PV.slug}/entreprises.csv`)
      const ps = await request(b.baseUrl, `/api/open-data/${PS.slug}/entreprises.csv`)
      expect(pv.status).toBe(200)
      own(pv.body, twin.pvPhone, twin.psPhone)
      own(ps.body, twin.psPhone, twin.pvPhone)
      // A host name that only reaches this machine is not given to readers elsewhere: the
      // server's own origin and the territory's prefix (issue 19).
      own(ps.body, `http://localhost:${new URL(b.baseUrl).port}/t/${PS.slug}/entreprises/${twin.psSlug}`, twin.pvSlug)
      const geo = JSON.parse((await request(a.baseUrl, `/api/open-data/${PS.slug}/entreprises.geojson`)).body) as { features: unknown[] }
      expect(geo.features.length).toBeGreaterThan(0)
      own(JSON.stringify(geo), twin.psSlug, twin.pvSlug)
    })

    it('statistics: the report and the dashboard of each territory count its own searches only', async () => {
      await request(a.baseUrl, '/recherche?q=chaudronnerie', { host: PV.host })
      await request(b.baseUrl, `/t/${PS.slug}/recherche?q=tonnellerie`)
      const pvViewer = await loginToken(a.baseUrl, 'elu@annuaire.example')
      const psViewer = await loginToken(b.baseUrl, 'elu.sologne@annuaire.example')
      const csv = (session: { token: string }, server: SpawnedServer) =>
        fetch(`${server.baseUrl}/api/rapports/bilan.csv`, { headers: { authorization: `JWT ${session.token}` } }).then((r) => r.text())
      const pvCsv = await until('recherche comptée (Picardie Verte)', async () => {
        const text = await csv(pvViewer, b)
        return text.includes('chaudronnerie') && text
      })
      const psCsv = await until('recherche comptée (Portes de Sologne)', async () => {
        const text = await csv(psViewer, a)
        return text.includes('tonnellerie') && text
      })
      expect(pvCsv).not.toContain('tonnellerie')
      expect(psCsv).not.toContain('chaudronnerie')
      const dashboard = await request(b.baseUrl, '/admin/statistiques', { headers: { cookie: psViewer.cookie } })
      expect(dashboard.status).toBe(200)
      own(dashboard.body, 'tonnellerie', 'chaudronnerie')
      expect(dashboard.body).toContain(PS.name)
    })

    it('alert e-mails: confirmation and digest speak of their own territory, and the scheduled digest runs once', async () => {
      const subscribe = async (server: SpawnedServer, prefix: string, host: string | undefined, email: string) => {
        const page = `${server.baseUrl}${prefix}/alertes`
        const token = host
          ? ((await request(server.baseUrl, '/alertes', { host })).body.match(/name="_jeton" value="([^"]+)"/)?.[1] ?? '')
          : await formToken(page)
        const res = await request(server.baseUrl, `${prefix}/alertes/envoyer`, {
          host,
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: host ? `http://${host}` : server.baseUrl, 'sec-fetch-site': 'same-origin' },
          body: new URLSearchParams({ _jeton: token, email, words: 'zephyrin' }).toString(),
        })
        expect(res.status).toBe(303)
        return res
      }
      const psEmail = 'alerte.sologne@exemple.fr'
      const pvEmail = 'alerte.picardie@exemple.fr'
      const psAnswer = await subscribe(b, `/t/${PS.slug}`, undefined, psEmail)
      expect(psAnswer.headers.location).toBe(`/t/${PS.slug}/alertes?envoye=1`)
      await subscribe(a, '', PV.host, pvEmail)

      // Queued by B, sent by A (B runs no jobs), written once into the shared outbox.
      const [psConfirm] = await until('confirmation Portes de Sologne', () => nonEmpty(outboxMessages(outbox, psEmail)))
      const [pvConfirm] = await until('confirmation Picardie Verte', () => nonEmpty(outboxMessages(outbox, pvEmail)))
      own(psConfirm!, PS.name, PV.name)
      own(pvConfirm!, PV.name, PS.name)
      const psLink = psConfirm!.match(/https?:\/\/\S+\/alertes\/confirmer\?jeton=[\w-]+/)?.[0]
      const pvLink = pvConfirm!.match(/https?:\/\/\S+\/alertes\/confirmer\?jeton=[\w-]+/)?.[0]
      expect(psLink).toContain(`/t/${PS.slug}/alertes/confirmer`)
      for (const link of [psLink!, pvLink!]) {
        const url = new URL(link)
        expect((await request(b.baseUrl, `${url.pathname}${url.search}`, { host: url.host })).status).toBe(200)
      }

      // New entries after the confirmation, one per territory, both matching « zephyrin ».
      const later = { pv: 'Zephyrin Motoculture', ps: 'Zephyrin Forestier' }
      const communes = await rest(a.baseUrl, superadmin, 'GET', '/api/communes?where[inseeCode][in]=60245,45193&depth=0')
      const communeOf = (code: string) => (communes.docs as Array<{ id: number; inseeCode: string }>).find((c) => c.inseeCode === code)!.id
      const created = { pv: '', ps: '' }
      for (const [key, name, code, n] of [['pv', later.pv, '60245', 3], ['ps', later.ps, '45193', 4]] as const) {
        created[key] = (await rest(b.baseUrl, superadmin, 'POST', '/api/businesses', { name, siret: demoSiret(700 + n), commune: communeOf(code), categories: [ids.category], status: 'published' })).doc.slug
      }

      // The daily digest is scheduled by A's runner for 07:00: bring it forward to now.
      const scheduled = await until('tâche d’alertes planifiée', async () => {
        const { rows } = await admin(`SELECT id FROM payload_jobs WHERE task_slug = 'sendAlertDigests' AND completed_at IS NULL`)
        return rows.length === 1 && rows
      })
      await admin(`UPDATE payload_jobs SET wait_until = now() - interval '1 second' WHERE id = $1`, [scheduled[0].id])
      const [psDigest] = await until('résumé Portes de Sologne', () => nonEmpty(outboxMessages(outbox, psEmail).filter((m) => m.includes(later.ps))), 60_000)
      const [pvDigest] = await until('résumé Picardie Verte', () => nonEmpty(outboxMessages(outbox, pvEmail).filter((m) => m.includes(later.pv))), 60_000)
      own(psDigest!, created.ps, created.pv)
      own(psDigest!, PS.name, PV.name)
      own(pvDigest!, created.pv, created.ps)
      // A local host name is not given to readers elsewhere: the sending instance's origin and the prefix.
      expect(psDigest).toMatch(new RegExp(`http://localhost:\\d+/t/${PS.slug}/entreprises/${created.ps}`))

      // A few more runner ticks: nothing is sent twice, the job ran once.
      await new Promise((r) => setTimeout(r, 8_000))
      expect(outboxMessages(outbox, psEmail).filter((m) => m.includes(later.ps))).toHaveLength(1)
      expect(outboxMessages(outbox, pvEmail).filter((m) => m.includes(later.pv))).toHaveLength(1)
      // Done jobs are deleted (Payload's deleteJobOnComplete); the next run is scheduled once.
      expect((await admin(`SELECT id FROM payload_jobs WHERE id = $1`, [scheduled[0].id])).rows).toHaveLength(0)
      const { rows: next } = await admin(`SELECT wait_until FROM payload_jobs WHERE task_slug = 'sendAlertDigests' AND completed_at IS NULL`)
      expect(next).toHaveLength(1)
      expect(new Date(next[0].wait_until).getTime()).toBeGreaterThan(Date.now())
    }, 240_000)
  })

  describe('two instances share everything', () => {
    it('a write through A is read through B at once', async () => {
      const name = `Catégorie écrite par A ${Date.now()}`
      const created = await rest(a.baseUrl, superadmin, 'POST', '/api/categories', { name })
      const read = await rest(b.baseUrl, superadmin, 'GET', `/api/categories/${created.doc.id}?depth=0`)
      expect(read.name).toBe(name)
      const page = await request(b.baseUrl, `/entreprises/${twin.psSlug}`, { host: PS.host })
      expect(page.status).toBe(200)
      await rest(a.baseUrl, superadmin, 'PATCH', `/api/businesses?where[slug][equals]=${twin.psSlug}`, { description: 'Description modifiée par A.' })
      expect((await request(b.baseUrl, `/entreprises/${twin.psSlug}`, { host: PS.host })).body).toContain('Description modifiée par A.')
    })

    it('a session opened on A is valid on B (admin API and public site)', async () => {
      const { cookie } = await loginToken(a.baseUrl, 'admin.sologne@annuaire.example')
      const me = (await (await fetch(`${b.baseUrl}/api/users/me`, { headers: { cookie, 'sec-fetch-site': 'same-origin' } })).json()) as { user: { email: string } | null }
      expect(me.user?.email).toBe('admin.sologne@annuaire.example')

      const token = await formToken(`${a.baseUrl}/connexion`)
      const login = await request(a.baseUrl, '/connexion/envoyer', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: a.baseUrl, 'sec-fetch-site': 'same-origin' },
        body: new URLSearchParams({ _jeton: token, email: 'habitant.sologne@annuaire.example', password: DEMO_PASSWORD }).toString(),
      })
      expect(login.status).toBe(303)
      const session = [login.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]).join('; ')
      const space = await request(b.baseUrl, '/mon-espace', { headers: { cookie: session } })
      expect(space.status).toBe(200)
      expect(space.body).toContain('Hugo Moreau')
    })
  })
})
