import type { CollectionConfig } from 'payload'

import { directoryAccess } from '@/access/directoryAccess'
import { staffListFilter } from '@/fields/staffScope'
import { profileFields } from '@/fields/profile'
import { validateRna, validateSiret } from '@/fields/validators'

import { directoryHooks } from '../directoryHooks'
import { SLUGS } from '../slugs'

/** Associations, identified by their RNA number or, when they have one, a SIRET. */
export const Associations: CollectionConfig = {
  slug: SLUGS.associations,
  labels: { singular: 'Association', plural: 'Associations' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'status', 'reviewState', 'commune', 'categories', 'updatedAt'],
    listSearchableFields: ['name', 'rna', 'siret'],
    group: 'Annuaire',
    description:
      'Associations du territoire (numéro RNA). Les fiches en attente puis celles modifiées par leur propriétaire viennent en premier ; « Filtres » pour choisir une commune ou une catégorie.',
    components: { beforeListTable: ['/src/components/admin/StatusFilters#StatusFilters'] },
    // Opens on the staff member's territory (a secrétaire: her communes).
    baseFilter: staffListFilter,
  },
  // Pending first, then owners' edits to review, then published, refused, archived.
  defaultSort: 'moderationRank',
  access: directoryAccess('owners'),
  versions: { maxPerDoc: 50 },
  hooks: directoryHooks({ titleField: 'name', ownerField: 'owners' }),
  fields: profileFields([
    {
      type: 'row',
      fields: [
        {
          name: 'rna',
          type: 'text',
          label: 'Numéro RNA',
          index: true,
          admin: { placeholder: 'W601234567' },
          validate: (value: unknown) => validateRna(value),
        },
        { name: 'siret', type: 'text', label: 'SIRET (facultatif)', validate: (value: unknown) => validateSiret(value) },
      ],
    },
  ]),
}
