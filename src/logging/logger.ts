import pino from 'pino'
import type { Config } from 'payload'

import { ERROR_LOG_LEVELS } from './errorLevels'

/** pino's level numbers of `warn` and `error`. */
const WARN = 40
const ERROR = 50

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
 * GraphQL wraps Payload's errors in a `GraphQLError`, which Payload logs at error whatever
 * it wraps: a refusal there is logged like over REST, at info with its message only.
 */
function graphqlRefusal(first: unknown): { msg: string } | undefined {
  const err = (first as { err?: { name?: unknown; message?: unknown; originalError?: { name?: unknown } } } | null)?.err
  if (err?.name !== 'GraphQLError' || typeof err.originalError?.name !== 'string') return undefined
  if ((ERROR_LOG_LEVELS as Record<string, string | undefined>)[err.originalError.name] !== 'info') return undefined
  return { msg: String(err.message) }
}

/**
 * Payload warns, for each verification or reset e-mail, that the request's host is not in its
 * CORS list and that it falls back to no origin. The product never uses that origin (every
 * link is built from the territory's public address, src/territories/publicOrigin.ts): the
 * warning says nothing to whoever runs it, and it is dropped.
 */
const UNUSED_ORIGIN_WARNING = /^Request origin ".*" is not in the CORS\/CSRF allowlist\./

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
          if (level === WARN && typeof args[0] === 'string' && UNUSED_ORIGIN_WARNING.test(args[0])) return
          const refusal = level >= ERROR ? graphqlRefusal(args[0]) : undefined
          if (refusal) return this.info(refusal)
          method.apply(this, args)
          if (level >= WARN) destination.flush()
        },
      },
    },
    destination,
  }
}
