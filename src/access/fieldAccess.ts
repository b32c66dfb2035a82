import type { FieldAccess } from 'payload'

import { isModeratorOf, isStaffOf } from './isStaffOf'
import { isListedOwner } from './isOwner'
import { type AccessUser, hasRole } from './roles'

type Doc = { territory?: unknown; owners?: unknown; author?: unknown } | undefined

const userOf = (req: { user?: unknown }) => (req.user ?? null) as AccessUser | null

/** Private contact data (e-mail, personal phone): territory staff and the entry's owners. */
export const staffOrOwnerField: FieldAccess = ({ req, doc }) => {
  const user = userOf(req)
  const d = doc as Doc
  return isStaffOf(user, d?.territory) || isListedOwner(user, d?.owners) || isListedOwner(user, [d?.author])
}

/** Moderation data (status decisions, notes, owner links): moderators of the territory. */
export const moderatorField: FieldAccess = ({ req, doc, data }) => {
  const user = userOf(req)
  if (hasRole(user, 'superadmin')) return true
  const territory = (doc as Doc)?.territory ?? (data as Doc)?.territory
  // On create there is no territory yet: it is assigned from the user's own territory.
  if (territory === undefined) return hasRole(user, 'admin', 'editor')
  return isModeratorOf(user, territory)
}

/** Read by territory staff (administrators, secrétaires, élus). */
export const staffReadField: FieldAccess = ({ req, doc }) => isStaffOf(userOf(req), (doc as Doc)?.territory)

export const superAdminField: FieldAccess = ({ req }) => hasRole(userOf(req), 'superadmin')

export const territoryAdminField: FieldAccess = ({ req }) => hasRole(userOf(req), 'superadmin', 'admin')
