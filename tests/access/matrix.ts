/**
 * The access table: who may do what, on which document, for every collection and every
 * protected field. It is both the specification and the documentation:
 * `tests/access/*.access.spec.ts` runs every cell against the real REST API (and GraphQL
 * for anonymous reads) on SQLite and PostgreSQL, and `npm run docs:access` prints it as
 * docs/access.md. Whatever an actor is not listed for is refused.
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

function table<T extends string>(definition: CollectionTable<T>): CollectionTable<T> {
  return definition
}

/** The places the fixtures live in. */
export const PLACES = {
  A: 'Territoire A : CC de la Picardie Verte (démonstration)',
  A1: 'Commune A1 : Grandvilliers, gérée par la secrétaire de mairie',
  A2: 'Commune A2 : Formerie, même territoire, pas gérée par la secrétaire',
  B: 'Territoire B : CC des Portes de Sologne, avec ses propres administrateur, secrétaire et élu',
  B1: 'Commune B1 : La Ferté-Saint-Aubin, gérée par la secrétaire du territoire B',
} as const

export type DirectoryTarget = 'published-A1' | 'pending-A1' | 'pending-A2' | 'pending-B' | 'published-B'
export type CreatePlace = 'in-A1' | 'in-A2' | 'in-B1'

function directoryTargets(ownerLabel: string): Record<DirectoryTarget | CreatePlace, string> {
  return {
    'published-A1': `publiée, commune A1, ${ownerLabel}`,
    'pending-A1': `en attente de modération, commune A1, ${ownerLabel}`,
    'pending-A2': 'en attente, commune A2, appartenant à un autre compte',
    'pending-B': 'en attente, commune B1 (territoire B)',
    'published-B': 'publiée, commune B1 (territoire B)',
    'in-A1': 'nouvelle fiche dans la commune A1',
    'in-A2': 'nouvelle fiche dans la commune A2',
    'in-B1': 'nouvelle fiche dans la commune B1',
  }
}

const STAFF_A_READ: readonly Actor[] = ['superadmin', 'admin', 'viewer']
const STAFF_B_READ: readonly Actor[] = ['superadmin', 'adminB', 'viewerB', 'editorB']

/**
 * Businesses and associations (`owner` owns the A1 ones), and services (they inherit the
 * owners of their provider). Public entries start pending; moderators publish them.
 */
function profileRules(kind: 'profile' | 'service'): Array<Rule<DirectoryTarget | CreatePlace>> {
  return [
    { op: 'read', target: 'published-A1', allow: EVERYONE },
    { op: 'read', target: 'pending-A1', allow: [...STAFF_A_READ, 'editor', 'owner'] },
    { op: 'read', target: 'pending-A2', allow: STAFF_A_READ },
    { op: 'read', target: 'pending-B', allow: STAFF_B_READ },
    { op: 'read', target: 'published-B', allow: EVERYONE },
    { op: 'readVersions', target: 'published-A1', allow: ['superadmin', 'admin', 'editor'] },
    { op: 'readVersions', target: 'pending-A2', allow: ['superadmin', 'admin'] },
    { op: 'readVersions', target: 'pending-B', allow: ['superadmin', 'adminB', 'editorB'] },
    // A service must name a provider its author manages: the owner manages the A1 one only.
    {
      op: 'create',
      target: 'in-A1',
      allow: kind === 'profile' ? ['superadmin', 'admin', 'editor', 'owner', 'resident'] : ['superadmin', 'admin', 'editor', 'owner'],
    },
    { op: 'create', target: 'in-A2', allow: kind === 'profile' ? ['superadmin', 'admin', 'owner', 'resident'] : ['superadmin', 'admin'] },
    {
      op: 'create',
      target: 'in-B1',
      allow: kind === 'profile' ? ['superadmin', 'adminB', 'editorB', 'owner', 'resident'] : ['superadmin', 'adminB', 'editorB'],
    },
    { op: 'update', target: 'published-A1', allow: ['superadmin', 'admin', 'editor', 'owner'] },
    { op: 'update', target: 'pending-A1', allow: ['superadmin', 'admin', 'editor', 'owner'] },
    { op: 'update', target: 'pending-A2', allow: ['superadmin', 'admin'] },
    { op: 'update', target: 'pending-B', allow: ['superadmin', 'adminB', 'editorB'] },
    { op: 'update', target: 'published-B', allow: ['superadmin', 'adminB', 'editorB'] },
    { op: 'delete', target: 'published-A1', allow: ['superadmin', 'admin'] },
    { op: 'delete', target: 'pending-A1', allow: ['superadmin', 'admin'] },
    { op: 'delete', target: 'pending-A2', allow: ['superadmin', 'admin'] },
    { op: 'delete', target: 'pending-B', allow: ['superadmin', 'adminB'] },
    { op: 'delete', target: 'published-B', allow: ['superadmin', 'adminB'] },
  ]
}

