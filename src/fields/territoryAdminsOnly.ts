import type { Condition } from 'payload'

import { isSuperAdmin } from '@/access/isSuperAdmin'
import { isTerritoryAdmin } from '@/access/isTerritoryAdmin'
import type { AccessUser } from '@/access/roles'

/**
 * Technical fields (page address, icon name) are shown to administrators only: a secrétaire
 * or an élu does not see them. This is display only: saving keeps their stored value.
 */
export const shownToTerritoryAdmins: Condition = (_data, _siblingData, { user }) => {
  const u = (user ?? null) as AccessUser | null
  return isSuperAdmin(u) || isTerritoryAdmin(u)
}
