import type { Field } from 'payload'

import { shownToTerritoryAdmins } from './territoryAdminsOnly'

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '')
}

/** The readable part of a public URL (/entreprises/boulangerie-martin-grandvilliers). */
export const slugField: Field = {
  name: 'slug',
  type: 'text',
  label: 'Adresse de la page',
  index: true,
  unique: true,
  admin: {
    position: 'sidebar',
    description: 'Créée automatiquement à partir du nom et de la commune.',
    condition: shownToTerritoryAdmins,
  },
}