const businesses = table({
  collection: 'businesses',
  title: 'Entreprises',
  targets: directoryTargets('appartenant au compte entreprise'),
  rules: profileRules('profile'),
})

const associations = table({
  collection: 'associations',
  title: 'Associations',
  targets: directoryTargets('appartenant au compte entreprise ou association'),
  rules: profileRules('profile'),
})

const services = table({
  collection: 'services',
  title: 'Services',
  targets: directoryTargets('proposé par une fiche du compte entreprise'),
  rules: profileRules('service'),
})

/** Announcements belong to their author (`resident` wrote the A1 ones), who may also delete them. */
const announcements = table({
  collection: 'announcements',
  title: 'Annonces (offres, demandes, informations municipales)',
  targets: directoryTargets("écrite par l'habitant"),
  rules: [
    { op: 'read', target: 'published-A1', allow: EVERYONE },
    { op: 'read', target: 'pending-A1', allow: [...STAFF_A_READ, 'editor', 'resident'] },
    { op: 'read', target: 'pending-A2', allow: STAFF_A_READ },
    { op: 'read', target: 'pending-B', allow: STAFF_B_READ },
    { op: 'read', target: 'published-B', allow: EVERYONE },
    { op: 'readVersions', target: 'published-A1', allow: ['superadmin', 'admin', 'editor'] },
    { op: 'readVersions', target: 'pending-A2', allow: ['superadmin', 'admin'] },
    { op: 'readVersions', target: 'pending-B', allow: ['superadmin', 'adminB', 'editorB'] },
    { op: 'create', target: 'in-A1', allow: ['superadmin', 'admin', 'editor', 'owner', 'resident'] },
    { op: 'create', target: 'in-A2', allow: ['superadmin', 'admin', 'owner', 'resident'] },
    { op: 'create', target: 'in-B1', allow: ['superadmin', 'adminB', 'editorB', 'owner', 'resident'] },
    { op: 'update', target: 'published-A1', allow: ['superadmin', 'admin', 'editor', 'resident'] },
    { op: 'update', target: 'pending-A1', allow: ['superadmin', 'admin', 'editor', 'resident'] },
    { op: 'update', target: 'pending-A2', allow: ['superadmin', 'admin'] },
    { op: 'update', target: 'pending-B', allow: ['superadmin', 'adminB', 'editorB'] },
    { op: 'update', target: 'published-B', allow: ['superadmin', 'adminB', 'editorB'] },
    { op: 'delete', target: 'published-A1', allow: ['superadmin', 'admin', 'resident'] },
    { op: 'delete', target: 'pending-A1', allow: ['superadmin', 'admin', 'resident'] },
    { op: 'delete', target: 'pending-A2', allow: ['superadmin', 'admin'] },
    { op: 'delete', target: 'pending-B', allow: ['superadmin', 'adminB'] },
    { op: 'delete', target: 'published-B', allow: ['superadmin', 'adminB'] },
  ],
})

export type TerritoryTarget = 'A' | 'B' | 'spare' | 'new'
const territories = table<TerritoryTarget>({
  collection: 'territories',
  title: 'Territoires (intercommunalités)',
  targets: {
    A: 'le territoire A',
    B: 'le territoire B',
    spare: 'un territoire sans équipe (créé pour le test)',
    new: 'un nouveau territoire',
  },
  rules: [
    { op: 'read', target: 'A', allow: EVERYONE },
    { op: 'read', target: 'B', allow: EVERYONE },
    { op: 'create', target: 'new', allow: ['superadmin'] },
    { op: 'update', target: 'A', allow: ['superadmin', 'admin'] },
    { op: 'update', target: 'B', allow: ['superadmin', 'adminB'] },
    { op: 'delete', target: 'spare', allow: ['superadmin'] },
  ],
})

