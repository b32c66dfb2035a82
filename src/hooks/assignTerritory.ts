import type { CollectionBeforeValidateHook } from 'payload'

import { type AccessUser, hasRole, idOf, territoryOf } from '@/access/roles'

import { loadCommune } from './loadCommune'

/**
 * Every document belongs to a territory: the territory of its commune when it has one,
 * otherwise the territory of the staff member who writes it. Only a national
 * administrator may choose another territory explicitly.
 */
export const assignTerritory: CollectionBeforeValidateHook = async ({ data, req, originalDoc }) => {
  if (!data) return data
  const user = req.user as AccessUser | null
  const communeRef = data.commune ?? originalDoc?.commune
  if (communeRef) {
    const commune = await loadCommune(req, communeRef)
    if (commune?.territory) {
      data.territory = idOf(commune.territory)
      return data
    }
  }
  if (hasRole(user, 'superadmin') && data.territory) return data
  const own = territoryOf(user)
  if (own !== undefined && !originalDoc?.territory) data.territory = own
  return data
}
