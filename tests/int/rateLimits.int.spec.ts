/**
 * The abuse limits of src/server/rateLimits.ts, mounted on small express servers with low
 * allowances: the French 429 (page and JSON) with Retry-After, one counter per rule, the API
 * rule on top, and two instances sharing their counters through Redis (REDIS_URL, or the
 * Redis of these machines at 127.0.0.1:6379).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'

import { graphqlGuard, MAX_DEPTH, MAX_ROOT_FIELDS } from '@/server/graphqlGuard'
import { rateLimits, redisStores, ruleFromEnv, RULES, waitText } from '@/server/rateLimits'
import { normalisedPath } from '@/server/requestRoute'
import { hstsEnabled } from '@/server/securityHeaders'

const REDIS_URL = process.env.TEST_REDIS_URL || process.env.REDIS_URL || 'redis://127.0.0.1:6379'

type Running = { baseUrl: string; close: () => Promise<void> }

async function serve(...handlers: express.RequestHandler[]): Promise<Running> {
  const app = express()
  for (const handler of handlers) app.use(handler)
  app.use((_req, res) => {
    res.json({ ok: true })
  })
  const server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A POST whose path is sent exactly as written (fetch would resolve `/./` and `/../` itself). */
function rawPost(baseUrl: string, path: string): Promise<number> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end('a=1')
  })
}

