/**
 * Without PAYLOAD_SECRET there is no fixed, published fallback: a random secret is generated
 * at the first start, kept in the data folder with mode 0600, reused afterwards and announced
 * once in the log. (tests/int/origins.http.int.spec.ts checks the same on a real server.)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { dataDir, resolveSecret, SECRET_FILE } from '@/secret'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-secret-'))

describe('resolveSecret', () => {
  test('PAYLOAD_SECRET wins and nothing is written', () => {
    const dir = tmp()
    expect(resolveSecret({ PAYLOAD_SECRET: ' fixe ', DATA_DIR: dir, NODE_ENV: 'development' })).toBe('fixe')
    expect(fs.readdirSync(dir)).toEqual([])
  })

  test('generated once in the data folder with mode 0600, logged once, then reused', () => {
    const dir = path.join(tmp(), 'data')
    const logs: string[] = []
    const env = { DATA_DIR: dir, NODE_ENV: 'development' } as NodeJS.ProcessEnv
    const first = resolveSecret(env, (m) => logs.push(m))
    const second = resolveSecret(env, (m) => logs.push(m))
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(second).toBe(first)
    expect(first).not.toBe('annuaire-local-development-secret-not-for-production')
    const file = path.join(dir, SECRET_FILE)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first)
    expect(logs).toHaveLength(1)
    expect(logs[0]).toContain(file)
  })

  test('a secret already in the data folder (an earlier start) is read, not replaced, and not announced', () => {
    const dir = tmp()
    const kept = 'b'.repeat(64)
    fs.writeFileSync(path.join(dir, SECRET_FILE), `${kept}\n`, { mode: 0o600 })
    const logs: string[] = []
    expect(resolveSecret({ DATA_DIR: dir, ANNUAIRE_DEMO: '1', NODE_ENV: 'production' }, (m) => logs.push(m))).toBe(kept)
    expect(logs).toEqual([])
  })

  test('next build writes nothing and gets a random value; production outside the demo refuses to start', () => {
    const dir = tmp()
    const built = resolveSecret({ DATA_DIR: dir, NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })
    expect(built).toMatch(/^[0-9a-f]{64}$/)
    expect(fs.readdirSync(dir)).toEqual([])
    expect(() => resolveSecret({ DATA_DIR: dir, NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET est obligatoire/)
  })

  test('the data folder: DATA_DIR, else the SQLite file’s folder, else data/ (PostgreSQL)', () => {
    const env = (vars: Record<string, string>) => ({ NODE_ENV: 'production', ...vars }) as NodeJS.ProcessEnv
    expect(dataDir(env({ DATA_DIR: '/srv/annuaire' }), '/app')).toBe('/srv/annuaire')
    expect(dataDir(env({ DATABASE_URI: 'file:./base/annuaire.db' }), '/app')).toBe('/app/base')
    expect(dataDir(env({}), '/app')).toBe('/app/data')
    expect(dataDir(env({ DATABASE_URI: 'postgres://u@h/db' }), '/app')).toBe('/app/data')
  })
})
