import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryAdminAccess } from '@/access/isTerritoryAdmin'
import { isTerritoryModeratorAccess } from '@/access/isTerritoryModerator'
import { nobody } from '@/access/nobody'
import { isOwner } from '@/access/isOwner'
import { territoryField } from '@/fields/territory'
import { countContactRequest } from '@/stats/hooks'

import { SLUGS } from '../slugs'

/**
 * The contact relay: a message to a provider or an announcement's author, delivered by
 * e-mail with Reply-To set to the sender. Created only by the site's contact form (never
 * through the REST API), so that anti-spam checks always run.
 */
export const ContactRequests: CollectionConfig = {
  slug: SLUGS.contactRequests,
  labels: { singular: 'Demande de contact', plural: 'Demandes de contact' },
  admin: {
    useAsTitle: 'senderName',
    defaultColumns: ['senderName', 'target', 'status', 'createdAt'],
    listSearchableFields: ['senderName', 'senderEmail'],
    group: 'Annonces',
    description: 'Messages transmis par le formulaire de contact du site ; ceux retenus pour modération sont à l’état « Retenue ».',
  },
  defaultSort: '-createdAt',
  access: {
    read: anyOf(isSuperAdminAccess, isTerritoryModeratorAccess, isOwner('recipients')),
    create: nobody,
    update: anyOf(isSuperAdminAccess, isTerritoryModeratorAccess),
    delete: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
  },
  hooks: { afterChange: [countContactRequest] },
  fields: [
    {
      name: 'target',
      type: 'relationship',
      relationTo: ['businesses', 'associations', 'services', 'announcements'],
      label: 'Destinataire',
      required: true,
      index: true,
    },
    { name: 'senderName', type: 'text', label: 'Nom de l’expéditeur', required: true, maxLength: 100 },
    { name: 'senderEmail', type: 'email', label: 'E-mail de l’expéditeur', required: true },
    { name: 'message', type: 'textarea', label: 'Message', required: true, maxLength: 3000 },
    {
      name: 'status',
      type: 'select',
      label: 'État',
      required: true,
      defaultValue: 'awaiting-confirmation',
      index: true,
      options: [
        { value: 'awaiting-confirmation', label: 'En attente de confirmation de l’expéditeur' },
        { value: 'sent', label: 'Transmise' },
        { value: 'flagged', label: 'Retenue pour modération' },
        { value: 'rejected', label: 'Refusée' },
      ],
      admin: { position: 'sidebar' },
    },
    {
      name: 'recipients',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: 'Comptes destinataires',
      admin: { position: 'sidebar', readOnly: true },
    },
    { name: 'flagReason', type: 'text', label: 'Motif de la retenue', admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'confirmationToken',
      type: 'text',
      index: true,
      hidden: true,
    },
    territoryField,
  ],
}
