import type { Access } from 'payload'

import { type AccessUser, communesOf, hasRole, idOf } from './roles'
import { territoryFilter } from './territoryFilter'

export const isEditor = (user: AccessUser | null | undefined): boolean => hasRole(user, 'editor')

/** Whether the editor is in charge of this commune. */
export function editsCommune(user: AccessUser | null | undefined, commune: unknown): boolean {
  if (!isEditor(user)) return false
  const id = idOf(commune as never)
  return id !== undefined && communesOf(user).map(String).includes(String(id))
}

/**
 * Secrétaires de mairie: rows located in one of their communes. On create and update,
 * the commune the data names must be one of theirs too.
 */
export function isEditorOfCommune(field = 'commune'): Access {
  return ({ req: { user }, data }) => {
    const u = user as AccessUser | null
    if (!isEditor(u)) return false
    const target = data?.[field]
    if (target !== undefined && target !== null && !editsCommune(u, target)) return false
    const territory = territoryFilter(u!)
    if (!territory) return false
    return { and: [territory, { [field]: { in: communesOf(u) } }] }
  }
}
