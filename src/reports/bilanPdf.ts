import { plural } from '@/i18n/plural'
import { STAT_METRIC_LABELS, type StatMetric } from '@/stats/metrics'

import { type Bilan, FEW_ENTRIES, isQuiet, scopeTitle } from './bilan'
import { textOn, tint } from './branding'
import { drawCoverMark } from './cover'
import { toCsv } from './csv'
import { monthLabel, periodLabel } from './period'
import { barChart, contentWidth, ensureSpace, formatNumber, heading, type Pdf, pdfText, renderPdf, table, tableHeight } from './pdf'

const SUMMARY: StatMetric[] = ['search', 'search-empty', 'view', 'contact-request', 'new-entry', 'new-announcement', 'match']
/** The key figures of the summary page, in the order an élu reads them. */
const KEY_FIGURES: StatMetric[] = ['search', 'view', 'contact-request', 'search-empty', 'new-entry', 'new-announcement', 'match']
/** Short names for the summary cards (two lines at most). */
const CARD_LABELS: Record<StatMetric, string> = {
  search: 'Recherches',
  'search-empty': 'Recherches sans résultat',
  view: 'Fiches consultées',
  'contact-request': 'Demandes de contact',
  'new-entry': 'Nouvelles fiches',
  'new-announcement': 'Nouvelles annonces',
  match: 'Offres et besoins rapprochés',
}
const INK = '#1a1a1a'
const MUTED = '#4a4a4a'

/** « +12 % », « −30 % », « stable », or « nouveau » when the previous period had none. */
export function evolution(now: number, before: number): string {
  if (before === 0) return now === 0 ? 'stable' : 'nouveau'
  const pct = Math.round(((now - before) / before) * 100)
  if (pct === 0) return 'stable'
  return `${pct > 0 ? '+' : '−'}${Math.abs(pct)} %`
}

/** A short numbered list with its figures, for the two columns of the summary page. */
/** The text cut with « … » to fit one line of the current font: a wrapped title ran over the next row. */
function fitOneLine(doc: Pdf, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text
  let cut = text
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1)
  return `${cut.trimEnd()}…`
}

function shortList(doc: Pdf, x: number, y: number, width: number, title: string, rows: Array<{ label: string; count: number }>, empty: string, color: string) {
  doc.font('Helvetica-Bold').fontSize(12).fillColor(color).text(title, x, y, { width })
  let cy = doc.y + 4
  if (rows.length === 0) {
    doc.font('Helvetica').fontSize(10.5).fillColor(MUTED).text(empty, x, cy, { width })
    return doc.y
  }
  rows.forEach((r, i) => {
    doc.font('Helvetica').fontSize(10.5).fillColor(INK)
    const count = formatNumber(r.count)
    const countWidth = doc.widthOfString(count)
    doc.text(fitOneLine(doc, `${i + 1}. ${pdfText(r.label)}`, width - countWidth - 10), x, cy, { lineBreak: false })
    doc.font('Helvetica-Bold').text(count, x + width - countWidth, cy, { lineBreak: false })
    cy += 17
    doc.moveTo(x, cy - 3).lineTo(x + width, cy - 3).lineWidth(0.3).strokeColor('#cccccc').stroke()
  })
  return cy
}

/**
 * The six-month report as a PDF, to show in the conseil communautaire: a one-page summary first
 * (key figures against the previous period, top searches, searches without results, most
 * viewed entries), then the months, the categories and the communes. Communes without any
 * activity are named in one paragraph instead of rows of zeros. Territory's logo and colours.
 */
