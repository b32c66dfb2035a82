import type { Access } from 'payload'

import { isEditor } from './isEditorOfCommune'
import { isSuperAdmin } from './isSuperAdmin'
import { isTerritoryAdmin } from './isTerritoryAdmin'
import { type AccessUser, communesOf, territoryOf } from './roles'
import { territoryFilter } from './territoryFilter'

/**
 * Who imports spreadsheets of entries: the national administrator (for the territory she
 * chooses), a territory's administrator (his territory), a secrétaire de mairie (her communes
 * only: the rows of other communes are refused). Élus, owners and residents do not.
 */
export function canImport(user: AccessUser | null | undefined): boolean {
  if (isSuperAdmin(user) || isTerritoryAdmin(user)) return true
  return isEditor(user) && territoryOf(user) !== undefined && communesOf(user).length > 0
}

/** Where an import writes: a territory, and for a secrétaire the communes she manages. */
export type ImportScope = { territory: number | string; communes?: Array<number | string> }

/**
 * The scope of an import by this user; `chosenTerritory` is the national administrator's choice
 * (other users always import into their own territory). A French sentence when there is none.
 */
export function importScopeOf(user: AccessUser | null | undefined, chosenTerritory?: number | string): ImportScope | string {
  if (!canImport(user)) return 'Les imports sont réservés aux administrateurs du territoire et aux secrétaires de mairie.'
  if (isSuperAdmin(user)) {
    return chosenTerritory === undefined || chosenTerritory === '' ? 'Choisissez le territoire dans lequel importer.' : { territory: chosenTerritory }
  }
  const territory = territoryOf(user)
  if (territory === undefined) return 'Votre compte n’est rattaché à aucun territoire.'
  return isTerritoryAdmin(user) ? { territory } : { territory, communes: communesOf(user) }
}

/**
 * The imports a user reads: the national administrator all, a territory administrator his
 * territory's, a secrétaire the ones she ran herself.
 */
export const importRunsReadAccess: Access = ({ req: { user } }) => {
  const u = user as AccessUser | null
  if (isSuperAdmin(u)) return true
  if (isTerritoryAdmin(u)) return territoryFilter(u!)
  if (!canImport(u)) return false
  const territory = territoryFilter(u!)
  return territory ? { and: [territory, { user: { equals: u!.id } }] } : false
}
