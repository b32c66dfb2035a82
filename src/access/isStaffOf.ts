import { type AccessUser, hasRole, idOf, territoryOf } from './roles'

/** Whether the user works for the territory a document belongs to (any staff role). */
export function isStaffOf(user: AccessUser | null | undefined, territory: unknown): boolean {
  if (hasRole(user, 'superadmin')) return true
  if (!hasRole(user, 'admin', 'editor', 'viewer')) return false
  const own = territoryOf(user)
  return own !== undefined && String(own) === String(idOf(territory as never))
}

/** Whether the user may moderate in that territory (administrators and secrétaires). */
export function isModeratorOf(user: AccessUser | null | undefined, territory: unknown): boolean {
  if (hasRole(user, 'superadmin')) return true
  if (!hasRole(user, 'admin', 'editor')) return false
  return isStaffOf(user, territory)
}
