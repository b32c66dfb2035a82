import type { Field } from 'payload'

import { moderationStateField, moderatorField, moderatorReadField } from '@/access/fieldAccess'
import { type AccessUser, hasRole } from '@/access/roles'
import { pendingChangesField } from '@/moderation/pendingChanges'
import { moderationRankField } from '@/moderation/rank'

import { hiddenFromDiff } from './hiddenFromDiff'

export const STATUSES = ['pending', 'published', 'rejected', 'archived'] as const
export type Status = (typeof STATUSES)[number]

export const STATUS_LABELS: Record<Status, string> = {
  pending: 'En attente de modération',
  published: 'Publié',
  rejected: 'Refusé',
  archived: 'Archivé',
}

/** The same states said of « une annonce », « une fiche » (what « Mon espace » lists). */
export const FEMININE_STATUS_LABELS: Record<Status, string> = {
  pending: 'En attente de modération',
  published: 'Publiée',
  rejected: 'Refusée',
  archived: 'Archivée',
}

/**
 * Moderation status. Only moderators set it: whatever the public sends is ignored and an
 * entry created by the public starts `pending`; one created by staff starts `published`.
 */
export const statusField: Field = {
  name: 'status',
  type: 'select',
  label: 'Statut',
  required: true,
  index: true,
  options: STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
  defaultValue: ({ user }) =>
    hasRole(user as AccessUser | null, 'superadmin', 'admin', 'editor') ? 'published' : 'pending',
  access: { create: moderatorField, update: moderatorField },
  admin: { position: 'sidebar' },
}

/** Moderation details kept beside the status: why it was refused, whether it changed since. */
export const moderationFields: Field[] = [
  {
    name: 'rejectionReason',
    type: 'textarea',
    label: 'Motif du refus',
    admin: {
      position: 'sidebar',
      condition: (data) => data?.status === 'rejected',
      description: "Envoyé à l’auteur avec la décision.",
    },
    access: { read: moderationStateField, create: moderatorField, update: moderatorField },
  },
  hiddenFromDiff({
    name: 'reviewState',
    type: 'select',
    label: 'À revoir',
    index: true,
    options: [
      { value: 'ok', label: 'Aucune modification en attente' },
      { value: 'modified', label: 'Modifié par son propriétaire' },
    ],
    defaultValue: 'ok',
    admin: {
      position: 'sidebar',
      description:
        'Passe à « Modifié » quand le propriétaire change une fiche publiée : ses modifications attendent votre accord (file de modération) et la version approuvée reste en ligne.',
    },
    access: { read: moderationStateField, create: moderatorField, update: moderatorField },
  }),
  {
    name: 'moderationNote',
    type: 'textarea',
    label: 'Note interne de modération',
    admin: { position: 'sidebar', description: 'Visible uniquement par l’équipe.' },
    access: { read: moderatorReadField, create: moderatorField, update: moderatorField },
  },
  // Internal: the owner's raw proposal (shown field by field in the queue) and the list's sort key.
  hiddenFromDiff(pendingChangesField),
  hiddenFromDiff(moderationRankField),
]
