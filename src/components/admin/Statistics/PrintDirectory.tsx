import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps, Where } from 'payload'

import { isEditor } from '@/access/isEditorOfCommune'
import { isSuperAdmin } from '@/access/isSuperAdmin'
import { isTerritoryAdmin } from '@/access/isTerritoryAdmin'
import { type AccessUser, communesOf, territoryOf } from '@/access/roles'
import { frenchCollator } from '@/reports/branding'

import { STATS_CSS } from './styles'
import { AdminFrame } from '../AdminFrame'
import { CommuneSelect } from '../CommuneSelect'

export const PRINT_VIEW_PATH = '/annuaire-papier'

/**
 * « Annuaire papier » (/admin/annuaire-papier): a secrétaire chooses one of her communes (an
 * administrator any commune, or the whole territory) and downloads the A4 booklet to print.
 */
export async function PrintDirectoryView(view: AdminViewServerProps) {
  const { initPageResult } = view
  const { req } = initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  if (!user) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}${PRINT_VIEW_PATH}`)}`)
  const u = user as AccessUser
  const admin = isSuperAdmin(u) || isTerritoryAdmin(u)
  const allowed = admin || isEditor(u)
  let where: Where | undefined
  if (isEditor(u) && !admin) where = { id: { in: communesOf(u) } }
  else if (territoryOf(u) !== undefined) where = { territory: { equals: territoryOf(u) } }
  const communes = allowed
    ? (await payload.find({ collection: 'communes', where, sort: 'name', pagination: false, depth: 0, overrideAccess: true, select: { name: true } })).docs.sort(
        (x, y) => frenchCollator.compare(x.name, y.name), // the database sorts by bytes: « Élencourt » after « Wambez »
      )
    : []
  const action = `${payload.config.routes.api}/rapports/annuaire.pdf`

  return (
    <AdminFrame view={view}>
      <style>{STATS_CSS}</style>
      <Gutter className="stats">
        <h1>Annuaire papier</h1>
        {!allowed ? (
          <p>L’annuaire imprimable est réservé aux mairies et aux administrateurs du territoire.</p>
        ) : (
          <>
            <p>
              Un livret A4 à imprimer ou à glisser dans le bulletin municipal, pour les habitants sans internet : en couverture, l’adresse, le téléphone
              et les horaires de la mairie (fiche de la commune) ; puis un sommaire, les informations municipales en cours, les entreprises, associations
              et services par catégorie avec les coordonnées qu’ils ont choisi de publier, et les offres et besoins du mois.
            </p>
            <form method="get" action={action} className="stats-form" aria-label="Imprimer l’annuaire">
              <div>
                <CommuneSelect
                  id="print-commune"
                  communes={communes}
                  defaultValue={communes.length === 1 ? String(communes[0]!.id) : ''}
                  allLabel={admin ? 'Tout le territoire' : undefined}
                  required={!admin}
                />
              </div>
              <button type="submit" className="btn btn--style-primary btn--size-medium btn--no-margin">
                Télécharger le livret (PDF)
              </button>
            </form>
          </>
        )}
      </Gutter>
    </AdminFrame>
  )
}
