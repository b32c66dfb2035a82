/**
 * The access table's protected fields: who sees each private field on a document they may
 * read, and what becomes of a protected field each actor writes (saved, ignored, refused).
 */
import type { CollectionSlugName } from '@collections/slugs'

import type { Actor } from './actors'

/**
 * Private fields: who sees them on a document everyone may read. Actors who cannot read the
 * document at all are covered by the collection tables (directory.ts, collections.ts).
 * Every channel is tried: by id, list, `depth`, `select`, `where` and, for anonymous
 * visitors, GraphQL.
 */
export type ReadFieldRule = {
  collection: CollectionSlugName
  field: string
  /** A document of the collection tables, readable by the actors tested here. */
  target: string
  visibleTo: readonly Actor[]
  label: string
}

const STAFF_A: readonly Actor[] = ['superadmin', 'admin', 'editor', 'viewer']
const MODERATORS_A: readonly Actor[] = ['superadmin', 'admin', 'editor']

export const READ_FIELD_RULES: readonly ReadFieldRule[] = [
  ...(['businesses', 'associations'] as const).flatMap((collection) => [
    { collection, field: 'email', target: 'published-A1', visibleTo: [...STAFF_A, 'owner'], label: 'e-mail (jamais publié)' } as const,
    { collection, field: 'owners', target: 'published-A1', visibleTo: [...STAFF_A, 'owner'], label: 'comptes propriétaires' } as const,
    { collection, field: 'ownerNames', target: 'published-A1', visibleTo: STAFF_A, label: 'nom des comptes propriétaires (lecture seule)' } as const,
    { collection, field: 'moderationNote', target: 'published-A1', visibleTo: MODERATORS_A, label: 'note interne de modération' } as const,
  ]),
  { collection: 'services', field: 'owners', target: 'published-A1', visibleTo: [...STAFF_A, 'owner'], label: 'comptes propriétaires' },
  { collection: 'services', field: 'ownerNames', target: 'published-A1', visibleTo: STAFF_A, label: 'nom des comptes propriétaires (lecture seule)' },
  { collection: 'services', field: 'moderationNote', target: 'published-A1', visibleTo: MODERATORS_A, label: 'note interne de modération' },
  { collection: 'announcements', field: 'author', target: 'published-A1', visibleTo: [...STAFF_A, 'resident'], label: 'auteur' },
  // A secrétaire cannot read accounts: she gets the author's name (never e-mail or phone).
  { collection: 'announcements', field: 'authorName', target: 'published-A1', visibleTo: STAFF_A, label: 'nom du compte auteur (lecture seule)' },
  {
    collection: 'announcements',
    field: 'onBehalfOf',
    target: 'published-A1',
    visibleTo: STAFF_A,
    label: 'habitant pour qui la mairie a déposé l’annonce (nom, téléphone)',
  },
  {
    collection: 'announcements',
    field: 'expiryWarningSentAt',
    target: 'published-A1',
    visibleTo: STAFF_A,
    label: "date de l'avertissement d'expiration",
  },
  { collection: 'announcements', field: 'moderationNote', target: 'published-A1', visibleTo: MODERATORS_A, label: 'note interne de modération' },
  { collection: 'media', field: 'uploadedBy', target: 'A', visibleTo: [...STAFF_A, 'resident'], label: "compte qui a envoyé l'image" },
  { collection: 'media', field: 'uploaderName', target: 'A', visibleTo: STAFF_A, label: "nom du compte qui a envoyé l'image (lecture seule)" },
  // Secrets never leave the server, not even for the national administrator.
  { collection: 'users', field: 'hash', target: 'self', visibleTo: [], label: 'empreinte du mot de passe' },
  { collection: 'users', field: 'salt', target: 'self', visibleTo: [], label: 'sel du mot de passe' },
  { collection: 'users', field: '_verificationToken', target: 'self', visibleTo: [], label: 'jeton de vérification' },
  { collection: 'users', field: 'resetPasswordToken', target: 'self', visibleTo: [], label: 'jeton de réinitialisation' },
  { collection: 'users', field: 'loginAttempts', target: 'self', visibleTo: [], label: 'tentatives de connexion' },
  { collection: 'alerts', field: 'token', target: 'A', visibleTo: [], label: 'jeton de désinscription' },
  { collection: 'contact-requests', field: 'confirmationToken', target: 'A', visibleTo: [], label: 'jeton de confirmation' },
]

