import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import writeXlsxFile from 'write-excel-file/node'

import { seedDemoIfEmpty } from '@/seed/demo'
import { readTable } from '@/imports/read'
import { runImport } from '@/imports/run'
import { bootLocalPayload, type TestDatabase } from '../support/localPayload'

const SAMPLE = path.resolve('tests/fixtures/imports/entrees.csv')

/** The import of tests/fixtures/imports/entrees.csv: 4 good rows (3 new, 1 update), 7 bad ones. */
export function importsSuite(kind: TestDatabase) {
  describe(`import of entries (${kind})`, () => {
    let payload: Payload
    let cleanup: () => Promise<void>
    let territory: number

    beforeAll(async () => {
      ;({ payload, cleanup } = await bootLocalPayload(kind))
      await seedDemoIfEmpty(payload, () => {})
      territory = (await payload.find({ collection: 'territories', where: { epciCode: { equals: '246000848' } }, overrideAccess: true })).docs[0]!.id as number
    })
    afterAll(async () => {
      await cleanup?.()
    })

    const count = async () =>
      (await payload.count({ collection: 'businesses', overrideAccess: true })).totalDocs +
      (await payload.count({ collection: 'associations', overrideAccess: true })).totalDocs

    it('dry run: says row by row what would be created, updated or refused and why, and writes nothing', async () => {
      const before = await count()
      const table = await readTable(fs.readFileSync(SAMPLE), 'entrees.csv')
      const report = await runImport(payload, table, { territory, dryRun: true })
      expect(await count()).toBe(before)
      const by = (line: number) => report.rows.find((r) => r.line === line)!
      expect(by(2)).toMatchObject({ action: 'create', kind: 'businesses', name: 'Garage du Centre' })
      expect(by(3)).toMatchObject({ action: 'create', kind: 'associations' })
      expect(by(4)).toMatchObject({ action: 'update', name: 'Cabinet médical de Grandvilliers' })
      expect(by(5).action).toBe('refuse')
      expect(by(5).reasons!.join(' ')).toMatch(/Commune « Paris » inconnue/)
      expect(by(6).reasons!.join(' ')).toMatch(/SIRET/)
      expect(by(7).reasons!.join(' ')).toMatch(/Catégorie « Astronautes » inconnue/)
      expect(by(8).reasons!.join(' ')).toMatch(/Nom manquant/)
      expect(by(9).reasons!.join(' ')).toMatch(/ne correspond pas à la commune/)
      expect(by(10)).toMatchObject({ action: 'create', name: 'Plomberie Dubois' })
      expect(by(11).reasons!.join(' ')).toMatch(/Doublon/)
      expect(by(12)).toMatchObject({ action: 'create' }) // only the database refuses its too long activity
      expect(report.counts).toEqual({ create: 4, update: 1, unchanged: 0, refuse: 6 })
    })

    it('real run: writes the good rows, each all or nothing, and reports the refused ones', async () => {
      const before = await count()
      const progress: number[] = []
      const table = await readTable(fs.readFileSync(SAMPLE), 'entrees.csv')
      const report = await runImport(payload, table, { territory, dryRun: false, fileName: 'entrees.csv', onProgress: (n) => void progress.push(n) })
      expect(progress).toEqual(Array.from({ length: 11 }, (_, i) => i + 1))
      expect(report.counts).toEqual({ create: 3, update: 1, unchanged: 0, refuse: 7 })
      expect(await count()).toBe(before + 3)
      const row12 = report.rows.find((r) => r.line === 12)!
      expect(row12.action).toBe('refuse')
      expect(row12.reasons!.join(' ')).toMatch(/Activité/)
      // Nothing half-imported: the refused row left no entry behind.
      expect((await payload.count({ collection: 'businesses', where: { name: { equals: 'Atelier trop bavard' } }, overrideAccess: true })).totalDocs).toBe(0)
      const garage = (await payload.find({ collection: 'businesses', where: { siret: { equals: '44306184100047' } }, overrideAccess: true, depth: 1 })).docs[0]!
      expect(garage).toMatchObject({ name: 'Garage du Centre', status: 'published', postcode: '60210' })
      expect(garage.email).toBe('garage@example.org')
      const plumber = (await payload.find({ collection: 'businesses', where: { siret: { equals: '55210055400013' } }, overrideAccess: true, depth: 0 })).docs[0]!
      expect(plumber.categories).toHaveLength(2)
      expect(plumber.website).toBe('https://plomberie-dubois.fr')
      const club = (await payload.find({ collection: 'associations', where: { rna: { equals: 'W602009999' } }, overrideAccess: true })).docs[0]!
      expect(club.name).toBe('Club de randonnée du plateau')
      const cabinet = (await payload.find({ collection: 'businesses', where: { name: { equals: 'Cabinet médical de Grandvilliers' } }, overrideAccess: true })).docs
      expect(cabinet).toHaveLength(1)
      expect(cabinet[0]!.phone).toMatch(/01$/)
    })

    it('is idempotent: the same file again creates and changes nothing', async () => {
      const before = await count()
      const report = await runImport(payload, await readTable(fs.readFileSync(SAMPLE), 'entrees.csv'), { territory, dryRun: false })
      expect(report.counts).toEqual({ create: 0, update: 0, unchanged: 4, refuse: 7 })
      expect(await count()).toBe(before)
    })

    it('reads the same rows from an XLSX file, with an explicit column mapping', async () => {
      const table = await readTable(fs.readFileSync(SAMPLE), 'entrees.csv')
      const renamed = table.header.map((h) => (h === 'nom' ? 'Raison sociale ou dénomination' : h))
      const xlsx = await writeXlsxFile([renamed.map((value) => ({ value })), ...table.rows.map((r) => table.header.map((h) => ({ value: r[h] ?? '' })))]).toBuffer()
      const fromXlsx = await readTable(Buffer.from(xlsx), 'entrees.xlsx')
      expect(fromXlsx.rows).toHaveLength(11)
      const report = await runImport(payload, fromXlsx, { territory, dryRun: true, mapping: { name: 'Raison sociale ou dénomination' } })
      expect(report.counts).toEqual({ create: 1, update: 0, unchanged: 4, refuse: 6 })
    })
  })
}
