import type { Field } from 'payload'

import { moderatorField } from '@/access/fieldAccess'

import { shownToTerritoryAdmins } from './territoryAdminsOnly'

/** Demo entries are visibly marked as examples on the site and in the admin. */
export const isExampleField: Field = {
  name: 'isExample',
  type: 'checkbox',
  label: "Fiche d’exemple (démonstration)",
  defaultValue: false,
  admin: { position: 'sidebar', condition: shownToTerritoryAdmins },
  // Only moderators mark an entry as an example; the public cannot disguise theirs.
  access: { create: moderatorField, update: moderatorField },
}
