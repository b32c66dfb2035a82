import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryAdminAccess } from '@/access/isTerritoryAdmin'
import { isTerritoryModeratorAccess } from '@/access/isTerritoryModerator'
import { nobody } from '@/access/nobody'
import { isOwner } from '@/access/isOwner'
import { territoryField } from '@/fields/territory'
import { guardRelationsTerritoryOnUpdate } from '@/hooks/guardRelationsTerritory'
import { countContactRequest } from '@/stats/hooks'

import { SLUGS } from '../slugs'
import { senderEmailUnlessEntrySide } from './validate'

/**
 * The contact relay: a message to a provider or an announcement's author, delivered by
 * e-mail from a no-reply address with a signed « Répondre » link; replies go through the
 * site too (`thread`, `fromSide`), so that nobody's address is revealed. Created only by the
 * site's forms (never through the REST API), so that anti-spam checks always run.
 */
export const ContactRequests: CollectionConfig = {
  slug: SLUGS.contactRequests,
  labels: { singular: 'Demande de contact', plural: 'Demandes de contact' },
  admin: {
    useAsTitle: 'senderName',
    defaultColumns: ['senderName', 'target', 'status', 'createdAt'],
    listSearchableFields: ['senderName', 'senderEmail'],
    group: 'Vie locale',
    description: 'Messages transmis par le formulaire de contact du site ; ceux retenus pour modération sont à l’état « Retenue ».',
  },
  defaultSort: '-createdAt',
  access: {
    read: anyOf(isSuperAdminAccess, isTerritoryModeratorAccess, isOwner('recipients')),
    create: nobody,
    update: anyOf(isSuperAdminAccess, isTerritoryModeratorAccess),
    delete: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
  },
  hooks: { beforeValidate: [guardRelationsTerritoryOnUpdate], afterChange: [countContactRequest] },
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
    {
      name: 'senderEmail',
      type: 'email',
      label: 'E-mail de l’expéditeur',
      // A reply written from the entry's side has none: it goes out from the site's no-reply address.
      validate: senderEmailUnlessEntrySide,
      admin: { condition: (_data, sibling) => sibling?.fromSide !== 'entry' },
    },
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
      name: 'thread',
      type: 'relationship',
      relationTo: 'contact-requests',
      label: 'Réponse dans la conversation de',
      index: true,
      admin: { position: 'sidebar', readOnly: true, description: 'Le premier message de la conversation, pour une réponse envoyée par le lien « Répondre ».' },
    },
    {
      name: 'fromSide',
      type: 'select',
      label: 'Écrit par',
      defaultValue: 'visitor',
      options: [
        { value: 'visitor', label: 'La personne qui a écrit à la fiche ou à l’annonce' },
        { value: 'entry', label: 'La fiche ou l’annonce (réponse)' },
      ],
      admin: { position: 'sidebar', readOnly: true },
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
