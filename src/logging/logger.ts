import pino from 'pino'
import type { Config } from 'payload'

/** pino's level number of `warn`. */
const WARN = 40

/**
 * A failed database write carries its values: Drizzle's message and `params` list every
 * parameter of the query (an account's e-mail, password hash and salt, verification token),
 * PostgreSQL's `detail` the value that broke a constraint. They never reach the log.
 */
const QUERY_VALUES = /\bparams: [^\n]*/g

function withoutValues(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(QUERY_VALUES, 'params: [retirés du journal]')
  if (!value || typeof value !== 'object' || depth > 4) return value
  if (Array.isArray(value)) return value.map((item) => withoutValues(item, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (key === 'params' || key === 'parameters' || key === 'detail') continue
    out[key] = withoutValues(item, depth + 1)
  }
  return out
}

/** pino's error serializer, without the values of a failed query. */
export const logError = (error: unknown) => withoutValues(pino.stdSerializers.err(error as Error))

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
      serializers: { err: logError, error: logError },
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
