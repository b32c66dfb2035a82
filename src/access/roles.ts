/**
 * The one role vocabulary, reused by access predicates, the admin UI and the tests.
 * `superadmin` is the national administrator of an instance (creates territories);
 * every other staff role is scoped to the user's territory.
 */
export const ROLES = ['superadmin', 'admin', 'editor', 'viewer', 'owner', 'resident'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  superadmin: 'Administrateur national',
  admin: 'Administrateur du territoire (intercommunalité)',
  editor: 'Secrétaire de mairie (éditeur)',
  viewer: 'Élu (lecture et statistiques)',
  owner: 'Entreprise ou association',
  resident: 'Habitant',
}

/** Roles that work in the admin panel. */
export const STAFF_ROLES: readonly Role[] = ['superadmin', 'admin', 'editor', 'viewer']

/** The minimal shape of an authenticated user the predicates need. */
export type AccessUser = {
  id: number | string
  roles?: Role[] | null
  territory?: number | string | { id: number | string } | null
  communes?: Array<number | string | { id: number | string }> | null
  collection?: string
}

export function hasRole(user: AccessUser | null | undefined, ...roles: Role[]): boolean {
  return Boolean(user?.roles?.some((role) => roles.includes(role)))
}

export function idOf(value: number | string | { id: number | string } | null | undefined) {
  if (value === null || value === undefined) return undefined
  return typeof value === 'object' ? value.id : value
}

export function territoryOf(user: AccessUser | null | undefined) {
  return idOf(user?.territory ?? undefined)
}

export function communesOf(user: AccessUser | null | undefined): Array<number | string> {
  return (user?.communes ?? []).map((c) => idOf(c)).filter((c): c is number | string => c !== undefined)
}
