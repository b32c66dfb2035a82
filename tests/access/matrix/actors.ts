/**
 * Who the access table speaks about and what they may try: the actors, the operations, and
 * the shape of one row and of one collection's table.
 */
import type { CollectionSlugName } from '@collections/slugs'

/** The people the table speaks about. "B" actors work for a second territory. */
export const ACTORS = [
  'anonymous',
  'resident',
  'owner',
  'viewer',
  'editor',
  'admin',
  'superadmin',
  'adminB',
  'editorB',
  'viewerB',
] as const
export type Actor = (typeof ACTORS)[number]
export type LoggedInActor = Exclude<Actor, 'anonymous'>

export const ACTOR_LABELS: Record<Actor, string> = {
  anonymous: 'Visiteur sans compte',
  resident: 'Habitant (territoire A)',
  owner: 'Entreprise ou association (territoire A)',
  viewer: 'Élu, lecture et statistiques (territoire A)',
  editor: 'Secrétaire de mairie de la commune A1 (territoire A)',
  admin: 'Administrateur du territoire A',
  superadmin: 'Administrateur national',
  adminB: 'Administrateur du territoire B',
  editorB: 'Secrétaire de mairie de la commune B1 (territoire B)',
  viewerB: 'Élu du territoire B',
}

/** Column headings of the printed table. */
export const ACTOR_SHORT: Record<Actor, string> = {
  anonymous: 'Anonyme',
  resident: 'Habitant',
  owner: 'Entreprise',
  viewer: 'Élu A',
  editor: 'Secrétaire A1',
  admin: 'Admin A',
  superadmin: 'National',
  adminB: 'Admin B',
  editorB: 'Secrétaire B1',
  viewerB: 'Élu B',
}

/** Everyone, including anonymous visitors. */
export const EVERYONE: readonly Actor[] = ACTORS
/** Every account. */
export const LOGGED_IN: readonly Actor[] = ACTORS.filter((a) => a !== 'anonymous')

export const OPERATIONS = ['read', 'readVersions', 'create', 'update', 'delete', 'unlock'] as const
export type Operation = (typeof OPERATIONS)[number]

export const OPERATION_LABELS: Record<Operation, string> = {
  read: 'lire',
  readVersions: "lire l'historique (versions)",
  create: 'créer',
  update: 'modifier',
  delete: 'supprimer',
  unlock: 'débloquer le compte',
}

/** One row of the table: an operation on one kind of document, and who may do it. */
export type Rule<T extends string> = {
  op: Operation
  target: T
  allow: readonly Actor[]
  /** Actors for whom the question makes no sense (an anonymous visitor has no account of their own). */
  notApplicable?: readonly Actor[]
}

export type CollectionTable<T extends string = string> = {
  collection: CollectionSlugName
  title: string
  /** What each target document is, in words. */
  targets: Record<T, string>
  rules: ReadonlyArray<Rule<T>>
}

export function table<T extends string>(definition: CollectionTable<T>): CollectionTable<T> {
  return definition
}
