/**
 * What every engine indexes: one flat document per public entry, built from the Payload
 * documents (read through the local API, so the same code serves every database).
 */
import type { Payload, PayloadRequest } from 'payload'

import { DIRECTORY_SLUGS } from '@collections/slugs'

import { shownFromInstant } from './shownFrom'
import { summarize } from './text'
import type { AnnouncementKind, EntryKind, PriceType } from './types'

export type IndexDocument = {
  kind: EntryKind
  id: string
  territory: string
  title: string
  slug: string
  summary: string
  /** Main commune. */
  communeId: string | null
  /** Main commune and, for services, the communes served (commune filter and facet). */
  communeIds: string[]
  /** The entry's own categories (returned in hits). */
  categoryIds: string[]
  /** Own categories and their ancestors (category filter and facet). */
  categoryTreeIds: string[]
  announcementKind: AnnouncementKind | null
  priceType: PriceType | null
  latitude: number | null
  longitude: number | null
  expiresAt: string | null
  /** A municipal notice's first public instant (« Afficher à partir du »): hidden before, like after expiresAt. */
  shownFrom: string | null
  updatedAt: string
  isExample: boolean
  /** Raw texts by weight: name > categories > description; place = commune names. */
  text: { title: string; categories: string; body: string; place: string }
}

type Ref = number | string | { id: number | string } | null | undefined
type Raw = Record<string, unknown>

export type CategoryInfo = { name: string; keywords: string; parent: string | null }

/** Categories and commune names an index document needs, loaded once per batch. */
export type Lookups = {
  categories: Map<string, CategoryInfo>
  communes: Map<string, string>
  providers: Map<string, string>
}

export const isDirectorySlug = (value: unknown): value is EntryKind =>
  typeof value === 'string' && (DIRECTORY_SLUGS as readonly string[]).includes(value)

export function refId(value: unknown): string | null {
  const ref = value as Ref
  if (ref === null || ref === undefined || ref === '') return null
  if (typeof ref === 'object') return ref.id === undefined || ref.id === null ? null : String(ref.id)
  return String(ref)
}

const refIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(refId).filter((id): id is string => id !== null) : []

const str = (value: unknown): string => (typeof value === 'string' ? value : '')
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)

