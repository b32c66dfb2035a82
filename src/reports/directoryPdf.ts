import { PRICE_TYPE_LABELS, type PriceType } from '@/fields/priceType'

import { type DirectoryBook, KIND_LABELS } from './directory'
import { contentWidth, ensureSpace, pdfText, renderPdf } from './pdf'

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
const ENTRY_KIND = { businesses: 'Entreprise', associations: 'Association', services: 'Service' } as const

/**
 * The paper directory as an A4 booklet (page count rounded to a multiple of four so it can be
 * folded): a cover, the entries by category with the contact details they publish, then the
 * offers and needs of the month. Large, plain type for reading on paper.
 */
export function directoryPdf(book: DirectoryBook): Promise<Buffer> {
  const where = book.commune ? `Commune de ${book.commune.name}` : book.territory.name
  const edition = `${MONTHS[book.generatedAt.getUTCMonth()]} ${book.generatedAt.getUTCFullYear()}`
  const title = `Annuaire local — ${where}`
  return renderPdf({ title, subject: `Annuaire imprimable, édition de ${edition}` }, (doc) => {
    const left = doc.page.margins.left
    const width = contentWidth(doc)
    // Cover
    doc.moveDown(8).font('Helvetica-Bold').fontSize(30).fillColor('#1a1a1a').text('Annuaire local', { align: 'center' })
    doc.moveDown(0.5).fontSize(20).text(pdfText(where), { align: 'center' })
    if (book.commune) doc.moveDown(0.3).font('Helvetica').fontSize(14).text(pdfText(book.territory.name), { align: 'center' })
    doc.moveDown(1).font('Helvetica').fontSize(14).text(`Édition de ${edition}`, { align: 'center' })
    const count = book.sections.reduce((n, s) => n + s.entries.length, 0)
    doc.moveDown(2).fontSize(12).text(`${count} entreprise(s), association(s) et service(s) ; ${book.announcements.length} offre(s) et besoin(s) d’habitants.`, { align: 'center' })
    doc.moveDown(3).fontSize(11).fillColor('#333333')
    doc.text('Les coordonnées sont celles que chacun a choisi de publier. Pour ajouter ou corriger une fiche, adressez-vous à votre mairie.', { align: 'center' })
    if (book.territory.hostname) doc.moveDown(0.5).text(`Version à jour sur internet : ${book.territory.hostname}`, { align: 'center' })
    if (book.territory.contactPhone) doc.moveDown(0.5).text(`Intercommunalité : ${book.territory.contactPhone}`, { align: 'center' })

    // Entries by category
    doc.addPage()
    if (book.sections.length === 0) doc.font('Helvetica').fontSize(12).fillColor('#1a1a1a').text('Aucune fiche publiée pour le moment.')
    for (const section of book.sections) {
      ensureSpace(doc, 90)
      doc.moveDown(0.6)
      const y = doc.y
      doc.rect(left, y, width, 22).fill('#e8eef4')
      doc.font('Helvetica-Bold').fontSize(14).fillColor('#1a1a1a').text(pdfText(section.category), left + 6, y + 5, { width: width - 12 })
      doc.y = y + 28
      for (const entry of section.entries) {
        const lines: string[] = []
        if (entry.address) lines.push(entry.address)
        if (entry.phone) lines.push(`Tél. ${entry.phone}`)
        if (entry.website) lines.push(entry.website)
        if (entry.hours) lines.push(`Horaires : ${entry.hours}`)
        ensureSpace(doc, 40 + lines.length * 13)
        doc.x = left
        doc.font('Helvetica-Bold').fontSize(11.5).fillColor('#1a1a1a').text(pdfText(entry.name), { continued: true })
        doc.font('Helvetica').fontSize(9).fillColor('#555555').text(`   ${ENTRY_KIND[entry.kind]}${book.commune ? '' : ` · ${pdfText(entry.commune)}`}`)
        doc.fontSize(10).fillColor('#1a1a1a')
        for (const line of lines) doc.text(pdfText(line), { width })
        if (entry.description) doc.fontSize(9.5).fillColor('#333333').text(pdfText(entry.description), { width })
        doc.moveDown(0.6)
      }
    }

    // Offers and needs of the month
    doc.addPage()
    doc.font('Helvetica-Bold').fontSize(16).fillColor('#1a1a1a').text('Offres et besoins du mois')
    doc.font('Helvetica').fontSize(10).fillColor('#333333').text('Pour répondre à une annonce, passez par votre mairie ou par le site : les coordonnées des habitants ne sont jamais imprimées.')
    doc.moveDown(0.5)
    if (book.announcements.length === 0) doc.fontSize(12).fillColor('#1a1a1a').text('Aucune offre ni aucun besoin publié ce mois-ci.')
    for (const kind of ['offer', 'need'] as const) {
      const items = book.announcements.filter((a) => a.kind === kind)
      if (!items.length) continue
      ensureSpace(doc, 60)
      doc.moveDown(0.4).font('Helvetica-Bold').fontSize(13).fillColor('#1a1a1a').text(KIND_LABELS[kind])
      for (const a of items) {
        ensureSpace(doc, 50)
        const price = a.priceType && a.priceType in PRICE_TYPE_LABELS ? PRICE_TYPE_LABELS[a.priceType as PriceType] : ''
        doc.moveDown(0.3).font('Helvetica-Bold').fontSize(11).text(pdfText(a.title))
        doc.font('Helvetica').fontSize(9).fillColor('#555555').text([a.commune, price].filter(Boolean).map(pdfText).join(' · '))
        doc.fontSize(10).fillColor('#1a1a1a').text(pdfText(a.body), { width })
      }
    }

    // Pad to a multiple of four pages for folding into a booklet.
    while (doc.bufferedPageRange().count % 4 !== 0) doc.addPage()
  })
}
