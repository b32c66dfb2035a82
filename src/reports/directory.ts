import type { Payload, Where } from 'payload'

import { ANNOUNCEMENT_KIND_LABELS } from '@collections/Announcements'
import { formatWeeklyHours } from '@/fields/openingHours/format'
import { endOfPickedDay, frenchDay } from '@/search/shownFrom'
import { type HostedTerritory, isLocalHostname, territoryOrigin } from '@/territories/publicOrigin'
import type { OpeningHours } from '@/fields/openingHours/schema'

import { type Branding, frenchCollator, loadBranding } from './branding'

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
  /** A demonstration entry (« Exemple » on the site): printed as such, its phone is not real. */
  example?: boolean
}

export type PrintedAnnouncement = { kind: 'offer' | 'need'; title: string; body: string; commune: string; priceType?: string; example?: boolean }
export type PrintedNotice = { title: string; body: string; commune: string; displayFrom?: string; expiresAt?: string }

/** The month a booklet is the edition of (in France): `YYYY-MM`, with its first and last day. */
export type Edition = { month: string; firstDay: string; lastDay: string }

export function editionOf(now: Date): Edition {
  const month = frenchDay(now).slice(0, 7)
  const [y, m] = month.split('-').map(Number) as [number, number]
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { month, firstDay: `${month}-01`, lastDay: `${month}-${String(days).padStart(2, '0')}` }
}

/**
 * The municipal notices of an edition printed at `now`: those still on the site then, or
 * starting later in the edition's month. A notice that starts on the 20th belongs to the
 * December edition printed on the 5th; one that left the site on the 4th does not, nor one
 * that starts in January.
 */
export function editionNoticesWhere(edition: Edition, now: Date): Where[] {
  return [
    { or: [{ displayFrom: { exists: false } }, { displayFrom: { less_than_equal: endOfPickedDay(edition.lastDay) } }] },
    { or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now.toISOString() } }] },
  ]
}

/** Where residents turn to: the mairie of the commune printed, else the intercommunalité. */
export type ContactBox = { title: string; address?: string; phone?: string; email?: string; hours?: string }

