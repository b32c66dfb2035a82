import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

const FIXTURES = path.resolve('tests/fixtures/sirene')

export type SireneReplay = { url: string; requests: string[]; close: () => Promise<void> }

/**
 * Replays recorded answers of the company register (no network in tests):
 * /search?q=<siret> → tests/fixtures/sirene/<siret>.json, `empty.json` for any other SIRET,
 * HTTP 500 for 00000000000000.
 */
export function sireneReplayServer(): Promise<SireneReplay> {
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
