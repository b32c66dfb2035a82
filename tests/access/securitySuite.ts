/**
 * What an attacker tries against the running product, beyond the access table: the table's
 * coverage of every collection (IDOR), mass assignment through REST and the public forms,
 * stored XSS in every text the site shows (checked in the HTML and in a real browser),
 * SVG and polyglot uploads, open redirects after login, cross-site form posts, the password
 * policy on every path that sets a password, and the security headers.
 */
import sharp from 'sharp'

import { SLUGS } from '@collections/slugs'
import { readFlash } from '@/forms/flash'
import { issueFormToken } from '@/forms/guard'

import { launchBrowser } from '../support/browser'
import { newEmails, outboxFiles } from '../int/moderationOutbox'
import { type Id, call, graphql, idOf, login, query } from './client'
import { ACTORS, COLLECTION_TABLES } from './matrix'
import { EXTRA_PASSWORD, type World } from './world'

/** The secret of the shared test servers (scripts/test.mjs): form tokens are signed with it. */
const TEST_SECRET = 'test-secret-not-for-production'

/** Script that would leave a trace in the page if it ever ran. */
const XSS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '"><svg onload="window.__xss=3">',
  '</script><script>window.__xss=4</script>',
  "'-alert(1)-'",
]
const XSS_TEXT = XSS.join(' ')
/** What must never appear raw in a page (the payload's active part, unescaped). */
const RAW = [/<script>window\.__xss/, /<img src=x onerror/, /<svg onload/, /href="javascript:window/i]

export function securitySuite(getWorld: () => World) {
  let world: World
  beforeAll(() => {
    world = getWorld()
    process.env.PAYLOAD_SECRET ??= TEST_SECRET
  })

  const cookieOf = (actor: Parameters<World['session']>[0]) => `payload-token=${world.session(actor)!.token}`

  /** POSTs a public form as a browser of this site would, with a token issued 5 s ago. */
  async function postForm(
    path: string,
    form: string,
    fields: Record<string, string | string[]>,
    options: { actor?: Parameters<World['session']>[0]; origin?: string | null; token?: string | null } = {},
  ): Promise<Response> {
    const userId = options.actor && options.actor !== 'anonymous' ? world.userId(options.actor as never) : null
    const body = new URLSearchParams()
    const token = options.token === undefined ? issueFormToken(form, userId, Date.now() - 5000) : options.token
    if (token !== null) body.append('_jeton', token)
    for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
    if (options.origin !== null) headers.origin = options.origin ?? world.baseUrl
    if (options.actor && options.actor !== 'anonymous') headers.cookie = cookieOf(options.actor)
    return fetch(`${world.baseUrl}${path}`, { method: 'POST', headers, body, redirect: 'manual' })
  }

  describe('IDOR: every collection is in the access table, by id, for other people and the other territory', () => {
    // Reading may be public by design (territories, communes, categories, pages, images): then every cell allows it.
    it.each(Object.values(SLUGS))('%s has read, update and delete cells, and refuses writes to someone logged in', (collection) => {
      const table = COLLECTION_TABLES.find((t) => t.collection === collection)
      expect(table).toBeDefined()
      for (const op of ['read', 'update', 'delete'] as const) {
        const rules = table!.rules.filter((r) => r.op === op)
        const refusedSomewhere = rules.some((r) => ACTORS.some((a) => !r.allow.includes(a) && !r.notApplicable?.includes(a) && a !== 'anonymous'))
        const publicRead = op === 'read' && rules.every((r) => ACTORS.every((a) => r.allow.includes(a)))
        expect({ collection, op, cells: rules.length > 0, refusedOrPublic: refusedSomewhere || publicRead }).toEqual({ collection, op, cells: true, refusedOrPublic: true })
      }
    })
  })

  describe('mass assignment', () => {
    it('REST: an owner cannot set status, owners or territory on create, nor move its entry to territory B', async () => {
      const marker = world.marker('masse')
      const reply = await world.as('owner')('POST', '/api/businesses', {
        ...world.entryData('businesses', 'A1', marker),
        status: 'published',
        owners: [world.userId('resident2')],
        territory: world.territory.B,
      })
      expect(reply.status).toBe(201)
      world.track('businesses', reply.json.doc.id)
      const stored = (await world.readBack('businesses', reply.json.doc.id)).json
      expect({ status: stored.status, owners: stored.owners.map(idOf), territory: idOf(stored.territory) }).toEqual({
        status: 'pending',
        owners: [world.userId('owner')],
        territory: world.territory.A,
      })
      await world.as('owner')('PATCH', `/api/businesses/${reply.json.doc.id}`, { territory: world.territory.B, status: 'published' })
      const after = (await world.readBack('businesses', reply.json.doc.id)).json
      expect({ status: after.status, territory: idOf(after.territory) }).toEqual({ status: 'pending', territory: world.territory.A })
    })

    it('REST: a resident cannot give itself roles, communes or another territory', async () => {
      const self = world.userId('resident')
      await world.as('resident')('PATCH', `/api/users/${self}`, { roles: ['admin'], communes: [world.commune.A1], territory: world.territory.B })
      const stored = (await world.readBack('users', self)).json
      expect({ roles: stored.roles, communes: (stored.communes ?? []).map(idOf), territory: idOf(stored.territory) }).toEqual({
        roles: ['resident'],
        communes: [],
        territory: world.territory.A,
      })
    })

    it('public form: extra fields (status, author, owner, territory, roles) are ignored', async () => {
      const marker = world.marker('formulaire')
      const title = `Offre ${marker}`
      const res = await postForm(
        '/annonces/nouvelle/envoyer',
        'announcement',
        {
          kind: 'offer',
          title,
          body: 'Je peux aider au jardin le samedi matin.',
          category: String(world.category.national),
          commune: String(world.commune.A1),
          priceType: 'free',
          status: 'published',
          author: String(world.userId('resident2')),
          owner: String(world.userId('resident2')),
          owners: String(world.userId('resident2')),
          territory: String(world.territory.B),
          roles: 'superadmin',
        },
        { actor: 'resident' },
      )
      expect(res.status).toBe(303)
      const [stored] = await world.findAsSuper('announcements', { title: { equals: title } })
      expect(stored).toBeDefined()
      world.track('announcements', stored.id)
      expect({ status: stored.status, author: idOf(stored.author), territory: idOf(stored.territory) }).toEqual({
        status: 'pending',
        author: world.userId('resident'),
        territory: world.territory.A,
      })
    })

    it('public sign-up form: roles, territory and verified state cannot be chosen', async () => {
      const email = `${world.marker('inscription')}@annuaire.example`
      const res = await postForm('/inscription/envoyer', 'signup', {
        name: 'Inscription Forcée',
        email,
        password: 'Quatre-mots-sans-rapport-2026',
        passwordConfirm: 'Quatre-mots-sans-rapport-2026',
        roles: 'superadmin',
        territory: String(world.territory.B),
        _verified: 'true',
      })
      expect(res.status).toBe(303)
      const [stored] = await world.findAsSuper('users', { email: { equals: email } })
      expect(stored).toBeDefined()
      world.track('users', stored.id)
      expect({ roles: stored.roles, verified: stored._verified, chosenTerritory: idOf(stored.territory) === world.territory.B }).toEqual({
        roles: ['resident'],
        verified: false,
        chosenTerritory: false,
      })
    })
  })

  describe('stored XSS', () => {
    type Shown = { label: string; path: string }
    const shown: Shown[] = []
    const restore: Array<() => Promise<unknown>> = []

    afterAll(async () => {
      for (const undo of restore) await undo().catch(() => undefined)
    })

    async function publish(collection: string, id: Id): Promise<any> {
      const reply = await call(world.baseUrl, world.session('superadmin'), 'PATCH', `/api/${collection}/${id}${query({ depth: 0 })}`, { status: 'published' })
      expect(reply.status).toBe(200)
      return reply.json.doc
    }

    it('payloads in every text field of businesses, services and announcements are saved as text', async () => {
      const marker = world.marker('xss')
      const business = await world.as('owner')('POST', '/api/businesses', {
        ...world.entryData('businesses', 'A1', marker),
        name: `Boulangerie ${marker} ${XSS[0]}`,
        description: `${XSS_TEXT}\nDeuxième ligne ${XSS[1]}`,
        street: `12 rue ${XSS[2]}`,
        activity: XSS[3],
        openingHours: { note: XSS[1], weekly: [{ day: 'monday', opens: '08:00', closes: '12:00' }] },
      })
      expect(business.status).toBe(201)
      world.track('businesses', business.json.doc.id)
      const b = await publish('businesses', business.json.doc.id)
      shown.push({ label: 'business', path: `/entreprises/${b.slug}` })

      const service = await world.as('owner')('POST', '/api/services', {
        title: `Livraison ${marker} ${XSS[1]}`,
        provider: { relationTo: 'businesses', value: b.id },
        categories: [world.category.national],
        description: XSS_TEXT,
        availability: XSS[2],
      })
      expect(service.status).toBe(201)
      world.track('services', service.json.doc.id)
      const s = await publish('services', service.json.doc.id)
      shown.push({ label: 'service', path: `/services/${s.slug}` })

      // Through the public form, as its author would.
      const title = `Aide ${marker} ${XSS[2]}`.slice(0, 120)
      const res = await postForm(
        '/annonces/nouvelle/envoyer',
        'announcement',
        { kind: 'offer', title, body: XSS_TEXT, category: String(world.category.national), commune: String(world.commune.A1), priceType: 'free' },
        { actor: 'resident' },
      )
      expect(res.status).toBe(303)
      const [announcement] = await world.findAsSuper('announcements', { title: { like: marker } })
      expect(announcement).toBeDefined()
      world.track('announcements', announcement.id)
      const a = await publish('announcements', announcement.id)
      shown.push({ label: 'announcement', path: `/annonces/${a.slug}` })
      shown.push({ label: 'search', path: `/recherche?q=${encodeURIComponent(marker)}` })
      shown.push({ label: 'announcements list', path: '/annonces' })
    })

    it('a rich-text page with script, event handlers and a javascript: link is rendered inert', async () => {
      const superadmin = world.session('superadmin')
      const [existing] = await world.findAsSuper('pages', { and: [{ slug: { equals: 'a-propos' } }, { territory: { equals: world.territory.A } }] })
      const content = lexical([
        { type: 'text', text: XSS_TEXT, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
        {
          type: 'link',
          fields: { url: 'javascript:window.__xss=5', newTab: false, linkType: 'custom' },
          children: [{ type: 'text', text: 'lien piégé', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
          direction: 'ltr',
          format: '',
          indent: 0,
          version: 3,
        },
      ])
      // The javascript: link may be refused when saved (400) or saved and rendered inert.
      let saved: number
      if (existing) {
        const original = existing.content
        const reply = await call(world.baseUrl, superadmin, 'PATCH', `/api/pages/${existing.id}`, { content })
        saved = reply.status
        if (reply.status === 200) restore.push(() => call(world.baseUrl, superadmin, 'PATCH', `/api/pages/${existing.id}`, { content: original }))
      } else {
        const reply = await call(world.baseUrl, superadmin, 'POST', '/api/pages', { title: 'À propos', slug: 'a-propos', territory: world.territory.A, content })
        saved = reply.status
        if (reply.status === 201) world.track('pages', reply.json.doc.id)
      }
      expect([200, 201, 400]).toContain(saved)
      shown.push({ label: 'rich-text page', path: '/a-propos' })
    })

    it('every page that shows them escapes the payloads (HTML and JSON-LD)', async () => {
      expect(shown.length).toBeGreaterThanOrEqual(5)
      for (const { label, path } of shown) {
        const res = await fetch(`${world.baseUrl}${path}`, { headers: { accept: 'text/html' } })
        const html = await res.text()
        expect({ label, status: res.status }).toEqual({ label, status: 200 })
        for (const raw of RAW) expect({ label, raw: raw.source, found: raw.test(html) }).toEqual({ label, raw: raw.source, found: false })
      }
    })

    it('no payload runs in a real browser, and the pages raise no CSP violation', async () => {
      const browser = await launchBrowser()
      try {
        const context = await browser.newContext({ javaScriptEnabled: true })
        const page = await context.newPage()
        const dialogs: string[] = []
        page.on('dialog', (d) => {
          dialogs.push(d.message())
          void d.dismiss()
        })
        for (const { label, path } of shown) {
          await page.goto(`${world.baseUrl}${path}`, { waitUntil: 'load' })
          const links = page.locator('a[href^="javascript:" i]')
          for (let i = 0; i < (await links.count()); i++) await links.nth(i).click({ timeout: 2000 }).catch(() => undefined)
          const fired = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null)
          expect({ label, fired }).toEqual({ label, fired: null })
        }
        expect(dialogs).toEqual([])
      } finally {
        await browser.close()
      }
    })
  })

  describe('uploads', () => {
    async function upload(bytes: Buffer, filename: string, type: string) {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
      form.append('_payload', JSON.stringify({ alt: `Essai ${filename}` }))
      const reply = await call(world.baseUrl, world.session('owner'), 'POST', `/api/media${query({ depth: 0 })}`, undefined, { raw: form })
      if (reply.status === 201) world.track('media', reply.json.doc.id)
      return reply
    }

    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10"/></svg>'
    const gifJs = Buffer.concat([Buffer.from('GIF89a/*\x01\x00\x01\x00\x00\x00\x00;*/=1;window.__xss=1;//', 'latin1'), Buffer.alloc(16)])
    const html = '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'

    it.each([
      ['an SVG with script', Buffer.from(svg), 'logo.svg', 'image/svg+xml'],
      ['an SVG named .png', Buffer.from(svg), 'logo.png', 'image/png'],
      ['a GIF/JavaScript polyglot', gifJs, 'photo.gif', 'image/gif'],
      ['a GIF/JavaScript polyglot named .jpg', gifJs, 'photo.jpg', 'image/jpeg'],
      ['an HTML page named .png', Buffer.from(html), 'photo.png', 'image/png'],
    ])('%s is refused or neutralised', async (what, bytes, filename, type) => {
      const reply = await upload(bytes, filename, type)
      if (reply.status !== 201) {
        expect({ what, status: reply.status >= 400 && reply.status < 500 }).toEqual({ what, status: true })
        return
      }
      expect({ what, stored: await storedFile(reply.json.doc.url) }).toEqual({ what, stored: CLEAN_WEBP })
    })

    const CLEAN_WEBP = { status: 200, type: 'image/webp', nosniff: 'nosniff', webp: true, script: false }
    async function storedFile(url: string) {
      const res = await fetch(new URL(url, world.baseUrl))
      const bytes = Buffer.from(await res.arrayBuffer())
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        nosniff: res.headers.get('x-content-type-options'),
        webp: bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP',
        script: bytes.includes(Buffer.from('<script')) || bytes.includes(Buffer.from('__xss')),
      }
    }

    it('a JPEG carrying HTML and script is re-encoded: the stored file is a clean WebP, served as an image', async () => {
      const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#c84' } }).jpeg().toBuffer()
      const polyglot = Buffer.concat([jpeg, Buffer.from(`<html><script>window.__xss=1</script></html>`)])
      const reply = await upload(polyglot, 'photo.jpg', 'image/jpeg')
      expect(reply.status).toBe(201)
      expect(await storedFile(reply.json.doc.url)).toEqual(CLEAN_WEBP)
    })
  })

  describe('open redirect after login', () => {
    const foreign = ['https://evil.example/', '//evil.example/', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', '/%2F%2Fevil.example', 'https:evil.example', ' //evil.example']

    it.each(foreign)('the site login form never sends to %j', async (suite) => {
      const res = await postForm(`/connexion/envoyer?suite=${encodeURIComponent(suite)}`, 'login', {
        email: 'habitant@annuaire.example',
        password: process.env.DEMO_PASSWORD ?? 'Demo-Annuaire-2026!',
      })
      expect(res.status).toBe(303)
      const location = new URL(res.headers.get('location')!, world.baseUrl)
      expect(location.origin).toBe(world.baseUrl)
    })

    it('the login page does not carry a foreign address into its form', async () => {
      const html = await (await fetch(`${world.baseUrl}/connexion?suite=${encodeURIComponent('https://evil.example/')}`)).text()
      expect(html).not.toContain('evil.example')
    })
  })

  describe('CSRF: a cross-site post changes nothing', () => {
    const evil = 'https://evil.example'

    it('a public form posted from another site, or without its token, is refused', async () => {
      for (const [origin, token] of [[evil, undefined], [world.baseUrl, null], [world.baseUrl, 'forged.token.value']] as const) {
        const title = `Annonce ${world.marker('csrf')}`
        const res = await postForm(
          '/annonces/nouvelle/envoyer',
          'announcement',
          { kind: 'offer', title, body: 'Envoyée depuis un autre site.', category: String(world.category.national), commune: String(world.commune.A1), priceType: 'free' },
          { actor: 'resident', origin, token },
        )
        // A foreign Origin with the session cookie is refused outright (403, src/server/foreignOrigins.ts);
        // a missing or forged token by the form's guard, or as logged out.
        const refusal = origin === evil ? { status: 403, location: null } : { status: 303, location: expect.stringMatching(/erreur=1|^\/connexion\?suite=/) }
        expect({ origin, token: token ?? 'issued', status: res.status, location: res.headers.get('location') }).toEqual({
          origin,
          token: token ?? 'issued',
          ...refusal,
        })
        expect(await world.findAsSuper('announcements', { title: { equals: title } })).toEqual([])
      }
    })

    it('every state-changing site route refuses a foreign origin', async () => {
      const own = await world.directoryDoc('announcements', 'published-A1')
      const business = await world.directoryDoc('businesses', 'published-A1')
      const routes = [
        '/connexion/envoyer',
        '/deconnexion/envoyer',
        '/inscription/envoyer',
        '/inscrire-mon-activite/envoyer',
        '/mot-de-passe-oublie/envoyer',
        '/verifier-email/renvoyer',
        '/reinitialiser-mot-de-passe/envoyer',
        '/alertes/envoyer',
        '/annonces/nouvelle/envoyer',
        `/contacter/entreprises/${business.slug}/envoyer`,
        `/signaler/entreprises/${business.slug}/envoyer`,
        `/mon-espace/annonces/${own.id}/modifier`,
        `/mon-espace/annonces/${own.id}/cloturer`,
        `/mon-espace/annonces/${own.id}/renouveler`,
        `/mon-espace/fiches/entreprises/${business.id}/modifier`,
      ]
      const before = (await world.readBack('announcements', own.id)).json
      for (const path of routes) {
        const res = await postForm(path, 'any', { title: 'Changement forcé', body: 'Changement forcé depuis un autre site.' }, { actor: 'resident', origin: evil, token: null })
        const location = res.headers.get('location') ?? ''
        const refused = res.status >= 400 || (res.status === 303 && (/erreur=1|connexion/.test(location) || location === ''))
        expect({ path, refused }).toEqual({ path, refused: true })
      }
      const after = (await world.readBack('announcements', own.id)).json
      expect({ title: after.title, status: after.status, expiresAt: after.expiresAt }).toEqual({ title: before.title, status: before.status, expiresAt: before.expiresAt })
    })

    it('the REST API ignores the session cookie of a request from another site', async () => {
      const self = world.userId('resident')
      const res = await fetch(`${world.baseUrl}/api/users/${self}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', origin: evil, cookie: cookieOf('resident') },
        body: JSON.stringify({ name: 'Nom changé par un autre site' }),
      })
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect((await world.readBack('users', self)).json.name).not.toBe('Nom changé par un autre site')
    })
  })

  describe('password policy, on every path that sets a password', () => {
    const weak: Array<[string, string]> = [
      ['too short', 'Court-1!'],
      ['a common password', 'motdepasse123'],
      ['a keyboard row', 'azertyuiop1'],
    ]

    it.each(weak)('REST sign-up refuses %s with a French message on the field', async (_what, password) => {
      const email = `${world.marker('faible')}@annuaire.example`
      const reply = await call(world.baseUrl, null, 'POST', '/api/users', { email, password, name: 'Mot de passe faible' })
      expect(reply.status).toBe(400)
      const errors = reply.json.errors.flatMap((e: { data?: { errors?: Array<{ path: string; message: string }> } }) => e.data?.errors ?? [])
      expect(errors.find((e: { path: string }) => e.path === 'password')?.message).toMatch(/mot de passe/i)
      expect(await world.findAsSuper('users', { email: { equals: email } })).toEqual([])
    })

    it('a password containing the account’s own e-mail is refused, and a strong one accepted, when changed by REST', async () => {
      const user = await world.freshUser('A')
      const session = await login(world.baseUrl, user.email, EXTRA_PASSWORD)
      const local = user.email.split('@')[0]!
      const refused = await call(world.baseUrl, session, 'PATCH', `/api/users/${user.id}`, { password: `${local}-2026` })
      expect(refused.status).toBe(400)
      expect(refused.text).toMatch(/votre adresse e-mail|trop facile/)
      const accepted = await call(world.baseUrl, session, 'PATCH', `/api/users/${user.id}`, { password: 'Hirondelle-violon-cadastre-81' })
      expect(accepted.status).toBe(200)
    })

    it('the site sign-up and reset forms say what to fix', async () => {
      const email = `${world.marker('faible')}@annuaire.example`
      const res = await postForm('/inscription/envoyer', 'signup', { name: 'Essai', email, password: 'motdepasse123', passwordConfirm: 'motdepasse123' })
      expect(res.headers.get('location')).toContain('erreur=1')
      const cookie = /^[^=]+=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1]
      expect(readFlash(cookie, 'signup')?.errors.password).toMatch(/trop facile à deviner/)
      expect(await world.findAsSuper('users', { email: { equals: email } })).toEqual([])
    })

    it('an admin login lockout answers in French after repeated failures', async () => {
      const user = await world.freshUser('A')
      let last = await call(world.baseUrl, null, 'POST', '/api/users/login', { email: user.email, password: 'mauvais' })
      for (let i = 0; i < 6; i++) last = await call(world.baseUrl, null, 'POST', '/api/users/login', { email: user.email, password: 'mauvais' })
      expect(last.status).toBe(401)
      // French, and worded like a wrong password: « bloqué » would tell a stranger the account exists (issue 17).
      expect(last.text).toMatch(/incorrect/i)
      const right = await call(world.baseUrl, null, 'POST', '/api/users/login', { email: user.email, password: EXTRA_PASSWORD })
      expect(right.status).toBe(401)
    })
  })

  describe('headers', () => {
    it('public pages and the admin get a nonce-based CSP, no X-Powered-By, no HSTS over plain HTTP', async () => {
      for (const path of ['/', '/admin/login', '/api/businesses?limit=1']) {
        const [one, two] = await Promise.all([fetch(`${world.baseUrl}${path}`), fetch(`${world.baseUrl}${path}`)])
        const csp = one.headers.get('content-security-policy') ?? ''
        const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? ''
        const nonce = (h: Headers) => /'nonce-([^']+)'/.exec(h.get('content-security-policy') ?? '')?.[1]
        expect({
          path,
          nonce: Boolean(nonce(one.headers)),
          fresh: nonce(one.headers) !== nonce(two.headers),
          unsafeInline: script.includes('unsafe-inline'),
          unsafeEval: script.includes('unsafe-eval'),
          objects: /object-src 'none'/.test(csp),
          poweredBy: one.headers.get('x-powered-by'),
          hsts: one.headers.get('strict-transport-security'),
          nosniff: one.headers.get('x-content-type-options'),
        }).toEqual({ path, nonce: true, fresh: true, unsafeInline: false, unsafeEval: false, objects: true, poweredBy: null, hsts: null, nosniff: 'nosniff' })
      }
    })

    it('the search API gets fixed headers: a policy for a response that is never a page, no nonce', async () => {
      const [territoryB] = await world.findAsSuper('territories', { id: { equals: world.territory.B } })
      for (const path of ['/api/search?q=boulangerie', `/t/${String(territoryB!.slug)}/api/search?q=boulangerie`]) {
        const res = await fetch(`${world.baseUrl}${path}`)
        expect(res.status).toBe(200)
        expect({
          path,
          csp: res.headers.get('content-security-policy'),
          nosniff: res.headers.get('x-content-type-options'),
          frame: res.headers.get('x-frame-options'),
          poweredBy: res.headers.get('x-powered-by'),
        }).toEqual({ path, csp: "default-src 'none';frame-ancestors 'none'", nosniff: 'nosniff', frame: 'SAMEORIGIN', poweredBy: null })
      }
      // Compressed when the client accepts it, the same answer either way.
      const plain = await fetch(`${world.baseUrl}/api/search?q=boulangerie`, { headers: { 'accept-encoding': 'identity' } })
      const zipped = await fetch(`${world.baseUrl}/api/search?q=boulangerie`, { headers: { 'accept-encoding': 'gzip' } })
      expect([plain.headers.get('content-encoding'), zipped.headers.get('content-encoding')]).toEqual([null, 'gzip'])
      const [a, b] = [(await plain.json()) as { total: number; hits: unknown[] }, (await zipped.json()) as { total: number; hits: unknown[] }]
      expect(a.hits.length).toBeGreaterThan(0)
      expect({ total: b.total, hits: b.hits }).toEqual({ total: a.total, hits: a.hits })
      expect(Number(plain.headers.get('content-length'))).toBe(Buffer.byteLength(JSON.stringify(a)))
    })

    it('the admin page puts the nonce on every inline script', async () => {
      const res = await fetch(`${world.baseUrl}/admin/login`)
      const html = await res.text()
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')![1]
      const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/application\/(ld\+)?json/.test(attrs))
      expect(inline.length).toBeGreaterThan(0)
      expect(inline.filter((attrs) => !attrs.includes(`nonce="${nonce}"`))).toEqual([])
    })

    it('abuse limits are announced on the limited routes', async () => {
      const res = await call(world.baseUrl, null, 'POST', '/api/users/login', { email: 'personne@annuaire.example', password: 'x' })
      expect(res.status).toBe(401)
      const raw = await fetch(`${world.baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      expect(raw.headers.get('ratelimit-policy')).toMatch(/^\d+;w=\d+/)
    })
  })

  describe('account enumeration (issue 17): the same answer for a taken and a free address', () => {
    /** An answer with the address replaced, to compare two answers about two addresses. */
    const shape = (reply: { status: number; json: unknown }, email: string) => ({
      status: reply.status,
      body: JSON.parse(JSON.stringify(reply.json ?? null).split(email).join('<adresse>')),
    })

    it('REST sign-up: a taken address answers like a new one, creates nothing, and its owner is told', async () => {
      const taken = await world.freshUser('A')
      const free = `${world.marker('libre')}@annuaire.example`
      const before = world.server.outboxDir ? outboxFiles(world.server.outboxDir) : []
      const fresh = await call(world.baseUrl, null, 'POST', '/api/users', { email: free, password: EXTRA_PASSWORD, name: 'Nouvelle' })
      const again = await call(world.baseUrl, null, 'POST', '/api/users', { email: taken.email, password: EXTRA_PASSWORD, name: 'Doublon' })
      for (const doc of await world.findAsSuper('users', { email: { equals: free } })) world.track('users', doc.id)
      expect(fresh.status).toBe(201)
      expect(shape(again, taken.email)).toEqual(shape(fresh, free))
      expect(JSON.stringify(fresh.json)).not.toMatch(/"id"/)
      expect(await world.findAsSuper('users', { email: { equals: taken.email } })).toHaveLength(1)
      // A weak password is refused alike too.
      const weakFree = await call(world.baseUrl, null, 'POST', '/api/users', { email: `${world.marker('faible')}@annuaire.example`, password: 'motdepasse123', name: 'X' })
      const weakTaken = await call(world.baseUrl, null, 'POST', '/api/users', { email: taken.email, password: 'motdepasse123', name: 'X' })
      expect([weakTaken.status, weakTaken.json]).toEqual([weakFree.status, weakFree.json])
      if (world.server.outboxDir) {
        let told: Array<{ to: string; subject: string }> = []
        for (let i = 0; i < 60 && told.length === 0; i++) {
          told = newEmails(world.server.outboxDir, before).filter((m) => m.to.includes(taken.email))
          if (told.length === 0) await new Promise((r) => setTimeout(r, 500))
        }
        expect(told.map((m) => m.subject)).toEqual([expect.stringMatching(/^Tentative de création de compte avec votre adresse/)])
      }
    })

    it('GraphQL sign-up by a stranger is refused alike for both', async () => {
      const taken = await world.freshUser('A')
      const free = `${world.marker('libre')}@annuaire.example`
      const mutation = (email: string) => `mutation { createUser(data: { email: "${email}", password: "${EXTRA_PASSWORD}", name: "Essai", roles: [resident] }) { id } }`
      const a = await graphql(world.baseUrl, null, mutation(free))
      const b = await graphql(world.baseUrl, null, mutation(taken.email))
      expect(shape(b, taken.email)).toEqual(shape(a, free))
      expect(a.json.errors[0].message).toMatch(/Inscription : utilisez le formulaire/)
      expect(await world.findAsSuper('users', { email: { equals: free } })).toEqual([])
    })

    it('login: a wrong password, an unknown address and a locked account get the same answer', async () => {
      const known = await world.freshUser('A')
      const wrong = await call(world.baseUrl, null, 'POST', '/api/users/login', { email: known.email, password: 'Pas-Le-Bon-2026-x' })
      const unknown = await call(world.baseUrl, null, 'POST', '/api/users/login', { email: `${world.marker('inconnu')}@annuaire.example`, password: 'Pas-Le-Bon-2026-x' })
      expect(wrong.status).toBe(401)
      expect([unknown.status, unknown.json]).toEqual([wrong.status, wrong.json])
      for (let i = 0; i < 5; i++) await call(world.baseUrl, null, 'POST', '/api/users/login', { email: known.email, password: `Mauvais-${i}-2026-x` })
      const locked = await call(world.baseUrl, null, 'POST', '/api/users/login', { email: known.email, password: EXTRA_PASSWORD })
      expect([locked.status, locked.json]).toEqual([wrong.status, wrong.json])
    })

    it('forgotten password: REST and GraphQL answer alike, the e-mail still goes to the owner', async () => {
      const known = await world.freshUser('A')
      const unknownEmail = `${world.marker('inconnu')}@annuaire.example`
      const before = world.server.outboxDir ? outboxFiles(world.server.outboxDir) : []
      const a = await call(world.baseUrl, null, 'POST', '/api/users/forgot-password', { email: known.email })
      const b = await call(world.baseUrl, null, 'POST', '/api/users/forgot-password', { email: unknownEmail })
      expect(a.status).toBe(200)
      expect([b.status, b.json]).toEqual([a.status, a.json])
      const c = await graphql(world.baseUrl, null, `mutation { forgotPasswordUser(email: "${known.email}") }`)
      const d = await graphql(world.baseUrl, null, `mutation { forgotPasswordUser(email: "${unknownEmail}") }`)
      expect([c.status, c.json]).toEqual([200, { data: { forgotPasswordUser: true } }])
      expect([d.status, d.json]).toEqual([c.status, c.json])
      if (world.server.outboxDir) {
        let mails: Array<{ to: string }> = []
        for (let i = 0; i < 60 && mails.length < 2; i++) {
          mails = newEmails(world.server.outboxDir, before).filter((m) => m.to.includes(known.email) || m.to.includes(unknownEmail))
          if (mails.length < 2) await new Promise((r) => setTimeout(r, 500))
        }
        expect(mails.map((m) => m.to)).toEqual([expect.stringContaining(known.email), expect.stringContaining(known.email)])
      }
    })
  })

  describe('abuse limits and GraphQL (issue 17)', () => {
    it('refuses 100 loginUser aliases in one request, and too many root fields', async () => {
      const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: loginUser(email: "x@exemple.fr", password: "p${i}") { token }`).join(' ')
      const reply = await graphql(world.baseUrl, null, `mutation { ${aliases} }`)
      expect(reply.status).toBe(400)
      expect(reply.json.errors[0].message).toMatch(/Une seule opération de compte/)
      const wide = await graphql(world.baseUrl, null, `{ ${Array.from({ length: 30 }, (_, i) => `b${i}: Businesses { totalDocs }`).join(' ')} }`)
      expect(wide.status).toBe(400)
    })

    it('does not suggest field names in GraphQL errors', async () => {
      const reply = await graphql(world.baseUrl, null, '{ Businesses { docs { nam emai } } }')
      expect(reply.status).toBeLessThan(500)
      expect(reply.text).toMatch(/Cannot query field/)
      expect(reply.text).not.toMatch(/Did you mean/)
      const variables = await call(world.baseUrl, null, 'POST', '/api/graphql', {
        query: 'query Q($w: Business_where) { Businesses(where: $w) { totalDocs } }',
        variables: { w: { nme: { equals: 'x' } } },
      })
      expect(variables.status).toBeLessThan(500)
      expect(variables.text).not.toMatch(/Did you mean/)
    })
  })

}

/** A Lexical document with one paragraph holding `children`. */
function lexical(children: unknown[]) {
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: [{ type: 'paragraph', direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, children }],
    },
  }
}
