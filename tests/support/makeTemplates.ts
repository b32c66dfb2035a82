/**
 * Makes the databases every test file and test server of one `npm test` run starts from,
 * once, as the product's server would at its first start (migrations, search schema, demo
 * territory), while the build runs (scripts/test.mjs starts it):
 *
 *   sqlite             TEST_TEMPLATE_DIR/migrated.db and demo-<key>.db (+ their media), the
 *                      files sqliteTemplates.ts copies;
 *   postgres-migrated  the database <TEST_PG_TEMPLATE>_migrated, migrated only;
 *   postgres-demo      <TEST_PG_TEMPLATE>_demo, a copy of the first with the demo seeded,
 *                      and its media in TEST_TEMPLATE_DIR/pg-demo-media.
 *
 * PostgreSQL copies them with `CREATE DATABASE … TEMPLATE …` (pgTemplates.ts), which needs
 * the template without any connection: this process closes its own before exiting.
 */
import fs from 'node:fs'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'

import { pgAdmin, pgTemplateNames, pgTemplateMedia } from './pgTemplates'
import { saveTemplate, sqliteTemplate } from './sqliteTemplates'

const kind = process.argv[2]
const dir = process.env.TEST_TEMPLATE_DIR
if (!dir || !['sqlite', 'postgres-migrated', 'postgres-demo'].includes(kind ?? '')) {
  console.error('Usage : TEST_TEMPLATE_DIR=… node --import tsx tests/support/makeTemplates.ts sqlite|postgres-migrated|postgres-demo')
  process.exit(2)
}

const step = (s: string) => process.env.TEST_TEMPLATE_DEBUG && console.log(`  [${kind}] ${s}`)

async function boot(databaseUri: string, mediaDir: string): Promise<Payload> {
  process.env.DATABASE_URI = databaseUri
  process.env.MEDIA_DIR = mediaDir
  fs.mkdirSync(mediaDir, { recursive: true })
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  const { runMigrations } = await import('@/database/migrate')
  await runMigrations(payload)
  step('migré')
  return payload
}

async function seedDemo(payload: Payload) {
  const { seedDemoIfEmpty } = await import('@/seed/demo')
  await seedDemoIfEmpty(payload, (line) => step(line))
  step('démo installée')
}

/** Closes the connections only (Payload's destroy() may wait for its job timers here). */
async function close(payload: Payload) {
  const db = payload.db as unknown as { pool?: { end(): Promise<void> }; client?: { close(): void } }
  await Promise.race([db.pool?.end(), new Promise((r) => setTimeout(r, 5_000))])
  db.client?.close()
  step('fermé')
}

const started = Date.now()
if (kind === 'sqlite') {
  const work = path.join(dir!, `work-${process.pid}`)
  fs.mkdirSync(work, { recursive: true })
  const payload = await boot(`file:${path.join(work, 'work.db')}`, path.join(work, 'media'))
  await saveTemplate(payload, sqliteTemplate('migrated')!)
  await seedDemo(payload)
  await saveTemplate(payload, sqliteTemplate('demo')!)
  await close(payload)
  fs.rmSync(work, { recursive: true, force: true })
} else {
  const names = pgTemplateNames()!
  const base = new URL(process.env.TEST_POSTGRES_URI!)
  const target = kind === 'postgres-migrated' ? names.migrated : names.demo
  await pgAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`)
    await client.query(kind === 'postgres-migrated' ? `CREATE DATABASE "${target}"` : `CREATE DATABASE "${target}" TEMPLATE "${names.migrated}"`)
  })
  base.pathname = `/${target}`
  const media = kind === 'postgres-demo' ? pgTemplateMedia()! : path.join(dir!, `pg-work-${process.pid}`)
  const payload = await boot(base.toString(), media)
  if (kind === 'postgres-demo') await seedDemo(payload)
  await close(payload)
  // No session may stay on a template (CREATE DATABASE … TEMPLATE refuses then).
  await pgAdmin((client) => client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${target}' AND pid <> pg_backend_pid()`))
  if (kind === 'postgres-migrated') fs.rmSync(media, { recursive: true, force: true })
}
console.log(`  modèle ${kind} prêt en ${Math.round((Date.now() - started) / 1000)} s`)
process.exit(0)
