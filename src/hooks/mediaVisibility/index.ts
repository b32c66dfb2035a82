import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { type MediaReference, referenceOf } from './references'
import { refreshMediaVisibility } from './refresh'

export { refreshMediaVisibility } from './refresh'

type Doc = Record<string, unknown> | null | undefined

/** What decides the visibility of the media a document shows. */
const stateOf = (ref: MediaReference, doc: Doc) =>
  doc ? JSON.stringify({ media: ref.mediaOf(doc).map(String), window: ref.window(doc), status: ref.publicWhere ? doc.status : null }) : ''

/**
 * After a document that shows media changes (published, hidden, new photos, another first
 * day or expiry), the media it shows and showed get their public window again. A change
 * elsewhere in the document costs nothing.
 */
export const syncMediaVisibility: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  const ref = referenceOf(collection.slug)
  if (!ref) return doc
  const before = operation === 'update' ? (previousDoc as Doc) : null
  if (before && stateOf(ref, before) === stateOf(ref, doc)) return doc
  await refreshMediaVisibility(req, [...(before ? ref.mediaOf(before) : []), ...ref.mediaOf(doc)])
  return doc
}

/** A deleted document no longer shows its media. */
export const releaseMediaVisibility: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  const ref = referenceOf(collection.slug)
  if (ref) await refreshMediaVisibility(req, ref.mediaOf(doc))
  return doc
}
