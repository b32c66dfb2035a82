import type { CollectionConfig } from 'payload'

import { directoryAccess } from '@/access/directoryAccess'
import { staffListFilter } from '@/fields/staffScope'
import { profileFields } from '@/fields/profile'
import { validateSiret } from '@/fields/validators'

import { directoryHooks } from '../directoryHooks'
import { SLUGS } from '../slugs'

/** Commerçants, artisans, producteurs and professions. */
export const Businesses: CollectionConfig = {
  slug: SLUGS.businesses,
  labels: { singular: 'Entreprise', plural: 'Entreprises' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'status', 'reviewState', 'commune', 'categories', 'updatedAt'],
    listSearchableFields: ['name', 'siret', 'activity'],
    group: 'Annuaire',
    description:
      'Commerces, artisans, producteurs et professionnels du territoire. Les fiches en attente puis celles modifiées par leur propriétaire viennent en premier ; « Filtres » pour choisir une commune ou une catégorie.',
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
      name: 'siret',
      type: 'text',
      label: 'SIRET',
      index: true,
      admin: { description: '14 chiffres, sur un Kbis ou sur annuaire-entreprises.data.gouv.fr.' },
      validate: (value: unknown) => validateSiret(value),
    },
    { name: 'activity', type: 'text', label: 'Activité (code NAF ou libellé)', maxLength: 150 },
  ]),
}
