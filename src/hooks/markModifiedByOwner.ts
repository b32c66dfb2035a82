import type { CollectionBeforeChangeHook } from 'payload'

import { isModeratorOf } from '@/access/isStaffOf'
import type { AccessUser } from '@/access/roles'

/**
 * An owner's edit of a published entry stays online (Payload versions keep the previous
 * state) but is flagged « modifié » so that a secrétaire reviews it, and can revert it.
 */
export const markModifiedByOwner: CollectionBeforeChangeHook = ({ data, req, operation, originalDoc }) => {
  if (operation !== 'update' || !req.user) return data
  if (isModeratorOf(req.user as AccessUser, originalDoc?.territory)) return data
  if (originalDoc?.status === 'published') data.reviewState = 'modified'
  return data
}
