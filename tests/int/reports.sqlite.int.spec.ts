import type { Payload } from 'payload'
import { extractText, getDocumentProxy } from 'unpdf'

import { buildBilan } from '@/reports/bilan'
import { bilanCsv, bilanPdf } from '@/reports/bilanPdf'
import { buildDirectoryBook } from '@/reports/directory'
import { directoryPdf } from '@/reports/directoryPdf'
import { defaultPeriod } from '@/reports/period'
import { recordEvent, recordSearch, recordView } from '@/stats/record'
import { INSEE } from '../support/fixtures'
import { bootLocalPayload } from '../support/localPayload'

async function pdfText(buffer: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer))
  const { totalPages, text } = await extractText(pdf, { mergePages: true })
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') }
}

describe('bilan and paper directory from the demo data (SQLite)', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let territory: number
  let grandvilliers: number

  beforeAll(async () => {
    ;({ payload, cleanup } = await bootLocalPayload('sqlite', { demo: true }))
    // The demo seeds two territories: the figures are the first one's (CC de la Picardie Verte).
    const { docs } = await payload.find({ collection: 'territories', where: { epciCode: { equals: '246000848' } }, overrideAccess: true })
    territory = docs[0]!.id
    const communes = await payload.find({ collection: 'communes', where: { inseeCode: { equals: INSEE.grandvilliers } }, overrideAccess: true })
    grandvilliers = communes.docs[0]!.id
    const business = (await payload.find({ collection: 'businesses', where: { status: { equals: 'published' }, territory: { equals: territory } }, limit: 1, overrideAccess: true })).docs[0]!
    for (let i = 0; i < 7; i++) await recordSearch(payload, { territory, text: 'Réparateur de vélos', resultCount: 0, communeIds: [grandvilliers] })
    for (let i = 0; i < 3; i++) await recordSearch(payload, { territory, text: 'Boulangerie', resultCount: 2 })
    for (let i = 0; i < 4; i++)
      await recordView(payload, { territory, kind: 'businesses', id: business.id, communeId: grandvilliers, categoryIds: business.categories as number[] })
    await recordEvent(payload, { territory, metric: 'contact-request', communeId: grandvilliers })
  })
  afterAll(async () => {
    await cleanup?.()
  })

  it('reports the figures, the unmet searches and the communes with few entries', async () => {
    const bilan = await buildBilan(payload, territory, defaultPeriod())
    expect(bilan.months).toHaveLength(6)
    expect(bilan.totals.search).toBe(10)
    expect(bilan.totals['search-empty']).toBe(7)
    expect(bilan.totals.view).toBe(4)
    expect(bilan.totals['new-entry']).toBeGreaterThan(0) // counted when the demo entries were created
    expect(bilan.emptySearches[0]).toEqual({ label: 'reparateur de velos', count: 7 })
    expect(bilan.fewEntries.length).toBeGreaterThan(50) // most of the 88 communes have no demo entry
    expect(bilan.communes.find((c) => c.name === 'Grandvilliers')!.contacts).toBe(1)

    const { pages, text } = await pdfText(await bilanPdf(bilan))
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(text).toContain('Bilan de l’annuaire — CC de la Picardie Verte')
    expect(text).toContain('Recherches sans résultat')
    expect(text).toContain('reparateur de velos')
    expect(text).toMatch(/\d+ communes sans fiche publiée ni activité sur la période/)
    expect(text).toContain('Grandvilliers')

    const csv = bilanCsv(bilan)
    expect(csv.startsWith('\uFEFFsection;libellé;mois;valeur;détail')).toBe(true)
    expect(csv).toContain('recherche sans résultat;reparateur de velos;;7;')
  })

  it('gives a secrétaire the figures of her communes only', async () => {
    const { docs } = await payload.find({ collection: 'communes', where: { inseeCode: { in: [INSEE.grandvilliers, INSEE.hanvoile] } }, overrideAccess: true })
    const bilan = await buildBilan(payload, territory, defaultPeriod(), docs.map((c) => c.id))
    expect(bilan.communesScope).toEqual(['Grandvilliers', 'Hanvoile'])
    // Only the searches made from Grandvilliers, not the three « Boulangerie » without a commune.
    expect(bilan.totals.search).toBe(7)
    expect(bilan.totals.view).toBe(4)
    expect(bilan.totals['contact-request']).toBe(1)
    expect(bilan.series.search.reduce((sum, s) => sum + s.count, 0)).toBe(7)
    expect(bilan.communes.map((c) => c.name)).toEqual(['Grandvilliers', 'Hanvoile'])
    const published = await payload.count({
      collection: 'businesses',
      where: { and: [{ commune: { in: docs.map((c) => c.id) } }, { status: { equals: 'published' } }] },
      overrideAccess: true,
    })
    expect(bilan.publishedEntries).toBeGreaterThanOrEqual(published.totalDocs)
    const { text } = await pdfText(await bilanPdf(bilan))
    expect(text).toContain('Bilan de l’annuaire — Grandvilliers et Hanvoile')
    expect(text).not.toContain('Formerie')
  })

  it('prints the booklet of a commune: its entries by category, published contact details only', async () => {
    const book = await buildDirectoryBook(payload, territory, grandvilliers)
    const entries = book.sections.flatMap((s) => s.entries)
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.every((e) => e.commune === 'Grandvilliers')).toBe(true)
    const { text } = await pdfText(await directoryPdf(book))
    expect(text).toContain('Commune de Grandvilliers')
    expect(text).toContain('Offres et besoins des habitants')
    for (const section of book.sections) expect(text).toContain(section.category)
    for (const entry of entries) expect(text).toContain(entry.name)
    // No e-mail address is ever printed.
    expect(text).not.toMatch(/[\w.-]+@[\w-]+\.[a-z]{2,}/i)
    const published = await payload.find({
      collection: 'businesses',
      where: { and: [{ commune: { equals: grandvilliers } }, { status: { equals: 'published' } }] },
      overrideAccess: true,
    })
    expect(entries.filter((e) => e.kind === 'businesses')).toHaveLength(published.totalDocs)
  })

  it('prints the whole territory', async () => {
    const book = await buildDirectoryBook(payload, territory)
    const { text } = await pdfText(await directoryPdf(book))
    expect(text).toContain('CC de la Picardie Verte')
    expect(book.sections.flatMap((s) => s.entries).length).toBeGreaterThan(5)
  })
})
