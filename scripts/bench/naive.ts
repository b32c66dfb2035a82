/**
 * The baseline: the same queries done the naive way, without the search engine — a Payload
 * `find` per collection with `like` on name and description, every match fetched, then
 * distance, facets, sorting and paging in JavaScript.
 */
import type { Payload, Where } from 'payload'

import { DIRECTORY_SLUGS } from '@collections/slugs'
import { haversineKm } from '@/search/geo'
import type { EntryKind, SearchQuery } from '@/search/types'

const TEXT_FIELDS: Record<EntryKind, [string, string]> = {
  businesses: ['name', 'description'],
  associations: ['name', 'description'],
  services: ['title', 'description'],
  announcements: ['title', 'body'],
}

type Row = { kind: EntryKind; id: unknown; title: string; commune: unknown; categories: unknown[]; priceType: unknown; latitude: number | null; longitude: number | null; updatedAt: string; dist?: number }

export async function naiveSearch(payload: Payload, query: SearchQuery): Promise<{ total: number; hits: Row[]; facets: Record<string, Record<string, number>> }> {
  const now = new Date().toISOString()
  const kinds = query.kinds?.length ? query.kinds : [...DIRECTORY_SLUGS]
  const rows: Row[] = []
  for (const kind of kinds) {
    if (query.priceTypes?.length && (kind === 'businesses' || kind === 'associations')) continue
    const [titleField, bodyField] = TEXT_FIELDS[kind]
    const categoryField = kind === 'announcements' ? 'category' : 'categories'
    const and: Where[] = [{ status: { equals: 'published' } }, { territory: { equals: query.territory } }]
    const text = query.text?.trim()
    if (text) and.push({ or: [{ [titleField]: { like: text } }, { [bodyField]: { like: text } }] })
    if (query.categories?.length) and.push({ [categoryField]: { in: query.categories } })
    if (query.communes?.length) and.push({ commune: { in: query.communes } })
    if (query.priceTypes?.length) and.push({ priceType: { in: query.priceTypes } })
    if (kind === 'announcements') and.push({ or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now } }] })
    const { docs } = await payload.find({
      collection: kind,
      where: { and },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { [titleField]: true, commune: true, [categoryField]: true, latitude: true, longitude: true, updatedAt: true, ...(kind === 'services' || kind === 'announcements' ? { priceType: true } : {}) },
    })
    for (const raw of docs as unknown as Array<Record<string, unknown>>) {
      const categories = raw[categoryField]
      rows.push({
        kind,
        id: raw.id,
        title: String(raw[titleField] ?? ''),
        commune: raw.commune,
        categories: Array.isArray(categories) ? categories : categories ? [categories] : [],
        priceType: raw.priceType ?? null,
        latitude: (raw.latitude as number | null) ?? null,
        longitude: (raw.longitude as number | null) ?? null,
        updatedAt: String(raw.updatedAt),
      })
    }
  }
  let matches = rows
  const near = query.near
  if (near) {
    for (const row of matches) {
      if (row.latitude !== null && row.longitude !== null) row.dist = haversineKm(near, { latitude: row.latitude, longitude: row.longitude })
    }
    if (near.radiusKm) matches = matches.filter((r) => r.dist !== undefined && r.dist <= near.radiusKm!)
  }
  const facets: Record<string, Record<string, number>> = { kinds: {}, communes: {}, categories: {}, priceTypes: {} }
  const bump = (facet: string, value: unknown) => {
    const key = String(value)
    facets[facet]![key] = (facets[facet]![key] ?? 0) + 1
  }
  for (const row of matches) {
    bump('kinds', row.kind)
    bump('communes', row.commune)
    for (const c of row.categories) bump('categories', c)
    if (row.priceType) bump('priceTypes', row.priceType)
  }
  if (query.sort === 'distance' && near) matches.sort((a, b) => (a.dist ?? Infinity) - (b.dist ?? Infinity))
  else matches.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  const limit = query.limit ?? 20
  const page = query.page ?? 1
  return { total: matches.length, hits: matches.slice((page - 1) * limit, page * limit), facets }
}