/**
 * Protected fields on write: `saved` (stored as sent), `ignored` (the request succeeds but
 * the field keeps its automatic value), `refused` (error on the field, nothing saved).
 * Each actor writes on a document it may otherwise create or edit (see `fieldWriteTarget`).
 */
export type WriteOutcome = 'saved' | 'ignored' | 'refused'

export type WriteFieldRule = {
  collection: CollectionSlugName
  field: string
  op: 'create' | 'update'
  label: string
  /** A second row on the same field (e.g. granting one particular role). */
  variant?: 'grant-superadmin'
  /** Outcome per actor; actors absent here cannot write such a document at all. */
  outcomes: Partial<Record<Actor, WriteOutcome>>
}

type Outcomes = Partial<Record<Actor, WriteOutcome>>

/** Staff who may write in their territory (the secrétaires in their communes). */
const WRITING_STAFF: readonly Actor[] = ['superadmin', 'admin', 'editor', 'adminB', 'editorB']

function outcomes(staff: WriteOutcome, others: WriteOutcome, public_: readonly Actor[]): Outcomes {
  return Object.fromEntries([...WRITING_STAFF.map((a) => [a, staff]), ...public_.map((a) => [a, others])])
}

/** Accounts of the public who create, then edit, entries of each collection. */
const PUBLIC_WRITERS: Record<'businesses' | 'associations' | 'services' | 'announcements', { create: Actor[]; update: Actor[] }> = {
  businesses: { create: ['owner', 'resident'], update: ['owner'] },
  associations: { create: ['owner', 'resident'], update: ['owner'] },
  services: { create: ['owner'], update: ['owner'] },
  announcements: { create: ['owner', 'resident'], update: ['resident'] },
}

function fieldRules(
  collection: keyof typeof PUBLIC_WRITERS,
  field: string,
  label: string,
  staff: WriteOutcome,
  others: WriteOutcome,
): WriteFieldRule[] {
  return (['create', 'update'] as const).map((op) => ({
    collection,
    field,
    op,
    label,
    outcomes: outcomes(staff, others, PUBLIC_WRITERS[collection][op]),
  }))
}

/** What only moderators decide, on every public entry. */
function moderationFieldRules(collection: keyof typeof PUBLIC_WRITERS): WriteFieldRule[] {
  return [
    ...fieldRules(collection, 'status', 'statut « publié »', 'saved', 'ignored'),
    ...fieldRules(collection, 'moderationNote', 'note interne de modération', 'saved', 'ignored'),
    ...fieldRules(collection, 'rejectionReason', 'motif de refus', 'saved', 'ignored'),
    ...fieldRules(collection, 'reviewState', 'état « à revoir »', 'saved', 'ignored'),
    ...fieldRules(collection, 'isExample', "marque « fiche d'exemple »", 'saved', 'ignored'),
    // The territory always follows the commune, whoever writes.
    ...fieldRules(collection, 'territory', 'territoire (toujours celui de la commune)', 'ignored', 'ignored'),
  ]
}

const ADMINS_SAVE: Outcomes = { superadmin: 'saved', admin: 'saved', adminB: 'saved' }
const SELF_ONLY_IGNORED: Outcomes = {
  resident: 'ignored',
  owner: 'ignored',
  viewer: 'ignored',
  editor: 'ignored',
  editorB: 'ignored',
  viewerB: 'ignored',
}

