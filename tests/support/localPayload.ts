import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { copyPgDemoMedia, createFromTemplate, pgTemplateNames } from './pgTemplates'
import { copyTemplate, saveTemplate, sqliteTemplate } from './sqliteTemplates'

/**
 * Boots a real Payload in the test process on a fresh database: a temporary SQLite file,
 * a new PostgreSQL database on the server of TEST_POSTGRES_URI, or a new MongoDB database
 * on TEST_MONGODB_URI. Migrations are applied
 * as at start. Call in a test file's beforeAll; `payload.destroy()` in afterAll.
 * `{ demo: true }`: the file seeds the demo territory next (seedDemoIfEmpty); on SQLite
 * within `npm test` it starts from a copy of a database seeded once, and every SQLite file
 * from a copy of a migrated one (see sqliteTemplates.ts); every PostgreSQL file likewise
 * from a copy of a database migrated (or seeded) once (pgTemplates.ts).
 */
export type TestDatabase = 'sqlite' | 'postgres' | 'mongodb'

export async function bootLocalPayload(
  kind: TestDatabase,
  options: { demo?: boolean } = {},
): Promise<{ payload: Payload; cleanup: () => Promise<void> }> {
  let cleanupDb: () => Promise<void> = async () => {}
  const migrated = kind === 'sqlite' ? sqliteTemplate('migrated') : null
  const demo = kind === 'sqlite' && options.demo ? sqliteTemplate('demo') : null
  let copied: 'demo' | 'migrated' | null = null
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-int-'))
    process.env.DATABASE_URI = `file:${path.join(dir, 'test.db')}`
    const file = path.join(dir, 'test.db')
    if (demo && copyTemplate(demo, file)) copied = 'demo'
    else if (migrated && copyTemplate(migrated, file)) copied = 'migrated'
    cleanupDb = async () => fs.rmSync(dir, { recursive: true, force: true })
  } else if (kind === 'mongodb') {
    const base = process.env.TEST_MONGODB_URI
    if (!base) throw new Error('TEST_MONGODB_URI manque')
    const url = new URL(base)
    url.pathname = `/annuaire_int_${process.pid}_${Date.now()}`
    process.env.DATABASE_URI = url.toString()
    cleanupDb = async () => {}
  } else {
    const base = process.env.TEST_POSTGRES_URI
    if (!base) throw new Error('TEST_POSTGRES_URI manque')
    const url = new URL(base)
    url.pathname = `/annuaire_int_${process.pid}_${Date.now()}`
    process.env.DATABASE_URI = url.toString()
    const templates = pgTemplateNames()
    if (templates) {
      await createFromTemplate(url.pathname.slice(1), options.demo ? templates.demo : templates.migrated)
      if (options.demo) copyPgDemoMedia(process.env.MEDIA_DIR || 'data/media')
      copied = options.demo ? 'demo' : 'migrated'
    }
    cleanupDb = async () => {
      const { default: pg } = await import('pg')
      const client = new pg.Client({ connectionString: base })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`)
      await client.end()
    }
  }
  process.env.EMAIL_OUTBOX_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-outbox-'))
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const { runMigrations } = await import('@/database/migrate')
  const { guardPoolErrors } = await import('@/database/guardPoolErrors')
  const payload = await getPayload({ config })
  guardPoolErrors(payload)
  await runMigrations(payload)
  if (migrated && !copied) await saveTemplate(payload, migrated)
  // The demo territory, whatever the copy held (a PostgreSQL run without templates has none).
  if (options.demo && copied !== 'demo') {
    const { seedDemoIfEmpty } = await import('@/seed/demo')
    await seedDemoIfEmpty(payload, () => {})
    if (demo) await saveTemplate(payload, demo)
  }
  return {
    payload,
    cleanup: async () => {
      const { closeDatabase } = await import('@/database/close')
      // On a database that existed before Payload connected (a template copy), the PostgreSQL
      // adapter keeps one pooled client it never releases (connect.js): the pool's end()
      // then waits for ever. The DROP … WITH (FORCE) below closes that connection.
      await Promise.race([closeDatabase(payload), new Promise((r) => setTimeout(r, 10_000))])
      await cleanupDb()
    },
  }
}

/**
 * Payload in-process for calling the site's route handlers: jobs run only when the test says
 * so, e-mail links start with `origin`, media and e-mails go to temporary folders (the outbox
 * is returned, to read what was sent).
 */
export async function bootRoutesPayload(
  kind: TestDatabase,
  origin: string | null,
  options: { demo?: boolean } = {},
): Promise<{ payload: Payload; cleanup: () => Promise<void>; outbox: string }> {
  process.env.JOBS_AUTORUN = '0'
  if (origin) process.env.PUBLIC_URL = origin
  process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-media-'))
  const booted = await bootLocalPayload(kind, options)
  return { ...booted, outbox: process.env.EMAIL_OUTBOX_DIR! }
}
