import { PRICE_TYPE_LABELS, type PriceType } from '@/fields/priceType'
import { formatFrenchPhone } from '@/fields/validators'

import { textOn, tint } from './branding'
import { drawCoverMark } from './cover'
import { type DirectoryBook, editionOf, KIND_LABELS, type PrintedEntry } from './directory'
import { plural } from '@/i18n/plural'

import { contentWidth, currentPage, ensureSpace, formatNumber, type Pdf, pdfText, renderPdf } from './pdf'

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
const ENTRY_KIND = { businesses: 'Entreprise', associations: 'Association', services: 'Service' } as const
const INK = '#1a1a1a'
const MUTED = '#4a4a4a'
/** Body text size: large enough for every reader of a municipal bulletin. */
const BODY = 11
const SMALL = 10


/** « 3 commerces… près de chez vous, 2 informations municipales et 1 annonce… »: what is empty is left out. */
function coverSummary(entries: number, notices: number, announcements: number): string {
  const parts = [
    `${plural(entries, 'commerce, association ou service', 'commerces, associations et services', formatNumber)} près de chez vous`,
    notices ? plural(notices, 'information municipale', 'informations municipales', formatNumber) : '',
    announcements ? `${plural(announcements, 'annonce d’entraide', 'annonces d’entraide', formatNumber)} entre habitants` : '',
  ].filter(Boolean)
  return `${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}` : parts[0]}.`
}

function entryLines(entry: PrintedEntry): string[] {
  const lines: string[] = []
  if (entry.address) lines.push(entry.address)
  if (entry.phone) lines.push(`Tél. ${formatFrenchPhone(entry.phone)}`)
  if (entry.website) lines.push(entry.website)
  if (entry.hours) lines.push(`Horaires : ${entry.hours}`)
  return lines.map(pdfText)
}

/** What the site says of a demonstration entry, on paper too (its phone number is not real). */
const EXAMPLE = 'EXEMPLE : n’existe pas, ne pas appeler'

/** Height an entry takes, so that none is split across two pages. */
function entryHeight(doc: Pdf, entry: PrintedEntry, width: number): number {
  doc.font('Helvetica-Bold').fontSize(12.5)
  let h = doc.heightOfString(pdfText(entry.name), { width }) + 2
  doc.font('Helvetica').fontSize(BODY)
  for (const line of entryLines(entry)) h += doc.heightOfString(line, { width })
  doc.fontSize(SMALL)
  if (entry.description) h += doc.heightOfString(pdfText(entry.description), { width }) + 2
  return h + 12
}

/**
 * The paper directory as an A4 booklet: a cover in the territory's colours with the mairie's
 * address, phone and opening hours; a contents page with the municipal notices; the entries
 * by category in the site's order with the contact details they publish; the offers and needs
 * of the month. Body text at 11 pt (never under 10), no empty page.
 */
export function directoryPdf(book: DirectoryBook): Promise<Buffer> {
  const where = book.commune ? `Commune de ${book.commune.name}` : book.territory.name
  const [year, month] = editionOf(book.generatedAt).month.split('-').map(Number) as [number, number]
  const edition = `${MONTHS[month - 1]} ${year}`
  const title = `Annuaire local — ${where}`
  const { primary, accent } = book.branding
  const onPrimary = textOn(primary)
  const pale = tint(primary)

  return renderPdf(
    { title, subject: `Annuaire imprimable, édition de ${edition}` },
    (doc) => {
      const left = doc.page.margins.left
      const width = contentWidth(doc)
      const pageWidth = doc.page.width

      // ── Cover ──────────────────────────────────────────────────────────────
      doc.rect(0, 0, pageWidth, 150).fill(primary)
      drawCoverMark(doc, book.branding, book.territory.name, left, 30, 90)
      const textX = left + 110
      doc.font('Helvetica-Bold').fontSize(20).fillColor(onPrimary).text(pdfText(book.territory.name), textX, 58, { width: pageWidth - textX - left })
      doc.font('Helvetica').fontSize(13).fillColor(onPrimary).text(`Édition de ${edition}`, textX, doc.y + 4, { width: pageWidth - textX - left })

      doc.y = 200
      doc.font('Helvetica-Bold').fontSize(34).fillColor(INK).text('Annuaire local', left, 200, { width, align: 'center' })
      doc.moveDown(0.3).fontSize(24).fillColor(primary).text(pdfText(where), { width, align: 'center' })
      const count = book.sections.reduce((n, s) => n + s.entries.length, 0)
      doc
        .moveDown(0.8)
        .font('Helvetica')
        .fontSize(13)
        .fillColor(INK)
        .text(
          coverSummary(count, book.notices.length, book.announcements.length),
          { width, align: 'center' },
        )

      // The mairie's box: where to go, whom to call, when it is open.
      const box = book.contact
      const boxLines: Array<{ label: string; value: string }> = []
      if (box.address) boxLines.push({ label: 'Adresse', value: box.address })
      if (box.phone) boxLines.push({ label: 'Téléphone', value: formatFrenchPhone(box.phone) })
      if (box.email) boxLines.push({ label: 'E-mail', value: box.email })
      if (box.hours) boxLines.push({ label: 'Horaires', value: box.hours })
      const boxTop = Math.max(doc.y + 30, 400)
      const inner = width - 40
      doc.font('Helvetica').fontSize(12)
      const linesHeight = boxLines.reduce((h, l) => h + doc.heightOfString(pdfText(l.value), { width: inner - 90 }) + 6, 0)
      const boxHeight = 56 + (boxLines.length ? linesHeight : 20)
      doc.rect(left, boxTop, width, boxHeight).fill(pale)
      doc.rect(left, boxTop, 6, boxHeight).fill(accent)
      doc.font('Helvetica-Bold').fontSize(15).fillColor(INK).text(pdfText(box.title), left + 20, boxTop + 16, { width: inner })
      let y = boxTop + 42
      if (!boxLines.length) doc.font('Helvetica').fontSize(12).text('Adressez-vous à votre mairie.', left + 20, y, { width: inner })
      for (const l of boxLines) {
        doc.font('Helvetica-Bold').fontSize(12).fillColor(MUTED).text(l.label, left + 20, y, { width: 85 })
        doc.font('Helvetica').fontSize(12).fillColor(INK).text(pdfText(l.value), left + 110, y, { width: inner - 90 })
        y = Math.max(doc.y, y + 14) + 6
      }
      doc.y = boxTop + boxHeight + 24
      doc.x = left
      doc.font('Helvetica').fontSize(SMALL + 1).fillColor(MUTED)
      doc.text('Les coordonnées sont celles que chacun a choisi de publier. Pour ajouter ou corriger une fiche, adressez-vous à votre mairie.', { width, align: 'center' })
      if (book.territory.hostname) doc.moveDown(0.5).text(`Version à jour sur internet : ${book.territory.hostname}`, { width, align: 'center' })
      doc.rect(0, doc.page.height - 60, pageWidth, 12).fill(accent)

      // ── Contents and municipal notices ─────────────────────────────────────
      doc.addPage()
      const contents: Array<{ label: string; page?: number; y: number; pageIndex: number }> = []
      const pageHeading = (text: string) => {
        doc.font('Helvetica-Bold').fontSize(20).fillColor(primary).text(text, left, doc.y, { width })
        doc.moveTo(left, doc.y + 2).lineTo(left + 60, doc.y + 2).lineWidth(3).strokeColor(accent).stroke()
        doc.moveDown(0.8)
      }
      pageHeading('Sommaire')
      const rows = [
        ...(book.notices.length ? ['Informations municipales'] : []),
        ...book.sections.map((s) => s.category),
        'Offres et besoins des habitants',
      ]
      // Reserve the lines; their page numbers are written once the body is laid out.
      doc.font('Helvetica').fontSize(12)
      for (const label of rows) {
        ensureSpace(doc, 20)
        contents.push({ label, y: doc.y, pageIndex: currentPage(doc) })
        doc.y += 19
      }
      const pageOf = new Map<string, number>()
      const mark = (label: string) => pageOf.set(label, currentPage(doc) + 1)

      if (book.notices.length) {
        ensureSpace(doc, 120)
        doc.moveDown(1.2)
        mark('Informations municipales')
        pageHeading('Informations municipales')
        for (const n of book.notices) {
          doc.font('Helvetica').fontSize(BODY)
          const h = doc.heightOfString(pdfText(n.body), { width: width - 24 }) + 46
          ensureSpace(doc, h)
          const top = doc.y
          doc.rect(left, top, 4, h - 12).fill(accent)
          doc.font('Helvetica-Bold').fontSize(13).fillColor(INK).text(pdfText(n.title), left + 16, top, { width: width - 24 })
          const meta = [
            n.commune,
            // A picked day is stored at some hour of that day: its date part is the day.
            n.displayFrom ? `à partir du ${new Date(n.displayFrom.slice(0, 10)).toLocaleDateString('fr-FR', { timeZone: 'UTC' })}` : '',
            n.expiresAt ? `jusqu’au ${new Date(n.expiresAt).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}` : '',
          ]
          doc.font('Helvetica').fontSize(SMALL).fillColor(MUTED).text(meta.filter(Boolean).map(pdfText).join(' · '), left + 16, doc.y + 1, { width: width - 24 })
          doc.font('Helvetica').fontSize(BODY).fillColor(INK).text(pdfText(n.body), left + 16, doc.y + 3, { width: width - 24 })
          doc.y = Math.max(doc.y, top + h - 12) + 12
        }
      }

      // ── Entries by category ────────────────────────────────────────────────
      doc.addPage()
      if (book.sections.length === 0) doc.font('Helvetica').fontSize(12).fillColor(INK).text('Aucune fiche publiée pour le moment.', left, doc.y, { width })
      for (const section of book.sections) {
        const first = section.entries[0]
        ensureSpace(doc, 44 + (first ? entryHeight(doc, first, width) : 0))
        if (doc.y > doc.page.margins.top + 1) doc.moveDown(0.8)
        mark(section.category)
        const top = doc.y
        doc.rect(left, top, width, 28).fill(pale)
        doc.rect(left, top, 6, 28).fill(primary)
        doc.font('Helvetica-Bold').fontSize(15).fillColor(INK).text(pdfText(section.category), left + 16, top + 7, { width: width - 24, lineBreak: false, ellipsis: true })
        doc.y = top + 38
        for (const entry of section.entries) {
          ensureSpace(doc, entryHeight(doc, entry, width))
          doc.x = left
          doc.font('Helvetica-Bold').fontSize(12.5).fillColor(INK).text(pdfText(entry.name), left, doc.y, { width, continued: true })
          doc.font('Helvetica').fontSize(SMALL).fillColor(MUTED).text(`   ${ENTRY_KIND[entry.kind]}${book.commune ? '' : ` · ${pdfText(entry.commune)}`}${entry.example ? ` · ${EXAMPLE}` : ''}`)
          doc.moveDown(0.1).fontSize(BODY).fillColor(INK)
          for (const line of entryLines(entry)) doc.text(line, left, doc.y, { width })
          if (entry.description) doc.moveDown(0.15).fontSize(SMALL).fillColor('#333333').text(pdfText(entry.description), left, doc.y, { width })
          doc.moveDown(0.9)
        }
      }

      // ── Offers and needs of the month ──────────────────────────────────────
      ensureSpace(doc, 160)
      if (doc.y > doc.page.margins.top + 1) doc.moveDown(1.2)
      mark('Offres et besoins des habitants')
      pageHeading('Offres et besoins des habitants')
      doc
        .font('Helvetica')
        .fontSize(BODY)
        .fillColor(MUTED)
        .text('Pour répondre à une annonce, passez par votre mairie ou par le site : les coordonnées des habitants ne sont jamais imprimées.', left, doc.y, { width })
      doc.moveDown(0.5)
      if (book.announcements.length === 0) doc.fontSize(12).fillColor(INK).text('Aucune offre ni aucun besoin publié ce mois-ci.', left, doc.y, { width })
      for (const kind of ['offer', 'need'] as const) {
        const items = book.announcements.filter((a) => a.kind === kind)
        if (!items.length) continue
        ensureSpace(doc, 90)
        doc.moveDown(0.5).font('Helvetica-Bold').fontSize(14).fillColor(primary).text(KIND_LABELS[kind], left, doc.y, { width })
        for (const a of items) {
          doc.font('Helvetica').fontSize(BODY)
          ensureSpace(doc, doc.heightOfString(pdfText(a.body), { width }) + 40)
          const price = a.priceType && a.priceType in PRICE_TYPE_LABELS ? PRICE_TYPE_LABELS[a.priceType as PriceType] : ''
          doc.moveDown(0.4).font('Helvetica-Bold').fontSize(12).fillColor(INK).text(pdfText(a.title), left, doc.y, { width })
          doc.font('Helvetica').fontSize(SMALL).fillColor(MUTED).text([a.commune, price, a.example ? EXAMPLE : ''].filter(Boolean).map(pdfText).join(' · '), left, doc.y, { width })
          doc.fontSize(BODY).fillColor(INK).text(pdfText(a.body), left, doc.y, { width })
        }
      }

      // ── Contents, now that every page is known ─────────────────────────────
      const last = currentPage(doc)
      for (const row of contents) {
        doc.switchToPage(row.pageIndex)
        const page = pageOf.get(row.label)
        const label = pdfText(row.label)
        const number = page ? String(page) : ''
        doc.font('Helvetica').fontSize(12).fillColor(INK)
        const labelWidth = Math.min(doc.widthOfString(label), width - 60)
        doc.text(label, left, row.y, { width: width - 50, lineBreak: false, ellipsis: true })
        const numberWidth = doc.widthOfString(number)
        doc.text(number, left + width - numberWidth, row.y, { lineBreak: false })
        const dots = left + labelWidth + 6
        const end = left + width - numberWidth - 6
        if (end > dots) doc.moveTo(dots, row.y + 10).lineTo(end, row.y + 10).dash(1, { space: 3 }).lineWidth(0.8).strokeColor('#888888').stroke().undash()
      }
      doc.switchToPage(last)
    },
    { footer: `${pdfText(title)} · édition de ${edition}` },
  )
}
