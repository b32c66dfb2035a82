import type { Where } from 'payload'
import { cache } from 'react'

import { currentAnnouncementWhere } from '@collections/Announcements/current'
import type { Announcement, Association, Business, Category, Commune, Service } from '@/payload-types'
import type { EntryKind } from '@/search/types'

import { sitePayload } from './payload'

/**
 * Reads of the public site. Every read is anonymous (`overrideAccess: false`, no user), so
 * access control shows published entries only and hides private fields (e-mail, author).
 */

export type EntryDoc = {
  businesses: Business
  associations: Association
  services: Service
  announcements: Announcement
}

const publicRead = { overrideAccess: false } as const

/** Categories of the territory and the national ones, in display order. */
export const getCategories = cache(async (territoryId: number): Promise<Category[]> => {
  const payload = await sitePayload()
  const { docs } = await payload.find({
    collection: 'categories',
    where: { or: [{ territory: { equals: territoryId } }, { territory: { exists: false } }] },
    sort: 'order',
    pagination: false,
    depth: 0,
    ...publicRead,
  })
  return docs
})

export const getCommunes = cache(async (territoryId: number): Promise<Commune[]> => {
  const payload = await sitePayload()
  const { docs } = await payload.find({
    collection: 'communes',
    where: { territory: { equals: territoryId } },
    sort: 'name',
    pagination: false,
    depth: 0,
    ...publicRead,
  })
  // The database sorts by bytes ("Élencourt" after "Wambez"): sort as French readers expect.
  return docs.sort((a, b) => a.name.localeCompare(b.name, 'fr'))
})

export type CategoryTree = { category: Category; children: Category[] }

/** Top-level categories with their sub-categories, both in display order. */
export function categoryTree(categories: Category[]): CategoryTree[] {
  const parentOf = (c: Category) => (typeof c.parent === 'object' ? c.parent?.id : c.parent) ?? null
  return categories
    .filter((c) => parentOf(c) === null)
    .map((category) => ({ category, children: categories.filter((c) => parentOf(c) === category.id) }))
}

export function parentId(category: Category): number | null {
  return (typeof category.parent === 'object' ? category.parent?.id : category.parent) ?? null
}

/** A category and all its descendants' ids. */
export function withDescendants(categories: Category[], id: number): number[] {
  const result = [id]
  for (let i = 0; i < result.length; i++) {
    for (const c of categories) if (parentId(c) === result[i] && !result.includes(c.id)) result.push(c.id)
  }
  return result
}

/** One published entry of the territory by its slug, with its relations loaded. */
export async function findEntry<K extends EntryKind>(kind: K, slug: string, territoryId: number): Promise<EntryDoc[K] | null> {
  return (await findEntryCached(kind, slug, territoryId)) as EntryDoc[K] | null
}

// Cached per request: generateMetadata and the page read the same entry.
const findEntryCached = cache(async (kind: EntryKind, slug: string, territoryId: number) => {
  const payload = await sitePayload()
  const { docs } = await payload.find({
    collection: kind,
    where: { and: [{ slug: { equals: slug } }, { territory: { equals: territoryId } }, ...notExpired(kind)] },
    limit: 1,
    depth: 1,
    ...publicRead,
  })
  return docs[0] ?? null
})

/** Announcements past their expiry date, or notices whose display has not started, are not shown. */
export function notExpired(kind: EntryKind): Where[] {
  if (kind !== 'announcements') return []
  return currentAnnouncementWhere()
}

/** Published entries of one kind in the territory matching `where`, newest first by default. */
export async function listEntries<K extends EntryKind>(
  kind: K,
  territoryId: number,
  where: Where[] = [],
  options: { limit?: number; sort?: string; page?: number; depth?: number } = {},
) {
  const payload = await sitePayload()
  const result = await payload.find({
    collection: kind,
    where: { and: [{ territory: { equals: territoryId } }, ...notExpired(kind), ...where] },
    sort: options.sort ?? '-createdAt',
    limit: options.limit ?? 20,
    page: options.page ?? 1,
    depth: options.depth ?? 0,
    ...publicRead,
  })
  return { ...result, docs: result.docs as Array<EntryDoc[K]> }
}

/** Services offered by a business or an association. */
export async function servicesOf(provider: { relationTo: 'businesses' | 'associations'; id: number }, territoryId: number) {
  const { docs } = await listEntries('services', territoryId, [
    { 'provider.relationTo': { equals: provider.relationTo } },
    { 'provider.value': { equals: provider.id } },
  ], { limit: 50, sort: 'title' })
  return docs
}

export function relationId(value: number | { id: number } | null | undefined): number | null {
  if (value === null || value === undefined) return null
  return typeof value === 'object' ? value.id : value
}
