import { toId } from './query'
import type { AnnouncementKind, EntryKind, PriceType, SearchHit } from './types'

/** What each SQL engine decodes its own way: category ids, date, example flag, distance and score. */
export type DecodedHitParts = { categoryIds: string[]; updatedAt: string; isExample: boolean; dist: number | null; score: number }

/** A result entry from a row of the index (columns named as in both SQL engines' tables). */
export function searchHit(row: Record<string, unknown>, parts: DecodedHitParts, withDistance: boolean): SearchHit {
  return {
    kind: row.kind as EntryKind,
    id: toId(String(row.entry_id), true),
    title: String(row.title),
    slug: String(row.slug),
    summary: String(row.summary),
    communeId: row.commune_id === null ? null : toId(String(row.commune_id), true),
    categoryIds: parts.categoryIds.map((c) => toId(c, true)),
    announcementKind: (row.announcement_kind as AnnouncementKind | null) ?? null,
    priceType: (row.price_type as PriceType | null) ?? null,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    ...(withDistance && parts.dist !== null ? { distanceKm: Math.round(parts.dist * 1000) / 1000 } : {}),
    score: Math.round(parts.score * 1e6) / 1e6,
    updatedAt: parts.updatedAt,
    isExample: parts.isExample,
  }
}