function isoOrNull(value: unknown): string | null {
  if (!value) return null
  const date = new Date(value as string)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** Only published entries are indexed; expiry and a notice's first day are checked when searching. */
export function isIndexable(doc: Raw): boolean {
  return doc.status === 'published' && refId(doc.territory) !== null
}

export function providerKey(value: unknown): string | null {
  const provider = value as { relationTo?: string; value?: unknown } | null
  const id = refId(provider?.value)
  return provider?.relationTo && id ? `${provider.relationTo}:${id}` : null
}

/** The category and its ancestors (cycle-safe). */
export function categoryTree(id: string, categories: Map<string, CategoryInfo>): string[] {
  const tree: string[] = []
  let current: string | null = id
  while (current !== null && !tree.includes(current) && tree.length < 10) {
    tree.push(current)
    current = categories.get(current)?.parent ?? null
  }
  return tree
}

export function toIndexDocument(kind: EntryKind, doc: Raw, lookups: Lookups): IndexDocument {
  const categoryIds = kind === 'announcements' ? [refId(doc.category)].filter((c): c is string => !!c) : refIds(doc.categories)
  const categoryTreeIds = [...new Set(categoryIds.flatMap((id) => categoryTree(id, lookups.categories)))]
  const communeId = refId(doc.commune)
  const communeIds = [...new Set([communeId, ...(kind === 'services' ? refIds(doc.communesServed) : [])])].filter(
    (c): c is string => !!c,
  )
  const title = str(doc.name) || str(doc.title)
  const description = kind === 'announcements' ? str(doc.body) : str(doc.description)
  const provider = kind === 'services' ? lookups.providers.get(providerKey(doc.provider) ?? '') : undefined
  const categoryText = categoryTreeIds
    .map((id) => lookups.categories.get(id))
    .filter((c): c is CategoryInfo => !!c)
    .map((c) => `${c.name} ${c.keywords}`)
    .join(' ')
  return {
    kind,
    id: String(doc.id),
    territory: refId(doc.territory) ?? '',
    title,
    slug: str(doc.slug),
    summary: summarize(description),
    communeId,
    communeIds,
    categoryIds,
    categoryTreeIds,
    announcementKind: kind === 'announcements' ? ((str(doc.kind) || null) as AnnouncementKind | null) : null,
    // A municipal notice has no tarif (the field keeps its hidden default): never « Gratuit ».
    priceType: kind === 'services' || (kind === 'announcements' && doc.kind !== 'notice') ? ((str(doc.priceType) || null) as PriceType | null) : null,
    latitude: num(doc.latitude),
    longitude: num(doc.longitude),
    expiresAt: kind === 'announcements' ? isoOrNull(doc.expiresAt) : null,
    shownFrom: kind === 'announcements' ? shownFromInstant(doc.displayFrom) : null,
    updatedAt: isoOrNull(doc.updatedAt) ?? new Date().toISOString(),
    isExample: doc.isExample === true,
    text: {
      title,
      categories: categoryText,
      body: [str(doc.activity), description, str(doc.availability), provider ?? ''].filter(Boolean).join(' '),
      place: communeIds.map((id) => lookups.communes.get(id) ?? '').join(' '),
    },
  }
}

/** Fields each collection needs to build its index document. */
export const SELECT: Record<EntryKind, Record<string, true>> = {
  businesses: { name: true, slug: true, activity: true, description: true, categories: true, commune: true, latitude: true, longitude: true, status: true, territory: true, isExample: true, updatedAt: true },
  associations: { name: true, slug: true, description: true, categories: true, commune: true, latitude: true, longitude: true, status: true, territory: true, isExample: true, updatedAt: true },
  services: { title: true, slug: true, description: true, availability: true, provider: true, categories: true, priceType: true, commune: true, communesServed: true, latitude: true, longitude: true, status: true, territory: true, isExample: true, updatedAt: true },
  announcements: { kind: true, title: true, slug: true, body: true, category: true, priceType: true, commune: true, latitude: true, longitude: true, expiresAt: true, displayFrom: true, status: true, territory: true, isExample: true, updatedAt: true },
}

/** Every category (a few hundred at most) with its name, keywords and parent. */
export async function loadCategories(payload: Payload, req?: Partial<PayloadRequest>): Promise<Map<string, CategoryInfo>> {
  const { docs } = await payload.find({
    collection: 'categories',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { name: true, keywords: true, parent: true },
    req,
  })
  return new Map(
    docs.map((c) => [String(c.id), { name: c.name ?? '', keywords: c.keywords ?? '', parent: refId(c.parent) }]),
  )
}

async function loadCommuneNames(payload: Payload, ids: string[], req?: Partial<PayloadRequest>): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  if (ids.length === 0) return names
  const { docs } = await payload.find({
    collection: 'communes',
    where: { id: { in: ids } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { name: true },
    req,
  })
  for (const c of docs) names.set(String(c.id), c.name)
  return names
}

async function loadProviderNames(payload: Payload, keys: string[], req?: Partial<PayloadRequest>): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  for (const collection of ['businesses', 'associations'] as const) {
    const ids = keys.filter((k) => k.startsWith(`${collection}:`)).map((k) => k.slice(collection.length + 1))
    if (ids.length === 0) continue
    const { docs } = await payload.find({
      collection,
      where: { id: { in: ids } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { name: true },
      req,
    })
    for (const d of docs) names.set(`${collection}:${d.id}`, d.name)
  }
  return names
}

/** Builds index documents for a batch of raw docs of one collection (non-public ones are skipped). */
export async function buildDocuments(
  payload: Payload,
  kind: EntryKind,
  docs: Raw[],
  options: { categories?: Map<string, CategoryInfo>; communes?: Map<string, string>; req?: Partial<PayloadRequest> } = {},
): Promise<IndexDocument[]> {
  const publicDocs = docs.filter(isIndexable)
  if (publicDocs.length === 0) return []
  const categories = options.categories ?? (await loadCategories(payload, options.req))
  const communeIds = new Set<string>()
  const providerKeys = new Set<string>()
  for (const doc of publicDocs) {
    const main = refId(doc.commune)
    if (main) communeIds.add(main)
    if (kind === 'services') {
      for (const id of refIds(doc.communesServed)) communeIds.add(id)
      const key = providerKey(doc.provider)
      if (key) providerKeys.add(key)
    }
  }
  const [communes, providers] = await Promise.all([
    options.communes ?? loadCommuneNames(payload, [...communeIds], options.req),
    loadProviderNames(payload, [...providerKeys], options.req),
  ])
  return publicDocs.map((doc) => toIndexDocument(kind, doc, { categories, communes, providers }))
}

/** Reads one entry and returns its index document, or null when it is missing or not public. */
export async function loadDocument(
  payload: Payload,
  kind: EntryKind,
  id: number | string,
  req?: Partial<PayloadRequest>,
): Promise<IndexDocument | null> {
  const doc = await payload
    .findByID({ collection: kind, id, depth: 0, overrideAccess: true, select: SELECT[kind], req, disableErrors: true })
    .catch(() => null)
  if (!doc) return null
  const [built] = await buildDocuments(payload, kind, [doc as unknown as Raw], { req })
  return built ?? null
}

/** Every published entry of one collection through the local API, in pages (any database). */
export async function* readPublishedWithPayload(payload: Payload, kind: EntryKind, batchSize = 1000): AsyncGenerator<Raw[]> {
  for (let page = 1; ; page++) {
    const result = await payload.find({
      collection: kind,
      where: { status: { equals: 'published' } },
      depth: 0,
      limit: batchSize,
      page,
      sort: 'id',
      overrideAccess: true,
      select: SELECT[kind],
    })
    yield result.docs as unknown as Raw[]
    if (!result.hasNextPage) return
  }
}

/** Every commune name (a few hundred rows), for rebuilds. */
export async function loadAllCommuneNames(payload: Payload): Promise<Map<string, string>> {
  const { docs } = await payload.find({ collection: 'communes', pagination: false, depth: 0, overrideAccess: true, select: { name: true } })
  return new Map(docs.map((c) => [String(c.id), c.name]))
}
