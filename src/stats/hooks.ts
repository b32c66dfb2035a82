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
