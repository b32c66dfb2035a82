/**
 * A network attacker against the running product (docs/security.md, « Origines, liens et
 * mode démonstration »), on the shared production servers (SQLite and PostgreSQL) and on
 * extra servers started without PUBLIC_URL nor PAYLOAD_SECRET over the same databases:
 * e-mail links and the sitemap never take a forged host, the captured e-mails are not
 * public, a session cookie sent from another site changes nothing, the session secret is
 * generated and kept, the moderation notice only says known things, and unknown `/site/…`
 * addresses are 404.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { issueFormToken } from '@/forms/guard'
import { SECRET_FILE } from '@/secret'

import { DEMO_PASSWORD, DEMO_USERS } from '../support/fixtures'
import { extraPort } from '../support/forms'
import { login } from '../support/rest'
import { allServers, type ServerTarget } from '../support/servers'
import { type SpawnedServer, spawnServer } from '../support/spawnServer'
import { type CapturedEmail, newEmails, outboxFiles } from './moderationOutbox'

/** The secret of the shared test servers (scripts/test.mjs): form tokens are signed with it. */
const TEST_SECRET = 'test-secret-not-for-production'
const EVIL = 'evil.example'
const SECRET_LOG = /PAYLOAD_SECRET absent : un secret aléatoire a été créé/g

async function waitForMail(dir: string, before: string[], to: string, ms = 30_000): Promise<CapturedEmail> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const mail = newEmails(dir, before).find((m) => m.to.toLowerCase().includes(to))
    if (mail) return mail
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`Aucun e-mail pour ${to} dans ${dir}`)
}

/** The first link of a mail's text (or HTML) to `pathname`. */
function linkTo(mail: CapturedEmail, pathname: string): string {
  const escaped = pathname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const found = `${mail.text}\n${mail.html}`.match(new RegExp(`(?:https?://[^\\s"<>]*)?${escaped}\\?jeton=[\\w.-]+`))
  if (!found) throw new Error(`Pas de lien ${pathname} dans « ${mail.subject} »`)
  return found[0]
}

const cookieOf = (token: string) => `payload-token=${token}`
/** A browser's navigation with the session cookie (Payload reads the cookie only then, PUBLIC_URL being set). */
const navigation = (token: string) => ({ cookie: cookieOf(token), 'sec-fetch-site': 'same-origin' })

