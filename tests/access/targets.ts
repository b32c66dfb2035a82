/**
 * How each target of the table is reached on the test server: the shared document to read
 * or edit, a fresh one to delete, the data of a new one, and the harmless change an update
 * makes. Kept apart from matrix.ts, which only says who may do what.
 */
import { type Id, type Reply, query } from './client'
import type { Actor, CreatePlace, DirectoryTarget } from './matrix'
import { DIRECTORY, type DirectorySlug, PLACE_OF_CREATE, type ServerOnlySlug, World, randomSiren } from './world'

const isDirectory = (collection: string): collection is DirectorySlug => (DIRECTORY as readonly string[]).includes(collection)

/** The document a read or update cell works on. */
export function sharedTarget(world: World, collection: string, target: string, actor: Actor): Id {
  if (collection === 'users' && target === 'self') return world.userId(actor as never)
  return world.doc(collection, target)
}

/** A new document matching the target, for cells that delete it. */
export async function freshTarget(world: World, collection: string, target: string): Promise<Id> {
  if (isDirectory(collection)) return (await world.directoryDoc(collection, target as DirectoryTarget)).id
  switch (collection) {
    case 'territories':
      return (await world.freshTerritory()).id
    case 'communes':
      return (await world.freshCommune(target === 'spare-A' ? 'A' : 'B')).id
    case 'categories':
      return (await world.freshCategory(target as 'A' | 'B' | 'national')).id
    case 'pages':
      return (await world.freshPage(target as 'A' | 'B' | 'global')).id
    case 'media':
      return (await world.upload(target === 'A' ? 'resident' : 'adminB')).id
    case 'users':
      return (await world.freshUser(target === 'resident-A' ? 'A' : 'B')).id
    case 'contact-requests':
    case 'reports':
    case 'alerts':
    case 'usage-stats':
    case 'import-runs':
      return world.serverOnlyDoc(collection as ServerOnlySlug, target as 'A' | 'B')
    default:
      // The audit log is never deleted: the shared entry is enough (every cell is refused).
      return world.doc(collection, target)
  }
}

/** Valid data for a create cell; the marker is stored in `World.markerField(collection)`. */
export function createData(world: World, collection: string, target: string, marker: string): Record<string, unknown> {
  if (isDirectory(collection)) {
    const data = world.entryData(collection, PLACE_OF_CREATE[target as CreatePlace], marker)
    return { ...data, [World.markerField(collection)]: marker }
  }
  const business = { relationTo: 'businesses', value: world.doc('businesses', 'published-A1') }
  switch (collection) {
    case 'territories':
      return { name: marker, epciCode: randomSiren(), slug: marker }
    case 'communes':
      return { name: marker, slug: marker, inseeCode: marker, territory: world.territory[target === 'in-A' ? 'A' : 'B'] }
    case 'categories':
      return { name: marker }
    case 'pages':
      return { title: marker, slug: 'a-propos' }
    case 'users':
      return { email: marker, password: 'Un-mot-de-passe-assez-long-2026', name: 'Nouveau compte' }
    case 'contact-requests':
      return { target: business, senderName: marker, senderEmail: 'quelqu.un@exemple.fr', message: 'Bonjour, un message de test.' }
    case 'reports':
      return { target: business, reason: 'spam', message: marker }
    case 'alerts':
      return { email: marker, confirmed: true }
    case 'audit-log':
      return { action: 'create', documentTitle: marker, collectionSlug: 'businesses' }
    case 'usage-stats':
      return { key: marker, month: '2026-01', metric: 'search', dimension: 'essai', count: 1 }
    case 'import-runs':
      return { fileName: marker, kind: 'businesses' }
    default:
      throw new Error(`Pas de données de création pour ${collection}`)
  }
}

/** Markers that fit the collection's marker field (an e-mail address for users and alerts). */
export function markerFor(world: World, collection: string): string {
  const marker = world.marker('cree')
  return collection === 'users' || collection === 'alerts' ? `${marker}@annuaire.example` : marker
}

/** Posts a create cell; media go as a multipart upload. */
export async function postCreate(world: World, collection: string, target: string, actor: Actor, marker: string): Promise<Reply> {
  if (collection === 'media') return world.uploadAs(actor, marker)
  const reply = await world.call(actor, 'POST', `/api/${collection}${query({ depth: 0 })}`, createData(world, collection, target, marker))
  if (reply.status === 201 && reply.json?.doc?.id !== undefined) world.track(collection, reply.json.doc.id)
  return reply
}

/** The harmless change an update cell makes, and how to see it on the stored document. */
export function updateOf(collection: string, marker: string, n: number): { body: Record<string, unknown>; applied: (doc: any) => boolean } {
  const field: Record<string, string> = {
    businesses: 'description',
    associations: 'description',
    services: 'description',
    announcements: 'body',
    categories: 'description',
    territories: 'address',
    'contact-requests': 'flagReason',
    reports: 'message',
    'audit-log': 'documentTitle',
    'usage-stats': 'dimension',
    'import-runs': 'fileName',
    media: 'alt',
    pages: 'title',
    users: 'name',
  }
  if (collection === 'communes') return { body: { population: n }, applied: (doc) => doc?.population === n }
  if (collection === 'alerts') {
    const email = `${marker}@exemple.fr`
    return { body: { email }, applied: (doc) => doc?.email === email }
  }
  const name = field[collection]
  if (!name) throw new Error(`Pas de modification prévue pour ${collection}`)
  const value = `Modifié ${marker}`
  // An owner's edit of a published entry is saved aside until a moderator accepts it.
  return { body: { [name]: value }, applied: (doc) => doc?.[name] === value || doc?.pendingChanges?.[name] === value }
}

/** The e-mail of a user target, for unlock cells. */
export async function emailOf(world: World, collection: string, id: Id): Promise<string> {
  const reply = await world.readBack(collection, id)
  return reply.json.email
}
