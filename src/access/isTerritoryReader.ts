import type { Access } from 'payload'

import { type AccessUser, hasRole } from './roles'
import { territoryFilter } from './territoryFilter'

/** Staff who may read everything of their territory: administrators and élus. */
export const isTerritoryReader = (user: AccessUser | null | undefined): boolean => hasRole(user, 'admin', 'viewer')

export const isTerritoryReaderAccess: Access = ({ req: { user } }) => {
  const u = user as AccessUser | null
  if (!isTerritoryReader(u)) return false
  return territoryFilter(u!)
}
