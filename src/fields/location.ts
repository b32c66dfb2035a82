import type { Field } from 'payload'

import { ownCommuneDefault, ownCommunesOptions } from './staffScope'
import { shownToTerritoryAdmins } from './territoryAdminsOnly'

/**
 * Where an entry is: its commune (which decides the territory and which secrétaire
 * moderates it), street address and coordinates. Coordinates default to the commune's
 * centre (see `fillLocationFromCommune`) and are indexed for the distance prefilter.
 */
export const locationFields: Field[] = [
  {
    name: 'commune',
    type: 'relationship',
    relationTo: 'communes',
    label: 'Commune',
    required: true,
    index: true,
    // A secrétaire is offered her communes only (her single one already chosen).
    filterOptions: ownCommunesOptions,
    defaultValue: ownCommuneDefault,
  },
  {
    type: 'row',
    fields: [
      { name: 'street', type: 'text', label: 'Adresse (numéro et rue)', maxLength: 200 },
      {
        name: 'postcode',
        type: 'text',
        label: 'Code postal',
        maxLength: 5,
        admin: { description: 'Doit correspondre à la commune.' },
      },
    ],
  },
  {
    type: 'row',
    // Filled from the commune's centre: a secrétaire never needs to read or type them.
    admin: { condition: shownToTerritoryAdmins },
    fields: [
      { name: 'latitude', type: 'number', label: 'Latitude', index: true, min: -90, max: 90 },
      { name: 'longitude', type: 'number', label: 'Longitude', index: true, min: -180, max: 180 },
    ],
  },
]
