import type { Payload, Where } from 'payload'

import { entryPath } from '@/territories/urls'

import type { OpenDataResource } from './schema'

export type Row = Record<string, string | number | null>

type Doc = Record<string, unknown> & { id: number | string }
const idOf = (v: unknown) => String(v && typeof v === 'object' ? (v as Doc).id : v)
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null)
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)

const OSM_DAYS: Record<string, string> = { monday: 'Mo', tuesday: 'Tu', wednesday: 'We', thursday: 'Th', friday: 'Fr', saturday: 'Sa', sunday: 'Su' }

/** Weekly hours in OpenStreetMap `opening_hours` syntax: "Mo 08:00-12:00,14:00-19:00; Tu …". */
export function osmHours(hours: unknown): string | null {
  const weekly = (hours as { weekly?: Array<{ day: string; opens: string; closes: string }> } | undefined)?.weekly
  if (!weekly?.length) return null
  const parts = Object.keys(OSM_DAYS)
    .map((day) => {
      const ranges = weekly.filter((r) => r.day === day).sort((a, b) => a.opens.localeCompare(b.opens))
      return ranges.length ? `${OSM_DAYS[day]} ${ranges.map((r) => `${r.opens}-${r.closes}`).join(',')}` : ''
    })
    .filter(Boolean)
  return parts.join('; ') || null
}

const PREFIX: Record<OpenDataResource, string> = { entreprises: 'entreprise', associations: 'association', services: 'service' }
export const COLLECTION = { entreprises: 'businesses', associations: 'associations', services: 'services' } as const

/**
 * The published entries of a territory as open-data rows. Only what is public on the site:
 * never an e-mail address, an owner, a moderation note, nor any resident's announcement.
 */
export async function openDataRows(payload: Payload, territory: { id: number | string }, resource: OpenDataResource, origin = ''): Promise<Row[]> {
  const where: Where = { and: [{ territory: { equals: territory.id } }, { status: { equals: 'published' } }] }
  const [{ docs }, { docs: communes }, { docs: categories }] = await Promise.all([
    payload.find({ collection: COLLECTION[resource], where, pagination: false, depth: 0, overrideAccess: true, sort: 'id' }),
    payload.find({ collection: 'communes', where: { territory: { equals: territory.id } }, pagination: false, depth: 0, overrideAccess: true }),
    payload.find({ collection: 'categories', pagination: false, depth: 0, overrideAccess: true }),
  ])
  const commune = new Map(communes.map((c) => [String(c.id), c]))
  const category = new Map(categories.map((c) => [String(c.id), c.name]))
  const cats = (d: Doc) => (Array.isArray(d.categories) ? d.categories.map((c) => category.get(idOf(c))).filter(Boolean).join('|') : '') || null
  const url = (d: Doc) => (str(d.slug) ? `${origin}${entryPath(COLLECTION[resource], String(d.slug))}` : null)

  let providers = new Map<string, { name: string; id: string }>()
  if (resource === 'services') {
    const refs = (docs as unknown as Doc[]).map((d) => d.provider as { relationTo: string; value: unknown } | undefined).filter(Boolean)
    for (const kind of ['businesses', 'associations'] as const) {
      const ids = refs.filter((r) => r!.relationTo === kind).map((r) => idOf(r!.value))
      if (!ids.length) continue
      const { docs: found } = await payload.find({ collection: kind, where: { and: [{ id: { in: ids } }, { status: { equals: 'published' } }] }, pagination: false, depth: 0, overrideAccess: true })
      for (const p of found) providers.set(`${kind}:${p.id}`, { name: p.name, id: `${kind === 'businesses' ? 'entreprise' : 'association'}-${p.id}` })
    }
  }

  return (docs as unknown as Doc[]).map((d) => {
    const c = commune.get(idOf(d.commune))
    const base: Row = { id: `${PREFIX[resource]}-${d.id}` }
    const place: Row = {
      commune: c?.name ?? null,
      code_insee: c?.inseeCode ?? null,
      latitude: num(d.latitude) ?? num(c?.latitude),
      longitude: num(d.longitude) ?? num(c?.longitude),
    }
    const tail: Row = { url: url(d), date_maj: new Date(String(d.updatedAt)).toISOString() }
    if (resource === 'services') {
      const ref = d.provider as { relationTo: string; value: unknown } | undefined
      const provider = ref ? providers.get(`${ref.relationTo}:${idOf(ref.value)}`) : undefined
      const served = Array.isArray(d.communesServed) ? d.communesServed.map((s) => commune.get(idOf(s))?.inseeCode).filter(Boolean).join('|') : ''
      return {
        ...base,
        titre: str(d.title),
        prestataire: provider?.name ?? null,
        prestataire_id: provider?.id ?? null,
        categories: cats(d),
        description: str(d.description),
        tarif: ({ free: 'gratuit', paid: 'payant', cesu: 'cesu' } as Record<string, string>)[String(d.priceType)] ?? null,
        disponibilite: str(d.availability),
        commune: place.commune,
        code_insee: place.code_insee,
        communes_desservies: served || null,
        latitude: place.latitude,
        longitude: place.longitude,
        ...tail,
      }
    }
    const identity: Row = resource === 'entreprises' ? { siret: str(d.siret), activite: str(d.activity) } : { rna: str(d.rna), siret: str(d.siret) }
    return {
      ...base,
      nom: str(d.name),
      ...identity,
      categories: cats(d),
      description: str(d.description),
      adresse: str(d.street),
      code_postal: str(d.postcode),
      ...place,
      telephone: str(d.phone),
      site_web: str(d.website),
      horaires: osmHours(d.openingHours),
      ...tail,
    }
  })
}
