import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { canImport } from '@/access/canImport'
import { isSuperAdmin } from '@/access/isSuperAdmin'
import { isTerritoryAdmin } from '@/access/isTerritoryAdmin'
import { type AccessUser, communesOf } from '@/access/roles'
import { plural } from '@/i18n/plural'
import { IMPORT_LIMITS } from '@/imports/limits'
import { IMPORT_FIELD_LABELS, type ImportField } from '@/imports/mapping'
import { IMPORT_API_PATH, IMPORT_VIEW_PATH } from '@/imports/paths'
import type { ImportReport, RowAction, RowReport } from '@/imports/run'

import { STATS_CSS } from '../Statistics/styles'
import { AdminFrame } from '../AdminFrame'

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const ACTION_LABELS: Record<RowAction, { planned: string; done: string }> = {
  create: { planned: 'Sera créée', done: 'Créée' },
  update: { planned: 'Sera mise à jour', done: 'Mise à jour' },
  unchanged: { planned: 'Déjà à jour', done: 'Déjà à jour' },
  conflict: { planned: 'Conflit : rien ne sera modifié', done: 'Conflit : rien modifié' },
  refuse: { planned: 'Refusée', done: 'Refusée' },
}

const IMPORT_CSS = `
.imp-summary { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: .5rem 0 1rem; }
.imp-summary strong { font-size: 1.2rem; }
.imp-proposals { border: 1px solid var(--theme-elevation-150); border-radius: 4px; padding: .75rem 1rem; margin: 1rem 0; max-width: 48rem; }
.imp-proposals legend { font-weight: 600; padding: 0 .25rem; }
.imp-proposals label { display: inline; font-weight: normal; }
.imp-proposals div { margin: .35rem 0; }
.imp-go { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 1rem 0 2rem; }
.imp-details ul { margin: 0; padding-left: 1.1rem; }
.imp-row--refuse td:nth-child(2), .imp-row--conflict td:nth-child(2) { font-weight: 600; }
.imp-mapping { max-width: 36rem; }
.stats-form textarea { min-width: min(32rem, 100%); }
`

function Details({ row }: { row: RowReport }) {
  const lines = [...(row.reasons ?? []), ...(row.conflicts ?? []), ...(row.notes ?? [])]
  if (lines.length === 0) return null
  if (lines.length === 1) return <>{lines[0]}</>
  return (
    <ul>
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  )
}

