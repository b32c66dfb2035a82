import type { Field } from 'payload'

import { overnightProblem } from './openingHours/schema'

const DAY_OPTIONS = [
  { value: 'monday', label: 'Lundi' },
  { value: 'tuesday', label: 'Mardi' },
  { value: 'wednesday', label: 'Mercredi' },
  { value: 'thursday', label: 'Jeudi' },
  { value: 'friday', label: 'Vendredi' },
  { value: 'saturday', label: 'Samedi' },
  { value: 'sunday', label: 'Dimanche' },
]

const time = (name: 'opens' | 'closes', label: string, required = true): Field => ({
  name,
  type: 'text',
  label,
  required,
  admin: { placeholder: name === 'opens' ? '08:30' : '12:30', width: '25%' },
  validate: (value: unknown, { siblingData }: { siblingData?: Partial<Record<'opens' | 'closes', unknown>> }) => {
    if (value === undefined || value === null || value === '') return true
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(String(value))) return 'Heure au format HH:MM, par exemple 08:30 ou 19:00.'
    // 12:00–08:00 is a typo, not a night range (22:00–02:00 is fine).
    const opens = siblingData?.opens
    if (name === 'closes' && typeof opens === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(opens)) return overnightProblem(opens, String(value)) ?? true
    return true
  },
})

const date = (name: string, label: string, required = true): Field => ({
  name,
  type: 'date',
  label,
  required,
  admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' }, width: '25%' },
})

/**
 * Opening hours as structured data: weekly ranges (several per day), closures and
 * exceptional days, from which « ouvert maintenant » is computed.
 */
export const openingHoursField: Field = {
  name: 'openingHours',
  type: 'group',
  label: "Horaires d'ouverture",
  fields: [
    {
      name: 'weekly',
      type: 'array',
      label: 'Horaires de la semaine',
      labels: { singular: 'Plage horaire', plural: 'Plages horaires' },
      admin: { description: 'Une ligne par plage : par exemple mardi 08:00–12:30 puis mardi 14:00–19:00.' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'day',
              type: 'select',
              label: 'Jour',
              required: true,
              options: DAY_OPTIONS,
              admin: { width: '30%' },
            },
            time('opens', 'Ouvre à'),
            time('closes', 'Ferme à'),
          ],
        },
      ],
    },
    {
      name: 'closures',
      type: 'array',
      label: 'Fermetures (congés)',
      labels: { singular: 'Fermeture', plural: 'Fermetures' },
      fields: [
        {
          type: 'row',
          fields: [
            date('from', 'Du'),
            date('to', 'Au'),
            { name: 'label', type: 'text', label: 'Motif', admin: { width: '40%' } },
          ],
        },
      ],
    },
    {
      name: 'exceptions',
      type: 'array',
      label: 'Jours exceptionnels',
      labels: { singular: 'Jour exceptionnel', plural: 'Jours exceptionnels' },
      fields: [
        {
          type: 'row',
          fields: [
            date('date', 'Date'),
            { name: 'closed', type: 'checkbox', label: 'Fermé ce jour-là', admin: { width: '20%' } },
            time('opens', 'Ouvre à', false),
            time('closes', 'Ferme à', false),
          ],
        },
        { name: 'label', type: 'text', label: 'Motif' },
      ],
    },
    { name: 'note', type: 'text', label: 'Précision', admin: { placeholder: 'Sur rendez-vous le samedi' } },
  ],
}
