import { isEditor } from './isEditorOfCommune'
import { isSuperAdmin } from './isSuperAdmin'
import { isTerritoryReader } from './isTerritoryReader'
import { type AccessUser, communesOf } from './roles'

/** Statistics and the six-month report: élus, administrators, secrétaires (their communes), the national administrator. */
export const isStatsReader = (user: AccessUser | null | undefined): boolean => isSuperAdmin(user) || isTerritoryReader(user) || isEditor(user)

/**
 * The communes a user's statistics are limited to: a secrétaire's own communes; `null` (the
 * whole territory) for élus and administrators.
 */
export function statsCommunes(user: AccessUser | null | undefined): Array<number | string> | null {
  if (isSuperAdmin(user) || isTerritoryReader(user)) return null
  return communesOf(user)
}
