import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { type AccessUser, hasRole, idOf } from '@/access/roles'

export const DEFAULT_LIFETIME_DAYS = 60
const DAY_MS = 24 * 60 * 60 * 1000

/** Municipal notices are for staff; posting for a resident is for staff too. */
export const checkNoticeAuthor: CollectionBeforeValidateHook = ({ data, req, collection, originalDoc }) => {
  const user = req.user as AccessUser | null
  if (!data || !user || hasRole(user, 'superadmin', 'admin', 'editor')) return data
  const kind = data.kind ?? originalDoc?.kind
  if (kind === 'notice') {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [{ path: 'kind', message: 'Seule la mairie publie des informations municipales : choisissez « Je propose » ou « Je cherche ».' }],
      },
      req.t,
    )
  }
  return data
}

/** Posting for a resident without internet needs at least their name, so the mairie can pass answers on. */
export const checkResidentName: CollectionBeforeValidateHook = ({ data, req, collection }) => {
  const user = req.user as AccessUser | null
  if (!data || !hasRole(user, 'superadmin', 'admin', 'editor')) return data
  const onBehalfOf = data.onBehalfOf as { enabled?: boolean | null; residentName?: string | null } | undefined
  if (!onBehalfOf?.enabled || [...(onBehalfOf.residentName ?? '').trim()].length >= 2) return data
  throw new ValidationError(
    {
      collection: collection.slug,
      errors: [{ path: 'onBehalfOf.residentName', message: 'Indiquez le nom de l’habitant : la mairie en a besoin pour lui transmettre les réponses.' }],
    },
    req.t,
  )
}

/** Announcements expire after the territory's lifetime (60 days unless configured). */
export const setExpiry: CollectionBeforeValidateHook = async ({ data, req, operation }) => {
  if (!data || operation !== 'create' || data.expiresAt) return data
  let days = DEFAULT_LIFETIME_DAYS
  const territoryId = idOf(data.territory as never)
  if (territoryId !== undefined) {
    const territory = await req.payload
      .findByID({ collection: 'territories', id: territoryId, depth: 0, overrideAccess: true, req })
      .catch(() => null)
    days = territory?.settings?.announcementLifetimeDays ?? DEFAULT_LIFETIME_DAYS
  }
  // A notice shown from a later day lives its lifetime from that day, not from today.
  const shownFrom = Date.parse(String(data.displayFrom ?? ''))
  const start = Number.isFinite(shownFrom) ? Math.max(Date.now(), shownFrom) : Date.now()
  data.expiresAt = new Date(start + days * DAY_MS).toISOString()
  return data
}

/** A notice cannot leave the site before its first day: it would never be shown. */
export function expiresAfterDisplayFrom(value: unknown, { siblingData }: { siblingData: Partial<{ displayFrom: unknown }> }): string | true {
  const expires = Date.parse(String(value ?? ''))
  const from = Date.parse(String(siblingData?.displayFrom ?? ''))
  if (!Number.isFinite(expires) || !Number.isFinite(from) || expires > from) return true
  return 'Le jour d’expiration est avant le premier jour d’affichage : choisissez une date d’expiration plus tardive, ou laissez-la vide.'
}