export type CommuneTarget = 'A1' | 'B1' | 'spare-A' | 'spare-B' | 'in-A' | 'in-B'
const communes = table<CommuneTarget>({
  collection: 'communes',
  title: 'Communes',
  targets: {
    A1: 'la commune A1',
    B1: 'la commune B1',
    'spare-A': 'une commune du territoire A (créée pour le test)',
    'spare-B': 'une commune du territoire B (créée pour le test)',
    'in-A': 'nouvelle commune du territoire A',
    'in-B': 'nouvelle commune du territoire B',
  },
  rules: [
    { op: 'read', target: 'A1', allow: EVERYONE },
    { op: 'read', target: 'B1', allow: EVERYONE },
    { op: 'create', target: 'in-A', allow: ['superadmin'] },
    { op: 'create', target: 'in-B', allow: ['superadmin'] },
    { op: 'update', target: 'spare-A', allow: ['superadmin', 'admin'] },
    { op: 'update', target: 'spare-B', allow: ['superadmin', 'adminB'] },
    { op: 'delete', target: 'spare-A', allow: ['superadmin'] },
    { op: 'delete', target: 'spare-B', allow: ['superadmin'] },
  ],
})

export type CategoryTarget = 'national' | 'A' | 'B' | 'own'
const categories = table<CategoryTarget>({
  collection: 'categories',
  title: 'Catégories',
  targets: {
    national: 'une catégorie nationale (sans territoire)',
    A: 'une catégorie propre au territoire A',
    B: 'une catégorie propre au territoire B',
    own: 'nouvelle catégorie (rangée dans le territoire de son auteur, nationale pour l’administrateur national)',
  },
  rules: [
    { op: 'read', target: 'national', allow: EVERYONE },
    { op: 'read', target: 'A', allow: EVERYONE },
    { op: 'read', target: 'B', allow: EVERYONE },
    { op: 'create', target: 'own', allow: ['superadmin', 'admin', 'editor', 'adminB', 'editorB'] },
    { op: 'update', target: 'national', allow: ['superadmin'] },
    { op: 'update', target: 'A', allow: ['superadmin', 'admin', 'editor'] },
    { op: 'update', target: 'B', allow: ['superadmin', 'adminB', 'editorB'] },
    { op: 'delete', target: 'national', allow: ['superadmin'] },
    { op: 'delete', target: 'A', allow: ['superadmin', 'admin'] },
    { op: 'delete', target: 'B', allow: ['superadmin', 'adminB'] },
  ],
})

export type ServerOnlyTarget = 'A' | 'B' | 'new'
const serverOnlyTargets = (what: string): Record<ServerOnlyTarget, string> => ({
  A: `${what} du territoire A`,
  B: `${what} du territoire B`,
  new: `${what} envoyé(e) par l'API (les formulaires du site passent par le serveur)`,
})

/** The relay: written by the site's contact form only; the recipients (owners) read theirs. */
const contactRequests = table<ServerOnlyTarget>({
  collection: 'contact-requests',
  title: 'Demandes de contact (relais)',
  targets: { ...serverOnlyTargets('une demande de contact'), A: "une demande de contact adressée à l'entreprise du compte entreprise (territoire A)" },
  rules: [
    { op: 'read', target: 'A', allow: ['superadmin', 'admin', 'editor', 'owner'] },
    { op: 'read', target: 'B', allow: ['superadmin', 'adminB', 'editorB'] },
    { op: 'create', target: 'new', allow: [] },
    { op: 'update', target: 'A', allow: ['superadmin', 'admin', 'editor'] },
    { op: 'update', target: 'B', allow: ['superadmin', 'adminB', 'editorB'] },
    { op: 'delete', target: 'A', allow: ['superadmin', 'admin'] },
    { op: 'delete', target: 'B', allow: ['superadmin', 'adminB'] },
  ],
})

const reports = table<ServerOnlyTarget>({
  collection: 'reports',
  title: 'Signalements',
  targets: serverOnlyTargets('un signalement'),
  rules: [
    { op: 'read', target: 'A', allow: ['superadmin', 'admin', 'editor'] },
    { op: 'read', target: 'B', allow: ['superadmin', 'adminB', 'editorB'] },
    { op: 'create', target: 'new', allow: [] },
    { op: 'update', target: 'A', allow: ['superadmin', 'admin', 'editor'] },
    { op: 'update', target: 'B', allow: ['superadmin', 'adminB', 'editorB'] },
    { op: 'delete', target: 'A', allow: ['superadmin', 'admin'] },
    { op: 'delete', target: 'B', allow: ['superadmin', 'adminB'] },
  ],
})

