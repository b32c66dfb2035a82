import type { Payload } from 'payload'

import type { StatMetric } from './metrics'

/** One counter to add to. */
export type Increment = { territory: number | string; month: string; metric: StatMetric; dimension: string; by?: number }

export const keyOf = (i: Increment) => `${i.territory}|${i.month}|${i.metric}|${i.dimension}`

type LibsqlClient = { execute(stmt: { sql: string; args: Array<string | number> }): Promise<unknown> }
type PgPool = { query(text: string, values?: unknown[]): Promise<unknown> }
type MongoModel = {
  bulkWrite(ops: unknown[], options?: { ordered?: boolean }): Promise<unknown>
}

/**
 * Unique increments in one statement: the same key twice would be refused by PostgreSQL.
 * Those that add up to nothing (a refined search undone and counted again) are left out.
 */
function merge(increments: Increment[]): Array<Increment & { key: string; by: number }> {
  const byKey = new Map<string, Increment & { key: string; by: number }>()
  for (const i of increments) {
    const key = keyOf(i)
    const found = byKey.get(key)
    if (found) found.by += i.by ?? 1
    else byKey.set(key, { ...i, key, by: i.by ?? 1 })
  }
  return [...byKey.values()].filter((row) => row.by !== 0)
}

/**
 * Adds to counters with one atomic statement: `INSERT … ON CONFLICT (key) DO UPDATE SET
 * count = count + excluded.count` on SQLite and PostgreSQL, `$inc` upserts on MongoDB.
 * Concurrent calls never lose an increment: the database does the addition.
 */
export async function increment(payload: Payload, increments: Increment[]): Promise<void> {
  const rows = merge(increments)
  if (rows.length === 0) return
  const now = new Date().toISOString()
  const db = payload.db as unknown as { name: string; client?: LibsqlClient; pool?: PgPool; collections?: Record<string, MongoModel> }
  if (db.name === 'sqlite' && db.client) {
    const values = rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')
    const args = rows.flatMap((r) => [r.key, Number(r.territory), r.month, r.metric, r.dimension, r.by, now, now])
    await db.client.execute({
      sql: `INSERT INTO usage_stats (key, territory_id, month, metric, dimension, count, updated_at, created_at)
            VALUES ${values}
            ON CONFLICT (key) DO UPDATE SET count = usage_stats.count + excluded.count, updated_at = excluded.updated_at`,
      args,
    })
    return
  }
  if (db.name === 'postgres' && db.pool) {
    const values = rows.map((_, n) => `($${n * 7 + 1}, $${n * 7 + 2}, $${n * 7 + 3}, $${n * 7 + 4}, $${n * 7 + 5}, $${n * 7 + 6}, $${n * 7 + 7}, $${n * 7 + 7})`)
    const args = rows.flatMap((r) => [r.key, Number(r.territory), r.month, r.metric, r.dimension, r.by, now])
    await db.pool.query(
      `INSERT INTO usage_stats (key, territory_id, month, metric, dimension, count, updated_at, created_at)
       VALUES ${values.join(', ')}
       ON CONFLICT (key) DO UPDATE SET count = usage_stats.count + excluded.count, updated_at = excluded.updated_at`,
      args,
    )
    return
  }
  const model = db.collections?.['usage-stats']
  if (db.name === 'mongoose' && model) {
    const { Types } = await import('mongoose')
    const ref = (id: number | string) => (Types.ObjectId.isValid(String(id)) ? new Types.ObjectId(String(id)) : id)
    await model.bulkWrite(
      rows.map((r) => ({
        updateOne: {
          filter: { key: r.key },
          update: {
            $inc: { count: r.by },
            $set: { updatedAt: new Date(now) },
            $setOnInsert: { territory: ref(r.territory), month: r.month, metric: r.metric, dimension: r.dimension, createdAt: new Date(now) },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    )
    return
  }
  throw new Error(`Statistiques : base de données « ${db.name} » non prise en charge.`)
}
