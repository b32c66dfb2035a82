import type { Payload } from 'payload'

type Closable = { pool?: { end(): Promise<void> }; client?: { close(): void } }

/**
 * Stops Payload and closes the database connections: Payload's `destroy` leaves the
 * PostgreSQL pool and the SQLite client open, which would keep a stopping process alive.
 */
export async function closeDatabase(payload: Payload): Promise<void> {
  const db = payload.db as unknown as Closable
  const pool = db.pool
  const client = db.client
  await payload.destroy()
  if (pool) await pool.end().catch(() => {})
  if (client) {
    try {
      client.close()
    } catch {}
  }
}
