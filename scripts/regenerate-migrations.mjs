/**
 * Until the first release, the schema ships as one "initial" migration per database,
 * regenerated after a collection change (nothing deployed has applied it yet). After the
 * first release, add new migrations with `npm run payload -- migrate:create <name>` instead.
 * Usage: npm run migrate:regenerate (needs the PostgreSQL of TEST_POSTGRES_URI or 127.0.0.1).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** A binary of this project's own node_modules (npx misbehaves inside `npm test`). */
const localBin = (name) => path.resolve('node_modules/.bin', name)

const pg = process.env.TEST_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/test'
for (const [kind, uri] of [
  ['sqlite', 'file:./data/.migrations-scratch.db'],
  ['postgres', pg],
]) {
  const dir = path.resolve('src/migrations', kind)
  for (const file of fs.readdirSync(dir)) if (/^\d{8}_\d{6}_/.test(file)) fs.rmSync(path.join(dir, file))
  fs.writeFileSync(path.join(dir, 'index.ts'), 'export const migrations = []\n')
  execFileSync(localBin('payload'), ['migrate:create', 'initial'], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URI: uri, NODE_OPTIONS: '--no-deprecation --conditions=production' },
  })
}
fs.rmSync('data/.migrations-scratch.db', { force: true })
execFileSync(localBin('payload'), ['generate:types'], { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--no-deprecation --conditions=production' } })
execFileSync(localBin('payload'), ['generate:importmap'], { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '--no-deprecation --conditions=production' } })