export function bilanPdf(bilan: Bilan): Promise<Buffer> {
  const title = `Bilan de l’annuaire — ${scopeTitle(bilan)}`
  const { primary, accent } = bilan.branding
  const onPrimary = textOn(primary)
  const pale = tint(primary)
  return renderPdf(
    { title, subject: `Statistiques d’usage ${periodLabel(bilan.period)}` },
    (doc) => {
      const left = doc.page.margins.left
      const width = contentWidth(doc)
      const pageWidth = doc.page.width

      // ── Page 1: the summary ────────────────────────────────────────────────
      // The band grows with the title: a long one wraps onto two or three lines, and the
      // subtitle and the cards go below it instead of over it.
      const textX = left + 92
      const textWidth = pageWidth - textX - left
      const subtitle = `Synthèse ${periodLabel(bilan.period)}, comparée à la période ${periodLabel(bilan.previousPeriod)}.`
      const titleHeight = doc.font('Helvetica-Bold').fontSize(21).heightOfString(pdfText(title), { width: textWidth })
      const subtitleHeight = doc.font('Helvetica').fontSize(12).heightOfString(subtitle, { width: textWidth })
      const band = Math.max(118, 30 + titleHeight + 4 + subtitleHeight + 18)
      doc.rect(0, 0, pageWidth, band).fill(primary)
      drawCoverMark(doc, bilan.branding, bilan.territory.name, left, 22, 74)
      doc.font('Helvetica-Bold').fontSize(21).fillColor(onPrimary).text(pdfText(title), textX, 30, { width: textWidth })
      doc.font('Helvetica').fontSize(12).fillColor(onPrimary).text(subtitle, textX, 30 + titleHeight + 4, { width: textWidth })

      // Key figures: 4 + 3 cards with the change against the previous period.
      const cardGap = 10
      const cardWidth = (width - cardGap * 3) / 4
      const cardHeight = 86
      let y = band + 20
      KEY_FIGURES.forEach((m, i) => {
        const col = i % 4
        const row = Math.floor(i / 4)
        const x = left + col * (cardWidth + cardGap)
        const cy = y + row * (cardHeight + cardGap)
        doc.rect(x, cy, cardWidth, cardHeight).fill(pale)
        doc.rect(x, cy, cardWidth, 4).fill(m === 'search-empty' ? accent : primary)
        doc.font('Helvetica-Bold').fontSize(22).fillColor(INK).text(formatNumber(bilan.totals[m]), x + 10, cy + 12, { width: cardWidth - 20, lineBreak: false })
        doc.font('Helvetica').fontSize(10.5).fillColor(INK).text(CARD_LABELS[m], x + 10, cy + 38, { width: cardWidth - 20, height: 26 })
        doc
          .font('Helvetica-Bold')
          .fontSize(10)
          .fillColor(MUTED)
          .text(`${evolution(bilan.totals[m], bilan.previousTotals[m])} (avant : ${formatNumber(bilan.previousTotals[m])})`, x + 10, cy + 66, {
            width: cardWidth - 20,
            lineBreak: false,
          })
      })
      // The last slot of the second row: what the directory holds today.
      {
        const x = left + 3 * (cardWidth + cardGap)
        const cy = y + cardHeight + cardGap
        doc.rect(x, cy, cardWidth, cardHeight).lineWidth(1).strokeColor(primary).stroke()
        doc.font('Helvetica-Bold').fontSize(22).fillColor(INK).text(formatNumber(bilan.publishedEntries), x + 10, cy + 12, { width: cardWidth - 20, lineBreak: false })
        doc.font('Helvetica').fontSize(10.5).fillColor(INK).text('Fiches publiées', x + 10, cy + 38, { width: cardWidth - 20, lineBreak: false })
        doc.font('Helvetica-Bold').fontSize(10).fillColor(MUTED).text('aujourd’hui', x + 10, cy + 66, { width: cardWidth - 20, lineBreak: false })
      }
      y += 2 * cardHeight + cardGap + 26

      // Two columns: what residents look for, what they do not find.
      const colWidth = (width - 24) / 2
      const endLeft = shortList(doc, left, y, colWidth, 'Recherches les plus fréquentes', bilan.topSearches.slice(0, 8), 'Aucune recherche sur la période.', primary)
      const endRight = shortList(
        doc,
        left + colWidth + 24,
        y,
        colWidth,
        'Recherches sans résultat',
        bilan.emptySearches.slice(0, 8),
        'Toutes les recherches ont trouvé au moins une fiche.',
        accent,
      )
      y = Math.max(endLeft, endRight) + 20
      const endEntries = shortList(doc, left, y, colWidth, 'Fiches les plus consultées', bilan.topEntries.slice(0, 8), 'Aucune fiche consultée sur la période.', primary)
      const endCats = shortList(
        doc,
        left + colWidth + 24,
        y,
        colWidth,
        'Catégories les plus consultées',
        bilan.topCategories
          .filter((c) => c.views > 0)
          .slice(0, 8)
          .map((c) => ({ label: c.label, count: c.views })),
        'Aucune catégorie consultée sur la période.',
        primary,
      )
      y = Math.max(endEntries, endCats) + 18

      // What to do with it, in one sentence each.
      const quiet = bilan.communes.filter(isQuiet).length
      const notes = [
        bilan.emptySearches.length
          ? `Les recherches sans résultat sont des besoins non couverts : « ${pdfText(bilan.emptySearches[0]!.label)} » en tête (${plural(bilan.emptySearches[0]!.count, 'fois', 'fois', formatNumber)}).`
          : null,
        bilan.fewEntries.length ? `${plural(bilan.fewEntries.length, 'commune compte', 'communes comptent', formatNumber)} moins de ${FEW_ENTRIES} fiches publiées${quiet ? `, dont ${quiet} sans aucune activité` : ''} : à relayer auprès des mairies.` : null,
        'Chiffres agrégés, sans cookie ni donnée personnelle : on compte les recherches et les consultations, jamais qui les fait. Détail dans les pages suivantes.',
      ].filter((n): n is string => n !== null)
      doc.font('Helvetica').fontSize(10.5).fillColor(INK)
      for (const n of notes) {
        if (y > doc.page.height - doc.page.margins.bottom - 30) break
        doc.text(`•  ${n}`, left, y, { width })
        y = doc.y + 4
      }

      // ── Details ────────────────────────────────────────────────────────────
      doc.addPage()
      doc.x = left
      const section = (text: string) => {
        heading(doc, text, 15)
        doc.fillColor(INK)
      }
      doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(`Édité le ${new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}. Période : ${periodLabel(bilan.period)}.`, left, doc.y, { width })
      section('Les chiffres de la période')
      table(
        doc,
        ['Mesure', 'Période', 'Période précédente', 'Évolution'],
        [
          ...SUMMARY.map((m) => [STAT_METRIC_LABELS[m], bilan.totals[m], bilan.previousTotals[m], evolution(bilan.totals[m], bilan.previousTotals[m])] as Array<string | number>),
        ],
        { headerFill: pale },
      )
      doc.moveDown(0.4).font('Helvetica').fontSize(10).fillColor(INK).text(`Fiches publiées aujourd’hui : ${formatNumber(bilan.publishedEntries)}.`, left, doc.y, { width })

      section('Mois par mois')
      barChart(doc, 'Recherches par mois', bilan.series.search.map((s) => ({ label: monthLabel(s.month), value: s.count })), primary)
      barChart(doc, 'Consultations de fiches par mois', bilan.series.view.map((s) => ({ label: monthLabel(s.month), value: s.count })), primary)
      barChart(doc, 'Demandes de contact par mois', bilan.series['contact-request'].map((s) => ({ label: monthLabel(s.month), value: s.count })), accent)

      section('Recherches sans résultat : les besoins non couverts')
      if (bilan.emptySearches.length === 0) doc.font('Helvetica').fontSize(10.5).text('Aucune recherche sans résultat sur la période.', left, doc.y, { width })
      else {
        doc.font('Helvetica').fontSize(10.5).text('Ce que les habitants ont cherché sans rien trouver dans l’annuaire : des activités à faire connaître ou à susciter.', left, doc.y, { width })
        doc.moveDown(0.3)
        table(doc, ['Mots recherchés', 'Fois'], bilan.emptySearches.map((s) => [s.label, s.count]), { headerFill: pale })
      }

      section('Recherches les plus fréquentes')
      if (bilan.topSearches.length === 0) doc.font('Helvetica').fontSize(10.5).text('Aucune recherche enregistrée sur la période.', left, doc.y, { width })
      else table(doc, ['Mots recherchés', 'Fois'], bilan.topSearches.map((s) => [s.label, s.count]), { headerFill: pale })

      // Only the categories someone looked at; the others in one line, not rows of zeros.
      section('Catégories les plus consultées')
      const viewed = bilan.topCategories.filter((c) => c.views > 0)
      const unviewed = bilan.topCategories.length - viewed.length
      if (viewed.length === 0) doc.font('Helvetica').fontSize(10.5).text('Aucune catégorie consultée sur la période.', left, doc.y, { width })
      else table(doc, ['Catégorie', 'Consultations', 'Recherches', 'Fiches'], viewed.map((c) => [c.label, c.views, c.searches, c.entries]), { headerFill: pale })
      if (viewed.length && unviewed) {
        doc.moveDown(0.3).font('Helvetica').fontSize(10.5).fillColor(INK).text(`${plural(unviewed, 'autre catégorie', 'autres catégories', formatNumber)} sans consultation sur la période.`, left, doc.y, { width })
      }

      if (bilan.topEntries.length) {
        section('Fiches les plus consultées')
        table(doc, ['Fiche', 'Consultations'], bilan.topEntries.map((e) => [e.label, e.count]), { headerFill: pale })
      }

      // Communes: the active ones in a table, the quiet ones named in one paragraph.
      const active = bilan.communes.filter((c) => !isQuiet(c))
      const quietNames = bilan.communes.filter(isQuiet).map((c) => c.name)
      section('Par commune')
      if (active.length)
        table(doc, ['Commune', 'Fiches', 'Consultations', 'Recherches', 'Contacts'], active.map((c) => [c.name, c.entries, c.views, c.searches, c.contacts]), {
          headerFill: pale,
        })
      if (quietNames.length) {
        doc.moveDown(0.5)
        doc.font('Helvetica-Bold').fontSize(10.5).fillColor(INK)
        const lead = `${plural(quietNames.length, 'commune', 'communes', formatNumber)} sans fiche publiée ni activité sur la période : `
        const list = `${quietNames.map(pdfText).join(', ')}.`
        doc.font('Helvetica').fontSize(10.5)
        ensureSpace(doc, Math.min(200, doc.heightOfString(lead + list, { width }) + 6))
        doc.font('Helvetica-Bold').text(lead, left, doc.y, { width, continued: true }).font('Helvetica').text(list)
      }
      const few = bilan.fewEntries.filter((c) => c.entries > 0)
      if (few.length) {
        const headers = ['Commune', 'Fiches publiées', 'Recherches']
        const rows = few.map((c) => [c.name, c.entries, c.searches])
        // A short list stays whole with its heading: not its last row alone on a page.
        const whole = 90 + tableHeight(doc, headers, rows)
        if (whole < 300) ensureSpace(doc, whole)
        section(`Communes avec moins de ${FEW_ENTRIES} fiches`)
        doc.font('Helvetica').fontSize(10.5).text('À signaler aux mairies : quelques fiches de plus rendent l’annuaire utile à leurs habitants.', left, doc.y, { width })
        doc.moveDown(0.3)
        table(doc, headers, rows, { headerFill: pale })
      }
    },
    { footer: pdfText(`${title} · ${periodLabel(bilan.period)}`) },
  )
}


