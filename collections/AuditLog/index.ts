import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryAdminAccess } from '@/access/isTerritoryAdmin'
import { nobody } from '@/access/nobody'

import { SLUGS } from '../slugs'

/** Who approved, rejected, edited or deleted what and when. Written by hooks only. */
export const AuditLog: CollectionConfig = {
  slug: SLUGS.auditLog,
  labels: { singular: 'Entrée du journal', plural: 'Journal des actions' },
  admin: {
    useAsTitle: 'documentTitle',
    defaultColumns: ['createdAt', 'user', 'action', 'collectionSlug', 'documentTitle'],
    group: 'Modération',
    description: 'Qui a approuvé, refusé, modifié ou supprimé quoi, et quand.',
  },
  defaultSort: '-createdAt',
  access: {
    read: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    {
      name: 'action',
      type: 'select',
      label: 'Action',
      required: true,
      index: true,
      options: [
        { value: 'create', label: 'Création' },
        { value: 'update', label: 'Modification' },
        { value: 'approve', label: 'Approbation' },
        { value: 'reject', label: 'Refus' },
        { value: 'archive', label: 'Archivage' },
        { value: 'delete', label: 'Suppression' },
      ],
    },
    { name: 'collectionSlug', type: 'text', label: 'Collection', index: true },
    { name: 'documentId', type: 'text', label: 'Identifiant', index: true },
    { name: 'documentTitle', type: 'text', label: 'Élément' },
    { name: 'user', type: 'relationship', relationTo: 'users', label: 'Par' },
    { name: 'territory', type: 'relationship', relationTo: 'territories', label: 'Territoire', index: true },
  ],
}