const alerts = table<ServerOnlyTarget>({
  collection: 'alerts',
  title: 'Alertes e-mail',
  targets: serverOnlyTargets('une alerte e-mail'),
  rules: [
    { op: 'read', target: 'A', allow: ['superadmin', 'admin'] },
    { op: 'read', target: 'B', allow: ['superadmin', 'adminB'] },
    { op: 'create', target: 'new', allow: [] },
    { op: 'update', target: 'A', allow: ['superadmin', 'admin'] },
    { op: 'update', target: 'B', allow: ['superadmin', 'adminB'] },
    { op: 'delete', target: 'A', allow: ['superadmin', 'admin'] },
    { op: 'delete', target: 'B', allow: ['superadmin', 'adminB'] },
  ],
})

/** Written by hooks only; nobody edits or deletes history. */
const auditLog = table<ServerOnlyTarget>({
  collection: 'audit-log',
  title: 'Journal des actions',
  targets: serverOnlyTargets('une entrée du journal'),
  rules: [
    { op: 'read', target: 'A', allow: ['superadmin', 'admin'] },
    { op: 'read', target: 'B', allow: ['superadmin', 'adminB'] },
    { op: 'create', target: 'new', allow: [] },
    { op: 'update', target: 'A', allow: [] },
    { op: 'delete', target: 'A', allow: [] },
  ],
})

/** Aggregated counters (no personal data), written by the server; élus read their territory's. */
const usageStats = table<ServerOnlyTarget>({
  collection: 'usage-stats',
  title: 'Statistiques d’usage',
  targets: serverOnlyTargets('un compteur'),
  rules: [
    { op: 'read', target: 'A', allow: ['superadmin', 'admin', 'viewer'] },
    { op: 'read', target: 'B', allow: ['superadmin', 'adminB', 'viewerB'] },
    { op: 'create', target: 'new', allow: [] },
    { op: 'update', target: 'A', allow: [] },
    { op: 'delete', target: 'A', allow: ['superadmin'] },
  ],
})

/**
 * Spreadsheet imports, run by the server for administrators and secrétaires; a secrétaire reads
 * the ones she ran (A), not her colleagues' (B is run by the administrator of B).
 */
const importRuns = table<ServerOnlyTarget>({
  collection: 'import-runs',
  title: 'Imports de tableaux',
  targets: { ...serverOnlyTargets('un import'), A: 'un import du territoire A lancé par la secrétaire A1', B: "un import du territoire B lancé par l'administrateur B" },
  rules: [
    { op: 'read', target: 'A', allow: ['superadmin', 'admin', 'editor'] },
    { op: 'read', target: 'B', allow: ['superadmin', 'adminB'] },
    { op: 'create', target: 'new', allow: [] },
    { op: 'update', target: 'A', allow: [] },
    { op: 'delete', target: 'A', allow: ['superadmin', 'admin'] },
    { op: 'delete', target: 'B', allow: ['superadmin', 'adminB'] },
  ],
})

export type MediaTarget = 'A' | 'B' | 'own'
const media = table<MediaTarget>({
  collection: 'media',
  title: 'Images',
  targets: {
    A: "une image envoyée par l'habitant (territoire A)",
    B: "une image envoyée par l'administrateur du territoire B",
    own: 'nouvelle image',
  },
  rules: [
    { op: 'read', target: 'A', allow: EVERYONE },
    { op: 'read', target: 'B', allow: EVERYONE },
    { op: 'create', target: 'own', allow: ['superadmin', 'admin', 'editor', 'owner', 'resident', 'adminB', 'editorB'] },
    { op: 'update', target: 'A', allow: ['superadmin', 'admin', 'editor'] },
    { op: 'update', target: 'B', allow: ['superadmin', 'adminB', 'editorB'] },
    { op: 'delete', target: 'A', allow: ['superadmin', 'admin', 'editor', 'resident'] },
    { op: 'delete', target: 'B', allow: ['superadmin', 'adminB', 'editorB'] },
  ],
})

