import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { isSuperAdmin } from '@/access/isSuperAdmin'
import { isTerritoryAdmin } from '@/access/isTerritoryAdmin'
import type { AccessUser } from '@/access/roles'
import { IMPORT_FIELDS } from '@/imports/mapping'
import { IMPORT_API_PATH, IMPORT_VIEW_PATH } from '@/imports/paths'
import type { ImportReport, RowAction } from '@/imports/run'

import { STATS_CSS } from '../Statistics/styles'
import { AdminFrame } from '../AdminFrame'

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const ACTION_LABELS: Record<RowAction, string> = { create: 'Création', update: 'Mise à jour', unchanged: 'Inchangée', refuse: 'Refusée' }

/**
 * « Importer un tableau » (/admin/import): upload a CSV or XLSX of businesses and
 * associations, dry run first, then the real run; while it runs the page refreshes itself
 * (no JavaScript needed) and shows the progress, then the row-by-row report.
 */
export async function ImportsView(view: AdminViewServerProps) {
  const { initPageResult, searchParams } = view
  const { req } = initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  const selfPath = `${adminRoute}${IMPORT_VIEW_PATH}`
  if (!user) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(selfPath)}`)
  const u = user as AccessUser
  const allowed = isSuperAdmin(u) || isTerritoryAdmin(u)
  const runId = first(searchParams?.run)
  const error = first(searchParams?.error)
  const run =
    allowed && runId && /^[\w-]{1,40}$/.test(runId)
      ? await payload.findByID({ collection: 'import-runs', id: runId, depth: 0, user, overrideAccess: false }).catch(() => null)
      : null
  const report = run?.state === 'done' ? (run.report as ImportReport | null) : null

  return (
    <AdminFrame view={view}>
      <style>{STATS_CSS}</style>
      {run?.state === 'running' ? <meta httpEquiv="refresh" content="2" /> : null}
      <Gutter className="stats">
        <h1>Importer un tableau d’entreprises et d’associations</h1>
        {!allowed ? <p>Les imports sont réservés aux administrateurs du territoire.</p> : null}
        {error ? (
          <p className="stats-notice" role="alert">
            {error}
          </p>
        ) : null}
        {run ? (
          <section aria-labelledby="run-title" role="status">
            <h2 id="run-title">
              {run.dryRun ? 'Essai à blanc' : 'Import'} de « {run.fileName} »
            </h2>
            {run.state === 'running' ? (
              <>
                <p>
                  En cours : {run.processed ?? 0} ligne(s) sur {run.total || '…'}. Cette page se met à jour toute seule.
                </p>
                <progress className="stats-progress" max={run.total || 1} value={run.processed ?? 0}>
                  {run.processed ?? 0} / {run.total}
                </progress>
              </>
            ) : null}
            {run.state === 'failed' ? (
              <p className="stats-notice">Import impossible : {String((run.report as { error?: string } | null)?.error ?? 'erreur inconnue')}</p>
            ) : null}
            {report ? (
              <>
                <p>
                  {run.dryRun ? 'Rien n’a été écrit. Serait : ' : 'Terminé : '}
                  {report.counts.create} création(s), {report.counts.update} mise(s) à jour, {report.counts.unchanged} inchangée(s),{' '}
                  {report.counts.refuse} refusée(s) sur {report.total} ligne(s). Chaque ligne est importée entièrement ou pas du tout.
                </p>
                <p>Colonnes utilisées : {Object.entries(report.mapping).map(([f, c]) => `${c} → ${f}`).join(', ') || 'aucune'}.</p>
                {report.unknownColumns.length ? <p>Colonnes ignorées : {report.unknownColumns.join(', ')}.</p> : null}
                <table>
                  <caption className="annuaire-sr-only">Compte rendu ligne par ligne</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        Ligne
                      </th>
                      <th scope="col">Résultat</th>
                      <th scope="col">Nom</th>
                      <th scope="col">Motifs</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.rows.map((r) => (
                      <tr key={r.line}>
                        <td className="num">{r.line}</td>
                        <td>{ACTION_LABELS[r.action]}</td>
                        <td>{r.name ?? ''}</td>
                        <td>{(r.reasons ?? []).join(' ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : null}
          </section>
        ) : null}
        {allowed ? (
          <>
            <h2>Nouveau fichier</h2>
            <p>
              Un fichier CSV (séparateur virgule ou point-virgule) ou Excel (.xlsx), une ligne par structure, la première ligne portant les noms de colonnes
              (nom, siret, rna, type, catégorie, adresse, code postal, commune, téléphone, courriel, site…). Les fiches existantes sont reconnues par leur
              SIRET, leur numéro RNA, ou leur nom dans la même commune : relancer le même fichier ne crée pas de doublon. Commencez par un essai à blanc.
            </p>
            <form method="post" action={`${payload.config.routes.api}${IMPORT_API_PATH}`} encType="multipart/form-data" className="stats-form">
              <div>
                <label htmlFor="import-file">Fichier (.csv ou .xlsx, 5 Mo au plus)</label>
                <input id="import-file" name="file" type="file" accept=".csv,.xlsx" required />
              </div>
              <div>
                <label htmlFor="import-kind">Structures sans colonne « type »</label>
                <select id="import-kind" name="kind" defaultValue="">
                  <option value="">Association si un numéro RNA est donné, sinon entreprise</option>
                  <option value="businesses">Toutes des entreprises</option>
                  <option value="associations">Toutes des associations</option>
                </select>
              </div>
              <div style={{ flexBasis: '100%' }}>
                <label htmlFor="import-mapping">Correspondance des colonnes (facultatif)</label>
                <textarea id="import-mapping" name="mapping" rows={3} cols={50} aria-describedby="import-mapping-help" placeholder="name = Raison sociale" />
                <p id="import-mapping-help">
                  Une ligne par champ, « champ = nom de la colonne ». Champs : {Object.keys(IMPORT_FIELDS).join(', ')}. Sans correspondance, les colonnes sont
                  reconnues par leur nom.
                </p>
              </div>
              <div>
                <input id="import-dry" name="dryRun" type="checkbox" defaultChecked />{' '}
                <label htmlFor="import-dry" style={{ display: 'inline' }}>
                  Essai à blanc (ne rien écrire)
                </label>
              </div>
              <button type="submit" className="btn btn--style-primary btn--size-medium btn--no-margin">
                Lancer
              </button>
            </form>
          </>
        ) : null}
      </Gutter>
    </AdminFrame>
  )
}
