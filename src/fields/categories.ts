import type { Field } from 'payload'

import { ownTerritoryCategoriesOptions } from './staffScope'

/** An entry's categories: at least one, national or of the staff member's territory. */
export const categoriesField: Field = {
  name: 'categories',
  type: 'relationship',
  relationTo: 'categories',
  hasMany: true,
  required: true,
  label: 'Catégories',
  index: true,
  filterOptions: ownTerritoryCategoriesOptions,
}
