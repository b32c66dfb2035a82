import { type AccessUser, hasRole, STAFF_ROLES } from './roles'

/**
 * Whether the user works in the admin panel (« Espace de gestion »): the national administrator,
 * territory administrators, secrétaires and élus. Residents and owners have « Mon espace ».
 */
export function canOpenAdmin(user: AccessUser | null | undefined): boolean {
  return hasRole(user, ...STAFF_ROLES)
}
