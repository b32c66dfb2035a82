import type { Category, Commune } from '@/payload-types'
import type { AnnouncementKind, EntryKind, PriceType, SearchHit } from '@/search/types'

import { entryPath } from '@/territories/urls'

import type { EntryDoc } from './directory'
import { relationId } from './directory'

/** What an entry card shows (components/site/EntryCard). */
export type CardEntry = {
  kind: EntryKind
  title: string
  href: string
  summary?: string | null
  communeName?: string | null
  distanceKm?: number | null
  /**
   * Set when the entry lies beyond the searched radius and is listed because it serves the
   * searched commune: the card says so rather than let the radius speak for it.
   */
  servesCommuneName?: string | null
  /** Where `distanceKm` is measured from: a commune's name or « votre position ». */
  distanceFrom?: string | null
  priceType?: PriceType | null
  announcementKind?: AnnouncementKind | null
  categoryNames?: string[]
  isExample?: boolean | null
  date?: string | null
}

export type Lookup = { communes: Map<number, Commune>; categories: Map<number, Category> }

export function lookupOf(communes: Commune[], categories: Category[]): Lookup {
  return { communes: new Map(communes.map((c) => [c.id, c])), categories: new Map(categories.map((c) => [c.id, c])) }
}

const ids = (values: Array<number | { id: number }> | null | undefined) =>
  (values ?? []).map((v) => relationId(v)).filter((v): v is number => v !== null)

/** A card for an entry read with payload.find. */
export function docToCard<K extends EntryKind>(kind: K, doc: EntryDoc[K], lookup: Lookup): CardEntry {
  const communeId = relationId(doc.commune as number | { id: number })
  const base = {
    kind,
    href: entryPath(kind, doc.slug ?? String(doc.id)),
    communeName: communeId !== null ? (lookup.communes.get(communeId)?.name ?? null) : null,
    isExample: doc.isExample,
    date: doc.createdAt,
  }
  if (kind === 'announcements') {
    const a = doc as EntryDoc['announcements']
    const category = relationId(a.category as number | { id: number } | null)
    return {
      ...base,
      title: a.title,
      summary: a.body,
      priceType: a.kind === 'notice' ? null : a.priceType,
      announcementKind: a.kind,
      categoryNames: category !== null && lookup.categories.get(category) ? [lookup.categories.get(category)!.name] : [],
    }
  }
  const withCategories = doc as EntryDoc['businesses'] | EntryDoc['services']
  const categoryNames = ids(withCategories.categories as Array<number | { id: number }>)
    .map((id) => lookup.categories.get(id)?.name)
    .filter((n): n is string => Boolean(n))
  if (kind === 'services') {
    const s = doc as EntryDoc['services']
    return { ...base, title: s.title, summary: s.description, priceType: s.priceType, categoryNames }
  }
  const p = doc as EntryDoc['businesses']
  return { ...base, title: p.name, summary: p.description, categoryNames }
}

/**
 * The centre of the search (`centreLabel`, what distances are measured from) and, when entries
 * serving the commune are kept, its radius and name.
 */
export type CardRadius = { radiusKm: number | null; servedCommuneName: string | null; centreLabel?: string | null }

/**
 * A card for a search hit. Within a radius around a commune, an entry farther than the radius
 * is only there because it serves that commune: its card says « intervient à … ».
 */
export function hitToCard(hit: SearchHit, lookup: Lookup, radius?: CardRadius | null): CardEntry {
  const communeId = hit.communeId === null ? null : Number(hit.communeId)
  const beyondRadius = radius?.radiusKm != null && hit.distanceKm != null && hit.distanceKm > radius.radiusKm
  return {
    kind: hit.kind,
    title: hit.title,
    href: entryPath(hit.kind, hit.slug || String(hit.id)),
    summary: hit.summary,
    communeName: communeId !== null ? (lookup.communes.get(communeId)?.name ?? null) : null,
    distanceKm: hit.distanceKm ?? null,
    servesCommuneName: beyondRadius ? (radius?.servedCommuneName ?? null) : null,
    distanceFrom: radius?.centreLabel ?? null,
    priceType: hit.priceType ?? null,
    announcementKind: hit.announcementKind ?? null,
    categoryNames: hit.categoryIds
      .map((id) => lookup.categories.get(Number(id))?.name)
      .filter((n): n is string => Boolean(n))
      .slice(0, 3),
    isExample: hit.isExample ?? false,
    date: hit.updatedAt,
  }
}
