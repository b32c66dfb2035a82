import type { CollectionConfig, Field } from 'payload'

import { directoryAccess } from '@/access/directoryAccess'
import { isPublishedAnd } from '@/access/isPublished'
import { ownTerritoryCategoriesOptions, staffListFilter } from '@/fields/staffScope'
import { shownToTerritoryAdmins } from '@/fields/territoryAdminsOnly'
import { moderatorField, staffOrOwnerField, staffReadField, staffReadOrNewDocField } from '@/access/fieldAccess'
import { accountNamesField, relationshipForAdmins } from '@/fields/accountNames'
import { hiddenFromDiff } from '@/fields/hiddenFromDiff'
import { isExampleField } from '@/fields/isExample'
import { notifyMatches } from '@/hooks/notifyMatches'
import { locationFields } from '@/fields/location'
import { priceTypeField } from '@/fields/priceType'
import { slugField } from '@/fields/slug'
import { moderationFields, statusField } from '@/fields/status'
import { territoryField } from '@/fields/territory'

import { directoryHooks } from '../directoryHooks'
import { SLUGS } from '../slugs'
import { shownWhere } from './current'
import { checkNoticeAuthor, checkResidentName, expiresAfterDisplayFrom, setExpiry } from './hooks'
import { bodyWithoutContactDetails, titleWithoutContactDetails } from './validate'

export const ANNOUNCEMENT_KINDS = ['offer', 'need', 'notice'] as const
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number]
export const ANNOUNCEMENT_KIND_LABELS: Record<AnnouncementKind, string> = {
  offer: 'Je propose mon aide',
  need: "J’ai besoin d’aide",
  notice: 'Information municipale',
}

const hooks = directoryHooks({ titleField: 'title', ownerField: 'author' })

type KindData = { kind?: AnnouncementKind | null } | undefined
/** Shown on offers and needs only: a municipal notice has no tarif, category or address. */
const exceptNotice = (data: KindData) => data?.kind !== 'notice'
const onlyNotice = (data: KindData) => data?.kind === 'notice'

/**
 * Hidden on a notice's form: the mairie writes it herself (no owner's changes to review) and
 * it is never a demo example. Any condition of the field still applies to offers and needs.
 */
function exceptOnNotice(field: Field): Field {
  if (!('name' in field)) return field
  const own = field.admin?.condition
  const condition: typeof own = (data, siblingData, context) => exceptNotice(data) && (own ? own(data, siblingData, context) : true)
  return { ...field, admin: { ...field.admin, condition } } as Field
}
const NOT_FOR_NOTICES = new Set(['reviewState', 'isExample'])

/** The commune stays (it decides who moderates); street, postcode and coordinates are for offers and needs. */
const announcementLocationFields: Field[] = locationFields.map((field) =>
  field.type === 'row'
    ? {
        ...field,
        // Kept with the row's own condition (coordinates: administrators only).
        admin: { ...field.admin, condition: (data, sibling, ctx) => exceptNotice(data as KindData) && (field.admin?.condition?.(data, sibling, ctx) ?? true) },
      }
    : field,
)