describe.each(allServers().map((s) => [s.name, s] as const))('origins, links and demo mode on %s', (_name, server: ServerTarget) => {
  const base = server.baseUrl

  beforeAll(() => {
    process.env.PAYLOAD_SECRET ??= TEST_SECRET
  })

  describe('e-mail links never take a forged Host or X-Forwarded-Host', () => {
    it('the forgot-password form mails a link on PUBLIC_URL, whatever X-Forwarded-Host says', async () => {
      const before = outboxFiles(server.outboxDir)
      const res = await fetch(`${base}/mot-de-passe-oublie/envoyer`, {
        method: 'POST',
        redirect: 'manual',
        // An attacker's own request (no browser, so no Origin), naming their host.
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-host': EVIL },
        body: new URLSearchParams({ _jeton: issueFormToken('forgot', null, Date.now() - 5000), email: DEMO_USERS.resident }),
      })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toContain('envoye=1')
      const link = linkTo(await waitForMail(server.outboxDir, before, DEMO_USERS.resident), '/reinitialiser-mot-de-passe')
      expect(link.startsWith(`${base}/reinitialiser-mot-de-passe?jeton=`)).toBe(true)
      expect(link).not.toContain(EVIL)
    })

    it('an alert’s confirmation link is on PUBLIC_URL too, whatever X-Forwarded-Host says', async () => {
      const email = `alerte.origine.${Date.now()}@exemple.fr`
      const before = outboxFiles(server.outboxDir)
      const res = await fetch(`${base}/alertes/envoyer`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-host': EVIL },
        body: new URLSearchParams({ _jeton: issueFormToken('alert', null, Date.now() - 5000), email, words: 'boulangerie' }),
      })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toContain('envoye=1')
      const link = linkTo(await waitForMail(server.outboxDir, before, email), '/alertes/confirmer')
      expect(link.startsWith(`${base}/alertes/confirmer?jeton=`)).toBe(true)
    })

    it('a forgot-password asked through REST mails an absolute link on PUBLIC_URL, even with a forged host', async () => {
      const before = outboxFiles(server.outboxDir)
      const res = await fetch(`${base}/api/users/forgot-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-host': EVIL },
        body: JSON.stringify({ email: DEMO_USERS.superadmin }),
      })
      expect(res.status).toBe(200)
      const link = linkTo(await waitForMail(server.outboxDir, before, DEMO_USERS.superadmin), '/reinitialiser-mot-de-passe')
      expect(link.startsWith(`${base}/reinitialiser-mot-de-passe?jeton=`)).toBe(true)
    })

    it('sitemap.xml and robots.txt name the configured origin, not the forged host', async () => {
      const sitemap = await fetch(`${base}/sitemap.xml`, { headers: { 'x-forwarded-host': EVIL } })
      expect(sitemap.status).toBe(200)
      const xml = await sitemap.text()
      expect(xml).toContain(`<loc>${base}/</loc>`)
      expect(xml).not.toContain(EVIL)
      const robots = await (await fetch(`${base}/robots.txt`, { headers: { 'x-forwarded-host': EVIL } })).text()
      expect(robots).toContain(`Sitemap: ${base}/sitemap.xml`)
      expect(robots).not.toContain(EVIL)
    })
  })

  describe('captured e-mails (/dev/emails) in demo mode', () => {
    it('are not shown to anonymous visitors nor to residents or secrétaires', async () => {
      expect((await fetch(`${base}/dev/emails`)).status).toBe(404)
      for (const role of ['resident', 'editor'] as const) {
        const { token } = await login(base, role)
        const res = await fetch(`${base}/dev/emails`, { headers: navigation(token!) })
        expect({ role, status: res.status }).toEqual({ role, status: 404 })
      }
    })

    it('the national administrator reads them all; a territory administrator never the national administrator’s', async () => {
      // The REST test above mailed a reset link to the national administrator.
      const national = await login(base, 'superadmin')
      const all = await fetch(`${base}/dev/emails`, { headers: navigation(national.token!) })
      expect(all.status).toBe(200)
      expect(await all.text()).toContain(DEMO_USERS.superadmin)
      const admin = await login(base, 'admin')
      const scoped = await fetch(`${base}/dev/emails`, { headers: navigation(admin.token!) })
      expect(scoped.status).toBe(200)
      const html = await scoped.text()
      expect(html).toContain('E-mails capturés')
      expect(html).toContain(DEMO_USERS.resident)
      expect(html).not.toContain(DEMO_USERS.superadmin)
      // A visitor's alert confirmation (mailed by the alert-form test above) acts for that visitor.
      expect(html).not.toContain('alerte.origine.')
      expect(await (await fetch(`${base}/dev/emails`, { headers: navigation(national.token!) })).text()).toContain('alerte.origine.')
    })
  })

  describe('the moderation queue’s notice', () => {
    it('shows only the fixed sentence of a known code, never text from the address', async () => {
      const { token } = await login(base, 'admin')
      const page = (query: string) => fetch(`${base}/admin/moderation?${query}`, { headers: navigation(token!) }).then((r) => r.text())
      const forged = await page(`notice=${encodeURIComponent('Votre compte est suspendu : appelez le 08 99 00 00 00')}&tone=error`)
      expect(forged).toContain('File de modération')
      // (Next's router data repeats the address; what matters is the notice drawn on the page.)
      expect(forged).not.toContain('id="mq-notice"')
      expect(forged).not.toMatch(/<div[^>]*mq-notice[^>]*>[^<]*appelez le 08 99/)
      const known = await page('notice=forbidden')
      expect(known).toMatch(/<div id="mq-notice"[^>]*>Vous ne pouvez pas modérer cet élément : il n’est pas situé dans vos communes\.<\/div>/)
    })
  })

  describe('unknown addresses under /site/', () => {
    it('answer 404; the site’s scripts are still served', async () => {
      expect((await fetch(`${base}/site/inconnu.js`)).status).toBe(404)
      expect((await fetch(`${base}/site/sous/dossier`)).status).toBe(404)
      expect((await fetch(`${base}/site/site.js`)).status).toBe(200)
    })
  })
})

/**
 * A second server over the same database, started the way `npm start` is in demonstration
 * without PUBLIC_URL nor PAYLOAD_SECRET: the cases those settings used to hide.
 */
const databases = [
  ['SQLite', process.env.TEST_DATABASE_URI],
  ['PostgreSQL', process.env.TEST_PG_DATABASE_URI],
].filter((d): d is [string, string] => Boolean(d[1]))

describe.each(databases)('without PUBLIC_URL nor PAYLOAD_SECRET, on %s', (name, databaseUri) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-origins-'))
  const port = extraPort(name === 'SQLite' ? 1 : 2)
  const env = {
    DATABASE_URI: databaseUri,
    ANNUAIRE_DEMO: '1',
    PUBLIC_URL: '',
    PAYLOAD_SECRET: '',
    DATA_DIR: path.join(dir, 'data'),
    EMAIL_OUTBOX_DIR: path.join(dir, 'outbox'),
    MEDIA_DIR: path.join(dir, 'media'),
    JOBS_AUTORUN: '0',
    SEARCH_WORKERS: '0',
  }
  let server: SpawnedServer
  let token = ''
  const base = `http://127.0.0.1:${port}`

  beforeAll(async () => {
    server = await spawnServer(port, env)
    const res = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_USERS.admin, password: DEMO_PASSWORD }),
    })
    expect(res.status).toBe(200)
    token = ((await res.json()) as { token: string }).token
  }, 180_000)

  afterAll(async () => {
    await server?.stop()
  })

  it('generates the session secret in the data folder (mode 0600) and says so once in the log', () => {
    const file = path.join(env.DATA_DIR, SECRET_FILE)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/)
    expect(server.log().match(SECRET_LOG)).toHaveLength(1)
  })

  it('refuses a REST write carrying the session cookie from another site (JSON and multipart `_payload`)', async () => {
    const email = `intrus.${Date.now()}@annuaire.example`
    const data = { email, password: 'Hirondelle-violon-cadastre-81', name: 'Intrus', roles: ['admin'] }
    const json = await fetch(`${base}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `https://${EVIL}`, cookie: cookieOf(token) },
      body: JSON.stringify(data),
    })
    expect(json.status).toBe(403)
    expect(await json.text()).toMatch(/vient d’un autre site/)
    const form = new FormData()
    form.append('_payload', JSON.stringify(data))
    const multipart = await fetch(`${base}/api/users`, { method: 'POST', headers: { origin: `https://${EVIL}`, cookie: cookieOf(token) }, body: form })
    expect(multipart.status).toBe(403)
    const found = await fetch(`${base}/api/users?where[email][equals]=${encodeURIComponent(email)}`, { headers: { authorization: `JWT ${token}` } })
    expect(((await found.json()) as { totalDocs: number }).totalDocs).toBe(0)
  })

  it('refuses a GraphQL mutation carrying the session cookie from another site, an unconfigured *.localhost, and `Origin: null` on the API', async () => {
    for (const origin of [`https://${EVIL}`, 'null', `http://attaque.localhost:${port}`]) {
      const res = await fetch(`${base}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, cookie: cookieOf(token) },
        body: JSON.stringify({ query: 'mutation { updateUser(id: 1, data: { name: "Changé ailleurs" }) { id } }' }),
      })
      expect({ origin, status: res.status }).toEqual({ origin, status: 403 })
    }
  })

  it('accepts the same cookie from the site itself (localhost) ', async () => {
    const me = await fetch(`${base}/api/users/me`, { headers: { cookie: cookieOf(token) } })
    const id = ((await me.json()) as { user: { id: number } }).user.id
    const res = await fetch(`${base}/api/users/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin: `http://localhost:${port}`, cookie: cookieOf(token), 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ name: 'Administrateur de la démonstration' }),
    })
    expect(res.status).toBe(200)
  })

  it('e-mail links without PUBLIC_URL are absolute, on localhost, never on the forged host', async () => {
    const before = outboxFiles(env.EMAIL_OUTBOX_DIR)
    const res = await fetch(`${base}/api/users/forgot-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-host': EVIL },
      body: JSON.stringify({ email: DEMO_USERS.viewer }),
    })
    expect(res.status).toBe(200)
    const link = linkTo(await waitForMail(env.EMAIL_OUTBOX_DIR, before, DEMO_USERS.viewer), '/reinitialiser-mot-de-passe')
    expect(link).toMatch(/^http:\/\/localhost:\d+\/reinitialiser-mot-de-passe\?jeton=/)
  })

  it('reuses the kept secret on the next start without announcing it again: sessions survive', async () => {
    await server.stop()
    server = await spawnServer(port, env)
    expect(server.log().match(SECRET_LOG)).toBeNull()
    const me = await fetch(`${base}/api/users/me`, { headers: { authorization: `JWT ${token}` } })
    expect(((await me.json()) as { user: { email: string } | null }).user?.email).toBe(DEMO_USERS.admin)
  }, 180_000)
})
