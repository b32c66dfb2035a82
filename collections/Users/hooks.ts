import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { type AccessUser, type Role, hasRole } from '@/access/roles'

/**
 * Only a national administrator grants the national role; a territory administrator
 * manages the other roles of people in their own territory.
 */
export const guardRoleChanges: CollectionBeforeValidateHook = ({ data, req, collection }) => {
  const user = req.user as AccessUser | null
  const roles = (data?.roles ?? []) as Role[]
  if (roles.includes('superadmin') && user && !hasRole(user, 'superadmin')) {
    throw new ValidationError(
      { collection: collection.slug, errors: [{ path: 'roles', message: 'Seul un administrateur national peut donner ce rôle.' }] },
      req.t,
    )
  }
  return data
}
