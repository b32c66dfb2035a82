import { allServers } from '../support/servers'
import { formToken, postForm } from '../support/forms'
import { api, login } from '../support/rest'

/** The shared production servers answer over HTTP: health, readiness and the REST API. */
describe.each(allServers().map((s) => [s.name, s] as const))('REST on %s', (_name, server) => {
  it('answers /healthz and /readyz', async () => {
    expect((await api(server.baseUrl, null, 'GET', '/healthz')).status).toBe(200)
    const ready = await api(server.baseUrl, null, 'GET', '/readyz')
    expect(ready.status).toBe(200)
    expect(ready.json.status).toBe('ok')
  })

  it('lists the 88 communes of CC de la Picardie Verte with their centres', async () => {
    const { status, json } = await api(server.baseUrl, null, 'GET', '/api/communes?limit=100&depth=0&where[epciCode][equals]=246000848')
    expect(status).toBe(200)
    expect(json.totalDocs).toBe(88)
    expect(json.docs).toHaveLength(88)
    for (const commune of json.docs) {
      expect(typeof commune.latitude).toBe('number')
      expect(typeof commune.longitude).toBe('number')
    }
    expect(json.docs.map((c: { name: string }) => c.name)).toContain('Grandvilliers')
  })

  it('creates a document through REST as an administrator and reads it back', async () => {
    const admin = await login(server.baseUrl, 'admin')
    const name = `Catégorie REST ${Date.now()}`
    const created = await api(server.baseUrl, admin, 'POST', '/api/categories', { name })
    expect(created.status).toBe(201)
    expect(created.json.doc.slug).toMatch(/^categorie-rest-/)
    const read = await api(server.baseUrl, null, 'GET', `/api/categories/${created.json.doc.id}`)
    expect(read.status).toBe(200)
    expect(read.json.name).toBe(name)
    expect(read.json.territory).toBeTruthy()
  })

  it('answers a wrong password on the public login form with a French message, not an error page', async () => {
    const token = await formToken(`${server.baseUrl}/connexion`)
    await new Promise((resolve) => setTimeout(resolve, 2100)) // the guard refuses forms sent within 2 s
    const res = await postForm(`${server.baseUrl}/connexion/envoyer`, {
      _jeton: token,
      email: 'habitant@annuaire.example',
      password: 'pas-le-bon-mot-de-passe',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toContain('erreur=1')
    const flash = res.headers.get('set-cookie')!.split(';')[0]!
    const page = await fetch(new URL(res.headers.get('location')!, server.baseUrl), { headers: { cookie: flash } })
    expect(await page.text()).toContain('Adresse e-mail ou mot de passe incorrect')
  })

  it('keeps media files read with a session out of every cache, and has no image optimiser', async () => {
    const admin = await login(server.baseUrl, 'admin')
    const listed = await api(server.baseUrl, admin, 'GET', '/api/media?limit=1&depth=0&where[alt][like]=Logo%20de')
    expect(listed.json.docs.length).toBe(1)
    const file = `${server.baseUrl}/api/media/file/${encodeURIComponent(listed.json.docs[0].filename)}`
    const asStaff = await fetch(file, { headers: { authorization: `JWT ${admin.token}` } })
    expect({ status: asStaff.status, cache: asStaff.headers.get('cache-control') }).toEqual({ status: 200, cache: 'private, no-store' })
    // Payload trims cookie names: a space before « = » is a session too.
    for (const cookie of [`payload-token=${admin.token}`, `x=1; payload-token =${admin.token}`]) {
      const withCookie = await fetch(file, { headers: { cookie, 'sec-fetch-site': 'same-origin' } })
      expect({ cookie: cookie.slice(0, 20), cache: withCookie.headers.get('cache-control') }).toEqual({ cookie: cookie.slice(0, 20), cache: 'private, no-store' })
    }
    // The demo's logos are public: an anonymous reader's copy may be kept five minutes.
    const anonymous = await fetch(file)
    expect({ status: anonymous.status, cache: anonymous.headers.get('cache-control') }).toEqual({ status: 200, cache: 'public, max-age=300' })
    const optimiser = await fetch(`${server.baseUrl}/_next/image?url=${encodeURIComponent(new URL(file).pathname)}&w=64&q=75`)
    expect(optimiser.status).toBe(404)
  })

  it('serves the admin in French', async () => {
    const res = await fetch(`${server.baseUrl}/admin/login`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/<html[^>]*lang="fr"/)
    expect(html).toContain('Se connecter')
  })
})
