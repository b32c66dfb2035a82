import type { FieldAccess } from 'payload'

import { isModeratorOf, isStaffOf } from './isStaffOf'
import { isListedOwner } from './isOwner'
import { type AccessUser, hasRole } from './roles'

type Doc = { territory?: unknown; owners?: unknown; author?: unknown; uploadedBy?: unknown } | undefined

const userOf = (req: { user?: unknown }) => (req.user ?? null) as AccessUser | null

/**
 * The document a field read is asked about: the stored one, or, when Payload builds the admin
 * form (it passes the form's `data` and no `doc`), the form's. A `where` or `select` check has
 * neither: then only what the predicate allows without a document.
 */
const docOrForm = (doc: unknown, data: unknown) => (doc ?? data) as Doc

/** Private contact data (e-mail, personal phone): territory staff and the entry's owners. */
export const staffOrOwnerField: FieldAccess = ({ req, doc, data }) => {
  const user = userOf(req)
  const d = docOrForm(doc, data)
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

/**
 * Reading moderation data: moderators of the document's territory. A document read without
 * its territory (`select`, or a `where` on the field) shows it to national administrators only.
 */
export const moderatorReadField: FieldAccess = ({ req, doc }) => isModeratorOf(userOf(req), (doc as Doc)?.territory)

/** Who sent an image: territory staff and the uploader. */
export const staffOrUploaderField: FieldAccess = ({ req, doc }) => {
  const user = userOf(req)
  const d = doc as Doc
  return isStaffOf(user, d?.territory) || isListedOwner(user, [d?.uploadedBy])
}

/** Read by territory staff (administrators, secrétaires, élus). */
export const staffReadField: FieldAccess = ({ req, doc }) => isStaffOf(userOf(req), (doc as Doc)?.territory)

/**
 * Read by territory staff, also in the admin form of a stored document (Payload builds the
 * form's state asking read access with the form's `data` and no `doc`).
 */
export const staffReadFormField: FieldAccess = ({ req, doc, data }) => isStaffOf(userOf(req), docOrForm(doc, data)?.territory)

/**
 * Like `staffReadField`, and also shown on the admin form of a document being created, to
 * the moderators who may fill it in. Payload asks field read access in these ways:
 * - reading a stored document: `doc` is the document (it has an id) → its territory's staff;
 * - the admin's create view and form (`doc`, if any, is the form's data: no id) → the staff
 *   of the form's territory, or, before one is chosen (a new document takes the user's own),
 *   a moderator;
 * - checking a `where` or `select` (no document, no data) → national administrators only, so
 *   a filter on the field never tells anyone else what it holds.
 */
export const staffReadOrNewDocField: FieldAccess = ({ req, doc, data }) => {
  const user = userOf(req)
  const stored = doc as (Doc & { id?: unknown }) | undefined
  if (stored?.id !== undefined && stored.id !== null) return isStaffOf(user, stored.territory)
  const form = (stored ?? data) as Doc
  if (!form) return hasRole(user, 'superadmin')
  const territory = form.territory
  if (territory === undefined || territory === null) return hasRole(user, 'superadmin', 'admin', 'editor')
  return isStaffOf(user, territory)
}

export const superAdminField: FieldAccess = ({ req }) => hasRole(userOf(req), 'superadmin')

export const territoryAdminField: FieldAccess = ({ req }) => hasRole(userOf(req), 'superadmin', 'admin')

/**
 * Moderation state (`reviewState`, `moderationRank`, `rejectionReason`): what a stored
 * document holds is shown to its territory's staff and to its owners or author; a `where` or
 * `sort` on it (no document) only to staff. Anyone else could list the entries with owner
 * edits waiting (`?where[reviewState][equals]=modified`) or sort them first.
 */
export const moderationStateField: FieldAccess = ({ req, doc }) => {
  const user = userOf(req)
  const d = doc as Doc
  if (!d) return seesModerationState(user)
  return isStaffOf(user, d.territory) || isListedOwner(user, d.owners) || isListedOwner(user, [d.author])
}

/** Whether the user may filter or sort on moderation state (see `moderationStateField`). */
export const seesModerationState = (user: AccessUser | null | undefined) => hasRole(user, 'superadmin', 'admin', 'editor', 'viewer')
