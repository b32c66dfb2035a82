import type { Payload } from 'payload'

type PoolLike = { on(event: 'error', listener: (error: Error) => void): void }

/**
 * When PostgreSQL restarts or drops connections, idle pool clients emit 'error' on the
 * pool; with no listener Node would crash the whole process. Log it instead: the pool
 * opens fresh connections for the next queries, so the service recovers by itself.
 */
export function guardPoolErrors(payload: Payload): void {
  const pool = (payload.db as unknown as { pool?: PoolLike }).pool
  pool?.on('error', (error) => {
    payload.logger.warn(`Connexion PostgreSQL perdue (${error.message}) : elle sera rouverte à la prochaine requête.`)
  })
}
