import type { NextFunction, Request, Response } from 'express'
import type { Payload } from 'payload'

/**
 * One log line per request through Payload's pino logger: method, path (never the query
 * string or the body, which may hold personal data), status and duration.
 */
export function requestLogger(payload: Payload) {
  return (req: Request, res: Response, nextHandler: NextFunction) => {
    if (req.path.startsWith('/_next/static') || req.path === '/healthz') return nextHandler()
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      payload.logger.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, 'requête')
    })
    nextHandler()
  }
}
