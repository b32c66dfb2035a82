import type { CollectionConfig } from 'payload'

import { anyOf } from '@/access/anyOf'
import { isSuperAdminAccess } from '@/access/isSuperAdmin'
import { isTerritoryAdminAccess } from '@/access/isTerritoryAdmin'
import { isTerritoryModeratorAccess } from '@/access/isTerritoryModerator'
import { nobody } from '@/access/nobody'
import { territoryField } from '@/fields/territory'
import { guardRelationsTerritoryOnUpdate } from '@/hooks/guardRelationsTerritory'

import { SLUGS } from '../slugs'

export const REPORT_REASONS = [
  { value: 'wrong-information', label: 'Informations erronées ou périmées' },
  { value: 'closed', label: 'Activité fermée' },
  { value: 'inappropriate', label: 'Contenu inapproprié ou offensant' },
  { value: 'spam', label: 'Publicité abusive ou arnaque' },
  { value: 'other', label: 'Autre raison' },
] as const

/** « Signaler » on a public item: goes to the moderation queue of its territory. */
export const Reports: CollectionConfig = {
  slug: SLUGS.reports,
  labels: { singular: 'Signalement', plural: 'Signalements' },
  admin: {
    useAsTitle: 'reason',
    defaultColumns: ['target', 'reason', 'status', 'message', 'createdAt'],
    group: 'Modération',
    description: 'Signalements envoyés depuis le site, les plus récents en premier. Traitez-les depuis la « File de modération ».',
    components: { beforeListTable: ['/src/components/admin/StatusFilters#StatusFilters'] },
  },
  defaultSort: '-createdAt',
  access: {
    read: anyOf(isSuperAdminAccess, isTerritoryModeratorAccess),
    create: nobody,
    update: anyOf(isSuperAdminAccess, isTerritoryModeratorAccess),
    delete: anyOf(isSuperAdminAccess, isTerritoryAdminAccess),
  },
  hooks: { beforeValidate: [guardRelationsTerritoryOnUpdate] },
  fields: [
    {
      name: 'target',
      type: 'relationship',
      relationTo: ['businesses', 'associations', 'services', 'announcements'],
      label: 'Élément signalé',
      required: true,
      index: true,
    },
    { name: 'reason', type: 'select', label: 'Motif', required: true, options: [...REPORT_REASONS] },
    { name: 'message', type: 'textarea', label: 'Précisions', maxLength: 2000 },
    { name: 'reporterEmail', type: 'email', label: 'E-mail de la personne qui signale (facultatif)' },
    {
      name: 'status',
      type: 'select',
      label: 'État',
      required: true,
      defaultValue: 'open',
      index: true,
      options: [
        { value: 'open', label: 'À traiter' },
        { value: 'resolved', label: 'Traité' },
        { value: 'dismissed', label: 'Sans suite' },
      ],
      admin: { position: 'sidebar' },
    },
    territoryField,
  ],
}