export type DirectoryBook = {
  territory: { id: number | string; name: string; contactPhone?: string; address?: string; hostname?: string }
  /** The commune printed, or none for the whole territory. */
  commune?: { id: number | string; name: string }
  contact: ContactBox
  branding: Branding
  /** Categories in the public site's order (a parent, then its sub-categories). */
  sections: Array<{ category: string; entries: PrintedEntry[] }>
  /** Municipal notices shown during the edition's month, `editionOf(generatedAt)` (« Informations municipales »). */
  notices: PrintedNotice[]
  announcements: PrintedAnnouncement[]
  generatedAt: Date
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/** The categories flattened as the site lists them: each top-level one, then its children. */
function siteOrder(categories: Array<{ id: number | string; name: string; order?: number | null; parent?: unknown }>): Array<string> {
  const parentOf = (c: { parent?: unknown }) => {
    const p = idOf(c.parent)
    return p === undefined || p === null ? null : String(p)
  }
  const byOrder = [...categories].sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || frenchCollator.compare(a.name, b.name))
  const out: string[] = []
  const visit = (parent: string | null, depth: number) => {
    for (const c of byOrder.filter((x) => parentOf(x) === parent)) {
      out.push(String(c.id))
      if (depth < 5) visit(String(c.id), depth + 1)
    }
  }
  visit(null, 0)
  // Orphans (a parent from another territory): after the others, in their own order.
  for (const c of byOrder) if (!out.includes(String(c.id))) out.push(String(c.id))
  return out
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
 * The site's address as printed on the cover (« annuaire.picardie-verte.fr »): the territory's
 * public origin without its scheme; none for a name that only reaches this machine
 * (`picardie-verte.localhost` in the demo), which would send a reader nowhere.
 */
export function printedAddress(territory: HostedTerritory, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = new URL(territoryOrigin(territory, env))
  if (isLocalHostname(url.hostname)) return undefined
  return `${url.host}${url.pathname.replace(/\/$/, '')}`
}

/** The commune asked for is unknown or belongs to another territory (the same answer for both). */
export class CommuneNotInTerritory extends Error {
  constructor() {
    super('Cette commune n’appartient pas au territoire.')
    this.name = 'CommuneNotInTerritory'
  }
}

/**
 * Collects what the paper directory prints: published businesses, associations and services
 * of a commune (or the whole territory) grouped by category, the municipal notices of the
 * edition's month, and the offers and needs published in the last 31 days that have not expired.
 */
export async function buildDirectoryBook(
  payload: Payload,
  territoryId: number | string,
  communeId?: number | string,
  now: Date = new Date(),
): Promise<DirectoryBook> {
  const territory = await payload.findByID({ collection: 'territories', id: territoryId, depth: 0, overrideAccess: true })
  const commune =
    communeId !== undefined ? await payload.findByID({ collection: 'communes', id: communeId, depth: 0, overrideAccess: true, disableErrors: true }) : undefined
  if (commune === null || (commune && String(idOf(commune.territory)) !== String(territory.id))) throw new CommuneNotInTerritory()

  const [{ docs: categories }, { docs: communes }] = await Promise.all([
    payload.find({ collection: 'categories', pagination: false, depth: 0, overrideAccess: true, sort: 'order' }),
    payload.find({ collection: 'communes', where: { territory: { equals: territory.id } }, pagination: false, depth: 0, overrideAccess: true }),
  ])
  const categoryName = new Map(categories.map((c) => [String(c.id), c.name]))
  const categoryOrder = new Map(siteOrder(categories).map((id, i) => [id, i]))
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
        example: d.isExample === true,
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

  const edition = editionOf(now)
  const { docs: notices } = await payload.find({
    collection: 'announcements',
    where: {
      and: [
        ...base,
        ...inCommune,
        { kind: { equals: 'notice' } },
        ...editionNoticesWhere(edition, now),
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    sort: '-createdAt',
  })

  const mairie = (commune?.mairie ?? {}) as Record<string, unknown>
  const contact: ContactBox =
    commune && (text(mairie.address) || text(mairie.phone) || text(mairie.hours))
      ? { title: `Mairie de ${commune.name}`, address: text(mairie.address), phone: text(mairie.phone), email: text(mairie.email), hours: text(mairie.hours) }
      : {
          // No mairie details yet: the intercommunalité's, under its own name (never passed off as the mairie's).
          title: territory.name,
          address: text(territory.address),
          phone: text(territory.contactPhone),
          email: text(territory.contactEmail),
        }

  return {
    territory: {
      id: territory.id,
      name: territory.name,
      contactPhone: territory.contactPhone ?? undefined,
      address: territory.address ?? undefined,
      hostname: printedAddress(territory),
    },
    commune: commune ? { id: commune.id, name: commune.name } : undefined,
    contact,
    branding: await loadBranding(payload, territory),
    sections: [...sections.entries()]
      .sort(([a], [b]) => (categoryOrder.get(a) ?? 1e9) - (categoryOrder.get(b) ?? 1e9))
      .map(([id, entries]) => ({ category: categoryName.get(id) ?? 'Autres', entries: entries.sort((x, y) => frenchCollator.compare(x.name, y.name)) })),
    notices: (notices as unknown as Doc[]).map((n) => ({
      title: String(n.title),
      body: String(n.body ?? '').slice(0, 600),
      commune: communeName.get(String(idOf(n.commune))) ?? '',
      displayFrom: typeof n.displayFrom === 'string' && n.displayFrom > now.toISOString() ? n.displayFrom : undefined,
      expiresAt: typeof n.expiresAt === 'string' ? n.expiresAt : undefined,
    })),
    announcements: (announcements as unknown as Doc[]).map((a) => ({
      kind: a.kind as 'offer' | 'need',
      title: String(a.title),
      body: String(a.body ?? '').slice(0, 300),
      commune: communeName.get(String(idOf(a.commune))) ?? '',
      priceType: typeof a.priceType === 'string' ? a.priceType : undefined,
      example: a.isExample === true,
    })),
    generatedAt: now,
  }
}

export const KIND_LABELS = { offer: ANNOUNCEMENT_KIND_LABELS.offer, need: ANNOUNCEMENT_KIND_LABELS.need }
