import type { Access } from 'payload'

import { type AccessUser, hasRole } from './roles'
import { territoryFilter } from './territoryFilter'

/** Administrators and secrétaires: every row of their territory (for shared content such as categories). */
export const isTerritoryModeratorAccess: Access = ({ req: { user } }) => {
  const u = user as AccessUser | null
  if (!hasRole(u, 'admin', 'editor')) return false
  return territoryFilter(u!)
}
