/**
 * The access table's rows for every other collection (territories, communes, categories,
 * what only the server writes, images, pages, accounts), and the list of every collection's
 * table in the order docs/access.md prints them.
 */
import { type CollectionTable, EVERYONE, LOGGED_IN, table } from './actors'
import { announcements, associations, businesses, services } from './directory'

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

export type MediaTarget = 'A' | 'B' | 'own' | 'shown-A' | 'notice-A'
/**
 * Images and documents: the public reads only those a public document shows now (finding M2);
 * the others, the staff of their territory and the account that sent them.
 */
const media = table<MediaTarget>({
  collection: 'media',
  title: 'Images et documents',
  targets: {
    A: "une image envoyée par l'habitant, montrée par aucun document public (territoire A)",
    B: "une image envoyée par l'administrateur du territoire B, montrée par aucun document public",
    'shown-A': 'une photo d’une fiche publiée de la commune A1, envoyée par la secrétaire A1',
    'notice-A': 'le fichier d’une information municipale de A1 dont le premier jour n’est pas venu, envoyé par la secrétaire A1',
    own: 'nouvelle image',
  },
  rules: [
    { op: 'read', target: 'A', allow: ['superadmin', 'admin', 'editor', 'viewer', 'resident'] },
    { op: 'read', target: 'B', allow: ['superadmin', 'adminB', 'editorB', 'viewerB'] },
    { op: 'read', target: 'shown-A', allow: EVERYONE },
    { op: 'read', target: 'notice-A', allow: ['superadmin', 'admin', 'editor', 'viewer'] },
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
