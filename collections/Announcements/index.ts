import type { CollectionConfig } from 'payload'

import { directoryAccess } from '@/access/directoryAccess'
import { staffListFilter } from '@/fields/staffScope'
import { moderatorField, staffOrOwnerField, staffReadField } from '@/access/fieldAccess'
import { isExampleField } from '@/fields/isExample'
import { notifyMatches } from '@/hooks/notifyMatches'
import { locationFields } from '@/fields/location'
import { priceTypeField } from '@/fields/priceType'
import { slugField } from '@/fields/slug'
import { moderationFields, statusField } from '@/fields/status'
import { territoryField } from '@/fields/territory'

import { directoryHooks } from '../directoryHooks'
import { SLUGS } from '../slugs'
import { checkNoticeAuthor, setExpiry } from './hooks'
import { bodyWithoutContactDetails, titleWithoutContactDetails } from './validate'

export const ANNOUNCEMENT_KINDS = ['offer', 'need', 'notice'] as const
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number]
export const ANNOUNCEMENT_KIND_LABELS: Record<AnnouncementKind, string> = {
  offer: 'Je propose mon aide',
  need: "J'ai besoin d'aide",
  notice: 'Information municipale',
}

const hooks = directoryHooks({ titleField: 'title', ownerField: 'author' })

/** Offers and needs posted by residents, and municipal notices posted by the mairie. */
export const Announcements: CollectionConfig = {
  slug: SLUGS.announcements,
  labels: { singular: 'Annonce', plural: 'Annonces' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'status', 'reviewState', 'commune', 'category', 'expiresAt'],
    listSearchableFields: ['title', 'body'],
    group: 'Annonces',
    description:
      'Offres et demandes d’aide des habitants, informations municipales. Les annonces en attente viennent en premier ; elles sont archivées automatiquement à leur date d’expiration.',
    components: { beforeListTable: ['/src/components/admin/StatusFilters#StatusFilters'] },
    // Opens on the staff member's territory (a secrétaire: her communes).
    baseFilter: staffListFilter,
  },
  // Pending first, then authors' edits to review, then published, refused, archived.
  defaultSort: 'moderationRank',
  access: directoryAccess('author', true),
  versions: { maxPerDoc: 20 },
  hooks: {
    ...hooks,
    beforeValidate: [checkNoticeAuthor, ...(hooks.beforeValidate ?? []), setExpiry],
    afterChange: [...(hooks.afterChange ?? []), notifyMatches],
  },
  fields: [
    {
      name: 'kind',
      type: 'radio',
      label: 'Type d’annonce',
      required: true,
      // « Publier une information municipale » on the dashboard opens the form with ?kind=notice.
      defaultValue: ({ req }: { req?: { searchParams?: URLSearchParams } }) => {
        const asked = req?.searchParams?.get('kind')
        return ANNOUNCEMENT_KINDS.find((k) => k === asked) ?? 'offer'
      },
      index: true,
      options: ANNOUNCEMENT_KINDS.map((value) => ({ value, label: ANNOUNCEMENT_KIND_LABELS[value] })),
    },
    { name: 'title', type: 'text', label: 'Titre', required: true, minLength: 5, maxLength: 120, validate: titleWithoutContactDetails },
    { name: 'body', type: 'textarea', label: 'Texte', required: true, minLength: 10, maxLength: 3000, validate: bodyWithoutContactDetails },
    { name: 'category', type: 'relationship', relationTo: 'categories', label: 'Catégorie', index: true },
    priceTypeField,
    ...locationFields,
    {
      name: 'expiresAt',
      type: 'date',
      label: 'Expire le',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
    },
    {
      name: 'expiryWarningSentAt',
      type: 'date',
      label: "Avertissement d'expiration envoyé le",
      admin: { position: 'sidebar', readOnly: true },
      access: { read: staffReadField, create: () => false, update: () => false },
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      label: 'Auteur',
      index: true,
      admin: { position: 'sidebar' },
      access: { read: staffOrOwnerField, create: moderatorField, update: moderatorField },
    },
    {
      name: 'onBehalfOf',
      type: 'group',
      label: 'Déposée par la mairie pour un habitant',
      admin: {
        description: 'Pour un habitant sans internet : les réponses arrivent à la mairie, qui les transmet.',
      },
      access: { read: staffReadField, create: moderatorField, update: moderatorField },
      fields: [
        {
          name: 'enabled',
          type: 'checkbox',
          label: 'Annonce déposée par la mairie pour un habitant',
          // « Déposer une annonce pour un habitant » on the dashboard opens the form with ?pourHabitant=1.
          defaultValue: ({ req }: { req?: { searchParams?: URLSearchParams } }) => req?.searchParams?.get('pourHabitant') === '1',
        },
        { name: 'residentName', type: 'text', label: 'Nom de l’habitant (jamais publié)' },
        { name: 'residentPhone', type: 'text', label: 'Téléphone de l’habitant (jamais publié)' },
      ],
    },
    slugField,
    statusField,
    ...moderationFields,
    territoryField,
    isExampleField,
  ],
}
