/**
 * The abuse limits of src/server/rateLimits.ts, mounted on small express servers with low
 * allowances: the French 429 (page and JSON) with Retry-After, one counter per rule, the API
 * rule on top, and two instances sharing their counters through Redis (REDIS_URL, or the
 * Redis of these machines at 127.0.0.1:6379).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'

import { rateLimits, redisStores, ruleFromEnv, RULES, waitText } from '@/server/rateLimits'
import { hstsEnabled } from '@/server/securityHeaders'

const REDIS_URL = process.env.TEST_REDIS_URL || process.env.REDIS_URL || 'redis://127.0.0.1:6379'

type Running = { baseUrl: string; close: () => Promise<void> }

async function serve(handler: express.RequestHandler): Promise<Running> {
  const app = express()
  app.use(handler)
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

  it('counts every API call against the API rule, search against its own', async () => {
    const server = await serve(rateLimits({ env: { RATE_LIMIT_API: '3/1m', RATE_LIMIT_SEARCH: '2/1m' } }))
    running.push(server)
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.baseUrl}/api/businesses`)).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    const search = []
    for (let i = 0; i < 3; i++) search.push((await fetch(`${server.baseUrl}/recherche?q=pain`, { headers: { accept: 'text/html' } })).status)
    expect(search).toEqual([200, 200, 429])
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
