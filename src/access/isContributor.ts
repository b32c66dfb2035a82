import type { Access } from 'payload'

import { type AccessUser, hasRole } from './roles'

/** Anyone logged in who may add content: everyone but read-only élus. */
export const isContributor = (user: AccessUser | null | undefined): boolean =>
  hasRole(user, 'superadmin', 'admin', 'editor', 'owner', 'resident')

export const isContributorAccess: Access = ({ req: { user } }) => isContributor(user as AccessUser | null)
