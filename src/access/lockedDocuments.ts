import type { Access, CollectionSlug, PayloadRequest, SanitizedConfig, Where } from 'payload'

import { isStaffOf } from './isStaffOf'
import { type AccessUser, hasRole, idOf, territoryOf } from './roles'

/** Payload's own collection of admin edit locks (« X is editing this document »). */
export const LOCKED_DOCUMENTS_SLUG = 'payload-locked-documents'

type Ref = { relationTo?: unknown; value?: unknown } | null | undefined

const userOf = (req: PayloadRequest) => (req.user ?? null) as AccessUser | null
const isEditingStaff = (user: AccessUser | null) => hasRole(user, 'admin', 'editor')

/** Ids of the staff accounts of a territory: the only ones whose locks its staff may see. */
async function staffOfTerritory(req: PayloadRequest, territory: number | string): Promise<Array<number | string>> {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { and: [{ territory: { equals: territory } }, { roles: { in: ['admin', 'editor', 'viewer'] } }] },
    pagination: false,
    depth: 0,
    select: { name: true },
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => doc.id)
}

/**
 * Reading, taking over or releasing a lock: the national administrator, one's own locks, and
 * the locks of staff of one's own territory (the admin shows who edits a document and lets a
 * colleague take over). Payload's default lets any account read them all, with the e-mail of
 * the staff member who holds each lock.
 */
export const lockRowAccess: Access = async ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (hasRole(user, 'superadmin')) return true
  const own: Where = { 'user.value': { equals: user.id } }
  const territory = territoryOf(user)
  if (!hasRole(user, 'admin', 'editor', 'viewer') || territory === undefined) return own
  const colleagues = await staffOfTerritory(req, territory)
  return { or: [own, { 'user.value': { in: colleagues } }] }
}

/** Whether the lock names the acting user as its holder (or names none, on a partial update). */
function holdsItself(user: AccessUser, data: unknown, required: boolean): boolean {
  const holder = (data as { user?: Ref } | undefined)?.user
  if (holder === undefined || holder === null) return !required
  return holder.relationTo === 'users' && String(idOf(holder.value as never)) === String(user.id)
}

/**
 * Creating a lock: staff who edit (administrators, secrétaires) lock, in their own name, a
 * document of their own territory. Residents and owners never use the admin's edit lock.
 */
export const lockCreateAccess: Access = async ({ req, data }) => {
  const user = userOf(req)
  if (!user) return false
  if (hasRole(user, 'superadmin')) return true
  if (!isEditingStaff(user) || !holdsItself(user, data, true)) return false
  const document = (data as { document?: Ref } | undefined)?.document
  const id = idOf(document?.value as never)
  if (typeof document?.relationTo !== 'string' || id === undefined) return false
  const locked = await req.payload
    .findByID({ collection: document.relationTo as CollectionSlug, id, depth: 0, overrideAccess: true, req, disableErrors: true })
    .catch(() => null)
  return Boolean(locked) && isStaffOf(user, (locked as { territory?: unknown }).territory)
}

/** Updating (taking over) a lock: a row the user may read, and only in his own name. */
export const lockUpdateAccess: Access = async (args) => {
  const user = userOf(args.req)
  if (!user) return false
  if (hasRole(user, 'superadmin')) return true
  if (!isEditingStaff(user) || !holdsItself(user, args.data, false)) return false
  return lockRowAccess(args)
}

/**
 * Payload adds its lock collection while it sanitizes the config, after the collections and
 * plugins are assembled: its access is set here, on the sanitized config.
 */
export function restrictLockedDocuments(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((collection) => collection.slug === LOCKED_DOCUMENTS_SLUG)
  if (locks) {
    locks.access = { ...locks.access, read: lockRowAccess, create: lockCreateAccess, update: lockUpdateAccess, delete: lockRowAccess }
  }
  return config
}
