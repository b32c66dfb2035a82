import type { CollectionBeforeValidateHook } from 'payload'

import { type AccessUser, hasRole, idOf, territoryOf } from '@/access/roles'

import { declaredValue, declares } from './declaredFields'
import { loadCommune } from './loadCommune'

/**
 * Every document belongs to a territory: the territory of its commune when the collection
 * has a commune field, otherwise the territory of the staff member who writes it. Only a
 * national administrator may choose another territory explicitly.
 *
 * Only declared fields are read: users, pages, categories and media have no commune, and a
 * `commune` key sent to them is ignored (it once moved an account to another territory).
 */
export const assignTerritory: CollectionBeforeValidateHook = async ({ data, req, originalDoc, collection }) => {
  if (!data || !declares(collection, 'territory')) return data
  const user = req.user as AccessUser | null
  const communeRef = declaredValue(collection, data, 'commune') ?? declaredValue(collection, originalDoc, 'commune')
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
