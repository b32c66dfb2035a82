import type { CollectionBeforeChangeHook } from 'payload'

import { isModeratorOf } from '@/access/isStaffOf'
import { type AccessUser, hasRole, idOf } from '@/access/roles'

import { declaredValue, declares } from './declaredFields'

/**
 * What an owner's (or author's) edit does to moderation:
 * - a published entry stays online (Payload versions keep the previous state) but is flagged
 *   « modifié » so that a secrétaire reviews it, and can revert it;
 * - a refused entry, corrected by its owner, goes back to `pending`: the moderation queue
 *   shows it again as a new request (the previous reason stays on the entry for the record);
 * - an entry moved to a commune of another territory (its territory follows the commune, see
 *   assignTerritory) goes back to `pending` there: that territory's moderators decide
 *   whether it is published on their site. Staff cannot move an entry out of their own
 *   territory (enforceTerritoryScope); only a national administrator moves one as it is.
 */
export const markModifiedByOwner: CollectionBeforeChangeHook = ({ data, req, operation, originalDoc, collection }) => {
  if (operation !== 'update' || !req.user || !declares(collection, 'status')) return data
  const user = req.user as AccessUser
  const before = declaredValue(collection, originalDoc, 'territory')
  const after = declaredValue(collection, data, 'territory')
  const moved = after !== undefined && String(idOf(after as never) ?? '') !== String(idOf(before as never) ?? '')
  if (moved && !hasRole(user, 'superadmin')) {
    if (originalDoc?.status !== 'archived') data.status = 'pending'
    data.reviewState = 'ok'
    return data
  }
  if (isModeratorOf(user, before)) return data
  if (originalDoc?.status === 'published') data.reviewState = 'modified'
  if (originalDoc?.status === 'rejected') {
    data.status = 'pending'
    data.reviewState = 'ok'
  }
  return data
}