export const WRITE_FIELD_RULES: readonly WriteFieldRule[] = [
  ...moderationFieldRules('businesses'),
  ...fieldRules('businesses', 'owners', 'comptes propriétaires', 'saved', 'ignored'),
  ...moderationFieldRules('associations'),
  ...fieldRules('associations', 'owners', 'comptes propriétaires', 'saved', 'ignored'),
  ...moderationFieldRules('services'),
  // A service always has the owners of its provider, whoever writes.
  ...fieldRules('services', 'owners', 'comptes propriétaires (toujours ceux du prestataire)', 'ignored', 'ignored'),
  ...moderationFieldRules('announcements'),
  ...fieldRules('announcements', 'author', 'auteur', 'saved', 'ignored'),
  ...fieldRules('announcements', 'onBehalfOf', 'déposée par la mairie pour un habitant', 'saved', 'ignored'),
  ...fieldRules('announcements', 'expiryWarningSentAt', "date de l'avertissement d'expiration (écrite par le serveur seul)", 'ignored', 'ignored'),
  {
    collection: 'users',
    field: 'roles',
    op: 'create',
    label: 'rôles (à l’inscription, ou à la création par un administrateur)',
    outcomes: { anonymous: 'ignored', ...ADMINS_SAVE },
  },
  {
    collection: 'users',
    field: '_verified',
    op: 'create',
    label: 'adresse e-mail déclarée vérifiée',
    outcomes: { anonymous: 'ignored', ...ADMINS_SAVE },
  },
  {
    collection: 'users',
    field: 'roles',
    op: 'update',
    label: 'rôles (son propre compte ; un compte de son territoire pour un administrateur)',
    outcomes: { ...SELF_ONLY_IGNORED, ...ADMINS_SAVE },
  },
  {
    collection: 'users',
    field: 'roles',
    variant: 'grant-superadmin',
    op: 'update',
    label: 'donner le rôle d’administrateur national',
    outcomes: { ...SELF_ONLY_IGNORED, admin: 'refused', adminB: 'refused', superadmin: 'saved' },
  },
  {
    collection: 'users',
    field: 'communes',
    op: 'update',
    label: 'communes gérées',
    outcomes: { ...SELF_ONLY_IGNORED, ...ADMINS_SAVE },
  },
  {
    collection: 'users',
    field: 'territory',
    op: 'update',
    label: 'territoire du compte',
    outcomes: { ...SELF_ONLY_IGNORED, admin: 'ignored', adminB: 'ignored', superadmin: 'saved' },
  },
  { collection: 'territories', field: 'epciCode', op: 'update', label: 'code SIREN de l’EPCI', outcomes: { superadmin: 'saved', admin: 'ignored', adminB: 'ignored' } },
  { collection: 'territories', field: 'slug', op: 'update', label: 'identifiant court', outcomes: { superadmin: 'saved', admin: 'ignored', adminB: 'ignored' } },
  { collection: 'territories', field: 'hostnames', op: 'update', label: 'noms de domaine', outcomes: { superadmin: 'saved', admin: 'ignored', adminB: 'ignored' } },
  {
    collection: 'categories',
    field: 'territory',
    op: 'create',
    label: 'territoire (national ou autre territoire)',
    outcomes: { superadmin: 'saved', admin: 'ignored', editor: 'ignored', adminB: 'ignored', editorB: 'ignored' },
  },
  {
    collection: 'categories',
    field: 'territory',
    op: 'update',
    label: 'territoire (national ou autre territoire)',
    outcomes: { superadmin: 'saved', admin: 'ignored', editor: 'ignored', adminB: 'ignored', editorB: 'ignored' },
  },
  { collection: 'pages', field: 'territory', op: 'create', label: 'territoire de la page', outcomes: { superadmin: 'saved', admin: 'ignored', adminB: 'ignored' } },
  { collection: 'pages', field: 'territory', op: 'update', label: 'territoire de la page', outcomes: { superadmin: 'saved', admin: 'ignored', adminB: 'ignored' } },
  {
    collection: 'media',
    field: 'uploadedBy',
    op: 'update',
    label: "compte qui a envoyé l'image",
    // The uploader may no longer update an image at all (it could change a published entry's photo).
    outcomes: { superadmin: 'ignored', admin: 'ignored', editor: 'ignored', resident: 'refused', adminB: 'ignored', editorB: 'ignored' },
  },
]
