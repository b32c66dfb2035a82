import type { CollectionBeforeOperationHook } from 'payload'

import { seesModerationState } from '@/access/fieldAccess'
import type { AccessUser } from '@/access/roles'

/**
 * The moderated collections sort by `moderationRank` by default, for the staff's lists. Anyone
 * else may not sort on it (it would put the entries with owner edits waiting first): a read
 * without `sort` gets the title order instead of a refusal.
 */
export function publicDefaultSort(titleField: 'name' | 'title'): CollectionBeforeOperationHook {
  return ({ args, operation, req }) => {
    // `read` is also findByID, which has no sort: adding one there changes nothing. A bulk
    // update or delete (by `where`) reads its rows in the default order too.
    const bulk = (operation === 'update' || operation === 'delete') && (args as { where?: unknown }).where !== undefined
    if ((operation !== 'read' && !bulk) || args.overrideAccess || (args as { sort?: unknown }).sort) return args
    if (seesModerationState(req.user as AccessUser | null)) return args
    return { ...args, sort: titleField }
  }
}
