/**
 * The public site ships no framework JavaScript. Its pages are React server components
 * rendered to plain HTML; Next.js would add its client runtime (React, the router and the
 * page's RSC payload, about 100 KB compressed) to hydrate client components that the site
 * does not have. This express middleware removes those scripts from public HTML pages and
 * compresses the result, which keeps a results page far under the 60 KB budget. Progressive
 * enhancement comes from the small scripts in public/site/. A page that needs the runtime
 * (a client component) opts out by rendering an element with `data-keep-next-runtime`.
 * The admin, the API and Next's own assets are left untouched; other responses are
 * compressed here by compression.ts (Next is asked for plain bytes).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express'

import { compressFor, isCompressible } from '@/server/compression'
import { hasSessionCookie } from '@/server/sessionCookie'
import { restoreTerritoryPrefix } from '@/server/territoryPrefix'
import { TERRITORY_HEADER, territoryPrefix } from '@/territories/prefix'

const UNTOUCHED = /^\/(admin|api|_next|vendor|site)(\/|$)/

function isPublicPage(req: Request): boolean {
  if (!['GET', 'HEAD', 'POST'].includes(req.method)) return false
  if (req.headers.rsc || req.headers['next-action'] || req.headers['next-router-state-tree']) return false
  return !UNTOUCHED.test(req.path)
}

const KEEP_MARKER = 'data-keep-next-runtime'
const NOT_FOUND_MARK = 'data-http-status="404"'

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

const ERROR_SHELL = 'id="__next_error__"'
/** Any address no page answers renders the site's own « Page introuvable » (the catch-all page). */
const NOT_FOUND_PATH = '/page-introuvable'

/**
 * The page to send instead of Next's empty error shell: the site's « Page introuvable »
 * (asked from this same server, for the same host so that the territory is the same) for a
 * 404, a short static page otherwise.
 */
async function errorPage(req: Request, status: number): Promise<string> {
  if (status === 404 && req.path !== NOT_FOUND_PATH) {
    try {
      const local = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '')
      const host = local.includes(':') ? `[${local}]` : local
      const slug = req.headers[TERRITORY_HEADER]
      const prefix = typeof slug === 'string' && slug ? territoryPrefix(slug) : ''
      const response = await fetch(`http://${host}:${req.socket.localPort}${prefix}${NOT_FOUND_PATH}`, {
        headers: { accept: 'text/html', 'x-forwarded-host': String(req.headers['x-forwarded-host'] ?? req.headers.host ?? '') },
        signal: AbortSignal.timeout(5000),
      })
      const html = await response.text()
      if (response.status === 404 && !html.includes(ERROR_SHELL)) return html
    } catch {
      // fall through to the static page
    }
  }
  const [title, text] =
    status === 404
      ? ['Page introuvable', 'Cette page n’existe pas ou plus.']
      : ['Une erreur est survenue', 'Le service rencontre un problème. Réessayez dans quelques instants.']
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Retour à l’accueil</a></p></main></body></html>`
}

/**
 * The header shows who is logged in: a page asked with a session cookie is never stored by a
 * shared cache (proxy, CDN) nor served to someone else; every page varies on the cookie.
 * Anonymous pages keep the caching Next gave them.
 */
export function markSessionPagesPrivate(req: Pick<Request, 'headers'>, res: Pick<Response, 'getHeader' | 'setHeader'>): void {
  const vary = String(res.getHeader('vary') ?? '')
  if (!/(^|,\s*)cookie\b/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Cookie` : 'Cookie')
  if (hasSessionCookie(req.headers.cookie)) res.setHeader('Cache-Control', 'private, no-store')
}

/**
 * Payload's Next config asks every response for the colour-scheme client hint (its admin
 * theme uses it). On the public site it serves nothing and costs a lot: `Critical-CH` makes
 * Chromium send each page request twice, and the first one of a one-time link would use it.
 */
export function dropClientHints(res: Pick<Response, 'getHeader' | 'setHeader' | 'removeHeader'>): void {
  res.removeHeader('accept-ch')
  res.removeHeader('critical-ch')
  const vary = res.getHeader('vary')
  if (vary === undefined) return
  const kept = String(vary)
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name && !/^sec-ch-/i.test(name))
  if (kept.length) res.setHeader('Vary', kept.join(', '))
  else res.removeHeader('vary')
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
      const callback = (typeof chunk === 'function' ? chunk : callbackOf(args)) as (() => void) | undefined
      void finish(Buffer.concat(chunks))
        .catch(() => Buffer.concat(chunks))
        .then((body) => {
          // Node writes the head through res.writeHead when the body goes out: give it back.
          Object.assign(res, original)
          res.removeHeader('transfer-encoding')
          const bodyless = req.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304
          if (!bodyless) res.setHeader('Content-Length', body.length)
          originalEnd(bodyless ? undefined : body, callback)
        })
      return res
    }) as Response['end']

    async function finish(raw: Buffer): Promise<Buffer> {
      dropClientHints(res)
      let body = restoreTerritoryPrefix(req, res, raw)
      const type = String(res.getHeader('content-type') ?? '')
      const bodyless = req.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304
      if (bodyless || res.getHeader('content-encoding')) return body
      if (type.startsWith('text/html')) {
        let html = body.toString('utf8')
        // Pages render « Page introuvable » themselves and mark it (see NotFoundContent).
        if (res.statusCode === 200 && html.includes(NOT_FOUND_MARK)) res.statusCode = 404
        // Next's error shell is empty: its not-found or error page is drawn in the browser.
        if (html.includes(ERROR_SHELL)) html = await errorPage(req, res.statusCode)
        body = Buffer.from(stripNextRuntime(html), 'utf8')
        markSessionPagesPrivate(req, res)
      }
      if (isCompressible(type)) {
        const compressed = await compressFor(body, acceptEncoding, 'page')
        body = compressed.body
        if (compressed.encoding) res.setHeader('Content-Encoding', compressed.encoding)
        const vary = String(res.getHeader('vary') ?? '')
        if (!/accept-encoding/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
      }
      return body
    }
    next()
  }
}
