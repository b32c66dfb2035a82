import { promisify } from 'node:util'
import zlib from 'node:zlib'

import type { Request, RequestHandler, Response } from 'express'
import type { Payload } from 'payload'

import { answerSearch } from '@/search/endpoint'

const gzip = promisify(zlib.gzip)

/** Where the search API answers (Payload's REST prefix + the endpoint's path). */
export const SEARCH_API_PATH = '/api/search'

/**
 * GET /api/search answered by express, before the request reaches Next.js: the same
 * answer as the Payload endpoint (`answerSearch`: zod-checked parameters, territory of
 * the Host, published and unexpired entries only) without the cost of Next's and
 * Payload's request handling (about 10 ms a request on two cores), which dominated the
 * search's latency under load. Runs after the security headers, the territory prefix, the
 * database gate and the rate limits, like any request.
 */
export function searchRoute(payload: Payload): RequestHandler {
  return async (req: Request, res: Response) => {
    const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? '')
    const answer = await answerSearch(payload, new URL(req.url, 'http://localhost').searchParams, host)
    res.statusCode = answer.status
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value)
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    res.setHeader('Vary', 'Accept-Encoding')
    // Compressed off the event loop (zlib runs on libuv's thread pool).
    if (answer.body.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const body = await gzip(answer.body, { level: 6 })
      res.setHeader('Content-Encoding', 'gzip')
      res.setHeader('Content-Length', String(body.length))
      return void res.end(body)
    }
    // The bytes as they came from the search thread: nothing to encode or copy here.
    res.setHeader('Content-Length', String(answer.body.length))
    res.end(answer.body)
  }
}
