/**
 * The public site ships no framework JavaScript. Its pages are React server components
 * rendered to plain HTML; Next.js would add its client runtime (React, the router and the
 * page's RSC payload, about 100 KB compressed) to hydrate client components that the site
 * does not have. This express middleware removes those scripts from public HTML pages and
 * compresses the result, which keeps a results page far under the 60 KB budget. Progressive
 * enhancement comes from the small scripts in public/site/. A page that needs the runtime
 * (a client component) opts out by rendering an element with `data-keep-next-runtime`.
 * The admin, the API and static files are left untouched.
 */
import zlib from 'node:zlib'

import type { NextFunction, Request, RequestHandler, Response } from 'express'

const UNTOUCHED = /^\/(admin|api|_next|vendor|site)(\/|$)/
const HAS_EXTENSION = /\.[a-z0-9]{1,8}$/i

function isPublicPage(req: Request): boolean {
  if (!['GET', 'HEAD', 'POST'].includes(req.method)) return false
  if (req.headers.rsc || req.headers['next-action'] || req.headers['next-router-state-tree']) return false
  return !UNTOUCHED.test(req.path) && !HAS_EXTENSION.test(req.path)
}

const KEEP_MARKER = 'data-keep-next-runtime'

/** Removes Next's client runtime (script tags, script preloads, RSC payload) from a page. */
export function stripNextRuntime(html: string): string {
  if (html.includes(KEEP_MARKER)) return html
  let out = ''
  let index = 0
  for (;;) {
    const start = html.indexOf('<script', index)
    if (start === -1) break
    const openEnd = html.indexOf('>', start)
    const close = html.indexOf('</script>', openEnd)
    if (openEnd === -1 || close === -1) break
    const openTag = html.slice(start, openEnd + 1)
    const body = html.slice(openEnd + 1, close)
    const isRuntime = /\ssrc="\/_next\//.test(openTag) || /self\.__next_[a-z]/.test(body)
    out += html.slice(index, start)
    if (!isRuntime) out += html.slice(start, close + 9)
    index = close + 9
  }
  out += html.slice(index)
  return out.replace(/<link rel="preload" as="script"[^>]*?href="\/_next\/[^"]*"[^>]*>/g, '')
}

function compress(body: Buffer, acceptEncoding: string): { body: Buffer; encoding?: 'br' | 'gzip' } {
  if (body.length < 1024) return { body }
  if (/\bbr\b/.test(acceptEncoding)) {
    return {
      body: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 } }),
      encoding: 'br',
    }
  }
  if (/\bgzip\b/.test(acceptEncoding)) return { body: zlib.gzipSync(body, { level: 6 }), encoding: 'gzip' }
  return { body }
}

type Chunk = string | Buffer | Uint8Array
type Callback = (error?: Error | null) => void

/** Buffers a public page's response, strips the runtime from HTML and compresses it. */
export function publicPagesWithoutRuntime(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isPublicPage(req)) return next()
    const acceptEncoding = String(req.headers['accept-encoding'] ?? '')
    // Next would compress the page itself: ask it for plain bytes, compressed here after.
    delete req.headers['accept-encoding']
    const chunks: Buffer[] = []
    const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders }
    const originalEnd = res.end.bind(res) as (chunk?: Chunk, cb?: () => void) => Response
    const toBuffer = (chunk: Chunk, encoding?: BufferEncoding) =>
      typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : Buffer.from(chunk)
    const callbackOf = (args: unknown[]) => args.find((a): a is Callback => typeof a === 'function')
    const encodingOf = (args: unknown[]) => args.find((a): a is BufferEncoding => typeof a === 'string')

    res.writeHead = ((status: number, ...rest: unknown[]) => {
      res.statusCode = status
      const headers = rest.find((r) => r && typeof r === 'object') as
        | Record<string, string | string[] | number>
        | string[]
        | undefined
      if (Array.isArray(headers)) {
        for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i]!, headers[i + 1]!)
      } else if (headers) {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
      }
      return res
    }) as Response['writeHead']
    res.flushHeaders = () => {}
    res.write = ((chunk: Chunk, ...args: unknown[]) => {
      if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encodingOf(args)))
      callbackOf(args)?.()
      return true
    }) as Response['write']
    res.end = ((chunk?: Chunk | (() => void), ...args: unknown[]) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encodingOf(args)))
      const callback = typeof chunk === 'function' ? chunk : callbackOf(args)
      let body: Buffer = Buffer.concat(chunks)
      const type = String(res.getHeader('content-type') ?? '')
      const bodyless = req.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304
      if (!bodyless && !res.getHeader('content-encoding')) {
        if (type.startsWith('text/html')) body = Buffer.from(stripNextRuntime(body.toString('utf8')), 'utf8')
        if (/^(text\/|application\/(json|xml|javascript))/.test(type)) {
          const compressed = compress(body, acceptEncoding)
          body = compressed.body
          if (compressed.encoding) res.setHeader('Content-Encoding', compressed.encoding)
          const vary = String(res.getHeader('vary') ?? '')
          if (!/accept-encoding/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
        }
      }
      // Node writes the head through res.writeHead when the body goes out: give it back.
      Object.assign(res, original)
      res.removeHeader('transfer-encoding')
      if (!bodyless) res.setHeader('Content-Length', body.length)
      return originalEnd(bodyless ? undefined : body, callback as (() => void) | undefined)
    }) as Response['end']
    next()
  }
}
