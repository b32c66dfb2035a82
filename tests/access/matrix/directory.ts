/**
 * The directory's rows of the access table: businesses, associations, services and
 * announcements, on the places the fixtures live in (territory A with its communes A1 and
 * A2, territory B with B1).
 */
import { type Actor, EVERYONE, type Rule, table } from './actors'

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

export const businesses = table({
  collection: 'businesses',
  title: 'Entreprises',
  targets: directoryTargets('appartenant au compte entreprise'),
  rules: profileRules('profile'),
})

export const associations = table({
  collection: 'associations',
  title: 'Associations',
  targets: directoryTargets('appartenant au compte entreprise ou association'),
  rules: profileRules('profile'),
})

export const services = table({
  collection: 'services',
  title: 'Services',
  targets: directoryTargets('proposé par une fiche du compte entreprise'),
  rules: profileRules('service'),
})

/** Announcements belong to their author (`resident` wrote the A1 ones), who may also delete them. */
export const announcements = table({
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
