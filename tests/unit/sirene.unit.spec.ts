import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import { lookupSiret, SireneUnavailable } from '@/sirene/client'

const FIXTURES = path.resolve('tests/fixtures/sirene')

/** Replays recorded answers of the register: /search?q=<siret> → fixtures/<siret>.json. */
function replayServer(): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = []
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '')
    const url = new URL(req.url ?? '/', 'http://localhost')
    const q = url.searchParams.get('q') ?? ''
    if (url.pathname !== '/search') return void res.writeHead(404).end()
    if (q === '00000000000000') return void res.writeHead(500).end('boom')
    const file = path.join(FIXTURES, `${q.replace(/\D/g, '')}.json`)
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(fs.readFileSync(fs.existsSync(file) ? file : path.join(FIXTURES, 'empty.json')))
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests,
        close: () => new Promise<void>((r) => server.close(() => r())),
      }),
    ),
  )
}

describe('SIRENE pre-fill client', () => {
  let server: Awaited<ReturnType<typeof replayServer>>
  beforeAll(async () => {
    server = await replayServer()
  })
  afterAll(async () => server.close())

  it('fills name, address, activity and commune from the register', async () => {
    const found = await lookupSiret('732 829 320 00074', { baseUrl: server.url })
    expect(found).toEqual({
      siret: '73282932000074',
      name: 'Boulangerie du Marche',
      activity: '10.71C',
      street: '12 rue de la Republique',
      postcode: '60210',
      inseeCode: '60286',
      communeName: 'Grandvilliers',
      latitude: 49.6654,
      longitude: 1.941,
      closed: false,
    })
    expect(server.requests.at(-1)).toBe('/search?q=73282932000074&page=1&per_page=1')
  })

  it('uses SIRENE_API_URL as base URL', async () => {
    process.env.SIRENE_API_URL = `${server.url}/`
    try {
      expect((await lookupSiret('73282932000074'))?.postcode).toBe('60210')
    } finally {
      delete process.env.SIRENE_API_URL
    }
  })

  it('answers null for an unknown or malformed SIRET, without calling for the malformed one', async () => {
    expect(await lookupSiret('12345678901234', { baseUrl: server.url })).toBeNull()
    const before = server.requests.length
    expect(await lookupSiret('123', { baseUrl: server.url })).toBeNull()
    expect(server.requests.length).toBe(before)
  })

  it('says the register is unavailable on a server error or without network, so the form is filled by hand', async () => {
    await expect(lookupSiret('00000000000000', { baseUrl: server.url })).rejects.toBeInstanceOf(SireneUnavailable)
    await expect(lookupSiret('73282932000074', { baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 })).rejects.toThrow(/à la main/)
  })
})
