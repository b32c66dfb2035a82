import pino from 'pino'
import type { Config } from 'payload'

/**
 * Payload's logger. In production: one JSON line per event (method, path, status and
 * duration for requests; never a query string or a body), written asynchronously in
 * blocks — the default pretty printer formatted and wrote every request's line in the
 * server's thread, about a fifth of its time under load. Elsewhere (development, scripts): Payload's readable output.
 * `LOG_LEVEL` (default `info`) sets the threshold.
 */
export function createLogger(env: NodeJS.ProcessEnv = process.env): Config['logger'] {
  if (env.NODE_ENV !== 'production') return undefined
  // Written in blocks of 4 KB, and at least every second: one write per log line cost the
  // server's thread about 0.5 ms a request under load.
  const destination = pino.destination({ sync: false, minLength: 4096, periodicFlush: 1000 })
  return { options: { level: env.LOG_LEVEL || 'info' }, destination }
}
