import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { scopeTitle } from '@/reports/bilan'

import { statisticsModel } from './model'
import { CategoriesTable, CommunesDetail, Downloads, FigureCards, MonthlyCharts, PeriodForm, SearchTable } from './sections'
import { STATS_CSS } from './styles'
import { AdminFrame } from '../AdminFrame'

export { STATISTICS_VIEW_PATH } from './model'

/**
 * « Statistiques » (/admin/statistiques): the usage of the directory for élus and
 * administrators — figures, monthly charts (server-drawn SVG, no JavaScript), unmet
 * searches, categories, communes — and the six-month report as PDF or CSV.
 */
export async function StatisticsView(view: AdminViewServerProps) {
  const { selfPath, period, bilan, error, downloads } = await statisticsModel(view)
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
            <PeriodForm selfPath={selfPath} period={period} />
            <Downloads downloads={downloads} />
            <FigureCards bilan={bilan} />
            <MonthlyCharts bilan={bilan} />

            <h2 id="sans-resultat">Recherches sans résultat</h2>
            <p>Ce que les habitants ont cherché sans rien trouver : des activités à faire connaître ou à susciter.</p>
            <SearchTable rows={bilan.emptySearches} caption="Recherches sans résultat" empty="Aucune recherche sans résultat sur la période." />

            <h2>Recherches les plus fréquentes</h2>
            <SearchTable rows={bilan.topSearches} empty="Aucune recherche enregistrée sur la période." />

            <h2>Catégories</h2>
            <CategoriesTable bilan={bilan} />

            <h2>Communes avec peu de fiches</h2>
            <CommunesDetail bilan={bilan} />
          </>
        ) : null}
      </Gutter>
    </AdminFrame>
  )
}
