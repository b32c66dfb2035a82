import type { Payload, PayloadRequest, Where } from 'payload'

import type { Announcement } from '@/payload-types'

/**
 * Offers and needs that answer each other: opposite kind, same category, within reach of
 * each other (straight-line distance between their places) and a compatible price type.
 */

export const MATCH_RADIUS_KM = () => {
  const value = Number(process.env.MATCH_RADIUS_KM)
  return Number.isFinite(value) && value > 0 ? value : 20
}

type PriceType = Announcement['priceType']

/** Whether an offer's price suits a need: a free need wants free help; CESU wants free or CESU. */
export function priceCompatible(offer: PriceType, need: PriceType): boolean {
  if (need === 'free') return offer === 'free'
  if (need === 'cesu') return offer === 'free' || offer === 'cesu'
  return true
}

export function distanceKm(a: { latitude?: number | null; longitude?: number | null }, b: { latitude?: number | null; longitude?: number | null }): number | null {
  if (a.latitude == null || a.longitude == null || b.latitude == null || b.longitude == null) return null
  const rad = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * rad
  const dLng = (b.longitude - a.longitude) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)))
}

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: number | string }).id : (value as number | string | null | undefined))

/** Published, unexpired announcements that match `announcement`, nearest first. */
export async function findMatches(
  payload: Payload,
  announcement: Pick<Announcement, 'id' | 'kind' | 'category' | 'priceType' | 'latitude' | 'longitude' | 'territory' | 'author'>,
  options: { limit?: number; req?: PayloadRequest } = {},
): Promise<Announcement[]> {
  if (announcement.kind !== 'offer' && announcement.kind !== 'need') return []
  const category = idOf(announcement.category)
  if (category == null) return []
  const and: Where[] = [
    { kind: { equals: announcement.kind === 'offer' ? 'need' : 'offer' } },
    { category: { equals: category } },
    { status: { equals: 'published' } },
    { id: { not_equals: announcement.id } },
    { or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: new Date().toISOString() } }] },
  ]
  const territory = idOf(announcement.territory)
  if (territory != null) and.push({ territory: { equals: territory } })
  const { docs } = await payload.find({ collection: 'announcements', where: { and }, limit: 200, depth: 0, overrideAccess: true, req: options.req })
  const radius = MATCH_RADIUS_KM()
  return docs
    .map((doc) => ({ doc, distance: distanceKm(announcement, doc) }))
    .filter(({ doc, distance }) => (distance === null || distance <= radius))
    .filter(({ doc }) =>
      announcement.kind === 'offer' ? priceCompatible(announcement.priceType, doc.priceType) : priceCompatible(doc.priceType, announcement.priceType),
    )
    .sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0))
    .slice(0, options.limit ?? 50)
    .map(({ doc }) => doc)
}
