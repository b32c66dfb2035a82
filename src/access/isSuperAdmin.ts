import type { Access } from 'payload'

import { type AccessUser, hasRole } from './roles'

export const isSuperAdmin = (user: AccessUser | null | undefined): boolean => hasRole(user, 'superadmin')

export const isSuperAdminAccess: Access = ({ req: { user } }) => isSuperAdmin(user as AccessUser | null)
