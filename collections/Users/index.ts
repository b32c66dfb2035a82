import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { anyone } from '@/access/anyone'
import { territoryAdminField } from '@/access/fieldAccess'
import { isSelf } from '@/access/isSelf'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryAdminAccess } from '@/access/isTerritoryAdmin'
import { ROLE_LABELS, ROLES, STAFF_ROLES, type AccessUser, hasRole } from '@/access/roles'
import { assignTerritory } from '@/hooks/assignTerritory'

import { SLUGS } from '../slugs'
import { guardRoleChanges } from './hooks'

export const Users: CollectionConfig = {
  slug: SLUGS.users,
  labels: { singular: 'Utilisateur', plural: 'Utilisateurs' },
  auth: {
    verify: true,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 60 * 60 * 8,
    cookies: { sameSite: 'Lax', secure: process.env.NODE_ENV === 'production' && process.env.INSECURE_COOKIES !== '1' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'communes'],
    group: 'Territoire',
  },
  access: {
    // The admin panel is for staff; owners and residents use « Mon espace » on the site.
    admin: ({ req: { user } }) => hasRole(user as AccessUser | null, ...STAFF_ROLES),
    read: anyOf(isSuperAdminAccess, isTerritoryAdminAccess, isSelf),
    create: anyone,
    update: anyOf(isSuperAdminAccess, isTerritoryAdminAccess, isSelf),
    delete: anyOf(isSuperAdminAccess, isTerritoryAdminAccess, isSelf),
  },
  hooks: { beforeValidate: [assignTerritory, guardRoleChanges] },
  fields: [
    { name: 'name', type: 'text', label: 'Nom', required: true, maxLength: 100 },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      label: 'Rôles',
      required: true,
      defaultValue: ['resident'],
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      access: { create: territoryAdminField, update: territoryAdminField },
      saveToJWT: true,
    },
    {
      name: 'communes',
      type: 'relationship',
      relationTo: 'communes',
      hasMany: true,
      label: 'Communes gérées',
      admin: {
        description: 'Pour une secrétaire de mairie : les communes dont elle modère les fiches.',
        condition: (data) => Array.isArray(data?.roles) && data.roles.includes('editor'),
      },
      access: { create: territoryAdminField, update: territoryAdminField },
      saveToJWT: true,
    },
    {
      name: 'territory',
      type: 'relationship',
      relationTo: 'territories',
      label: 'Territoire',
      index: true,
      saveToJWT: true,
      access: { update: territoryAdminField },
      admin: { position: 'sidebar' },
    },
    { name: 'phone', type: 'text', label: 'Téléphone (jamais publié)' },
  ],
}
