import fs from 'node:fs'
import path from 'node:path'

import { pgAdmin } from '../../scripts/lib/pgAdmin.mjs'

export { pgAdmin }

/**
 * PostgreSQL databases made once per `npm test` run (makeTemplates.ts, while the build
 * runs) and copied by every file and server that needs one: `<TEST_PG_TEMPLATE>_migrated`
 * and `<TEST_PG_TEMPLATE>_demo` (+ the demo's uploaded files). A copy is
 * `CREATE DATABASE … TEMPLATE …`: a few hundred milliseconds instead of migrating (and
 * seeding the demo) again. Without TEST_PG_TEMPLATE, every file starts from nothing.
 */
export function pgTemplateNames(): { migrated: string; demo: string } | null {
  const prefix = process.env.TEST_PG_TEMPLATE
  return prefix ? { migrated: `${prefix}_migrated`, demo: `${prefix}_demo` } : null
}

export function pgTemplateMedia(): string | null {
  const dir = process.env.TEST_TEMPLATE_DIR
  return dir ? path.join(dir, 'pg-demo-media') : null
}

/**
 * Creates `database` as a copy of a template. PostgreSQL refuses while another session is
 * connected to the template (code 55006): such a session only lasts as long as another copy,
 * so it tries again for a while.
 */
export async function createFromTemplate(database: string, template: string): Promise<void> {
  await pgAdmin(async (client) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`)
        return
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error
        await new Promise((r) => setTimeout(r, 200))
      }
    }
  })
}

/** Copies the demo's uploaded files into a media folder. */
export function copyPgDemoMedia(mediaDir: string): void {
  const source = pgTemplateMedia()
  if (!source || !fs.existsSync(source)) return
  fs.mkdirSync(mediaDir, { recursive: true })
  for (const name of fs.readdirSync(source)) fs.copyFileSync(path.join(source, name), path.join(mediaDir, name))
}
