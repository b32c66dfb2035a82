import type { Access, Where } from 'payload'

/**
 * Images and documents a public document shows now: a published entry's photos, a shown
 * notice's file, a territory's logo, an image in a site page. The window (`publicFrom`,
 * `publicUntil`) is kept on the media by the referencing collections' hooks
 * (src/hooks/mediaVisibility): no join per request, so lists stay paginated and the file
 * handler answers with one indexed query.
 */
export function publicMediaWhere(now: Date = new Date()): Where {
  const at = now.toISOString()
  return {
    and: [{ publicFrom: { less_than_equal: at } }, { or: [{ publicUntil: { exists: false } }, { publicUntil: { greater_than: at } }] }],
  }
}

/** Anyone, including anonymous visitors, reads the media a public document shows. */
export const isPublicMedia: Access = () => publicMediaWhere()
