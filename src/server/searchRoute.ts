import type { Request, RequestHandler, Response } from 'express'
import type { Payload } from 'payload'

import { answerSearch } from '@/search/endpoint'
import { compressFor } from '@/server/compression'

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
    // gzip only: the answers are small JSON asked at every keystroke, where brotli's better
    // ratio is not worth its time.
    const compressed = await compressFor(answer.body, String(req.headers['accept-encoding'] ?? ''), 'page', ['gzip'])
    if (compressed.encoding) {
      res.setHeader('Content-Encoding', compressed.encoding)
      res.setHeader('Content-Length', String(compressed.body.length))
      return void res.end(compressed.body)
    }
    // The bytes as they came from the search thread: nothing to encode or copy here.
    res.setHeader('Content-Length', String(answer.body.length))
    res.end(answer.body)
  }
}
