import type { Field } from 'payload'

/** Demo entries are visibly marked as examples on the site and in the admin. */
export const isExampleField: Field = {
  name: 'isExample',
  type: 'checkbox',
  label: "Fiche d'exemple (démonstration)",
  defaultValue: false,
  admin: { position: 'sidebar' },
}
