import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { deflateRawSync } from 'node:zlib'

import type { Payload } from 'payload'
import writeXlsxFile from 'write-excel-file/node'

import { importScopeOf } from '@/access/canImport'
import type { AccessUser } from '@/access/roles'
import { ImportFileError, readTable, type Table } from '@/imports/read'
import { runImport } from '@/imports/run'
import { DEMO_USERS, INSEE } from '../support/fixtures'
import { bootLocalPayload, type TestDatabase } from '../support/localPayload'

const SAMPLE = path.resolve('tests/fixtures/imports/entrees.csv')
/** What a secrétaire exports from her spreadsheet: « ; », categories written her way, an owner's entry. */
const MAIRIE = path.resolve('tests/fixtures/imports/tableur-mairie.csv')

/** A zip holding `files` (stored sizes as declared by its central directory, no CRC: the reader ignores it). */
function zipOf(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, data] of Object.entries(files)) {
    const packed = deflateRawSync(data)
    const nameBytes = Buffer.from(name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, packed)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const HEADER = ['nom', 'catégorie', 'commune', 'siret']
const tableOf = (rows: string[][]): Table => ({ header: HEADER, rows: rows.map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i] ?? '']))) })

/** The import of tests/fixtures/imports/entrees.csv: 4 good rows (3 new, 1 update), 7 bad ones. */
export function importsSuite(kind: TestDatabase) {
  describe(`import of entries (${kind})`, () => {
    let payload: Payload
    let cleanup: () => Promise<void>
    let territory: number

    beforeAll(async () => {
      ;({ payload, cleanup } = await bootLocalPayload(kind, { demo: true }))
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
      expect(dry.counts).toEqual({ create: 4, update: 0, unchanged: 0, conflict: 1, refuse: 0 })
      expect(dry.categoryGuesses).toEqual(
        expect.arrayContaining([
          { written: 'Alimentation > Boulangerie', category: 'Boulangerie, pâtisserie', lines: [2, 6] },
          { written: 'Entretien de la maison > Plomberie', category: 'Plomberie, chauffage', lines: [3] },
        ]),
      )
      expect(dry.categoryProposals).toEqual([expect.objectContaining({ name: 'Fromageries', parent: expect.objectContaining({ name: 'Alimentation' }), lines: [4] })])
      const conflict = dry.rows.find((r) => r.line === 6)!
      // Its owner's edit waits for a moderator: nothing is written on it, not even the empty
      // postcode; what they wrote is still listed as a conflict line.
      expect(conflict).toMatchObject({ action: 'conflict', name: 'Boulangerie Martin' })
      expect(conflict.conflicts![0]).toMatch(/^Modification du propriétaire en attente de validation : rien n’est modifié sur cette fiche \(le fichier aurait changé : Code postal\)/)
      expect(conflict.conflicts!.join(' ')).toMatch(/Téléphone : le propriétaire a écrit « 03 44 46 10 20 », le fichier dit « 03 44 46 99 99 »/)

      // Not confirmed: the row needing a new category is refused, the others are written.
      const first = await runImport(payload, table, { territory, dryRun: false })
      expect(first.counts).toEqual({ create: 3, update: 0, unchanged: 0, conflict: 1, refuse: 1 })
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
      expect(martinAfter.postcode).toBe(martinBefore.postcode)
      expect(martinAfter.pendingChanges).toEqual(martinBefore.pendingChanges)
      expect(second.rows.find((r) => r.line === 6)).toMatchObject({ action: 'conflict', conflicts: [expect.stringMatching(/^Modification du propriétaire en attente/), expect.stringMatching(/^Téléphone : le propriétaire a écrit/)] })
    })

    it('refuses before parsing a file with too many rows or an XLSX that unfolds into too much, and says so in French', async () => {
      const csv = Buffer.from(['nom;commune', ...Array.from({ length: 5001 }, (_, i) => `Structure ${i};Songeons`)].join('\n'))
      await expect(readTable(csv, 'gros.csv')).rejects.toThrow(new ImportFileError('Le fichier compte 5\u202f001 lignes de données : 5\u202f000 au plus par fichier. Découpez-le en plusieurs fichiers (par commune, par exemple), puis importez-les l’un après l’autre.'))
      const rows = Array.from({ length: 6001 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>n${i}</t></is></c></row>`).join('')
      const sheet = Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`)
      await expect(readTable(zipOf({ 'xl/worksheets/sheet1.xml': sheet }), 'gros.xlsx')).rejects.toThrow(/Le fichier compte 6\u202f000 lignes de données : 5\u202f000 au plus/)
      // 60 Mo of spaces pack into about 60 Ko: refused from the sizes its directory declares.
      const bomb = zipOf({ 'xl/worksheets/sheet1.xml': Buffer.alloc(60 * 1024 * 1024, 0x20) })
      expect(bomb.length).toBeLessThan(200 * 1024)
      await expect(readTable(bomb, 'bombe.xlsx')).rejects.toThrow(/trop volumineux une fois décompressé \(60 Mo ; 40 Mo au plus\)/)
    })

    it('lets the server answer other requests while it imports', async () => {
      const server = http.createServer((_req, res) => res.end('ok'))
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      try {
        const table = tableOf(Array.from({ length: 60 }, (_, i) => [`Atelier numéro ${i}`, 'Menuiserie', 'Songeons', '']))
        const order: string[] = []
        const importing = runImport(payload, table, { territory, dryRun: true }).then((r) => {
          order.push('import')
          return r
        })
        const { port } = server.address() as AddressInfo
        await fetch(`http://127.0.0.1:${port}/healthz`).then(() => order.push('healthz'))
        expect((await importing).counts.create).toBe(60)
        expect(order).toEqual(['healthz', 'import'])
      } finally {
        await new Promise((resolve) => server.close(resolve))
      }
    })

    it('a secrétaire imports for her communes only; the national administrator for the territory she chooses', async () => {
      const editor = (await payload.find({ collection: 'users', where: { email: { equals: DEMO_USERS.editor } }, depth: 0, overrideAccess: true })).docs[0] as unknown as AccessUser
      const national = (await payload.find({ collection: 'users', where: { email: { equals: DEMO_USERS.superadmin } }, depth: 0, overrideAccess: true })).docs[0] as unknown as AccessUser
      const elu = (await payload.find({ collection: 'users', where: { email: { equals: DEMO_USERS.viewer } }, depth: 0, overrideAccess: true })).docs[0] as unknown as AccessUser
      expect(importScopeOf(elu)).toMatch(/réservés aux administrateurs du territoire et aux secrétaires de mairie/)
      expect(importScopeOf(national)).toBe('Choisissez le territoire dans lequel importer.')
      expect(importScopeOf(national, territory)).toEqual({ territory })
      const scope = importScopeOf(editor, 999999)
      if (typeof scope === 'string') throw new Error(scope)
      expect(scope.territory).toBe(territory) // her own territory, whatever the form says

      const table = tableOf([
        ['Épicerie de Hanvoile', 'Menuiserie', INSEE.hanvoile, ''],
        ['Menuiserie de Formerie', 'Menuiserie', 'Formerie', ''],
      ])
      const report = await runImport(payload, table, { ...scope, dryRun: false, user: editor })
      expect(report.rows[0]).toMatchObject({ action: 'create', name: 'Épicerie de Hanvoile' })
      expect(report.rows[1]).toMatchObject({ action: 'refuse' })
      expect(report.rows[1]!.reasons).toEqual(['Commune « Formerie » : vous importez seulement pour « Grandvilliers », « Hanvoile ». Retirez cette ligne ; la mairie concernée ou l’administrateur du territoire l’importera.'])
      expect((await payload.count({ collection: 'businesses', where: { name: { equals: 'Menuiserie de Formerie' } }, overrideAccess: true })).totalDocs).toBe(0)
    })

    it('a SIRET match outside the importer’s scope, refused, archived, or of another commune or name is a conflict, never updated', async () => {
      const communeId = async (insee: string) => (await payload.find({ collection: 'communes', where: { inseeCode: { equals: insee } }, depth: 0, overrideAccess: true })).docs[0]!.id
      const category = (await payload.find({ collection: 'categories', where: { name: { equals: 'Menuiserie' }, or: [{ territory: { equals: territory } }, { territory: { exists: false } }] }, depth: 0, overrideAccess: true })).docs[0]!.id
      const make = (name: string, siret: string, insee: string, status: 'published' | 'rejected' | 'archived') =>
        communeId(insee).then((commune) =>
          payload.create({ collection: 'businesses', data: { name, siret, commune, territory, status, categories: [category], phone: '03 44 00 00 01' } as never, overrideAccess: true }),
        )
      await make('Menuiserie refusée', '73282932000074', INSEE.songeons, 'rejected')
      await make('Menuiserie archivée', '44306184100021', INSEE.grandvilliers, 'archived')
      await make('Menuiserie Leblanc', '55210055400039', INSEE.grandvilliers, 'published')
      await make('Menuiserie de Songeons', '40483304800030', INSEE.songeons, 'published')
      const table = {
        header: [...HEADER, 'téléphone'],
        rows: [
          ['Menuiserie refusée', 'Menuiserie', 'Songeons', '73282932000074'],
          ['Menuiserie archivée', 'Menuiserie', 'Grandvilliers', '44306184100021'],
          ['Menuiserie Dupont', 'Menuiserie', 'Grandvilliers', '55210055400039'],
          ['Menuiserie de Songeons', 'Menuiserie', 'Grandvilliers', '40483304800030'],
        ].map((r) => ({ ...Object.fromEntries(HEADER.map((h, i) => [h, r[i]!])), téléphone: '03 44 99 99 99' })),
      }
      const dry = await runImport(payload, table, { territory, dryRun: true })
      expect(dry.counts).toMatchObject({ create: 0, update: 0, conflict: 4 })
      const conflictOf = (line: number) => dry.rows.find((r) => r.line === line)!.conflicts!.join(' ')
      expect(conflictOf(2)).toBe('SIRET 73282932000074 : la fiche « Menuiserie refusée » (Songeons) est refusée ; l’import ne la modifie pas. Republiez-la d’abord si elle doit revenir, ou vérifiez le fichier.')
      expect(conflictOf(3)).toMatch(/la fiche « Menuiserie archivée » \(Grandvilliers\) est archivée/)
      expect(conflictOf(4)).toMatch(/déjà porté par la fiche « Menuiserie Leblanc » \(Grandvilliers\), alors que le fichier dit « Menuiserie Dupont »/)
      expect(conflictOf(5)).toMatch(/déjà porté par la fiche « Menuiserie de Songeons » \(Songeons\), alors que le fichier indique Grandvilliers/)

      // A secrétaire of Grandvilliers: the Songeons entry is not hers either.
      const editor = (await payload.find({ collection: 'users', where: { email: { equals: DEMO_USERS.editor } }, depth: 0, overrideAccess: true })).docs[0] as unknown as AccessUser
      const scope = importScopeOf(editor) as { territory: number; communes: number[] }
      const real = await runImport(payload, table, { ...scope, dryRun: false, user: editor })
      expect(real.rows.find((r) => r.line === 5)!.conflicts!.join(' ')).toMatch(/« Menuiserie de Songeons » \(Songeons\), commune dont vous n’êtes pas secrétaire/)
      expect(real.counts).toMatchObject({ create: 0, update: 0, conflict: 3, refuse: 1 }) // line 2 names Songeons: not hers
      const phones = (await payload.find({ collection: 'businesses', where: { name: { like: 'Menuiserie' } }, depth: 0, overrideAccess: true, pagination: false })).docs.map((d) => d.phone)
      expect(phones).not.toContain('03 44 99 99 99')
    })
  })
}
