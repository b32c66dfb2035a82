import type { CollectionAfterChangeHook } from 'payload'

import { recordEvent } from './record'

type EntryDoc = { territory?: unknown; commune?: unknown; categories?: unknown; category?: unknown }

/** Counts a new entry (business, association, service) or announcement, once, at creation. */
export const countNewEntry: CollectionAfterChangeHook = async ({ doc, operation, collection, req, context }) => {
  if (operation !== 'create' || context?.skipStats) return doc
  const d = doc as EntryDoc
  const categories = Array.isArray(d.categories) ? d.categories : []
  await recordEvent(req.payload, {
    territory: d.territory as never,
    metric: collection.slug === 'announcements' ? 'new-announcement' : 'new-entry',
    communeId: d.commune as never,
    categoryIds: [...categories, ...(d.category ? [d.category] : [])] as never,
  })
  return doc
}

type ContactDoc = { status?: string; territory?: unknown; thread?: unknown; target?: { relationTo?: string; value?: unknown } }

/**
 * Counts a contact request when it is passed on to its target (at once for a logged-in
 * sender, after the e-mail confirmation otherwise, or when a moderator releases a held one),
 * under the target's commune and categories.
 */
export const countContactRequest: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  const d = doc as ContactDoc
  if (context?.skipStats || d.status !== 'sent' || (previousDoc as ContactDoc | undefined)?.status === 'sent') return doc
  // A reply in a conversation is not a new contact.
  if (d.thread) return doc
  const relationTo = d.target?.relationTo as 'businesses' | 'associations' | 'services' | 'announcements' | undefined
  const value = d.target?.value
  const id = value && typeof value === 'object' ? (value as { id: number | string }).id : (value as number | string | undefined)
  const target = relationTo && id != null
    ? ((await req.payload.findByID({ collection: relationTo, id, depth: 0, overrideAccess: true, req }).catch(() => null)) as EntryDoc | null)
    : null
  const categories = Array.isArray(target?.categories) ? target.categories : []
  await recordEvent(req.payload, {
    territory: (d.territory ?? target?.territory) as never,
    metric: 'contact-request',
    communeId: target?.commune as never,
    categoryIds: [...categories, ...(target?.category ? [target.category] : [])] as never,
  })
  return doc
}
