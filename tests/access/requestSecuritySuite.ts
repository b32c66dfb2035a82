/**
 * What an attacker tries with requests of another site or of a script, against the running
 * product: open redirects after login, cross-site posts (CSRF), the security headers, and
 * the abuse limits of GraphQL. Run by securitySuite.ts.
 */
import { call, graphql } from './client'
import { formPoster } from './securityForms'
import type { World } from './world'

/** The login form never sends anyone to another site. */
export function openRedirectTests(getWorld: () => World) {
  let world: World
  const { postForm } = formPoster(getWorld)

  describe('open redirect after login', () => {
    beforeAll(() => {
      world = getWorld()
    })

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
}

/** Cross-site posts to the site forms and to the REST API. */
export function csrfTests(getWorld: () => World) {
  let world: World
  const { cookieOf, postForm } = formPoster(getWorld)

  describe('CSRF: a cross-site post changes nothing', () => {
    beforeAll(() => {
      world = getWorld()
    })

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
}

/** Security headers of pages, the admin and the search API; the announced abuse limits. */
export function headerTests(getWorld: () => World) {
  let world: World

  describe('headers', () => {
    beforeAll(() => {
      world = getWorld()
    })

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
}

/** Abuse limits of GraphQL: batched account operations, wide queries, field suggestions. */
export function graphqlAbuseTests(getWorld: () => World) {
  let world: World

  describe('abuse limits and GraphQL (issue 17)', () => {
    beforeAll(() => {
      world = getWorld()
    })

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