/** Offers and needs posted by residents, and municipal notices posted by the mairie. */
export const Announcements: CollectionConfig = {
  slug: SLUGS.announcements,
  // « Vie locale › Annonces et informations »: one group, not « Annonces » inside « Annonces ».
  labels: { singular: 'Annonce', plural: 'Annonces et informations' },
  admin: {
    useAsTitle: 'title',
    // Seven columns fit a 1366 px screen with the menu open; the category is on the document.
    defaultColumns: ['title', 'kind', 'status', 'reviewState', 'commune', 'displayFrom', 'expiresAt'],
    listSearchableFields: ['title', 'body'],
    group: 'Vie locale',
    description:
      'Offres et demandes d’aide des habitants, informations municipales. Les annonces en attente viennent en premier ; elles sont archivées automatiquement à leur date d’expiration.',
    components: { beforeListTable: ['/src/components/admin/StatusFilters#StatusFilters'] },
    // Opens on the staff member's territory (a secrétaire: her communes).
    baseFilter: staffListFilter,
  },
  // Pending first, then authors' edits to review, then published, refused, archived.
  defaultSort: 'moderationRank',
  // A notice is public from its « Afficher à partir du » day (page, API, GraphQL).
  access: directoryAccess('author', true, isPublishedAnd(shownWhere)),
  versions: { maxPerDoc: 20 },
  hooks: {
    ...hooks,
    beforeValidate: [checkNoticeAuthor, checkResidentName, ...(hooks.beforeValidate ?? []), setExpiry],
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
    {
      name: 'category',
      type: 'relationship',
      relationTo: 'categories',
      label: 'Catégorie',
      index: true,
      filterOptions: ownTerritoryCategoriesOptions,
      admin: { condition: exceptNotice },
    },
    { ...priceTypeField, admin: { ...priceTypeField.admin, condition: exceptNotice } },
    ...announcementLocationFields,
    {
      name: 'attachment',
      type: 'upload',
      relationTo: 'media',
      label: 'Photo ou document PDF (facultatif)',
      // Notices are the mairie's: a resident's offer cannot carry a file or a start day.
      access: { create: moderatorField, update: moderatorField },
      admin: {
        condition: onlyNotice,
        description: 'Une affiche, un arrêté, un compte rendu… Il est proposé au téléchargement sous l’information.',
      },
    },
    {
      name: 'displayFrom',
      type: 'date',
      label: 'Afficher à partir du',
      index: true,
      access: { create: moderatorField, update: moderatorField },
      admin: {
        position: 'sidebar',
        condition: onlyNotice,
        description: 'Vide : dès l’enregistrement.',
        date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' },
      },
    },
    {
      name: 'expiresAt',
      type: 'date',
      label: 'Expire le',
      index: true,
      validate: expiresAfterDisplayFrom,
      admin: {
        position: 'sidebar',
        description: 'Jour où l’annonce ou l’information quitte le site (et l’annuaire papier). Vide : dans 60 jours.',
        date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' },
      },
    },
    hiddenFromDiff({
      name: 'expiryWarningSentAt',
      type: 'date',
      label: "Avertissement d’expiration envoyé le",
      admin: { position: 'sidebar', readOnly: true, condition: shownToTerritoryAdmins },
      access: { read: staffReadField, create: () => false, update: () => false },
    }),
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      label: 'Compte qui a déposé l’annonce',
      index: true,
      admin: {
        position: 'sidebar',
        // A secrétaire or an élu cannot read accounts: they get the name below instead.
        condition: relationshipForAdmins,
        description: 'Rempli à l’enregistrement avec votre compte. Pour un habitant sans internet, c’est la mairie qui reçoit les réponses.',
      },
      access: { read: staffOrOwnerField, create: moderatorField, update: moderatorField },
    },
    accountNamesField({
      name: 'authorName',
      from: 'author',
      label: 'Compte qui a déposé l’annonce',
      description: 'Pour un habitant sans internet, c’est la mairie qui reçoit les réponses.',
    }),
    {
      name: 'onBehalfOf',
      type: 'group',
      label: 'Pour un habitant sans internet',
      admin: {
        condition: exceptNotice,
        description:
          'Le site affiche « Déposée par la mairie pour un habitant » ; les réponses arrivent à la mairie, avec le nom et le téléphone ci-dessous pour le rappeler. Ni le nom ni le téléphone ne sont publiés.',
      },
      // Shown on the create form too (to the secrétaire), never usable in a filter by others.
      access: { read: staffReadOrNewDocField, create: moderatorField, update: moderatorField },
      fields: [
        {
          name: 'enabled',
          type: 'checkbox',
          label: 'Je dépose cette annonce pour un habitant sans internet',
          // « Déposer une annonce pour un habitant » on the dashboard opens the form with ?pourHabitant=1.
          defaultValue: ({ req }: { req?: { searchParams?: URLSearchParams } }) => req?.searchParams?.get('pourHabitant') === '1',
        },
        {
          type: 'row',
          admin: { condition: (_data, sibling) => Boolean(sibling?.enabled) },
          fields: [
            { name: 'residentName', type: 'text', label: 'Nom de l’habitant (jamais publié)', maxLength: 100 },
            { name: 'residentPhone', type: 'text', label: 'Téléphone de l’habitant (jamais publié)', maxLength: 30 },
          ],
        },
      ],
    },
    slugField,
    statusField,
    ...[...moderationFields, territoryField, isExampleField].map((field) =>
      'name' in field && NOT_FOR_NOTICES.has(field.name) ? exceptOnNotice(field) : field,
    ),
  ],
}
