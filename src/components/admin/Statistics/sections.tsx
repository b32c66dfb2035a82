import { monthLabel, type Period, periodLabel } from '@/reports/period'
import { STAT_METRIC_LABELS, type StatMetric } from '@/stats/metrics'

import { BarChart } from './BarChart'
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
    <table>
      {caption ? <caption className="annuaire-sr-only">{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">Mots recherchés</th>
          <th scope="col" className="num">
            Fois
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.label}>
            <td>{s.label}</td>
            <td className="num">{s.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function CategoriesTable({ bilan }: { bilan: Bilan }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Catégorie</th>
          <th scope="col" className="num">
            Consultations
          </th>
          <th scope="col" className="num">
            Recherches
          </th>
          <th scope="col" className="num">
            Fiches publiées
          </th>
        </tr>
      </thead>
      <tbody>
        {bilan.topCategories.map((c) => (
          <tr key={c.label}>
            <td>{c.label}</td>
            <td className="num">{c.views}</td>
            <td className="num">{c.searches}</td>
            <td className="num">{c.entries}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function CommunesDetail({ bilan }: { bilan: Bilan }) {
  return (
    <>
      <p>
        {bilan.fewEntries.length} commune(s) sur {bilan.communes.length} comptent moins de trois fiches publiées.
      </p>
      <details>
        <summary>Voir le détail par commune</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Commune</th>
              <th scope="col" className="num">
                Fiches
              </th>
              <th scope="col" className="num">
                Consultations
              </th>
              <th scope="col" className="num">
                Recherches
              </th>
              <th scope="col" className="num">
                Contacts
              </th>
            </tr>
          </thead>
          <tbody>
            {bilan.communes.map((c) => (
              <tr key={c.name}>
                <td>{c.name}</td>
                <td className="num">{c.entries}</td>
                <td className="num">{c.views}</td>
                <td className="num">{c.searches}</td>
                <td className="num">{c.contacts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  )
}
