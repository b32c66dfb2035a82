import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { isSuperAdmin } from '@/access/isSuperAdmin'
import type { AccessUser } from '@/access/roles'
import { decodeSummary } from '@/territories/summary'
import { NEW_TERRITORY_API_PATH, NEW_TERRITORY_VIEW_PATH } from '@/territories/paths'
import { territoryPrefix } from '@/territories/prefix'

import { plural } from '@/i18n/plural'
import { STATS_CSS } from '../Statistics/styles'
import { AdminFrame } from '../AdminFrame'

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/**
 * « Nouveau territoire » (/admin/nouveau-territoire): the national administrator types an
 * EPCI SIREN code and gets the territory with its communes and their centres in one step,
 * then the report (communes created, updated, without a known centre).
 */
export async function NewTerritoryView(view: AdminViewServerProps) {
  const { initPageResult, searchParams } = view
  const { req } = initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  if (!user) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}${NEW_TERRITORY_VIEW_PATH}`)}`)
  const allowed = isSuperAdmin(user as AccessUser)
  const error = first(searchParams?.erreur)
  const summary = decodeSummary(first(searchParams?.rapport))

  return (
    <AdminFrame view={view}>
      <style>{STATS_CSS}</style>
      <Gutter className="stats">
        <h1>Nouveau territoire depuis son code EPCI</h1>
        {!allowed ? (
          <p>La création de territoires est réservée à l’administrateur national.</p>
        ) : (
          <>
            {error ? (
              <p className="stats-notice" role="alert">
                {error}
              </p>
            ) : null}
            {summary ? (
              <section aria-labelledby="rapport-titre" role="status">
                <h2 id="rapport-titre">
                  {summary.territory.created ? 'Territoire créé' : 'Territoire mis à jour'} : {summary.territory.name}
                </h2>
                <ul>
                  <li>{summary.communes.total} communes membres</li>
                  <li>{plural(summary.communes.created, 'commune créée', 'communes créées')}</li>
                  <li>{plural(summary.communes.updated, 'commune mise à jour', 'communes mises à jour')}</li>
                  <li>{plural(summary.communes.unchanged, 'commune déjà à jour', 'communes déjà à jour')}</li>
                </ul>
                {summary.withoutCentre.length ? (
                  <p>
                    Sans centre connu (importées sans coordonnées, à compléter dans « Communes ») :{' '}
                    {summary.withoutCentre.map((c) => `${c.name} (${c.inseeCode})`).join(', ')}
                  </p>
                ) : (
                  <p>Toutes les communes ont leur centre (latitude, longitude).</p>
                )}
                <p>
                  <a href={`${adminRoute}/collections/territories/${summary.territory.id}`}>Compléter la fiche du territoire</a> (noms de domaine,
                  couleurs, logo, contact) · <a href={`${adminRoute}/collections/users/create`}>Créer son administrateur</a> · site public :{' '}
                  <a href={`${territoryPrefix(summary.slug)}/`}>{`${territoryPrefix(summary.slug)}/`}</a>
                </p>
              </section>
            ) : null}
            <form method="post" action={`${payload.config.routes.api}${NEW_TERRITORY_API_PATH}`} className="stats-form">
              <p>
                Les communes membres viennent du découpage administratif officiel (Etalab) et leurs centres du fichier des
                centres de communes. Relancer avec le même code met à jour sans rien créer en double.
              </p>
              <div className="field">
                <label htmlFor="epci-code">Code SIREN de l’EPCI (9 chiffres, par exemple 200005932)</label>
                <input id="epci-code" name="epciCode" inputMode="numeric" required defaultValue={first(searchParams?.code) ?? ''} />
              </div>
              <div className="field">
                <label htmlFor="epci-hosts">Noms de domaine du site public (facultatif, séparés par des espaces)</label>
                <input id="epci-hosts" name="hostnames" placeholder="annuaire.ma-communaute.fr" />
              </div>
              <button type="submit" className="btn btn--style-primary btn--size-medium btn--no-margin">
                Créer le territoire et importer ses communes
              </button>
            </form>
          </>
        )}
      </Gutter>
    </AdminFrame>
  )
}
