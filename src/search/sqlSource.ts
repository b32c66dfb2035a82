/**
 * Fast read of the published entries for a rebuild on SQLite and PostgreSQL: plain SELECTs
 * on the tables Payload generates (same names on both), in id order, a few thousand rows
 * at a time. Produces the same shape as a depth-0 local API read, so `buildDocuments` is
 * shared. Reading 100,000 entries this way takes seconds where the local API takes
 * minutes; if the tables ever stop matching, the engine falls back to the local API.
 */
import type { EntryKind } from './types'

/** Runs a SELECT; `p(i)` renders the i-th placeholder (1-based) in the driver's syntax. */
export type SqlReader = {
  all(sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>>
  p(index: number): string
}

type Raw = Record<string, unknown>

const COLUMNS: Record<EntryKind, { table: string; columns: Record<string, string> }> = {
  businesses: {
    table: 'businesses',
    columns: { name: 'name', slug: 'slug', activity: 'activity', description: 'description', commune: 'commune_id' },
  },
  associations: { table: 'associations', columns: { name: 'name', slug: 'slug', description: 'description', commune: 'commune_id' } },
  services: {
    table: 'services',
    columns: { title: 'title', slug: 'slug', description: 'description', availability: 'availability', priceType: 'price_type', commune: 'commune_id' },
  },
  announcements: {
    table: 'announcements',
    columns: { kind: 'kind', title: 'title', slug: 'slug', body: 'body', category: 'category_id', priceType: 'price_type', commune: 'commune_id', expiresAt: 'expires_at', displayFrom: 'display_from' },
  },
}

const COMMON = { latitude: 'latitude', longitude: 'longitude', status: 'status', territory: 'territory_id', isExample: 'is_example', updatedAt: 'updated_at' }

const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v))

export async function* readPublished(reader: SqlReader, kind: EntryKind, batchSize = 2000): AsyncGenerator<Raw[]> {
  const { table, columns } = COLUMNS[kind]
  const all = { ...columns, ...COMMON }
  const select = Object.entries(all)
    .map(([key, column]) => `"${column}" AS "${key}"`)
    .join(', ')
  let lastId = 0
  for (;;) {
    const rows = await reader.all(
      `SELECT "id" AS "id", ${select} FROM "${table}" WHERE "status" = 'published' AND "id" > ${reader.p(1)} ORDER BY "id" LIMIT ${batchSize}`,
      [lastId],
    )
    if (rows.length === 0) return
    const first = Number(rows[0]!.id)
    lastId = Number(rows[rows.length - 1]!.id)
    const docs = new Map<number, Raw>()
    for (const row of rows) {
      docs.set(Number(row.id), {
        ...row,
        id: Number(row.id),
        latitude: num(row.latitude),
        longitude: num(row.longitude),
        isExample: row.isExample === true || row.isExample === 1 || row.isExample === '1',
        categories: [],
        communesServed: [],
      })
    }
    if (kind !== 'announcements') {
      const rels = await reader.all(
        `SELECT "parent_id" AS "parent", "path" AS "path", "categories_id" AS "category"${
          kind === 'services' ? `, "communes_id" AS "commune", "businesses_id" AS "business", "associations_id" AS "association"` : ''
        } FROM "${table}_rels" WHERE "parent_id" BETWEEN ${reader.p(1)} AND ${reader.p(2)} ORDER BY "parent_id", "order", "id"`,
        [first, lastId],
      )
      for (const rel of rels) {
        const doc = docs.get(Number(rel.parent))
        if (!doc) continue
        if (rel.path === 'categories' && rel.category !== null) (doc.categories as unknown[]).push(Number(rel.category))
        else if (rel.path === 'communesServed' && rel.commune !== null) (doc.communesServed as unknown[]).push(Number(rel.commune))
        else if (rel.path === 'provider') {
          if (rel.business !== null) doc.provider = { relationTo: 'businesses', value: Number(rel.business) }
          else if (rel.association !== null) doc.provider = { relationTo: 'associations', value: Number(rel.association) }
        }
      }
    }
    yield [...docs.values()]
    if (rows.length < batchSize) return
  }
}
