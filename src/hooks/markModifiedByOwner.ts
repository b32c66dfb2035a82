import type { CollectionBeforeChangeHook } from 'payload'

import { isModeratorOf } from '@/access/isStaffOf'
import type { AccessUser } from '@/access/roles'

/**
 * What an owner's (or author's) edit does to moderation:
 * - a published entry stays online (Payload versions keep the previous state) but is flagged
 *   « modifié » so that a secrétaire reviews it, and can revert it;
 * - a refused entry, corrected by its owner, goes back to `pending`: the moderation queue
 *   shows it again as a new request (the previous reason stays on the entry for the record).
 */
export const markModifiedByOwner: CollectionBeforeChangeHook = ({ data, req, operation, originalDoc }) => {
  if (operation !== 'update' || !req.user) return data
  if (isModeratorOf(req.user as AccessUser, originalDoc?.territory)) return data
  if (originalDoc?.status === 'published') data.reviewState = 'modified'
  if (originalDoc?.status === 'rejected') {
    data.status = 'pending'
    data.reviewState = 'ok'
  }
  return data
}
