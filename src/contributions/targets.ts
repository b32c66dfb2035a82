import type { Payload, Where } from 'payload'

import { formatFrenchPhone } from '@/fields/validators'
import { KIND_BY_SEGMENT, type KindSegment } from '@/territories/urls'
import type { EntryKind } from '@/search/types'

/** Something a visitor can contact or report: a published entry of the territory. */
export type Target = {
  kind: EntryKind
  id: number | string
  slug: string
  title: string
  territory: number | string | null
  /** A demo entry (« Fiche d’exemple »): nobody real behind it, so nothing is relayed to it. */
  isExample: boolean
}

/** Why a message to an example announcement goes nowhere, and where to turn instead. */
export const EXAMPLE_CONTACT_MESSAGE =
  'Cette annonce est un exemple : elle n’existe pas et votre message ne serait lu par personne. Cherchez une vraie annonce ou adressez-vous à votre mairie.'

/** An example announcement's author is a real demo account: nothing is relayed to it. */
export const relaysNothing = (target: Pick<Target, 'kind' | 'isExample'>): boolean => target.kind === 'announcements' && target.isExample

export function kindOfSegment(segment: string): EntryKind | null {
  return (KIND_BY_SEGMENT as Record<string, EntryKind>)[segment as KindSegment] ?? null
}

type Ref = number | string | { id: number | string } | null | undefined
export const refId = (value: Ref) => (value === null || value === undefined ? null : typeof value === 'object' ? value.id : value)

/** The published, unexpired entry named by the URL, read as an anonymous visitor would. */
export async function findTarget(payload: Payload, segment: string, slug: string, territoryId?: number | string | null): Promise<Target | null> {
  const kind = kindOfSegment(segment)
  if (!kind || !slug || slug.length > 200) return null
  const and: Where[] = [{ slug: { equals: slug } }, { status: { equals: 'published' } }]
  if (territoryId !== undefined && territoryId !== null) and.push({ territory: { equals: territoryId } })
  if (kind === 'announcements') {
    and.push({ or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: new Date().toISOString() } }] })
  }
  const { docs } = await payload.find({ collection: kind, where: { and }, limit: 1, depth: 0, overrideAccess: false })
  const doc = docs[0] as { id: number | string; slug?: string | null; name?: string; title?: string; territory?: Ref; isExample?: boolean | null } | undefined
  if (!doc) return null
  return { kind, id: doc.id, slug: doc.slug ?? String(doc.id), title: doc.name ?? doc.title ?? '', territory: refId(doc.territory), isExample: doc.isExample === true }
}

/** The resident a secrétaire posted for: the mairie passes messages on (never shown on the site). */
export type ResidentContact = { name: string; phone?: string }

/**
 * Where a message to the target goes: e-mail addresses (never shown), the accounts that see
 * it, and, for an announcement posted by the mairie for a resident, who to pass it on to.
 */
export type Recipients = { emails: string[]; users: Array<number | string>; viaMairie: boolean; resident?: ResidentContact }

function residentOf(onBehalfOf: { enabled?: boolean | null; residentName?: string | null; residentPhone?: string | null } | null | undefined) {
  const name = onBehalfOf?.enabled ? onBehalfOf.residentName?.trim() : undefined
  if (!name) return undefined
  const phone = onBehalfOf?.residentPhone?.trim()
  return { name, phone: phone ? formatFrenchPhone(phone) : undefined }
}

async function userEmails(payload: Payload, ids: Array<number | string>): Promise<string[]> {
  if (ids.length === 0) return []
  const { docs } = await payload.find({ collection: 'users', where: { id: { in: ids } }, depth: 0, limit: 20, overrideAccess: true })
  return docs.map((u) => u.email).filter(Boolean)
}

export async function recipientsOf(payload: Payload, target: Pick<Target, 'kind' | 'id'>): Promise<Recipients> {
  if (target.kind === 'announcements') {
    const doc = await payload.findByID({ collection: 'announcements', id: target.id, depth: 0, overrideAccess: true })
    const author = refId(doc.author as Ref)
    const users = author !== null ? [author] : []
    return { emails: await userEmails(payload, users), users, viaMairie: Boolean(doc.onBehalfOf?.enabled), resident: residentOf(doc.onBehalfOf) }
  }
  if (target.kind === 'services') {
    const doc = await payload.findByID({ collection: 'services', id: target.id, depth: 0, overrideAccess: true })
    const provider = doc.provider as { relationTo: 'businesses' | 'associations'; value: Ref }
    const providerId = refId(provider?.value)
    if (providerId === null) return { emails: [], users: [], viaMairie: false }
    return recipientsOf(payload, { kind: provider.relationTo, id: providerId })
  }
  const doc = await payload.findByID({ collection: target.kind, id: target.id, depth: 0, overrideAccess: true })
  const users = ((doc.owners ?? []) as Ref[]).map(refId).filter((id): id is number | string => id !== null)
  const emails = doc.email ? [doc.email] : await userEmails(payload, users)
  return { emails: [...new Set(emails.map((e) => e.toLowerCase()))], users, viaMairie: false }
}
