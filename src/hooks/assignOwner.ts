import type { CollectionBeforeChangeHook } from 'payload'

import { type AccessUser, hasRole } from '@/access/roles'

import { declares } from './declaredFields'

/**
 * An entry created by a business or resident account belongs to that account: whatever
 * `owners` (or `author`) the request sent is replaced by the account itself.
 */
export function assignOwner(field: 'owners' | 'author'): CollectionBeforeChangeHook {
  return ({ data, req, operation, collection }) => {
    const user = req.user as AccessUser | null
    if (operation !== 'create' || !user || user.collection !== 'users' || !declares(collection, field)) return data
    if (hasRole(user, 'superadmin', 'admin', 'editor')) {
      if (field === 'author' && !data[field]) data[field] = user.id
      return data
    }
    data[field] = field === 'owners' ? [user.id] : user.id
    return data
  }
}