/** The dry run's or the import's report: figures, columns understood, categories, row by row. */
function Report({ report, fileName, runId, importPath }: { report: ImportReport; fileName: string; runId: string; importPath: string }) {
  const { counts } = report
  const dry = report.dryRun
  const writable = counts.create + counts.update
  const proposals = report.categoryProposals ?? []
  const labelOf = (field: string) => IMPORT_FIELD_LABELS[field as ImportField] ?? field
  return (
    <>
      <h2 id="run-title">{dry ? `Essai à blanc de « ${fileName} » : rien n’a encore été écrit` : `Import de « ${fileName} » terminé`}</h2>
      <ul className="imp-summary" aria-label="Résultat">
        <li>
          <strong>{counts.create}</strong> {dry ? 'à créer' : counts.create > 1 ? 'créées' : 'créée'}
        </li>
        <li>
          <strong>{counts.update}</strong> {dry ? 'à mettre à jour' : counts.update > 1 ? 'mises à jour' : 'mise à jour'}
        </li>
        <li>
          <strong>{counts.unchanged}</strong> déjà à jour
        </li>
        {counts.conflict ? (
          <li>
            <strong>{counts.conflict}</strong> en conflit, laissée{counts.conflict > 1 ? 's' : ''} telle{counts.conflict > 1 ? 's' : ''} quelle{counts.conflict > 1 ? 's' : ''} (voir le détail)
          </li>
        ) : null}
        <li>
          <strong>{counts.refuse}</strong> refusée{counts.refuse > 1 ? 's' : ''}
        </li>
        <li>sur {plural(report.total, 'ligne', 'lignes')}</li>
      </ul>
      {report.categoriesCreated?.length ? <p>Catégories créées : {report.categoriesCreated.map((c) => `« ${c} »`).join(', ')}.</p> : null}

      {dry && (writable > 0 || proposals.length > 0) ? (
        <form method="post" action={importPath} className="imp-go-form">
          <input type="hidden" name="from" value={runId} />
          {proposals.length ? (
            <fieldset className="imp-proposals">
              <legend>Catégories absentes de l’annuaire : les créer ?</legend>
              <p>Décochez celles à ne pas créer : leurs lignes seront alors refusées.</p>
              {proposals.map((p, i) => (
                <div key={p.key}>
                  <input type="checkbox" id={`import-category-${i}`} name="createCategory" value={p.key} defaultChecked />{' '}
                  <label htmlFor={`import-category-${i}`}>
                    Créer « {p.name} »{p.parent ? ` dans « ${p.parent.name} »` : ''} ({plural(p.lines.length, 'ligne', 'lignes')} : {p.lines.join(', ')})
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          {report.categoryGuesses?.length ? (
            <div className="imp-proposals">
              <p>
                <strong>Catégories reconnues sous un autre nom</strong> (vérifiez-les ; sinon corrigez le fichier) :
              </p>
              <ul>
                {report.categoryGuesses.map((g) => (
                  <li key={`${g.written}-${g.category}`}>
                    « {g.written} » → « {g.category} » ({plural(g.lines.length, 'ligne', 'lignes')} : {g.lines.join(', ')})
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="imp-go">
            <button type="submit" className="btn btn--style-primary btn--size-medium btn--no-margin">
              Importer
            </button>
            <span>
              {plural(writable, 'fiche sera écrite', 'fiches seront écrites')}
              {counts.refuse ? ` ; ${plural(counts.refuse, 'ligne refusée reste', 'lignes refusées restent')} à corriger dans le fichier` : ''}.
            </span>
          </div>
        </form>
      ) : dry ? (
        <p>
          {counts.refuse
            ? 'Aucune ligne à importer : corrigez les lignes refusées dans votre tableur, puis vérifiez à nouveau le fichier.'
            : 'Rien à importer : l’annuaire contient déjà tout ce que ce fichier peut y écrire.'}
        </p>
      ) : null}

      <h3>Colonnes comprises</h3>
      <table className="imp-mapping">
        <caption className="annuaire-sr-only">Colonnes du fichier et champs de l’annuaire</caption>
        <thead>
          <tr>
            <th scope="col">Colonne du fichier</th>
            <th scope="col">Champ de l’annuaire</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(report.mapping).map(([field, column]) => (
            <tr key={field}>
              <td>{column}</td>
              <td>{labelOf(field)}</td>
            </tr>
          ))}
          {report.unknownColumns.map((column) => (
            <tr key={`unknown-${column}`}>
              <td>{column}</td>
              <td>ignorée</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Ligne par ligne</h3>
      <table>
        <caption className="annuaire-sr-only">Compte rendu ligne par ligne</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Ligne
            </th>
            <th scope="col">Résultat</th>
            <th scope="col">Nom</th>
            <th scope="col">Détails et corrections à faire</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.line} className={`imp-row--${r.action}`}>
              <td className="num">{r.line}</td>
              <td>{dry ? ACTION_LABELS[r.action].planned : ACTION_LABELS[r.action].done}</td>
              <td>{r.name ?? ''}</td>
              <td className="imp-details">
                <Details row={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

/**
 * « Importer un tableau » (/admin/import): a CSV or XLSX of businesses and associations is
 * first checked (dry run: nothing written) and the report says, line by line, what would happen
 * and what to fix; then one « Importer » button writes the same rows, with the missing
 * categories she confirmed. While a run works, the page refreshes itself (no JavaScript
 * needed) and shows its progress.
 */
export async function ImportsView(view: AdminViewServerProps) {
  const { initPageResult, searchParams } = view
  const { req } = initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  const selfPath = `${adminRoute}${IMPORT_VIEW_PATH}`
  if (!user) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(selfPath)}`)
  const u = user as AccessUser
  const allowed = canImport(u)
  const national = isSuperAdmin(u)
  const territories = allowed && national ? (await payload.find({ collection: 'territories', depth: 0, pagination: false, sort: 'name', overrideAccess: true })).docs : []
  const myCommunes =
    allowed && !national && !isTerritoryAdmin(u)
      ? (await payload.find({ collection: 'communes', where: { id: { in: communesOf(u) } }, depth: 0, pagination: false, sort: 'name', overrideAccess: true })).docs.map((c) => c.name)
      : []
  const runId = first(searchParams?.run)
  const error = first(searchParams?.error)
  const typedMapping = first(searchParams?.mapping) ?? ''
  const run =
    allowed && runId && /^[\w-]{1,40}$/.test(runId)
      ? await payload.findByID({ collection: 'import-runs', id: runId, depth: 0, user, overrideAccess: false }).catch(() => null)
      : null
  const report = run?.state === 'done' ? (run.report as ImportReport | null) : null
  const importPath = `${payload.config.routes.api}${IMPORT_API_PATH}`
  const fieldList = Object.values(IMPORT_FIELD_LABELS).join(', ')

  return (
    <AdminFrame view={view}>
      <style>{STATS_CSS + IMPORT_CSS}</style>
      {/* Same-origin forms must carry their origin for Payload to accept the login cookie. */}
      <meta name="referrer" content="same-origin" />
      {run?.state === 'running' ? <meta httpEquiv="refresh" content="2" /> : null}
      <Gutter className="stats">
        <h1>Importer un tableau d’entreprises et d’associations</h1>
        {!allowed ? <p>Les imports sont réservés aux administrateurs du territoire et aux secrétaires de mairie.</p> : null}
        {error ? (
          <p className="stats-notice" role="alert">
            {error}
          </p>
        ) : null}
        {run ? (
          <section aria-labelledby="run-title">
            {run.state === 'running' ? (
              <div role="status">
                <h2 id="run-title">
                  {run.dryRun ? 'Vérification' : 'Import'} de « {run.fileName} » en cours
                </h2>
                <p>
                  {run.processed ?? 0} ligne{(run.processed ?? 0) > 1 ? 's' : ''} sur {run.total || '…'}
                  {run.total ? ` (${Math.round(((run.processed ?? 0) / run.total) * 100)} %)` : ''}. Cette page se met à jour toute seule ; vous pouvez
                  la quitter, l’import continue.
                </p>
                {(run.source as { resumes?: number } | null)?.resumes ? (
                  <p>Le serveur a redémarré pendant le traitement : il a repris du début, sans créer de doublon.</p>
                ) : null}
                <progress className="stats-progress" max={run.total || 1} value={run.processed ?? 0} aria-label="Avancement de l’import">
                  {run.processed ?? 0} / {run.total}
                </progress>
                <p>
                  <a href={`${selfPath}?run=${encodeURIComponent(String(run.id))}`}>Rafraîchir l’avancement</a>
                </p>
              </div>
            ) : null}
            {run.state === 'failed' ? (
              <>
                <h2 id="run-title">Fichier « {run.fileName} » non importé</h2>
                <p className="stats-notice">{String((run.report as { error?: string } | null)?.error ?? 'erreur inconnue')}</p>
              </>
            ) : null}
            {run.state === 'interrupted' ? (
              <>
                <h2 id="run-title">
                  {run.dryRun ? 'Vérification' : 'Import'} de « {run.fileName} » interrompu{run.dryRun ? 'e' : ''}
                </h2>
                <p className="stats-notice">{String((run.report as { error?: string } | null)?.error ?? '')}</p>
                {run.source ? (
                  <form method="post" action={importPath} className="imp-go">
                    <input type="hidden" name="relaunch" value={String(run.id)} />
                    <button type="submit" className="btn btn--style-primary btn--size-medium btn--no-margin">
                      Relancer {run.dryRun ? 'la vérification' : 'l’import'}
                    </button>
                  </form>
                ) : null}
              </>
            ) : null}
            {report ? <Report report={report} fileName={run.fileName} runId={String(run.id)} importPath={importPath} /> : null}
          </section>
        ) : null}
        {allowed ? (
          <>
            <h2>{run ? 'Vérifier un autre fichier' : 'Choisir un fichier'}</h2>
            <p>
              Un fichier CSV (séparé par des points-virgules, des virgules ou des tabulations) ou Excel (.xlsx), une ligne par structure, la première ligne
              portant les noms de colonnes : nom, type (entreprise ou association), SIRET, RNA, catégorie, adresse, code postal, commune, téléphone,
              e-mail, site web. Les catégories s’écrivent comme vous les connaissez (« Boulangerie », « Alimentation &gt; Boulangerie ») ; plusieurs sur une
              ligne se séparent par « | ». Les fiches existantes sont reconnues par leur SIRET, leur numéro RNA, ou leur nom dans la même commune : relancer le
              même fichier ne crée pas de doublon, et le texte écrit par le propriétaire d’une fiche n’est jamais remplacé. Le fichier est d’abord vérifié
              sans rien écrire ; vous importez ensuite d’un clic.
            </p>
            {myCommunes.length ? (
              <p>
                Vous importez pour {myCommunes.length > 1 ? 'vos communes' : 'votre commune'} : {myCommunes.map((n) => `« ${n} »`).join(', ')}. Les lignes d’autres
                communes sont refusées.
              </p>
            ) : null}
            <form method="post" action={importPath} encType="multipart/form-data" className="stats-form">
              {national ? (
                <div>
                  <label htmlFor="import-territory">Territoire où importer</label>
                  <select id="import-territory" name="territory" required defaultValue="">
                    <option value="" disabled>
                      Choisissez un territoire
                    </option>
                    {territories.map((t) => (
                      <option key={t.id} value={String(t.id)}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <div>
                <label htmlFor="import-file">
                  Fichier (.csv ou .xlsx, {new Intl.NumberFormat('fr-FR').format(IMPORT_LIMITS.rows)} lignes et {IMPORT_LIMITS.bytes / (1024 * 1024)} Mo au plus)
                </label>
                <input id="import-file" name="file" type="file" accept=".csv,.tsv,.txt,.xlsx" required />
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
                <label htmlFor="import-mapping">Colonnes aux noms inhabituels (facultatif)</label>
                <textarea
                  id="import-mapping"
                  name="mapping"
                  rows={3}
                  cols={50}
                  aria-describedby="import-mapping-help"
                  placeholder="Nom = Raison sociale"
                  defaultValue={typedMapping}
                />
                <p id="import-mapping-help">
                  Une ligne par champ : « champ de l’annuaire = nom de la colonne du fichier », par exemple « Nom = Raison sociale ». Champs : {fieldList}.
                  Sans cela, les colonnes sont reconnues par leur nom.
                </p>
              </div>
              <button type="submit" className="btn btn--style-primary btn--size-medium btn--no-margin">
                Vérifier le fichier (rien n’est écrit)
              </button>
            </form>
          </>
        ) : null}
      </Gutter>
    </AdminFrame>
  )
}
