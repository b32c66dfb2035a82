import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { buildBilan } from '@/reports/bilan'
import { bilanPdf } from '@/reports/bilanPdf'
import { buildDirectoryBook, CommuneNotInTerritory } from '@/reports/directory'
import { directoryPdf } from '@/reports/directoryPdf'
import { defaultPeriod, previousPeriod } from '@/reports/period'
import { recordEvent, recordSearch, recordView } from '@/stats/record'
import { increment } from '@/stats/store'
import { INSEE } from '../support/fixtures'
import { bootLocalPayload } from '../support/localPayload'
import { type PdfPage, readPdf } from '../support/pdf'

/** The PDFs are also written to tests/.tmp/printouts/ to be looked at (pdftoppm -png -r 60). */
const OUT = path.resolve('tests/.tmp/printouts')

function expectReadable(pages: PdfPage[]) {
  pages.forEach((page, i) => {
    // No blank page: every page carries more than its page number.
    expect({ page: i + 1, words: page.text.split(' ').length > 4 }).toEqual({ page: i + 1, words: true })
    // Body text at 10 pt at least, page numbers included.
    expect({ page: i + 1, size: Math.round(page.minFontSize * 10) / 10 >= 10 }).toEqual({ page: i + 1, size: true })
  })
}

describe('printouts an élu and a secrétaire show (SQLite, demo data)', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let territory: number
  let grandvilliers: number

  beforeAll(async () => {
    ;({ payload, cleanup } = await bootLocalPayload('sqlite', { demo: true }))
    fs.mkdirSync(OUT, { recursive: true })
    const { docs } = await payload.find({ collection: 'territories', where: { epciCode: { equals: '246000848' } }, overrideAccess: true })
    territory = docs[0]!.id
    const communes = await payload.find({ collection: 'communes', where: { inseeCode: { equals: INSEE.grandvilliers } }, overrideAccess: true })
    grandvilliers = communes.docs[0]!.id
    await payload.update({
      collection: 'communes',
      id: grandvilliers,
      overrideAccess: true,
      data: { mairie: { address: '12 place de la Mairie, 60210 Grandvilliers', phone: '03 44 00 00 00', hours: 'Lundi au vendredi : 9 h – 12 h' } },
    })
    // Two published entries whose names sort differently by bytes and in French.
    const [category] = (await payload.find({ collection: 'categories', where: { name: { equals: 'Alimentation' } }, overrideAccess: true, limit: 1 })).docs
    for (const name of ['Zinguerie Dupont', 'Épicerie du Bourg'])
      await payload.create({
        collection: 'businesses',
        overrideAccess: true,
        data: { name, commune: grandvilliers, categories: [category!.id], status: 'published', description: 'Fiche de test pour l’ordre alphabétique.' },
      })

    const business = (await payload.find({ collection: 'businesses', where: { status: { equals: 'published' }, territory: { equals: territory } }, limit: 1, overrideAccess: true })).docs[0]!
    for (let i = 0; i < 7; i++) await recordSearch(payload, { territory, text: 'Réparateur de vélos', resultCount: 0, communeIds: [grandvilliers] })
    for (let i = 0; i < 3; i++) await recordSearch(payload, { territory, text: 'Boulangerie', resultCount: 2 })
    for (let i = 0; i < 4; i++)
      await recordView(payload, { territory, kind: 'businesses', id: business.id, communeId: grandvilliers, categoryIds: business.categories as number[] })
    await recordEvent(payload, { territory, metric: 'contact-request', communeId: grandvilliers })
  }, 600_000)
  afterAll(async () => {
    await cleanup?.()
  })

  it('a booklet for an unknown commune is refused like one of another territory', async () => {
    await expect(buildDirectoryBook(payload, territory, 999_999)).rejects.toBeInstanceOf(CommuneNotInTerritory)
  })

  it('the paper booklet: the mairie on the cover, contents, notices, French order, no blank page, 10 pt at least', async () => {
    const book = await buildDirectoryBook(payload, territory, grandvilliers)
    expect(book.branding.logo).toBeInstanceOf(Buffer) // the demo territory's logo, read from its upload
    const buffer = await directoryPdf(book)
    fs.writeFileSync(path.join(OUT, 'annuaire-grandvilliers.pdf'), buffer)
    const pages = await readPdf(buffer)
    expectReadable(pages)

    const cover = pages[0]!.text
    expect(cover).toContain('Commune de Grandvilliers')
    expect(cover).toContain('Mairie de Grandvilliers')
    expect(cover).toContain('12 place de la Mairie')
    expect(cover).toContain('03 44 00 00 00')
    expect(cover).toContain('Lundi au vendredi')
    expect(pages[1]!.text).toContain('Sommaire')

    const all = pages.map((p) => p.text).join(' ')
    expect(all).toContain('Informations municipales')
    expect(all).toContain('Fermeture exceptionnelle de la mairie') // the demo notice of Grandvilliers
    for (const section of book.sections) expect(all).toContain(section.category)
    // The demo's example entries say so on paper too: their phone numbers are not real.
    expect(book.sections.flatMap((section) => section.entries).some((entry) => entry.example)).toBe(true)
    expect(all).toMatch(/EXEMPLE : n.existe pas, ne pas appeler/)
    // Categories in the site's order; the contents give each one's page.
    const contents = pages[1]!.text
    const positions = book.sections.map((s) => contents.indexOf(s.category))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(all.indexOf('Épicerie du Bourg')).toBeLessThan(all.indexOf('Zinguerie Dupont'))
    expect(all).not.toMatch(/[\w.-]+@[\w-]+\.[a-z]{2,}/i)
  })

  it('the booklet’s edition holds every municipal notice shown during its month, even one that starts later', async () => {
    const today = new Date()
    const [y, m] = [today.getUTCFullYear(), today.getUTCMonth()]
    const day = (month: number, date: number) => new Date(Date.UTC(y, month, date, 12)).toISOString()
    const printedOn = new Date(Date.UTC(y, m, 5, 10))
    const notice = (title: string, displayFrom: string | undefined, expiresAt: string) =>
      payload.create({
        collection: 'announcements',
        overrideAccess: true,
        context: { skipEmail: true },
        data: { kind: 'notice', title, body: `${title} : détails pour les habitants.`, commune: grandvilliers, territory, status: 'published', displayFrom, expiresAt },
      })
    await notice('Marché de Noël sur la place', day(m, 20), day(m + 1, 10))
    await notice('Travaux de voirie rue Neuve', day(m - 1, 10), day(m, 15))
    await notice('Vœux du maire', day(m + 1, 3), day(m + 1, 20))
    await notice('Collecte des encombrants', day(m - 1, 2), day(m, 1))
    const book = await buildDirectoryBook(payload, territory, grandvilliers, printedOn)
    const titles = book.notices.map((n) => n.title)
    expect(titles).toEqual(expect.arrayContaining(['Marché de Noël sur la place', 'Travaux de voirie rue Neuve']))
    // Next month's notice is the next edition's; one gone on the 1st was not shown this month.
    expect(titles).not.toContain('Vœux du maire')
    expect(titles).not.toContain('Collecte des encombrants')
    const text = (await readPdf(await directoryPdf(book))).map((p) => p.text).join(' ')
    const starts = new Date(day(m, 20)).toLocaleDateString('fr-FR', { timeZone: 'UTC' })
    expect(text).toContain('Marché de Noël sur la place')
    expect(text).toContain(`à partir du ${starts}`)
  })

  it('the whole territory booklet has no blank page either', async () => {
    const buffer = await directoryPdf(await buildDirectoryBook(payload, territory))
    fs.writeFileSync(path.join(OUT, 'annuaire-territoire.pdf'), buffer)
    expectReadable(await readPdf(buffer))
  })

  it('the bilan: a summary page first, whole-word headers, quiet communes in one paragraph, French order', async () => {
    const period = defaultPeriod()
    // Last period: fewer searches, so the summary shows a rise.
    const before = previousPeriod(period)
    await increment(payload, [{ territory, month: before.to, metric: 'search', dimension: 'all', by: 5 }])
    const bilan = await buildBilan(payload, territory, period)
    const buffer = await bilanPdf(bilan)
    fs.writeFileSync(path.join(OUT, 'bilan.pdf'), buffer)
    const pages = await readPdf(buffer)
    expectReadable(pages)

    const summary = pages[0]!.text
    expect(summary).toContain('Bilan de l’annuaire — CC de la Picardie Verte')
    expect(summary).toContain('Synthèse')
    expect(summary).toContain('Recherches les plus fréquentes')
    expect(summary).toContain('Recherches sans résultat')
    expect(summary).toContain('reparateur de velos')
    expect(summary).toContain('Fiches les plus consultées')
    expect(summary).toContain('+100 % (avant : 5)') // 10 searches against 5

    // No header cut inside a word (« Consultatio|ns »).
    const items = pages.flatMap((p) => p.items)
    expect(items).toContain('Consultations')
    expect(items.filter((s) => /^(Consultatio|ns|Recherche|s)$/.test(s.trim()))).toEqual([])

    // Communes without any activity: one paragraph, not a page of zeros.
    const all = pages.map((p) => p.text).join(' ')
    expect(all).toMatch(/\d+ communes sans fiche publiée ni activité sur la période/)
    expect(pages.length).toBeLessThanOrEqual(4)
    expect(all.indexOf('Élencourt')).toBeGreaterThan(-1)
    expect(all.indexOf('Élencourt')).toBeLessThan(all.indexOf('Wambez'))

    // A short list of communes stays on one page with its heading (not its last row alone).
    const few = bilan.fewEntries.filter((c) => c.entries > 0).map((c) => c.name)
    const fewPage = pages.find((p) => p.text.includes('Communes avec moins de'))!
    expect(few.filter((name) => !fewPage.items.some((item) => item.trim() === name))).toEqual([])

    // The categories table lists only those someone looked at; the others in one line.
    const categoriesPage = pages.find((p) => p.text.includes('Catégories les plus consultées') && p.text.includes('Consultations Recherches Fiches'))!
    expect(categoriesPage.text).toMatch(/\d+ autres catégories sans consultation sur la période/)
  })

  it('the bilan’s most viewed entries: a long title stays on its own row, cut with « … »', async () => {
    const bilan = await buildBilan(payload, territory, defaultPeriod())
    const long = 'Cherche quelqu’un pour rentrer mon bois de chauffage et le ranger dans la grange avant les premières gelées'
    const topEntries = [{ ...bilan.topEntries[0]!, label: long, count: 12 }, { ...bilan.topEntries[0]!, label: 'Collecte des sapins de Noël', count: 5 }]
    const [first] = await readPdf(await bilanPdf({ ...bilan, topEntries }))
    const rows = first!.drawn.filter((d) => /^[12]\. /.test(d.text) || d.text.includes('bois de chauffage') || d.text.includes('sapins'))
    const cut = rows.find((d) => d.text.startsWith('1. Cherche'))!
    expect(cut.text.endsWith('…')).toBe(true)
    expect(first!.text).not.toContain('premières gelées')
    const next = rows.find((d) => d.text.startsWith('2. Collecte'))!
    // Nothing of the first row is drawn on or below the second row's line.
    expect(rows.filter((d) => d !== next && d.y <= next.y + 1)).toEqual([])
  })

  it('the bilan of a secrétaire’s many communes: its long title wraps without running over the next line', async () => {
    const bilan = await buildBilan(payload, territory, defaultPeriod())
    const communes = ['Grandvilliers', 'Formerie', 'Songeons', 'Marseille-en-Beauvaisis', 'Feuquières', 'Sarcus']
    const buffer = await bilanPdf({ ...bilan, communesScope: communes })
    fs.writeFileSync(path.join(OUT, 'bilan-communes.pdf'), buffer)
    const [first] = await readPdf(buffer)
    const baselines = (size: number) => first!.drawn.filter((d) => Math.round(d.size) === size).map((d) => d.y)
    const title = baselines(21)
    const figures = baselines(22)
    // The subtitle's lines: the 12 pt text above (or among) the key figures, not the lists below them.
    const subtitle = baselines(12).filter((y) => y > Math.max(...figures) - 30)
    expect(new Set(title).size).toBeGreaterThan(1) // it does wrap
    // Lower on the page is a smaller y: each block starts a full line below the previous one.
    expect(Math.min(...title) - Math.max(...subtitle)).toBeGreaterThanOrEqual(12)
    // The coloured band ends under the subtitle, then 20 pt of white and the cards (figures 12 pt inside).
    expect(Math.min(...subtitle) - Math.max(...figures)).toBeGreaterThanOrEqual(45)
  })
  it('the covers: the territory’s logo from its upload, its initials only without one', async () => {
    // A logo that is not initials: a green disc with a white house, uploaded (stored as WebP).
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="100" cy="100" r="96" fill="#2e7d32"/><path d="M50 110 L100 55 L150 110 L135 110 L135 150 L65 150 L65 110 Z" fill="#ffffff"/></svg>`
    const { default: sharp } = await import('sharp')
    const data = await sharp(Buffer.from(svg)).png().toBuffer()
    const logo = await payload.create({
      collection: 'media',
      overrideAccess: true,
      data: { alt: 'Logo de la Picardie Verte', territory },
      file: { data, mimetype: 'image/png', name: 'logo-maison.png', size: data.length },
    })
    await payload.update({ collection: 'territories', id: territory, overrideAccess: true, data: { logo: logo.id } })
    const hasImage = (pdf: Buffer) => pdf.toString('latin1').includes('/Subtype /Image')
    const coverItems = async (pdf: Buffer) => (await readPdf(pdf))[0]!.items.map((s) => s.trim())

    const book = await buildDirectoryBook(payload, territory, grandvilliers)
    expect(book.branding.logo?.subarray(1, 4).toString()).toBe('PNG') // WebP upload, PNG for pdfkit
    const booklet = await directoryPdf(book)
    const bilan = await bilanPdf(await buildBilan(payload, territory, defaultPeriod()))
    fs.writeFileSync(path.join(OUT, 'annuaire-logo.pdf'), booklet)
    fs.writeFileSync(path.join(OUT, 'bilan-logo.pdf'), bilan)
    for (const pdf of [booklet, bilan]) {
      expect(hasImage(pdf)).toBe(true)
      expect(await coverItems(pdf)).not.toContain('PV')
    }

    // No logo: the initials, in the territory's colour, and still 10 pt at least everywhere.
    const plain = { ...book.branding, logo: undefined }
    const bookletWithout = await directoryPdf({ ...book, branding: plain })
    const bilanWithout = await bilanPdf({ ...(await buildBilan(payload, territory, defaultPeriod())), branding: plain })
    fs.writeFileSync(path.join(OUT, 'annuaire-sans-logo.pdf'), bookletWithout)
    for (const pdf of [bookletWithout, bilanWithout]) {
      expect(hasImage(pdf)).toBe(false)
      expect(await coverItems(pdf)).toContain('PV')
      expectReadable(await readPdf(pdf))
    }
  })
})
