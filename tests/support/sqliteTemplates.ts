import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

/**
 * SQLite databases made once per `npm test` run and copied by every file that needs one,
 * instead of made again by each: `migrated` (the committed migrations applied) and `demo`
 * (the demo territory seeded on top: two EPCI imports, accounts, examples, logos).
 * scripts/test.mjs gives the folder (TEST_TEMPLATE_DIR); without it every file starts from
 * nothing as before. The demo copy is keyed by DEMO_PASSWORD, which the seeded accounts use.
 * The first file to need one makes it as before, then writes the database (`VACUUM INTO`)
 * and the files it uploaded.
 */
export type Template = { db: string; media: string }

export function sqliteTemplate(kind: 'migrated' | 'demo'): Template | null {
  const dir = process.env.TEST_TEMPLATE_DIR
  if (!dir) return null
  const key = kind === 'demo' ? `-${Buffer.from(process.env.DEMO_PASSWORD ?? 'random').toString('hex').slice(0, 32)}` : ''
  return { db: path.join(dir, `${kind}${key}.db`), media: path.join(dir, `${kind}${key}-media`) }
}

const mediaDir = () => process.env.MEDIA_DIR || 'data/media'

/** Copies the template into a new database file and the current media folder; false when there is none yet. */
export function copyTemplate(template: Template, dbFile: string): boolean {
  if (!fs.existsSync(template.db)) return false
  fs.mkdirSync(mediaDir(), { recursive: true })
  for (const name of fs.readdirSync(template.media)) fs.copyFileSync(path.join(template.media, name), path.join(mediaDir(), name))
  fs.copyFileSync(template.db, dbFile)
  return true
}

/** Writes the database and its uploaded files as the template (the database last: it marks it complete). */
export async function saveTemplate(payload: Payload, template: Template): Promise<void> {
  if (fs.existsSync(template.db)) return
  const staging = `${template.media}.${process.pid}`
  fs.mkdirSync(staging, { recursive: true })
  const { docs } = await payload.find({ collection: 'media', limit: 0, pagination: false, depth: 0, overrideAccess: true })
  for (const doc of docs) {
    const files = [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)]
    for (const name of files) if (name) fs.copyFileSync(path.join(mediaDir(), name), path.join(staging, name))
  }
  try {
    fs.renameSync(staging, template.media)
  } catch {
    // Another worker wrote the same files first.
    fs.rmSync(staging, { recursive: true, force: true })
  }
  const dbStaging = `${template.db}.${process.pid}`
  const { sql } = await import('@payloadcms/db-sqlite')
  await (payload.db as unknown as { drizzle: { run: (query: unknown) => Promise<unknown> } }).drizzle.run(
    sql.raw(`VACUUM INTO '${dbStaging.replaceAll("'", "''")}'`),
  )
  fs.renameSync(dbStaging, template.db)
}
