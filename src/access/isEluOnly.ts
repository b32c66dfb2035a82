import { type AccessUser, hasRole } from './roles'

/** An élu with no other staff role: he reads and follows statistics, he changes nothing. */
export const isEluOnly = (user: AccessUser | null | undefined): boolean =>
  hasRole(user, 'viewer') && !hasRole(user, 'superadmin', 'admin', 'editor')

/**
 * `admin.hidden` of the collections an élu cannot use (reference lists, images, site pages,
 * accounts): out of his menu and his admin routes; the API answers as before.
 */
export const hiddenFromElus = ({ user }: { user: unknown }): boolean => isEluOnly(user as AccessUser | null)
