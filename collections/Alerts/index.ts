import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryAdminAccess } from '@/access/isTerritoryAdmin'
import { nobody } from '@/access/nobody'
import { territoryField } from '@/fields/territory'

import { SLUGS } from '../slugs'

/** E-mail alerts on a saved search: double opt-in, daily digest, one-click unsubscribe. */
export const Alerts: CollectionConfig = {
  slug: SLUGS.alerts,
  labels: { singular: 'Alerte e-mail', plural: 'Alertes e-mail' },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'confirmed', 'lastSentAt', 'createdAt'],
    listSearchableFields: ['email'],
    group: 'Vie locale',
    description: 'Recherches suivies par e-mail par les habitants (inscription confirmée par e-mail, désinscription en un clic).',
  },
  access: {
    read: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
    create: nobody,
    update: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
    delete: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
  },
  fields: [
    { name: 'email', type: 'email', label: 'E-mail', required: true, index: true },
    {
      name: 'query',
      type: 'group',
      label: 'Recherche suivie',
      fields: [
        { name: 'words', type: 'text', label: 'Mots' },
        { name: 'categories', type: 'relationship', relationTo: 'categories', hasMany: true, label: 'Catégories' },
        { name: 'commune', type: 'relationship', relationTo: 'communes', label: 'Autour de la commune' },
        { name: 'radiusKm', type: 'number', label: 'Rayon (km)', min: 1, max: 100 },
        { name: 'kinds', type: 'text', hasMany: true, label: 'Types' },
      ],
    },
    { name: 'confirmed', type: 'checkbox', label: 'Confirmée', defaultValue: false, index: true },
    { name: 'token', type: 'text', index: true, hidden: true },
    { name: 'lastSentAt', type: 'date', label: 'Dernier envoi', admin: { readOnly: true } },
    territoryField,
  ],
}
