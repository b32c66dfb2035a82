import type { CollectionConfig } from 'payload'

import { directoryAccess } from '@/access/directoryAccess'
import { moderatorField, staffOrOwnerField } from '@/access/fieldAccess'
import { accountNamesField, relationshipForAdmins } from '@/fields/accountNames'
import { isExampleField } from '@/fields/isExample'
import { openingHoursField } from '@/fields/openingHoursField'
import { priceTypeField } from '@/fields/priceType'
import { slugField } from '@/fields/slug'
import { categoriesField } from '@/fields/categories'
import { ownCommuneDefault, ownCommunesOptions, staffListFilter } from '@/fields/staffScope'
import { moderationFields, statusField } from '@/fields/status'
import { territoryField } from '@/fields/territory'
import { shownToTerritoryAdmins } from '@/fields/territoryAdminsOnly'

import { directoryHooks } from '../directoryHooks'
import { SLUGS } from '../slugs'
import { inheritFromProvider } from './hooks'

const hooks = directoryHooks({ titleField: 'title' })

/** What a provider offers: delivery, home help, repairs… with the communes it serves. */
export const Services: CollectionConfig = {
  slug: SLUGS.services,
  labels: { singular: 'Service', plural: 'Services' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'reviewState', 'provider', 'commune', 'priceType', 'updatedAt'],
    listSearchableFields: ['title', 'description'],
    group: 'Annuaire',
    description:
      'Ce que proposent les entreprises et associations (livraison, aide à domicile, réparation…). Les services en attente viennent en premier.',
    components: { beforeListTable: ['/src/components/admin/StatusFilters#StatusFilters'] },
    // Opens on the staff member's territory (a secrétaire: her communes).
    baseFilter: staffListFilter,
  },
  // Pending first, then owners' edits to review, then published, refused, archived.
  defaultSort: 'moderationRank',
  access: directoryAccess('owners'),
  versions: { maxPerDoc: 50 },
  hooks: { ...hooks, beforeValidate: [inheritFromProvider, ...(hooks.beforeValidate ?? [])] },
  fields: [
    { name: 'title', type: 'text', label: 'Intitulé', required: true, maxLength: 150 },
    {
      name: 'provider',
      type: 'relationship',
      relationTo: ['businesses', 'associations'],
      label: 'Proposé par',
      required: true,
      index: true,
    },
    categoriesField,
    { name: 'description', type: 'textarea', label: 'Description', maxLength: 4000 },
    priceTypeField,
    { name: 'availability', type: 'text', label: 'Disponibilité', admin: { placeholder: 'Du lundi au samedi, sur rendez-vous' } },
    // The same structured hours and fast editor as businesses (« 8h30-12h, 14h-18h30 »).
    {
      type: 'collapsible',
      label: 'Horaires',
      admin: { initCollapsed: false, description: 'Les jours et heures où le service est assuré, s’ils diffèrent de ceux de la fiche.' },
      fields: [openingHoursField],
    },
    {
      name: 'commune',
      type: 'relationship',
      relationTo: 'communes',
      label: 'Commune principale',
      required: true,
      index: true,
      filterOptions: ownCommunesOptions,
      defaultValue: ownCommuneDefault,
    },
    { name: 'communesServed', type: 'relationship', relationTo: 'communes', hasMany: true, label: 'Communes desservies' },
    {
      type: 'row',
      admin: { condition: shownToTerritoryAdmins },
      fields: [
        { name: 'latitude', type: 'number', label: 'Latitude', index: true },
        { name: 'longitude', type: 'number', label: 'Longitude', index: true },
      ],
    },
    slugField,
    statusField,
    ...moderationFields,
    {
      name: 'owners',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: 'Comptes propriétaires',
      admin: { position: 'sidebar', readOnly: true, condition: relationshipForAdmins, description: 'Ceux du prestataire.' },
      access: { read: staffOrOwnerField, create: moderatorField, update: moderatorField },
    },
    accountNamesField({ name: 'ownerNames', from: 'owners', label: 'Comptes propriétaires', description: 'Ceux du prestataire.' }),
    territoryField,
    isExampleField,
  ],
}
