import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'libsql'
import pg from 'pg'

import { SLUGS } from '@collections/slugs'

import { listFiles, sha256 } from '../../scripts/backup/format'
import { NODE_TS_ARGS } from '../../scripts/lib/serverCommand.mjs'
import { extraPort } from '../support/forms'
import { api, login, type Session } from '../support/rest'
import { allServers } from '../support/servers'
import { spawnServer, type SpawnedServer } from '../support/spawnServer'

/**
 * `npm run backup` while the shared server keeps writing, then `npm run restore` into a
 * fresh database and media folder, a fresh server on them, and every collection compared
 * document by document with the original (SQLite always, PostgreSQL with TEST_POSTGRES_URI).
 */
const tmp = path.resolve(process.env.TEST_TMP_DIR || 'tests/.tmp')

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...NODE_TS_ARGS, script, ...args], {
      env: { ...process.env, NODE_OPTIONS: '--no-deprecation', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('exit', (code) => resolve({ code: code ?? 1, output }))
  })
}

async function allDocs(baseUrl: string, session: Session, slug: string): Promise<unknown[]> {
  const { status, json } = await api(baseUrl, session, 'GET', `/api/${slug}?depth=0&limit=100000&sort=id`)
  expect(status).toBe(200)
  // A user's open sessions change with the very logins this comparison needs.
  return (json.docs as Array<Record<string, unknown>>).map(({ sessions: _sessions, ...doc }) => doc)
}

for (const source of process.env.TEST_BASE_URL ? allServers() : []) {
  describe(`backup and restore (${source.name})`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), `annuaire-backup-${source.name}-`))
    const sourceUri = (source.name === 'sqlite' ? process.env.TEST_DATABASE_URI : process.env.TEST_PG_DATABASE_URI) ?? ''
    const sourceMedia = path.join(tmp, `media-${source.name}`)
    const restoredMedia = path.join(work, 'media-restaurees')
    let restoredUri = ''
    let restored: SpawnedServer | undefined

    const marker = `sauvegarde-${Date.now()}`

    afterAll(async () => {
      await restored?.stop()
      // The categories written during the backup would show on the shared server's site.
      await api(source.baseUrl, await login(source.baseUrl, 'admin'), 'DELETE', `/api/categories?where[name][like]=${marker}`)
      if (source.name === 'postgres' && restoredUri) {
        const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URI })
        await admin.connect()
        await admin.query(`DROP DATABASE IF EXISTS "${new URL(restoredUri).pathname.slice(1)}" WITH (FORCE)`)
        await admin.end()
      }
      fs.rmSync(work, { recursive: true, force: true })
    })

    it('backs up while serving writes, restores into a fresh instance with every collection identical', async () => {
      expect(sourceUri).not.toBe('')
      // At least one media file, whatever the earlier suites uploaded.
      fs.mkdirSync(path.join(sourceMedia, 'essai'), { recursive: true })
      fs.writeFileSync(path.join(sourceMedia, 'essai', 'sauvegarde.txt'), `média de test ${Date.now()}\n`)
      const env = { DATABASE_URI: sourceUri, MEDIA_DIR: sourceMedia }

      // 1. Online: a backup taken during a burst of writes is consistent.
      const admin = await login(source.baseUrl, 'admin')
      let writing = true
      let written = 0
      const writer = async (w: number) => {
        for (let i = 0; writing; i++) {
          const { status } = await api(source.baseUrl, admin, 'POST', '/api/categories', { name: `${marker}-${w}-${i}` })
          expect(status).toBe(201)
          written++
        }
      }
      const writers = [0, 1, 2, 3].map(writer)
      while (written < 5) await new Promise((r) => setTimeout(r, 20))
      const during = await run('scripts/backup/index.ts', ['--out', path.join(work, 'pendant')], env)
      writing = false
      await Promise.all(writers)
      expect(during.output).toContain('Sauvegarde terminée')
      expect(during.code).toBe(0)
      if (source.name === 'sqlite') {
        const copy = new Database(path.join(work, 'pendant', 'database.sqlite'), { readonly: true })
        expect((copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok')
        copy.close()
      }

      // 2. The backup that is restored, then the comparison, with no write in between.
      const superadmin = await login(source.baseUrl, 'superadmin')
      const backup = await run('scripts/backup/index.ts', ['--out', path.join(work, 'sauvegarde')], env)
      expect(backup.code).toBe(0)
      const manifest = JSON.parse(fs.readFileSync(path.join(work, 'sauvegarde', 'manifest.json'), 'utf8'))
      expect(manifest.database.kind).toBe(source.name)
      expect(manifest.media.files.map((f: { path: string }) => f.path)).toContain('essai/sauvegarde.txt')

      if (source.name === 'sqlite') restoredUri = `file:${path.join(work, 'restauree.db')}`
      else {
        const url = new URL(process.env.TEST_POSTGRES_URI!)
        url.pathname = `/annuaire_restore_${process.pid}_${Date.now()}`
        restoredUri = url.toString()
      }
      const target = { DATABASE_URI: restoredUri, MEDIA_DIR: restoredMedia }
      const restore = await run('scripts/backup/restore.ts', [path.join(work, 'sauvegarde')], target)
      expect(restore.output).toContain('Restauration terminée')
      expect(restore.code).toBe(0)
      const again = await run('scripts/backup/restore.ts', [path.join(work, 'sauvegarde')], target)
      expect(again.code).toBe(1)
      expect(again.output).toContain('Restauration refusée')
      expect(again.output).toContain('--force')

      expect(listFiles(restoredMedia)).toEqual(listFiles(sourceMedia))
      for (const file of listFiles(sourceMedia)) expect(sha256(path.join(restoredMedia, file))).toBe(sha256(path.join(sourceMedia, file)))

      // Same public address as the original: media URLs are computed from it.
      restored = await spawnServer(extraPort(3), { ...target, JOBS_AUTORUN: '0', PUBLIC_URL: source.baseUrl })
      const restoredSession = await login(restored.baseUrl, 'superadmin')
      const slugs = Object.values(SLUGS)
      for (const slug of slugs) {
        const [before, after] = [await allDocs(source.baseUrl, superadmin, slug), await allDocs(restored.baseUrl, restoredSession, slug)]
        expect({ slug, count: after.length }).toEqual({ slug, count: before.length })
        expect(after).toEqual(before)
      }
    }, 300_000)
  })
}

if (!process.env.TEST_BASE_URL) {
  describe.skip('backup and restore', () => {
    it('needs the servers of « npm test »', () => {})
  })
}
