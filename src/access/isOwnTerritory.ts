import type { Access } from 'payload'

import { type AccessUser, hasRole, territoryOf } from './roles'

/** Territory administrators on their own territory document. */
export const isOwnTerritory: Access = ({ req: { user } }) => {
  const u = user as AccessUser | null
  const territory = territoryOf(u)
  if (!hasRole(u, 'admin') || territory === undefined) return false
  return { id: { equals: territory } }
}