const post = (baseUrl: string, path: string, accept = 'application/json') =>
  fetch(`${baseUrl}${path}`, { method: 'POST', headers: { accept, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' })

describe('abuse limits', () => {
  const running: Running[] = []
  afterAll(async () => {
    for (const r of running) await r.close()
  })

  it('reads allowances from the environment, scaled for the test servers', () => {
    const login = RULES.find((r) => r.name === 'login')!
    expect(ruleFromEnv(login, {}).limit).toBe(login.limit)
    expect(ruleFromEnv(login, { RATE_LIMIT_LOGIN: '5/2m' })).toMatchObject({ limit: 5, windowMs: 120_000 })
    expect(ruleFromEnv(login, { RATE_LIMIT_LOGIN: '7', RATE_LIMIT_SCALE: '10' })).toMatchObject({ limit: 70, windowMs: login.windowMs })
    expect(ruleFromEnv(login, { RATE_LIMIT_LOGIN: 'beaucoup' }).limit).toBe(login.limit)
    expect(waitText(30)).toBe('30 secondes')
    expect(waitText(600)).toBe('10 minutes')
    expect(waitText(3600)).toBe('1 heure')
  })

  it('refuses the request past the allowance with a French page or JSON and Retry-After, per rule', async () => {
    const env = { RATE_LIMIT_LOGIN: '3/15m', RATE_LIMIT_CONTACT: '2/1h', RATE_LIMIT_API: '100/1m' }
    const server = await serve(rateLimits({ env }))
    running.push(server)
    for (let i = 0; i < 3; i++) expect((await post(server.baseUrl, '/connexion/envoyer', 'text/html')).status).toBe(200)
    const page = await post(server.baseUrl, '/connexion/envoyer', 'text/html')
    expect(page.status).toBe(429)
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const html = await page.text()
    expect(html).toContain('<html lang="fr">')
    expect(html).toMatch(/Trop de tentatives de connexion depuis votre adresse\. Réessayez dans \d+ minutes?\./)
    // The REST login shares the same counter and answers JSON.
    const api = await post(server.baseUrl, '/api/users/login')
    expect(api.status).toBe(429)
    expect((await api.json()).errors[0].message).toMatch(/^Trop de tentatives de connexion/)
    // Another rule still has its own allowance.
    expect((await post(server.baseUrl, '/contacter/entreprises/boulangerie/envoyer')).status).toBe(200)
    expect((await post(server.baseUrl, '/contacter/entreprises/boulangerie/envoyer')).status).toBe(200)
    expect((await post(server.baseUrl, '/contacter/entreprises/boulangerie/envoyer')).status).toBe(429)
    // Reading pages is not limited.
    expect((await fetch(`${server.baseUrl}/entreprises/boulangerie`)).status).toBe(200)
  })

  it('counts « Renvoyer l’e-mail de confirmation » against the accounts limit (issue 18)', async () => {
    const server = await serve(rateLimits({ env: { RATE_LIMIT_ACCOUNTS: '2/1h' } }))
    running.push(server)
    expect((await post(server.baseUrl, '/mot-de-passe-oublie/envoyer')).status).toBe(200)
    expect((await post(server.baseUrl, '/verifier-email/renvoyer')).status).toBe(200)
    const refused = await post(server.baseUrl, '/verifier-email/renvoyer', 'text/html')
    expect(refused.status).toBe(429)
    expect(await refused.text()).toMatch(/e-mails de confirmation depuis votre adresse/)
    expect((await post(server.baseUrl, '/inscription/envoyer')).status).toBe(429)
  })

  it('counts every API call against the API rule, search against its own', async () => {
    const server = await serve(rateLimits({ env: { RATE_LIMIT_API: '3/1m', RATE_LIMIT_SEARCH: '2/1m' } }))
    running.push(server)
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.baseUrl}/api/businesses`)).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    const search = []
    for (let i = 0; i < 3; i++) search.push((await fetch(`${server.baseUrl}/recherche?q=pain`, { headers: { accept: 'text/html' } })).status)
    expect(search).toEqual([200, 200, 429])
    // HEAD runs the same search: it counts, and is refused once the limit is reached.
    expect((await fetch(`${server.baseUrl}/api/search?q=pain`, { method: 'HEAD' })).status).toBe(429)
    expect((await fetch(`${server.baseUrl}/recherche?q=pain`, { method: 'HEAD' })).status).toBe(429)
  })

  it('normalises the route: case, escapes, slashes and territory prefix do not escape a limit', async () => {
    expect(normalisedPath('/api/users/%6cogin')).toBe('/api/users/login')
    expect(normalisedPath('/api/users/%256cogin')).toBe('/api/users/login')
    expect(normalisedPath('/API//Users/LOGIN/')).toBe('/api/users/login')
    expect(normalisedPath('/t/Cc-Picardie/api/users/login')).toBe('/api/users/login')
    expect(normalisedPath('/api/users/%E0login')).toBe('/api/users/àlogin')
    expect(normalisedPath('/api/users/./login')).toBe('/api/users/login')
    expect(normalisedPath('/api/users/x/../login')).toBe('/api/users/login')
    expect(normalisedPath('/api/users/%2e/login')).toBe('/api/users/login')
    expect(normalisedPath('/api/%2E%2E/api/users/login')).toBe('/api/users/login')
    expect(normalisedPath('/api/./search')).toBe('/api/search')
    const server = await serve(rateLimits({ env: { RATE_LIMIT_LOGIN: '2/15m', RATE_LIMIT_ACCOUNTS: '1/1h', RATE_LIMIT_SEARCH: '1/1m' } }))
    running.push(server)
    expect((await post(server.baseUrl, '/api/users/login')).status).toBe(200)
    expect((await post(server.baseUrl, '/api/users/LOGIN')).status).toBe(200)
    for (const path of ['/api/users/login', '/api/users/LOGIN', '/api/users/%6cogin', '/api//users/login/', '/t/cc-test/api/users/Login', '/api/users/%256cogin']) {
      expect([path, (await post(server.baseUrl, path)).status]).toEqual([path, 429])
    }
    for (const path of ['/api/users/./login', '/api/users/x/../login', '/api/users/%2e/login', '/api/%2E%2E/api/users/login']) {
      expect([path, await rawPost(server.baseUrl, path)]).toEqual([path, 429])
    }
    expect((await post(server.baseUrl, '/api/users/FORGOT-PASSWORD')).status).toBe(200)
    expect((await post(server.baseUrl, '/api/users/forgot-password')).status).toBe(429)
    expect((await fetch(`${server.baseUrl}/api/SEARCH?q=pain`)).status).toBe(200)
    expect((await fetch(`${server.baseUrl}/api/search/?q=pain`)).status).toBe(429)
  })

  describe('GraphQL', () => {
    const gql = (baseUrl: string, query: string, variables?: unknown) =>
      fetch(`${baseUrl}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })
    const login = (alias = 'a') => `${alias}: loginUser(email: "x@exemple.fr", password: "essai") { token }`

    it('counts each account operation against the limit of its REST twin', async () => {
      const server = await serve(graphqlGuard, rateLimits({ env: { RATE_LIMIT_LOGIN: '2/15m', RATE_LIMIT_ACCOUNTS: '1/1h' } }))
      running.push(server)
      expect((await post(server.baseUrl, '/api/users/login')).status).toBe(200)
      expect((await gql(server.baseUrl, `mutation { ${login()} }`)).status).toBe(200)
      const refused = await gql(server.baseUrl, `mutation Essai { ${login()} }`)
      expect(refused.status).toBe(429)
      expect((await refused.json()).errors[0].message).toMatch(/^Trop de tentatives de connexion/)
      // The REST login shares the counter the other way round too.
      expect((await post(server.baseUrl, '/api/users/login')).status).toBe(429)
      // Sign-up and forgotten password share the accounts limit.
      expect((await gql(server.baseUrl, 'mutation { forgotPasswordUser(email: "x@exemple.fr") }')).status).toBe(200)
      expect((await gql(server.baseUrl, 'mutation { createUser(data: { email: "y@exemple.fr", password: "p", name: "n" }) { id } }')).status).toBe(429)
      expect((await post(server.baseUrl, '/api/users')).status).toBe(429)
      // Reading is not an account operation.
      expect((await gql(server.baseUrl, '{ Businesses { docs { id } } }')).status).toBe(200)
    })

    it('refuses more than one account operation, too many root fields, too deep a query, a malformed body', async () => {
      const server = await serve(graphqlGuard, rateLimits({ env: { RATE_LIMIT_LOGIN: '100/15m' } }))
      running.push(server)
      const aliases = Array.from({ length: 100 }, (_, i) => login(`a${i}`)).join(' ')
      const hundred = await gql(server.baseUrl, `mutation { ${aliases} }`)
      expect(hundred.status).toBe(400)
      expect((await hundred.json()).errors[0].message).toMatch(/Une seule opération de compte/)
      // Hidden behind a fragment, or in a second operation of the same document.
      expect((await gql(server.baseUrl, `mutation { ...F } fragment F on Mutation { ${login('a')} ${login('b')} }`)).status).toBe(400)
      expect((await gql(server.baseUrl, `mutation A { ${login()} } mutation B { ${login()} }`)).status).toBe(400)
      const roots = Array.from({ length: MAX_ROOT_FIELDS + 1 }, (_, i) => `b${i}: Businesses { totalDocs }`).join(' ')
      const wide = await gql(server.baseUrl, `{ ${roots} }`)
      expect(wide.status).toBe(400)
      expect((await wide.json()).errors[0].message).toMatch(/Trop de champs demandés à la racine/)
      const deep = `{ ${'a { '.repeat(MAX_DEPTH + 1)}id${' }'.repeat(MAX_DEPTH + 1)} }`
      expect((await gql(server.baseUrl, deep)).status).toBe(400)
      expect((await gql(server.baseUrl, '{ Businesses { docs { id ')).status).toBe(400)
      const notGraphql = await fetch(`${server.baseUrl}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": 42}' })
      expect(notGraphql.status).toBe(400)
      // Within the caps: on to the next handler.
      expect((await gql(server.baseUrl, `mutation { ${login()} }`)).status).toBe(200)
      expect((await gql(server.baseUrl, `{ ${Array.from({ length: MAX_ROOT_FIELDS }, (_, i) => `b${i}: Businesses { totalDocs }`).join(' ')} }`)).status).toBe(200)
    })
  })

  it('shares counters between instances through Redis', async () => {
    // A unique rule window per run keeps this test's keys apart from any other run.
    const namespace = `essai-${process.pid}-${Date.now()}`
    const env = { RATE_LIMIT_ALERT: '3/1m' }
    const one = await redisStores(REDIS_URL, () => undefined, 5000, namespace)
    const two = await redisStores(REDIS_URL, () => undefined, 5000, namespace)
    const a = await serve(rateLimits({ env, stores: one }))
    const b = await serve(rateLimits({ env, stores: two }))
    running.push(a, b)
    const statuses = [
      (await post(a.baseUrl, '/alertes/envoyer')).status,
      (await post(b.baseUrl, '/alertes/envoyer')).status,
      (await post(a.baseUrl, '/alertes/envoyer')).status,
      (await post(b.baseUrl, '/alertes/envoyer')).status,
      (await post(a.baseUrl, '/alertes/envoyer')).status,
    ]
    expect(statuses).toEqual([200, 200, 200, 429, 429])
  })

  it('refuses to start with a Redis that does not answer, saying so in French', async () => {
    await expect(redisStores('redis://127.0.0.1:1', () => undefined, 1500)).rejects.toThrow(/Redis \(REDIS_URL\) ne répond pas/)
  })
})

describe('HSTS', () => {
  it('only in production behind HTTPS', () => {
    expect(hstsEnabled(false, { NODE_ENV: 'production', PUBLIC_URL: 'https://annuaire.example.fr' })).toBe(true)
    expect(hstsEnabled(false, { NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1:3000' })).toBe(false)
    expect(hstsEnabled(false, { NODE_ENV: 'production', HSTS: '1' })).toBe(true)
    expect(hstsEnabled(false, { NODE_ENV: 'production', PUBLIC_URL: 'https://annuaire.example.fr', HSTS: '0' })).toBe(false)
    expect(hstsEnabled(true, { NODE_ENV: 'production', PUBLIC_URL: 'https://annuaire.example.fr' })).toBe(false)
    expect(hstsEnabled(false, { NODE_ENV: 'development', PUBLIC_URL: 'https://annuaire.example.fr' })).toBe(false)
  })
})
