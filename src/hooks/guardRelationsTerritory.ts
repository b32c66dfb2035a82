import { type CollectionBeforeValidateHook, type CollectionSlug, type FlattenedField, type PayloadRequest, ValidationError } from 'payload'

import { type AccessUser, hasRole, idOf, STAFF_ROLES } from '@/access/roles'

type Id = number | string

/**
 * The collections whose documents belong to a territory, with the French words a refusal
 * uses. A national document (no territory: national categories, images sent by the national
 * administrator, accounts without territory) may be linked from any territory.
 */
const SCOPED: Partial<Record<CollectionSlug, string>> = {
  media: 'Cette image ou ce document appartient à un autre territoire : choisissez-en un de ce territoire, ou envoyez-le de nouveau.',
  categories: 'Cette catégorie appartient à un autre territoire : choisissez une catégorie nationale ou de ce territoire.',
  communes: "Cette commune n’appartient pas au territoire de ce document : choisissez une commune de ce territoire.",
  businesses: 'Cette entreprise appartient à un autre territoire : choisissez une fiche de ce territoire.',
  associations: 'Cette association appartient à un autre territoire : choisissez une fiche de ce territoire.',
  services: 'Ce service appartient à un autre territoire : choisissez-en un de ce territoire.',
  announcements: 'Cette annonce appartient à un autre territoire : choisissez-en une de ce territoire.',
  users: 'Ce compte de l’équipe appartient à un autre territoire : choisissez un compte de ce territoire.',
}

/** The (collection, id) pairs a relationship or upload value names, populated or not. */
function referencesOf(field: FlattenedField, value: unknown): Array<{ slug: CollectionSlug; id: Id }> {
  if (field.type !== 'relationship' && field.type !== 'upload') return []
  const values = Array.isArray(value) ? value : [value]
  const refs: Array<{ slug: CollectionSlug; id: Id }> = []
  for (const item of values) {
    if (item === null || item === undefined || item === '') continue
    if (Array.isArray(field.relationTo)) {
      const poly = item as { relationTo?: unknown; value?: unknown }
      const id = idOf(poly?.value as never)
      if (typeof poly?.relationTo === 'string' && field.relationTo.includes(poly.relationTo as CollectionSlug) && id !== undefined) {
        refs.push({ slug: poly.relationTo as CollectionSlug, id })
      }
    } else {
      const id = idOf(item as never)
      if (id !== undefined) refs.push({ slug: field.relationTo as CollectionSlug, id })
    }
  }
  return refs
}

/** Ids the database can look up: on PostgreSQL a malformed id would fail the whole query (Payload's own validation names it). */
function lookupable(req: PayloadRequest, ids: Id[]): Id[] {
  if (req.payload.db.defaultIDType !== 'number') return ids
  return ids.filter((id) => /^\d{1,15}$/.test(String(id)))
}

async function territoriesOf(req: PayloadRequest, slug: CollectionSlug, all: Id[]): Promise<Map<string, unknown>> {
  const ids = lookupable(req, all)
  if (!ids.length) return new Map()
  const found = await req.payload.find({
    collection: slug,
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return new Map(
    found.docs.map((doc) => {
      const { territory, roles } = doc as { territory?: never; roles?: AccessUser['roles'] }
      // A resident or an owner of any territory may own or write an entry anywhere (a business
      // across the border); only another territory's staff account is out of bounds.
      const bound = slug !== 'users' || hasRole({ roles } as AccessUser, ...STAFF_ROLES)
      return [String(doc.id), bound ? idOf(territory) : undefined]
    }),
  )
}

/**
 * A document links only to media, categories, communes, entries and accounts of its own
 * territory (or national ones): a secrétaire of one territory attached another territory's
 * PDF to her municipal notice by its id. Runs after `assignTerritory`, on the links a write
 * adds (not those already stored); a territory's own logo is checked against the territory. The
 * national administrator and system writes (seed, jobs) are not restricted.
 */
export const guardRelationsTerritory: CollectionBeforeValidateHook = async ({ data, req, originalDoc, collection }) => {
  const user = req.user as AccessUser | null
  if (!data || !user || hasRole(user, 'superadmin')) return data
  const own =
    collection.slug === 'territories'
      ? (originalDoc?.id as Id | undefined)
      : (idOf((data.territory ?? originalDoc?.territory) as never) as Id | undefined)
  const errors: Array<{ path: string; message: string }> = []
  for (const field of collection.flattenedFields) {
    if (field.type !== 'relationship' && field.type !== 'upload') continue
    if (field.name === 'territory' || !(field.name in data)) continue
    // Only links the request adds: a stored link stays (an owner may move his entry, photos and all).
    const stored = new Set(referencesOf(field, originalDoc?.[field.name]).map((ref) => `${ref.slug}:${ref.id}`))
    const refs = referencesOf(field, data[field.name]).filter((ref) => SCOPED[ref.slug] && !stored.has(`${ref.slug}:${ref.id}`))
    for (const slug of new Set(refs.map((ref) => ref.slug))) {
      const ids = refs.filter((ref) => ref.slug === slug).map((ref) => ref.id)
      const territories = await territoriesOf(req, slug, ids)
      const foreign = ids.some((id) => {
        const theirs = territories.get(String(id))
        // Unknown ids are left to Payload's own check (« invalid relationship »).
        if (!territories.has(String(id)) || theirs === undefined) return false
        return own === undefined || String(theirs) !== String(own)
      })
      if (foreign) errors.push({ path: field.name, message: SCOPED[slug]! })
    }
  }
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors }, req.t)
  return data
}

/**
 * For messages and reports, which the public creates about any territory's entries (through
 * the site, as the system): only a staff member's later edit is checked, so that a moderator
 * cannot point one of her territory's messages at another territory's entry.
 */
export const guardRelationsTerritoryOnUpdate: CollectionBeforeValidateHook = (args) =>
  args.operation === 'update' ? guardRelationsTerritory(args) : args.data
