import pino from 'pino'
import type { Config } from 'payload'

/**
 * Payload's logger. In production: one JSON line per event (method, path, status and
 * duration for requests; never a query string or a body), written asynchronously — the
 * default pretty printer formatted every request's line in the server's thread, about a
 * fifth of its time under load. Elsewhere (development, scripts): Payload's readable output.
 * `LOG_LEVEL` (default `info`) sets the threshold.
 */
export function createLogger(env: NodeJS.ProcessEnv = process.env): Config['logger'] {
  if (env.NODE_ENV !== 'production') return undefined
  return { options: { level: env.LOG_LEVEL || 'info' }, destination: pino.destination({ sync: false }) }
}
