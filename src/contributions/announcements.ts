import type { Payload } from 'payload'

import { DEFAULT_LIFETIME_DAYS } from '@collections/Announcements/hooks'
import { type AccessUser, hasRole } from '@/access/roles'
import type { AnnouncementInput } from '@/forms/schemas'
import { withPendingChanges } from '@/moderation/pendingChanges'
import type { Announcement, User } from '@/payload-types'

import { validationMessages } from './payloadErrors'

/**
 * Offers and needs from the public: created through the local API as the author (access
 * control and hooks run: the entry starts pending, the author is the account). A secrétaire
 * may post one for a resident who came to the mairie; replies then reach the mairie.
 */

type Result = { ok: true; doc: Announcement } | { ok: false; errors: Record<string, string> }

const DAY_MS = 24 * 60 * 60 * 1000

function expiry(date: string | undefined): string | undefined {
  return date ? new Date(`${date}T23:59:59+01:00`).toISOString() : undefined
}

export function isStaffAuthor(user: User | null): boolean {
  return hasRole(user as AccessUser | null, 'superadmin', 'admin', 'editor')
}

export async function createAnnouncement(
  payload: Payload,
  user: User,
  input: AnnouncementInput,
  onBehalf?: { residentName: string; residentPhone?: string } | null,
): Promise<Result> {
  try {
    const doc = await payload.create({
      collection: 'announcements',
      data: {
        kind: input.kind,
        title: input.title,
        body: input.body,
        category: input.category as number,
        commune: input.commune as number,
        priceType: input.priceType,
        expiresAt: expiry(input.expiresAt),
        ...(onBehalf && isStaffAuthor(user)
          ? { onBehalfOf: { enabled: true, residentName: onBehalf.residentName, residentPhone: onBehalf.residentPhone } }
          : {}),
        // `status` comes from its default: pending for the public, published for staff.
      } as Omit<Announcement, 'id' | 'createdAt' | 'updatedAt'>,
      user,
      overrideAccess: false,
      draft: false,
    })
    return { ok: true, doc }
  } catch (error) {
    const errors = validationMessages(error)
    if (errors) return { ok: false, errors }
    throw error
  }
}

/** The author's own announcement, or null (someone else's is never found), with the changes still waiting for the mairie. */
export async function findOwnAnnouncement(payload: Payload, user: User, id: string | number): Promise<Announcement | null> {
  if (!/^[\w-]{1,40}$/.test(String(id))) return null
  const { docs } = await payload.find({
    collection: 'announcements',
    // The author field is private (field access): the ownership filter is this query's own.
    where: { and: [{ id: { equals: id } }, { author: { equals: user.id } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0] ? withPendingChanges(docs[0]) : null
}

export async function updateAnnouncement(payload: Payload, user: User, id: string | number, input: AnnouncementInput): Promise<Result> {
  const own = await findOwnAnnouncement(payload, user, id)
  if (!own) return { ok: false, errors: { _form: 'Cette annonce n’existe pas ou n’est pas la vôtre.' } }
  try {
    const doc = await payload.update({
      collection: 'announcements',
      id: own.id,
      data: {
        kind: input.kind,
        title: input.title,
        body: input.body,
        category: input.category as number,
        commune: input.commune as number,
        priceType: input.priceType,
        ...(input.expiresAt ? { expiresAt: expiry(input.expiresAt) } : {}),
      },
      user,
      overrideAccess: false,
    })
    return { ok: true, doc }
  } catch (error) {
    const errors = validationMessages(error)
    if (errors) return { ok: false, errors }
    throw error
  }
}

/** Another full lifetime from today; an archived announcement goes back to moderation. */
export async function renewAnnouncement(payload: Payload, user: User, id: string | number): Promise<boolean> {
  const own = await findOwnAnnouncement(payload, user, id)
  if (!own || own.status === 'rejected') return false
  await payload.update({
    collection: 'announcements',
    id: own.id,
    data: {
      expiresAt: new Date(Date.now() + DEFAULT_LIFETIME_DAYS * DAY_MS).toISOString(),
      ...(own.status === 'archived' ? { status: 'pending' as const } : {}),
    },
    overrideAccess: true,
  })
  return true
}

/** The author closes it (the help was found): archived, no longer shown. */
export async function closeAnnouncement(payload: Payload, user: User, id: string | number): Promise<boolean> {
  const own = await findOwnAnnouncement(payload, user, id)
  if (!own) return false
  await payload.update({ collection: 'announcements', id: own.id, data: { status: 'archived' }, overrideAccess: true })
  return true
}
