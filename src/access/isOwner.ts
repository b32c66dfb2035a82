import type { Access } from 'payload'

import { type AccessUser, idOf } from './roles'

/** Whether the user is listed in a document's owners. */
export function isListedOwner(user: AccessUser | null | undefined, owners: unknown): boolean {
  if (!user || !Array.isArray(owners)) return false
  return owners.some((owner) => String(idOf(owner)) === String(user.id))
}

/** Rows whose `field` (a relationship to users, single or many) names the user. */
export function isOwner(field = 'owners'): Access {
  return ({ req: { user } }) => (user ? { [field]: { equals: user.id } } : false)
}