/** The same report as CSV (semicolons, UTF-8 with BOM: opens directly in a French spreadsheet). */
export function bilanCsv(bilan: Bilan): string {
  const rows: unknown[][] = [['section', 'libellé', 'mois', 'valeur', 'détail']]
  for (const m of SUMMARY) rows.push(['total', STAT_METRIC_LABELS[m], `${bilan.period.from}/${bilan.period.to}`, bilan.totals[m], ''])
  rows.push(['total', 'Fiches publiées', '', bilan.publishedEntries, ''])
  for (const m of SUMMARY) for (const s of bilan.series[m]) rows.push(['mois', STAT_METRIC_LABELS[m], s.month, s.count, ''])
  for (const s of bilan.emptySearches) rows.push(['recherche sans résultat', s.label, '', s.count, ''])
  for (const s of bilan.topSearches) rows.push(['recherche', s.label, '', s.count, ''])
  for (const c of bilan.topCategories) rows.push(['catégorie', c.label, '', c.views, `recherches ${c.searches} ; fiches ${c.entries}`])
  for (const e of bilan.topEntries) rows.push(['fiche consultée', e.label, '', e.count, ''])
  for (const c of bilan.communes)
    rows.push(['commune', c.name, '', c.entries, `consultations ${c.views} ; recherches ${c.searches} ; contacts ${c.contacts}`])
  return '\uFEFF' + toCsv(rows, ';')
}
