import type { CollectionSlug, Where } from 'payload'

import { idOf } from '@/access/roles'
import { shownFromInstant } from '@/search/shownFrom'
import { SLUGS } from '@collections/slugs'

import { ALWAYS, type Window } from './window'

type Doc = Record<string, unknown>
export type MediaId = number | string

/** A collection whose public documents show media, and how to tell which and when. */
export type MediaReference = {
  collection: CollectionSlug
  /** The media a document shows (its declared upload fields only). */
  mediaOf: (doc: Doc) => MediaId[]
  /** The documents the public may read, whatever the day; null: every document. */
  publicWhere: Where | null
  /** The documents showing one of `ids`; null: read them all (media inside rich text). */
  showing: ((ids: MediaId[]) => Where) | null
  /** When a public document is shown. */
  window: (doc: Doc) => Window
  /** The fields `mediaOf`, `publicWhere` and `window` read: a change elsewhere changes nothing. */
  fields: string[]
  /**
   * Counts only for media of the document's own territory (or of none). Rich text names any
   * id, unchecked: without this, one territory's page could make another's hidden files (or
   * files not uploaded yet) public.
   */
  ownTerritoryOnly?: boolean
}

const ids = (value: unknown): MediaId[] =>
  (Array.isArray(value) ? value : [value]).map((v) => idOf(v as never)).filter((v): v is MediaId => v !== undefined && v !== '')

const published: Where = { status: { equals: 'published' } }
const always = (): Window => ({ from: ALWAYS, until: null })

/** Upload nodes (`{ type: 'upload', relationTo: 'media', value }`) anywhere in a Lexical document. */
export function uploadsInRichText(node: unknown, found: MediaId[] = []): MediaId[] {
  if (Array.isArray(node)) for (const child of node) uploadsInRichText(child, found)
  else if (node && typeof node === 'object') {
    const n = node as { type?: unknown; relationTo?: unknown; value?: unknown }
    if (n.type === 'upload' && n.relationTo === SLUGS.media) found.push(...ids(n.value))
    for (const value of Object.values(node)) if (value && typeof value === 'object') uploadsInRichText(value, found)
  }
  return found
}

/** Every document that may make a media public (docs/security.md, « Images et documents »). */
export const MEDIA_REFERENCES: MediaReference[] = [
  ...([SLUGS.businesses, SLUGS.associations] as CollectionSlug[]).map(
    (collection): MediaReference => ({
      collection,
      mediaOf: (doc) => ids(doc.photos),
      publicWhere: published,
      showing: (media) => ({ photos: { in: media } }),
      window: always,
      fields: ['photos', 'status'],
    }),
  ),
  {
    // A municipal notice's file: from its first day (midnight in Paris) to its expiry.
    collection: SLUGS.announcements as CollectionSlug,
    mediaOf: (doc) => ids(doc.attachment),
    publicWhere: published,
    showing: (media) => ({ attachment: { in: media } }),
    window: (doc) => ({ from: shownFromInstant(doc.displayFrom) ?? ALWAYS, until: (doc.expiresAt as string | null | undefined) || null }),
    fields: ['attachment', 'status', 'displayFrom', 'expiresAt'],
  },
  {
    collection: SLUGS.territories as CollectionSlug,
    mediaOf: (doc) => ids(doc.logo),
    publicWhere: null,
    showing: (media) => ({ logo: { in: media } }),
    window: always,
    fields: ['logo'],
  },
  {
    // A handful of pages per territory: read whole, their images are inside the rich text.
    collection: SLUGS.pages as CollectionSlug,
    mediaOf: (doc) => uploadsInRichText(doc.content),
    publicWhere: null,
    showing: null,
    window: always,
    fields: ['content', 'territory'],
    ownTerritoryOnly: true,
  },
]

export const referenceOf = (collection: string) => MEDIA_REFERENCES.find((ref) => ref.collection === collection)
