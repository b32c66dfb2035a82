import type { Payload, Where } from 'payload'

import { ANNOUNCEMENT_KIND_LABELS } from '@collections/Announcements'
import { formatWeeklyHours } from '@/fields/openingHours/format'
import type { OpeningHours } from '@/fields/openingHours/schema'

/** One entry as printed: only what the entry chose to publish (never an e-mail address). */
export type PrintedEntry = {
  name: string
  kind: 'businesses' | 'associations' | 'services'
  description?: string
  address?: string
  commune: string
  phone?: string
  website?: string
  hours?: string
}

export type PrintedAnnouncement = { kind: 'offer' | 'need'; title: string; body: string; commune: string; priceType?: string }

export type DirectoryBook = {
  territory: { id: number | string; name: string; contactPhone?: string; address?: string; hostname?: string }
  /** The commune printed, or none for the whole territory. */
  commune?: { id: number | string; name: string }
  sections: Array<{ category: string; entries: PrintedEntry[] }>
  announcements: PrintedAnnouncement[]
  generatedAt: Date
}

type Doc = Record<string, unknown> & { id: number | string }
const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as Doc).id : v) as number | string | undefined

function shortHours(hours: unknown): string | undefined {
  const h = hours as OpeningHours | undefined
  if (!h?.weekly?.length) return undefined
  const lines = formatWeeklyHours({ weekly: h.weekly, closures: h.closures ?? [], exceptions: h.exceptions ?? [] } as OpeningHours)
  // Group consecutive days with the same hours: "Lundi–Vendredi : 8 h 00 – 12 h 00".
  const groups: Array<{ first: string; last: string; text: string }> = []
  for (const line of lines) {
    const last = groups.at(-1)
    if (last && last.text === line.text) last.last = line.day
    else groups.push({ first: line.day, last: line.day, text: line.text })
  }
  return groups
    .filter((g) => g.text !== 'Fermé')
    .map((g) => `${g.first === g.last ? g.first : `${g.first}–${g.last}`} : ${g.text}`)
    .join(' ; ')
}

/**
 * Collects what the paper directory prints: published businesses, associations and services
 * of a commune (or the whole territory) grouped by category, and the offers and needs
 * published in the last 31 days that have not expired.
 */
export async function buildDirectoryBook(
  payload: Payload,
  territoryId: number | string,
  communeId?: number | string,
  now: Date = new Date(),
): Promise<DirectoryBook> {
  const territory = await payload.findByID({ collection: 'territories', id: territoryId, depth: 0, overrideAccess: true })
  const commune = communeId !== undefined ? await payload.findByID({ collection: 'communes', id: communeId, depth: 0, overrideAccess: true }) : undefined
  if (commune && String(idOf(commune.territory)) !== String(territory.id)) throw new Error('Cette commune n’appartient pas au territoire.')

  const [{ docs: categories }, { docs: communes }] = await Promise.all([
    payload.find({ collection: 'categories', pagination: false, depth: 0, overrideAccess: true, sort: 'order' }),
    payload.find({ collection: 'communes', where: { territory: { equals: territory.id } }, pagination: false, depth: 0, overrideAccess: true }),
  ])
  const categoryName = new Map(categories.map((c) => [String(c.id), c.name]))
  const categoryOrder = new Map(categories.map((c, i) => [String(c.id), i]))
  const communeName = new Map(communes.map((c) => [String(c.id), c.name]))

  const base: Where[] = [{ territory: { equals: territory.id } }, { status: { equals: 'published' } }]
  const inCommune: Where[] = commune ? [{ commune: { equals: commune.id } }] : []
  const sections = new Map<string, PrintedEntry[]>()
  for (const kind of ['businesses', 'associations', 'services'] as const) {
    const { docs } = await payload.find({
      collection: kind,
      where: { and: [...base, ...inCommune] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      sort: kind === 'services' ? 'title' : 'name',
    })
    for (const d of docs as unknown as Doc[]) {
      const street = typeof d.street === 'string' ? d.street : ''
      const postcode = typeof d.postcode === 'string' ? d.postcode : ''
      const town = communeName.get(String(idOf(d.commune))) ?? ''
      const entry: PrintedEntry = {
        name: String(d.name ?? d.title ?? ''),
        kind,
        description: typeof d.description === 'string' ? d.description.slice(0, 280) : undefined,
        address: [street, [postcode, town].filter(Boolean).join(' ')].filter(Boolean).join(', ') || undefined,
        commune: town,
        phone: typeof d.phone === 'string' && d.phone ? d.phone : undefined,
        website: typeof d.website === 'string' && d.website ? d.website.replace(/^https?:\/\//, '').replace(/\/$/, '') : undefined,
        hours: shortHours(d.openingHours),
      }
      const first = (Array.isArray(d.categories) ? d.categories : []).map((c) => String(idOf(c)))[0]
      const key = first ?? 'other'
      if (!sections.has(key)) sections.set(key, [])
      sections.get(key)!.push(entry)
    }
  }

  const since = new Date(now.getTime() - 31 * 86_400_000).toISOString()
  const { docs: announcements } = await payload.find({
    collection: 'announcements',
    where: {
      and: [
        ...base,
        ...inCommune,
        { kind: { in: ['offer', 'need'] } },
        { createdAt: { greater_than_equal: since } },
        { or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now.toISOString() } }] },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    sort: 'kind',
  })

  const hostname = Array.isArray(territory.hostnames) ? territory.hostnames[0] : undefined
  return {
    territory: {
      id: territory.id,
      name: territory.name,
      contactPhone: territory.contactPhone ?? undefined,
      address: territory.address ?? undefined,
      hostname: hostname ?? undefined,
    },
    commune: commune ? { id: commune.id, name: commune.name } : undefined,
    sections: [...sections.entries()]
      .sort(([a], [b]) => (categoryOrder.get(a) ?? 1e9) - (categoryOrder.get(b) ?? 1e9))
      .map(([id, entries]) => ({ category: categoryName.get(id) ?? 'Autres', entries: entries.sort((x, y) => x.name.localeCompare(y.name, 'fr')) })),
    announcements: (announcements as unknown as Doc[]).map((a) => ({
      kind: a.kind as 'offer' | 'need',
      title: String(a.title),
      body: String(a.body ?? '').slice(0, 300),
      commune: communeName.get(String(idOf(a.commune))) ?? '',
      priceType: typeof a.priceType === 'string' ? a.priceType : undefined,
    })),
    generatedAt: now,
  }
}

export const KIND_LABELS = { offer: ANNOUNCEMENT_KIND_LABELS.offer, need: ANNOUNCEMENT_KIND_LABELS.need }
