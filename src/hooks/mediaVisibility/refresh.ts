import type { PayloadRequest, Where } from 'payload'

import { idOf } from '@/access/roles'

import { MEDIA_REFERENCES, type MediaId } from './references'
import { currentWindow, type Window } from './window'

const sameInstant = (a: unknown, b: string | null) => (a ? Date.parse(a as string) : null) === (b ? Date.parse(b) : null)

/** The territory of a document or media (its id when given as an object), '' for none. */
const territoryKey = (value: unknown): string => String(idOf(value as never) ?? '')

/**
 * The windows in which the public documents show each of `ids` (one query per referencing
 * collection); `territories`: each media's territory, for the references limited to their own.
 */
async function windowsOf(req: PayloadRequest, ids: MediaId[], territories: Map<string, string>): Promise<Map<string, Window[]>> {
  const windows = new Map<string, Window[]>(ids.map((id) => [String(id), []]))
  for (const ref of MEDIA_REFERENCES) {
    const filters = [ref.publicWhere, ref.showing?.(ids)].filter((w): w is Where => Boolean(w))
    const { docs } = await req.payload.find({
      collection: ref.collection,
      where: filters.length ? { and: filters } : {},
      select: Object.fromEntries(ref.fields.map((field) => [field, true])),
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    for (const found of docs) {
      const doc = found as unknown as Record<string, unknown>
      for (const id of ref.mediaOf(doc)) {
        const mediaTerritory = territories.get(String(id))
        if (ref.ownTerritoryOnly && mediaTerritory && mediaTerritory !== territoryKey(doc.territory)) continue
        windows.get(String(id))?.push(ref.window(doc))
      }
    }
  }
  return windows
}

/**
 * Sets on each media of `ids` the window in which the public may read it (`publicFrom`,
 * `publicUntil`; both empty: staff and uploader only), from the documents that show it.
 * Written straight to the database, in the request's transaction: no media hook runs, and a
 * file in the request (a form with a photo) is never taken for a new version of this media.
 */
export async function refreshMediaVisibility(req: PayloadRequest, ids: MediaId[], now: Date = new Date()): Promise<void> {
  const unique = [...new Map(ids.map((id) => [String(id), id])).values()]
  if (unique.length === 0) return
  const { docs } = await req.payload.find({
    collection: 'media',
    where: { id: { in: unique } },
    select: { publicFrom: true, publicUntil: true, territory: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const windows = await windowsOf(req, unique, new Map(docs.map((media) => [String(media.id), territoryKey(media.territory)])))
  for (const media of docs) {
    const window = currentWindow(windows.get(String(media.id)) ?? [], now)
    const publicFrom = window?.from ?? null
    const publicUntil = window?.until ?? null
    if (sameInstant(media.publicFrom, publicFrom) && sameInstant(media.publicUntil, publicUntil)) continue
    await req.payload.db.updateOne({ collection: 'media', id: media.id, data: { publicFrom, publicUntil }, req, returning: false })
  }
}
