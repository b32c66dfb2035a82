import type { Access } from 'payload'

import { type AccessUser, hasRole } from './roles'
import { territoryFilter } from './territoryFilter'

/** Administrators, secrétaires and élus of a territory: every row of their territory. */
export const isTerritoryStaffAccess: Access = ({ req: { user } }) => {
  const u = user as AccessUser | null
  if (!hasRole(u, 'admin', 'editor', 'viewer')) return false
  return territoryFilter(u!)
}
