import type { BaseFilter, FilterOptionsProps, Where } from 'payload'

import { isEditor } from '@/access/isEditorOfCommune'
import { isSuperAdmin } from '@/access/isSuperAdmin'
import { type AccessUser, communesOf, hasRole, territoryOf } from '@/access/roles'

/**
 * What the admin lists of the directory open on: the staff member's territory, and for a
 * secrétaire de mairie her communes. Published entries of other territories are readable by
 * anyone (the public site), so without this a territory's list would start with its
 * neighbours' rows. `null`: no narrowing (national administrator, owners, the public).
 */
export function staffListWhere(user: AccessUser | null | undefined, communeField: string | null = 'commune'): Where | null {
  if (!user || isSuperAdmin(user) || !hasRole(user, 'admin', 'editor', 'viewer')) return null
  const territory = territoryOf(user)
  if (territory === undefined) return null
  const own: Where = { territory: { equals: territory } }
  if (communeField && isEditor(user) && !hasRole(user, 'admin', 'viewer')) return { and: [own, { [communeField]: { in: communesOf(user) } }] }
  return own
}

/** `admin.baseFilter` of the directory collections (see `staffListWhere`). */
export const staffListFilter: BaseFilter = ({ req }) => staffListWhere(req.user as AccessUser | null)

/** The same for documents without a commune (images and documents): the territory only. */
export const staffTerritoryListFilter: BaseFilter = ({ req }) => staffListWhere(req.user as AccessUser | null, null)

/**
 * The communes offered by a commune picker: a secrétaire's own communes, an administrator's
 * territory; everyone else (national administrator, owners, the public forms) is checked by
 * the access rules and the territory hook instead.
 */
export const ownCommunesOptions = ({ user }: Pick<FilterOptionsProps, 'user'>): Where | true => {
  const u = user as AccessUser | null
  if (!u || isSuperAdmin(u)) return true
  if (isEditor(u) && !hasRole(u, 'admin')) return { id: { in: communesOf(u) } }
  const territory = territoryOf(u)
  if (hasRole(u, 'admin') && territory !== undefined) return { territory: { equals: territory } }
  return true
}

/** A secrétaire with a single commune finds it already chosen. */
export const ownCommuneDefault = ({ user }: { user?: unknown }): number | string | undefined => {
  const u = user as AccessUser | null | undefined
  if (!isEditor(u)) return undefined
  const communes = communesOf(u)
  return communes.length === 1 ? communes[0] : undefined
}

/**
 * The categories offered to a territory's staff: national ones and their territory's (a
 * secrétaire typing « bois » was offered a neighbour territory's category, refused on save).
 */
export const ownTerritoryCategoriesOptions = ({ user }: Pick<FilterOptionsProps, 'user'>): Where | true => {
  const u = user as AccessUser | null
  if (!u || isSuperAdmin(u) || !hasRole(u, 'admin', 'editor')) return true
  const territory = territoryOf(u)
  if (territory === undefined) return true
  return { or: [{ territory: { exists: false } }, { territory: { equals: territory } }] }
}
