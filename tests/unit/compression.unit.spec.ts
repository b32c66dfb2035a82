/** The one response compressor (src/server/compression.ts) and the public pages' middleware using it. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import zlib from 'node:zlib'

import express from 'express'

import { compressFor, MIN_COMPRESSED_BYTES, negotiateEncoding } from '@/server/compression'
import { publicPagesWithoutRuntime } from '@/server/htmlDelivery'

const PAGE = `<!DOCTYPE html><html lang="fr"><head><title>Résultats</title><script src="/_next/static/chunks/main.js" async></script></head><body><main><h1>Résultats</h1>${'<p>Boulangerie Martin, Grandvilliers : pain au levain, viennoiseries.</p>'.repeat(60)}</main><script>self.__next_f.push([1,"x"])</script></body></html>`

describe('compressFor', () => {
  const body = Buffer.from(PAGE)

  test('brotli first, then gzip, else the bytes as they are', async () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip')
    expect(negotiateEncoding('identity')).toBeNull()
    expect(negotiateEncoding(null)).toBeNull()
    const br = await compressFor(body, 'br', 'page')
    expect(br.encoding).toBe('br')
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(PAGE)
    expect(br.body.length).toBeLessThan(body.length / 5)
    const gzip = await compressFor(body, 'gzip', 'static')
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(PAGE)
    expect(await compressFor(body, '', 'page')).toEqual({ body, encoding: null })
  })

  test('a small body goes out as it is', async () => {
    const small = Buffer.alloc(MIN_COMPRESSED_BYTES - 1, 'a')
    expect(await compressFor(small, 'br', 'page')).toEqual({ body: small, encoding: null })
  })

  test('no other module compresses responses, and none on the event loop', () => {
    const sources: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name)
        if (statSync(file).isDirectory()) walk(file)
        else if (/\.tsx?$/.test(name)) sources.push(file)
      }
    }
    walk(path.join(process.cwd(), 'src'))
    const compressing = sources.filter((file) => !file.endsWith(`server${path.sep}compression.ts`) && /zlib\.(brotliCompress|gzip|createBrotli|createGzip)/.test(readFileSync(file, 'utf8')))
    expect(compressing.map((file) => path.relative(process.cwd(), file))).toEqual([])
    expect(readFileSync(path.join(process.cwd(), 'src/server/compression.ts'), 'utf8')).not.toMatch(/Sync\b/)
  })
})

describe('publicPagesWithoutRuntime', () => {
  test('sends a public page without Next’s runtime, compressed for the client', async () => {
    const app = express()
    app.use(publicPagesWithoutRuntime())
    app.get('/recherche', (_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.write(PAGE.slice(0, 500))
      res.end(PAGE.slice(500))
    })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        // node:http keeps the encoded bytes (fetch would decode them).
        import('node:http').then(({ get }) =>
          get({ host: '127.0.0.1', port, path: '/recherche', headers: { 'accept-encoding': 'br' } }, (res) => {
            const chunks: Buffer[] = []
            res.on('data', (chunk: Buffer) => chunks.push(chunk))
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
          }).on('error', reject),
        )
      })
      expect(raw.headers['content-encoding']).toBe('br')
      expect(raw.headers['vary']).toMatch(/Accept-Encoding/)
      expect(Number(raw.headers['content-length'])).toBe(raw.body.length)
      const html = zlib.brotliDecompressSync(raw.body).toString()
      expect(html).toContain('<h1>Résultats</h1>')
      expect(html).not.toContain('<script')
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
