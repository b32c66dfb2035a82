import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import writeXlsxFile from 'write-excel-file/node'

import { seedDemoIfEmpty } from '@/seed/demo'
import { readTable } from '@/imports/read'
import { runImport } from '@/imports/run'
import { bootLocalPayload, type TestDatabase } from '../support/localPayload'

const SAMPLE = path.resolve('tests/fixtures/imports/entrees.csv')
/** What a secrétaire exports from her spreadsheet: « ; », categories written her way, an owner's entry. */
const MAIRIE = path.resolve('tests/fixtures/imports/tableur-mairie.csv')

/** The import of tests/fixtures/imports/entrees.csv: 4 good rows (3 new, 1 update), 7 bad ones. */
export function importsSuite(kind: TestDatabase) {
  describe(`import of entries (${kind})`, () => {
    let payload: Payload
    let cleanup: () => Promise<void>
    let territory: number

    beforeAll(async () => {
      ;({ payload, cleanup } = await bootLocalPayload(kind, { demo: true }))
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
      // A category the directory lacks is proposed for creation, not refused at once.
      expect(by(7)).toMatchObject({ action: 'create', notes: [expect.stringMatching(/Catégorie « Astronautes » à créer/)] })
      expect(report.categoryProposals).toEqual([expect.objectContaining({ name: 'Astronautes', parent: null, lines: [7] })])
      expect(by(8).reasons!.join(' ')).toMatch(/Nom manquant/)
      expect(by(9).reasons!.join(' ')).toMatch(/ne correspond pas à la commune/)
      expect(by(10)).toMatchObject({ action: 'create', name: 'Plomberie Dubois' })
      expect(by(11).reasons!.join(' ')).toMatch(/Doublon/)
      expect(by(12)).toMatchObject({ action: 'create' }) // only the database refuses its too long activity
      expect(report.counts).toEqual({ create: 5, update: 1, unchanged: 0, conflict: 0, refuse: 5 })
    })

    it('real run: writes the good rows, each all or nothing, and reports the refused ones', async () => {
      const before = await count()
      const progress: number[] = []
      const table = await readTable(fs.readFileSync(SAMPLE), 'entrees.csv')
      const report = await runImport(payload, table, { territory, dryRun: false, fileName: 'entrees.csv', onProgress: (n) => void progress.push(n) })
      expect(progress).toEqual(Array.from({ length: 11 }, (_, i) => i + 1))
      expect(report.counts).toEqual({ create: 3, update: 1, unchanged: 0, conflict: 0, refuse: 7 })
      // Not confirmed, the missing category refuses its row and says what to do.
      expect(report.rows.find((r) => r.line === 7)!.reasons!.join(' ')).toMatch(/Catégorie « Astronautes » inconnue : cochez sa création/)
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
      expect(report.counts).toEqual({ create: 0, update: 0, unchanged: 4, conflict: 0, refuse: 7 })
      expect(await count()).toBe(before)
    })

    it('reads the same rows from an XLSX file, with an explicit column mapping', async () => {
      const table = await readTable(fs.readFileSync(SAMPLE), 'entrees.csv')
      const renamed = table.header.map((h) => (h === 'nom' ? 'Raison sociale ou dénomination' : h))
      const xlsx = await writeXlsxFile([renamed.map((value) => ({ value })), ...table.rows.map((r) => table.header.map((h) => ({ value: r[h] ?? '' })))]).toBuffer()
      const fromXlsx = await readTable(Buffer.from(xlsx), 'entrees.xlsx')
      expect(fromXlsx.rows).toHaveLength(11)
      const report = await runImport(payload, fromXlsx, { territory, dryRun: true, mapping: { name: 'Raison sociale ou dénomination' } })
      expect(report.counts).toEqual({ create: 2, update: 0, unchanged: 4, conflict: 0, refuse: 5 })
    })

    it('a mairie’s spreadsheet: « ; », categories as she writes them, confirmed creations, the owner’s text kept', async () => {
      const table = await readTable(fs.readFileSync(MAIRIE), 'tableur-mairie.csv')
      expect(table.header).toEqual(['Nom', 'Catégorie', 'Adresse', 'Code postal', 'Commune', 'Téléphone', 'Site web', 'SIRET', 'E-mail'])
      const martinBefore = (await payload.find({ collection: 'businesses', where: { name: { equals: 'Boulangerie Martin' } }, overrideAccess: true, depth: 0 })).docs[0]!
      expect(martinBefore.owners?.length).toBeGreaterThan(0)

      const dry = await runImport(payload, table, { territory, dryRun: true })
      expect(dry.mapping).toMatchObject({ name: 'Nom', categories: 'Catégorie', street: 'Adresse', postcode: 'Code postal', commune: 'Commune', phone: 'Téléphone', website: 'Site web', siret: 'SIRET', email: 'E-mail' })
      expect(dry.unknownColumns).toEqual([])
      expect(dry.counts).toEqual({ create: 4, update: 1, unchanged: 0, conflict: 0, refuse: 0 })
      expect(dry.categoryGuesses).toEqual(
        expect.arrayContaining([
          { written: 'Alimentation > Boulangerie', category: 'Boulangerie, pâtisserie', lines: [2, 6] },
          { written: 'Entretien de la maison > Plomberie', category: 'Plomberie, chauffage', lines: [3] },
        ]),
      )
      expect(dry.categoryProposals).toEqual([expect.objectContaining({ name: 'Fromageries', parent: expect.objectContaining({ name: 'Alimentation' }), lines: [4] })])
      const conflict = dry.rows.find((r) => r.line === 6)!
      // What the owner left empty is filled; what they wrote stays, as a conflict line.
      expect(conflict).toMatchObject({ action: 'update', name: 'Boulangerie Martin', reasons: ['Champs modifiés : Code postal.'] })
      expect(conflict.conflicts!.join(' ')).toMatch(/Téléphone : le propriétaire a écrit « 03 44 46 10 20 », le fichier dit « 03 44 46 99 99 »/)

      // Not confirmed: the row needing a new category is refused, the others are written.
      const first = await runImport(payload, table, { territory, dryRun: false })
      expect(first.counts).toEqual({ create: 3, update: 1, unchanged: 0, conflict: 0, refuse: 1 })
      // Confirmed: the category is created under « Alimentation », then its row.
      const second = await runImport(payload, table, { territory, dryRun: false, createCategories: dry.categoryProposals!.map((p) => p.key) })
      expect(second.counts).toEqual({ create: 1, update: 0, unchanged: 3, conflict: 1, refuse: 0 })
      expect(second.categoriesCreated).toEqual(['Fromageries'])
      const created = (await payload.find({ collection: 'categories', where: { name: { equals: 'Fromageries' } }, overrideAccess: true, depth: 1 })).docs
      expect(created).toHaveLength(1)
      expect(created[0]!).toMatchObject({ territory: expect.objectContaining({ id: territory }), parent: expect.objectContaining({ name: 'Alimentation' }) })

      const fournil = (await payload.find({ collection: 'businesses', where: { name: { equals: 'Au Fournil de Songeons' } }, overrideAccess: true, depth: 1 })).docs[0]!
      expect(fournil).toMatchObject({ phone: '03 44 82 30 30', website: 'https://fournil-songeons.fr', email: 'contact@fournil-songeons.fr', street: '2 rue de l\'Église' })
      expect((fournil.categories as Array<{ name: string }>).map((c) => c.name)).toEqual(['Boulangerie, pâtisserie'])
      const martinAfter = (await payload.find({ collection: 'businesses', where: { name: { equals: 'Boulangerie Martin' } }, overrideAccess: true, depth: 0 })).docs[0]!
      expect(martinAfter.phone).toBe(martinBefore.phone)
      expect(martinAfter.postcode).toBe('60210')
      expect(second.rows.find((r) => r.line === 6)).toMatchObject({ action: 'conflict', conflicts: [expect.stringMatching(/^Téléphone : le propriétaire a écrit/)] })
    })
  })
}
