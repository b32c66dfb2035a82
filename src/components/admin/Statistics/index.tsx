import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import type { AccessUser } from '@/access/roles'
import { buildBilan, scopeTitle } from '@/reports/bilan'
import { monthLabel, periodLabel, periodSchema } from '@/reports/period'
import { assertStatsReader, ReportError, statsScopeFor, territoryFor } from '@/reports/scope'
import { STAT_METRIC_LABELS, type StatMetric } from '@/stats/metrics'

import { BarChart } from './BarChart'
import { STATS_CSS } from './styles'
import { AdminFrame } from '../AdminFrame'

export const STATISTICS_VIEW_PATH = '/statistiques'

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const CARDS: StatMetric[] = ['search', 'search-empty', 'view', 'contact-request', 'new-entry', 'new-announcement', 'match']

/**
 * « Statistiques » (/admin/statistiques): the usage of the directory for élus and
 * administrators — figures, monthly charts (server-drawn SVG, no JavaScript), unmet
 * searches, categories, communes — and the six-month report as PDF or CSV.
 */
export async function StatisticsView(view: AdminViewServerProps) {
  const { initPageResult, searchParams } = view
  const { req } = initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  const selfPath = `${adminRoute}${STATISTICS_VIEW_PATH}`
  if (!user) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(selfPath)}`)

  const u = user as AccessUser
  let error: string | undefined
  let bilan: Awaited<ReturnType<typeof buildBilan>> | undefined
  const parsed = periodSchema.safeParse({ from: first(searchParams?.from) || undefined, to: first(searchParams?.to) || undefined })
  const period = parsed.success ? parsed.data : periodSchema.parse({})
  if (!parsed.success) error = parsed.error.issues[0]?.message
  try {
    assertStatsReader(u)
    bilan = await buildBilan(payload, await territoryFor(payload, u, first(searchParams?.territory)), period, statsScopeFor(u))
  } catch (e) {
    if (!(e instanceof ReportError)) throw e
    error = e.message
  }
  const query = new URLSearchParams({ from: period.from, to: period.to }).toString()
  const api = payload.config.routes.api

  return (
    <AdminFrame view={view}>
      <style>{STATS_CSS}</style>
      <Gutter className="stats">
        <h1>Statistiques d’usage{bilan ? ` — ${scopeTitle(bilan)}` : ''}</h1>
        <p>
          Chiffres agrégés par mois, sans cookie ni donnée personnelle : on compte les recherches, les consultations et les demandes, jamais qui les fait.
        </p>
        {bilan?.communesScope ? (
          <p>
            Chiffres de vos communes ({bilan.communesScope.join(', ')}). Les mots recherchés et les catégories portent sur tout le territoire {bilan.territory.name}.
          </p>
        ) : null}
        {error ? (
          <p className="stats-notice" role="alert">
            {error}
          </p>
        ) : null}
        {bilan ? (
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
            <div className="stats-downloads">
              <a className="btn btn--style-primary btn--size-medium btn--no-margin" href={`${api}/rapports/bilan.pdf?${query}`}>
                Télécharger le bilan (PDF)
              </a>
              <a className="btn btn--style-secondary btn--size-medium btn--no-margin" href={`${api}/rapports/bilan.csv?${query}`}>
                Télécharger les chiffres (CSV, tableur)
              </a>
            </div>

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

            <h2>Mois par mois</h2>
            {(['search', 'view', 'contact-request'] as const).map((m) => (
              <BarChart
                key={m}
                id={`chart-${m}`}
                title={`${STAT_METRIC_LABELS[m]} par mois`}
                data={bilan.series[m].map((s) => ({ label: monthLabel(s.month).replace(/ \d{4}$/, ''), value: s.count }))}
              />
            ))}

            <h2 id="sans-resultat">Recherches sans résultat</h2>
            <p>Ce que les habitants ont cherché sans rien trouver : des activités à faire connaître ou à susciter.</p>
            {bilan.emptySearches.length ? (
              <table>
                <caption className="annuaire-sr-only">Recherches sans résultat</caption>
                <thead>
                  <tr>
                    <th scope="col">Mots recherchés</th>
                    <th scope="col" className="num">
                      Fois
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {bilan.emptySearches.map((s) => (
                    <tr key={s.label}>
                      <td>{s.label}</td>
                      <td className="num">{s.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>Aucune recherche sans résultat sur la période.</p>
            )}

            <h2>Recherches les plus fréquentes</h2>
            {bilan.topSearches.length ? (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Mots recherchés</th>
                    <th scope="col" className="num">
                      Fois
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {bilan.topSearches.map((s) => (
                    <tr key={s.label}>
                      <td>{s.label}</td>
                      <td className="num">{s.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>Aucune recherche enregistrée sur la période.</p>
            )}

            <h2>Catégories</h2>
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

            <h2>Communes avec peu de fiches</h2>
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
        ) : null}
      </Gutter>
    </AdminFrame>
  )
}
