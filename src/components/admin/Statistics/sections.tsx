import { monthLabel, type Period, periodLabel } from '@/reports/period'
import { STAT_METRIC_LABELS, type StatMetric } from '@/stats/metrics'

import { plural } from '@/i18n/plural'
import { BarChart } from './BarChart'
import { StatsTable } from './StatsTable'
import type { Bilan, StatisticsModel } from './model'

const CARDS: StatMetric[] = ['search', 'search-empty', 'view', 'contact-request', 'new-entry', 'new-announcement', 'match']

export function PeriodForm({ selfPath, period }: { selfPath: string; period: Period }) {
  return (
    <>
      <form method="get" action={selfPath} className="stats-form" aria-label="Choisir la période">
        <div>
          <label htmlFor="stats-from">Du mois</label>
          <input id="stats-from" name="from" type="month" defaultValue={period.from} pattern="\d{4}-\d{2}" placeholder="2026-01" />
        </div>
        <div>
          <label htmlFor="stats-to">Au mois (inclus)</label>
          <input id="stats-to" name="to" type="month" defaultValue={period.to} pattern="\d{4}-\d{2}" placeholder="2026-06" />
        </div>
        <button type="submit" className="btn btn--style-secondary btn--size-medium btn--no-margin">
          Afficher
        </button>
      </form>
      <p>
        Période : <strong>{periodLabel(period)}</strong> (six derniers mois par défaut).
      </p>
    </>
  )
}

export function Downloads({ downloads }: Pick<StatisticsModel, 'downloads'>) {
  return (
    <div className="stats-downloads">
      <a className="btn btn--style-primary btn--size-medium btn--no-margin" href={downloads.pdf}>
        Télécharger le bilan (PDF)
      </a>
      <a className="btn btn--style-secondary btn--size-medium btn--no-margin" href={downloads.csv}>
        Télécharger les chiffres (CSV, tableur)
      </a>
    </div>
  )
}

export function FigureCards({ bilan }: { bilan: Bilan }) {
  return (
    <>
      <h2>Les chiffres de la période</h2>
      <ul className="stats-cards">
        {CARDS.map((m) => (
          <li key={m}>
            <strong>{bilan.totals[m]}</strong>
            {STAT_METRIC_LABELS[m]}
          </li>
        ))}
        <li>
          <strong>{bilan.publishedEntries}</strong>Fiches publiées aujourd’hui
        </li>
      </ul>
    </>
  )
}

export function MonthlyCharts({ bilan }: { bilan: Bilan }) {
  return (
    <>
      <h2>Mois par mois</h2>
      {(['search', 'view', 'contact-request'] as const).map((m) => (
        <BarChart
          key={m}
          id={`chart-${m}`}
          title={`${STAT_METRIC_LABELS[m]} par mois`}
          data={bilan.series[m].map((s) => ({ label: monthLabel(s.month).replace(/ \d{4}$/, ''), value: s.count }))}
        />
      ))}
    </>
  )
}

/** Searched words and how often, or what to say when there are none. */
export function SearchTable({ rows, caption, empty }: { rows: { label: string; count: number }[]; caption?: string; empty: string }) {
  if (!rows.length) return <p>{empty}</p>
  return (
    <StatsTable
      caption={caption}
      columns={[{ label: 'Mots recherchés' }, { label: 'Fois', numeric: true }]}
      rows={rows.map((s) => ({ key: s.label, cells: [s.label, s.count] }))}
    />
  )
}

export function CategoriesTable({ bilan }: { bilan: Bilan }) {
  return (
    <StatsTable
      columns={[{ label: 'Catégorie' }, { label: 'Consultations', numeric: true }, { label: 'Recherches', numeric: true }, { label: 'Fiches publiées', numeric: true }]}
      rows={bilan.topCategories.map((c) => ({ key: c.label, cells: [c.label, c.views, c.searches, c.entries] }))}
    />
  )
}

export function CommunesDetail({ bilan }: { bilan: Bilan }) {
  return (
    <>
      <p>
        {plural(bilan.fewEntries.length, 'commune')} sur {bilan.communes.length} {bilan.fewEntries.length > 1 ? 'comptent' : 'compte'} moins de trois fiches publiées.
      </p>
      <details>
        <summary>Voir le détail par commune</summary>
        <StatsTable
          columns={[
            { label: 'Commune' },
            { label: 'Fiches', numeric: true },
            { label: 'Consultations', numeric: true },
            { label: 'Recherches', numeric: true },
            { label: 'Contacts', numeric: true },
          ]}
          rows={bilan.communes.map((c) => ({ key: c.name, cells: [c.name, c.entries, c.views, c.searches, c.contacts] }))}
        />
      </details>
    </>
  )
}
