import pino from 'pino'
import type { Config } from 'payload'

/** pino's level number of `warn`. */
const WARN = 40

/**
 * Payload's logger. In production: one JSON line per event (method, path, status and
 * duration for requests; never a query string or a body), written asynchronously — the
 * default pretty printer formatted every request's line in the server's thread, about a
 * fifth of its time under load. Request lines are written in blocks of 4 KB or every
 * second (one write for dozens of requests, instead of one each: about a tenth of the
 * server's CPU under a search load); a warning or an error is written at once with what
 * came before it, and pino writes what is left when the process exits. Elsewhere
 * (development, scripts): Payload's readable output. `LOG_LEVEL` (default `info`) sets the
 * threshold.
 */
export function createLogger(env: NodeJS.ProcessEnv = process.env): Config['logger'] {
  if (env.NODE_ENV !== 'production') return undefined
  const destination = pino.destination({ sync: false, minLength: 4096, periodicFlush: 1000 })
  return {
    options: {
      level: env.LOG_LEVEL || 'info',
      hooks: {
        logMethod(args, method, level) {
          method.apply(this, args)
          if (level >= WARN) destination.flush()
        },
      },
    },
    destination,
  }
}
