import type { Access } from 'payload'

import { type AccessUser, hasRole } from './roles'
import { territoryFilter } from './territoryFilter'

export const isTerritoryAdmin = (user: AccessUser | null | undefined): boolean => hasRole(user, 'admin')

/** Territory administrators: every row of their territory. */
export const isTerritoryAdminAccess: Access = ({ req: { user } }) => {
  const u = user as AccessUser | null
  if (!isTerritoryAdmin(u)) return false
  return territoryFilter(u!)
}
