import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { superAdminField, territoryAdminField } from '@/access/fieldAccess'
import { isAnonymous } from '@/access/isAnonymous'
import { hiddenFromElus } from '@/access/isEluOnly'
import { isSelf } from '@/access/isSelf'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryAdminAccess } from '@/access/isTerritoryAdmin'
import { ROLE_LABELS, ROLES, STAFF_ROLES, type AccessUser, hasRole } from '@/access/roles'
import { forgotPasswordConfig, verifyEmailConfig } from '@collections/Users/authEmails'
import { assignTerritory } from '@/hooks/assignTerritory'

import { SLUGS } from '../slugs'
import { enforcePasswordPolicy, guardCommunesTerritory, guardRoleChanges, keepOwnVerification, requireTextEmail, stampEmailSetAt } from './hooks'
import { currentPasswordField, requireCurrentPassword } from './currentPassword'
import { forgetPendingChangesAfterReset, forgetPendingEmailOnNewPassword, holdOwnEmailChange, noteNewPassword, ownEmailNotice, pendingEmailFields, sendEmailChangeLinks } from './emailChange'
import { forgotPasswordAlike, hashAlikeOnLogin, hideCreatedAccount, sameAnswerErrors, signUpAlike } from './sameAnswer'

export const Users: CollectionConfig = {
  slug: SLUGS.users,
  labels: { singular: 'Utilisateur', plural: 'Utilisateurs' },
  auth: {
    verify: verifyEmailConfig,
    forgotPassword: forgotPasswordConfig,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 60 * 60 * 8,
    // Each login is a session stored on the account: a password change (REST, admin, reset link)
    // ends every other session of that account (tested in tests/int/territoryScopeSuite.ts).
    useSessions: true,
    cookies: { sameSite: 'Lax', secure: process.env.NODE_ENV === 'production' && process.env.INSECURE_COOKIES !== '1' },
  },
  admin: {
    hidden: hiddenFromElus,
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'communes', 'createdAt'],
    listSearchableFields: ['name', 'email'],
    group: 'Territoire',
    description: 'Comptes de l’équipe (intercommunalité, mairies, élus) et des habitants, entreprises et associations.',
  },
  access: {
    // The admin panel is for staff; owners and residents use « Mon espace » on the site.
    admin: ({ req: { user } }) => hasRole(user as AccessUser | null, ...STAFF_ROLES),
    read: anyOf(isSuperAdminAccess, isTerritoryAdminAccess, isSelf),
    // Sign-up, or an administrator creating an account (a logged-in resident cannot mint verified accounts).
    create: anyOf(isAnonymous, isSuperAdminAccess, isTerritoryAdminAccess),
    update: anyOf(isSuperAdminAccess, isTerritoryAdminAccess, isSelf),
    delete: anyOf(isSuperAdminAccess, isTerritoryAdminAccess, isSelf),
    // Payload lets any account unlock any other after too many failed logins: administrators only.
    unlock: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
  },
  hooks: {
    beforeOperation: [enforcePasswordPolicy, hashAlikeOnLogin, signUpAlike, noteNewPassword],
    beforeValidate: [requireTextEmail, assignTerritory, guardRoleChanges, guardCommunesTerritory],
    beforeChange: [keepOwnVerification, requireCurrentPassword, forgetPendingEmailOnNewPassword, holdOwnEmailChange],
    afterChange: [sendEmailChangeLinks],
    afterOperation: [hideCreatedAccount, forgetPendingChangesAfterReset],
    afterError: [sameAnswerErrors],
  },
  // In place of Payload's: the same immediate answer for every address.
  endpoints: [forgotPasswordAlike],
  fields: [
    currentPasswordField,
    ownEmailNotice,
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
      // Moving an account to another territory is national (it would hand that territory a new staff member).
      access: { update: superAdminField },
      admin: { position: 'sidebar' },
    },
    { name: 'phone', type: 'text', label: 'Téléphone (jamais publié)' },
    {
      // When the current address was set: the demo's captured mail sent before it belongs to
      // whoever had that address then (see capturedEmailsFor), never to this account.
      name: 'emailSetAt',
      type: 'date',
      label: 'Adresse e-mail enregistrée le',
      access: { read: territoryAdminField, create: () => false, update: () => false },
      admin: { hidden: true },
      hooks: { beforeChange: [stampEmailSetAt] },
    },
    ...pendingEmailFields,
  ],
}
