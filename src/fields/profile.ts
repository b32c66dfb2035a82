import type { Field } from 'payload'

import { moderatorField, staffOrOwnerField } from '@/access/fieldAccess'

import { accountNamesField, relationshipForAdmins } from './accountNames'
import { categoriesField } from './categories'
import { contactFields } from './contact'
import { isExampleField } from './isExample'
import { locationFields } from './location'
import { openingHoursField } from './openingHoursField'
import { slugField } from './slug'
import { moderationFields, statusField } from './status'
import { territoryField } from './territory'

/** The public profile shared by businesses and associations; `identity` holds SIRET or RNA. */
export function profileFields(identity: Field[]): Field[] {
  return [
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Présentation',
          fields: [
            { name: 'name', type: 'text', label: 'Nom', required: true, maxLength: 150 },
            ...identity,
            categoriesField,
            { name: 'description', type: 'textarea', label: 'Description', maxLength: 4000 },
            {
              name: 'photos',
              type: 'upload',
              relationTo: 'media',
              hasMany: true,
              maxRows: 8,
              label: 'Photos',
              // Images only: a notice's PDF is in the same collection.
              filterOptions: { mimeType: { contains: 'image/' } },
            },
          ],
        },
        { label: 'Adresse et contact', fields: [...locationFields, ...contactFields] },
        { label: 'Horaires', fields: [openingHoursField] },
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
      index: true,
      admin: { position: 'sidebar', condition: relationshipForAdmins, description: 'Les comptes qui peuvent modifier cette fiche.' },
      access: { read: staffOrOwnerField, create: moderatorField, update: moderatorField },
    },
    accountNamesField({
      name: 'ownerNames',
      from: 'owners',
      label: 'Comptes propriétaires',
      description: 'Les comptes qui peuvent modifier cette fiche (l’administrateur du territoire les change).',
    }),
    territoryField,
    isExampleField,
  ]
}
