import { STAT_METRIC_LABELS, type StatMetric } from '@/stats/metrics'

import type { Bilan } from './bilan'
import { toCsv } from './csv'
import { monthLabel, periodLabel } from './period'
import { barChart, heading, renderPdf, table } from './pdf'

const SUMMARY: StatMetric[] = ['search', 'search-empty', 'view', 'contact-request', 'new-entry', 'new-announcement', 'match']

/** The six-month report as a PDF: figures, charts, top categories, unmet searches, communes with few entries. */
export function bilanPdf(bilan: Bilan): Promise<Buffer> {
  const title = `Bilan de l’annuaire — ${bilan.territory.name}`
  return renderPdf({ title, subject: `Statistiques d’usage ${periodLabel(bilan.period)}` }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(20).text(title)
    doc.font('Helvetica').fontSize(11).fillColor('#333333').text(`Période : ${periodLabel(bilan.period)}. Édité le ${new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}.`)
    doc
      .fontSize(9)
      .fillColor('#555555')
      .text('Chiffres agrégés, sans cookie ni donnée personnelle : chaque recherche, consultation ou demande est comptée, sans savoir qui l’a faite.')
    doc.fillColor('#1a1a1a')

    heading(doc, 'Les chiffres de la période')
    table(doc, ['Mesure', 'Total'], [...SUMMARY.map((m) => [STAT_METRIC_LABELS[m], bilan.totals[m]] as [string, number]), ['Fiches publiées aujourd’hui', bilan.publishedEntries]])

    heading(doc, 'Mois par mois')
    barChart(doc, 'Recherches par mois', bilan.series.search.map((s) => ({ label: monthLabel(s.month), value: s.count })))
    barChart(doc, 'Consultations de fiches par mois', bilan.series.view.map((s) => ({ label: monthLabel(s.month), value: s.count })))
    barChart(doc, 'Demandes de contact par mois', bilan.series['contact-request'].map((s) => ({ label: monthLabel(s.month), value: s.count })))

    heading(doc, 'Recherches sans résultat : les besoins non couverts')
    if (bilan.emptySearches.length === 0) doc.text('Aucune recherche sans résultat sur la période.')
    else {
      doc.text('Ce que les habitants ont cherché sans rien trouver dans l’annuaire : des activités à faire connaître ou à susciter.')
      doc.moveDown(0.3)
      table(doc, ['Mots recherchés', 'Fois'], bilan.emptySearches.map((s) => [s.label, s.count]))
    }

    heading(doc, 'Recherches les plus fréquentes')
    if (bilan.topSearches.length === 0) doc.text('Aucune recherche enregistrée sur la période.')
    else table(doc, ['Mots recherchés', 'Fois'], bilan.topSearches.map((s) => [s.label, s.count]))

    heading(doc, 'Catégories les plus consultées')
    if (bilan.topCategories.length === 0) doc.text('Aucune donnée sur la période.')
    else table(doc, ['Catégorie', 'Consultations', 'Recherches', 'Fiches'], bilan.topCategories.map((c) => [c.label, c.views, c.searches, c.entries]))

    if (bilan.topEntries.length) {
      heading(doc, 'Fiches les plus consultées')
      table(doc, ['Fiche', 'Consultations'], bilan.topEntries.map((e) => [e.label, e.count]))
    }

    heading(doc, 'Communes avec peu de fiches')
    if (bilan.fewEntries.length === 0) doc.text('Toutes les communes ont au moins trois fiches publiées.')
    else {
      doc.text(`${bilan.fewEntries.length} commune(s) comptent moins de trois fiches publiées : à signaler aux mairies.`)
      doc.moveDown(0.3)
      table(doc, ['Commune', 'Fiches publiées', 'Recherches'], bilan.fewEntries.map((c) => [c.name, c.entries, c.searches]))
    }

    heading(doc, 'Détail par commune')
    table(doc, ['Commune', 'Fiches', 'Consultations', 'Recherches', 'Contacts'], bilan.communes.map((c) => [c.name, c.entries, c.views, c.searches, c.contacts]))
  })
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
