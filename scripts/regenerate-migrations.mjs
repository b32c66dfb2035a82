/**
 * Until the first release, the schema ships as one "initial" migration per database,
 * regenerated after a collection change (nothing deployed has applied it yet). After the
 * first release, add new migrations with `npm run payload -- migrate:create <name>` instead.
 * Usage: npm run migrate:regenerate (needs the PostgreSQL of TEST_POSTGRES_URI or 127.0.0.1).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const pg = process.env.TEST_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/test'
for (const [kind, uri] of [
  ['sqlite', 'file:./data/.migrations-scratch.db'],
  ['postgres', pg],
]) {
  const dir = path.resolve('src/migrations', kind)
  for (const file of fs.readdirSync(dir)) if (/^\d{8}_\d{6}_/.test(file)) fs.rmSync(path.join(dir, file))
  fs.writeFileSync(path.join(dir, 'index.ts'), 'export const migrations = []\n')
  execFileSync('npx', ['payload', 'migrate:create', 'initial'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URI: uri, NODE_OPTIONS: '--no-deprecation' },
  })
}
fs.rmSync('data/.migrations-scratch.db', { force: true })
execFileSync('npx', ['payload', 'generate:types'], { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--no-deprecation' } })
execFileSync('npx', ['payload', 'generate:importmap'], { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--no-deprecation' } })