export type PageTarget = 'A' | 'B' | 'global' | 'own'
const pages = table<PageTarget>({
  collection: 'pages',
  title: 'Pages du site (mentions légales, accessibilité…)',
  targets: {
    A: 'une page du territoire A',
    B: 'une page du territoire B',
    global: 'une page commune à toute l’installation (sans territoire)',
    own: 'nouvelle page (rangée dans le territoire de son auteur)',
  },
  rules: [
    { op: 'read', target: 'A', allow: EVERYONE },
    { op: 'read', target: 'B', allow: EVERYONE },
    { op: 'read', target: 'global', allow: EVERYONE },
    { op: 'readVersions', target: 'A', allow: ['superadmin', 'admin'] },
    { op: 'readVersions', target: 'B', allow: ['superadmin', 'adminB'] },
    { op: 'create', target: 'own', allow: ['superadmin', 'admin', 'adminB'] },
    { op: 'update', target: 'A', allow: ['superadmin', 'admin'] },
    { op: 'update', target: 'B', allow: ['superadmin', 'adminB'] },
    { op: 'update', target: 'global', allow: ['superadmin'] },
    { op: 'delete', target: 'A', allow: ['superadmin', 'admin'] },
    { op: 'delete', target: 'B', allow: ['superadmin', 'adminB'] },
    { op: 'delete', target: 'global', allow: ['superadmin'] },
  ],
})

export type UserTarget = 'self' | 'resident-A' | 'user-B' | 'national' | 'sign-up'
const users = table<UserTarget>({
  collection: 'users',
  title: 'Comptes',
  targets: {
    self: 'son propre compte',
    'resident-A': 'le compte d’un autre habitant du territoire A',
    'user-B': 'un compte du territoire B',
    national: "le compte de l'administrateur national",
    'sign-up': 'nouveau compte (inscription, ou création par un administrateur)',
  },
  rules: [
    { op: 'read', target: 'self', allow: LOGGED_IN, notApplicable: ['anonymous'] },
    { op: 'read', target: 'resident-A', allow: ['superadmin', 'admin'] },
    { op: 'read', target: 'user-B', allow: ['superadmin', 'adminB'] },
    { op: 'read', target: 'national', allow: ['superadmin'] },
    { op: 'create', target: 'sign-up', allow: ['anonymous', 'superadmin', 'admin', 'adminB'] },
    { op: 'update', target: 'self', allow: LOGGED_IN, notApplicable: ['anonymous'] },
    { op: 'update', target: 'resident-A', allow: ['superadmin', 'admin'] },
    { op: 'update', target: 'user-B', allow: ['superadmin', 'adminB'] },
    { op: 'update', target: 'national', allow: ['superadmin'] },
    { op: 'delete', target: 'resident-A', allow: ['superadmin', 'admin'] },
    { op: 'delete', target: 'user-B', allow: ['superadmin', 'adminB'] },
    { op: 'unlock', target: 'resident-A', allow: ['superadmin', 'admin'] },
    { op: 'unlock', target: 'user-B', allow: ['superadmin', 'adminB'] },
  ],
})

export const COLLECTION_TABLES: readonly CollectionTable[] = [
  businesses,
  associations,
  services,
  announcements,
  categories,
  territories,
  communes,
  contactRequests,
  reports,
  alerts,
  auditLog,
  usageStats,
  importRuns,
  media,
  pages,
  users,
] as CollectionTable[]

// ---------------------------------------------------------------------------------------
// Protected fields
// ---------------------------------------------------------------------------------------

/**
 * Private fields: who sees them on a document everyone may read. Actors who cannot read the
 * document at all are covered by the table above. Every channel is tried: by id, list,
 * `depth`, `select`, `where` and, for anonymous visitors, GraphQL.
 */
export type ReadFieldRule = {
  collection: CollectionSlugName
  field: string
  /** A document of the collection table above, readable by the actors tested here. */
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
    { collection, field: 'moderationNote', target: 'published-A1', visibleTo: MODERATORS_A, label: 'note interne de modération' } as const,
  ]),
  { collection: 'services', field: 'owners', target: 'published-A1', visibleTo: [...STAFF_A, 'owner'], label: 'comptes propriétaires' },
  { collection: 'services', field: 'moderationNote', target: 'published-A1', visibleTo: MODERATORS_A, label: 'note interne de modération' },
  { collection: 'announcements', field: 'author', target: 'published-A1', visibleTo: [...STAFF_A, 'resident'], label: 'auteur' },
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
