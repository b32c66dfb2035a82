import { type CollectionSlug, createLocalReq, type Payload, type TypedUser, type Where } from 'payload'

import { type AccessUser, hasRole } from '@/access/roles'

/** Who may moderate at all: national and territory administrators, secrétaires de mairie. */
export function isModerator(user: AccessUser | null | undefined): boolean {
  return hasRole(user, 'superadmin', 'admin', 'editor')
}

/**
 * The rows of a collection the user may change, as the collection's own `update` access
 * rule says (a secrétaire: her communes; an administrator: the territory). `null` means
 * none, `true` all. The moderation queue only lists what the moderator can decide on.
 */
export async function updatableWhere(payload: Payload, user: TypedUser, collection: CollectionSlug): Promise<Where | true | null> {
  const rule = payload.collections[collection]?.config.access.update
  if (!rule) return null
  const req = await createLocalReq({ user }, payload)
  const result = await rule({ req })
  if (result === true) return true
  if (!result) return null
  return result
}

/** Combines filters, leaving out the empty ones. */
export function allOf(...filters: Array<Where | true | undefined>): Where {
  const parts = filters.filter((f): f is Where => Boolean(f) && f !== true && Object.keys(f as Where).length > 0)
  if (parts.length === 0) return {}
  return parts.length === 1 ? parts[0]! : { and: parts }
}
