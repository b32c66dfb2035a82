import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from '@jest/globals'
import Database from 'libsql'

import { ReadConnection } from '@/search/sqlite/readConnection'

describe('search read connection', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-read-'))
  const file = path.join(dir, 'index.db')
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('opens local files only, with a 16 MB page cache, and sees what another connection committed', () => {
    expect(ReadConnection.open('file::memory:')).toBeNull()
    expect(ReadConnection.open('libsql://example.org')).toBeNull()
    const writer = new Database(file)
    writer.exec(`PRAGMA journal_mode = WAL; CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1)`)
    const reader = ReadConnection.open(`file:${file}`)!
    expect(reader.all('PRAGMA cache_size')).toEqual([{ cache_size: -16384 }])
    expect(reader.all('SELECT sum(v) AS total FROM t')).toEqual([{ total: 1 }])
    writer.exec('INSERT INTO t VALUES (2)')
    expect(reader.all('SELECT sum(v) AS total FROM t')).toEqual([{ total: 3 }])
    reader.close()
    writer.close()
  })
})
