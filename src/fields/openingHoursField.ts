import type { Field, FieldHook } from 'payload'

import { MAX_CLOSURES, MAX_EXCEPTIONS, MAX_NOTE_LENGTH, MAX_RANGES_PER_DAY, rangesPerDayProblem, tooManyProblem } from './openingHours/limits'
import { DAYS, overnightProblem } from './openingHours/schema'
import { normalizeTime } from './openingHours/text'

const DAY_OPTIONS = [
  { value: 'monday', label: 'Lundi' },
  { value: 'tuesday', label: 'Mardi' },
  { value: 'wednesday', label: 'Mercredi' },
  { value: 'thursday', label: 'Jeudi' },
  { value: 'friday', label: 'Vendredi' },
  { value: 'saturday', label: 'Samedi' },
  { value: 'sunday', label: 'Dimanche' },
]

const TIME_HINT = 'écrivez par exemple 8h, 8h30 ou 08:30'

/** "8h30", "8 h 30", "8:30" are stored "08:30", whatever door they came through (admin, API, import). */
const normalizeTimeHook =
  (edge: 'opens' | 'closes'): FieldHook =>
  ({ value }) =>
    typeof value === 'string' ? (normalizeTime(value, edge) ?? value) : value

const time = (name: 'opens' | 'closes', label: string, required = true): Field => ({
  name,
  type: 'text',
  label,
  required,
  admin: { placeholder: name === 'opens' ? '8h30' : '12h', width: '25%' },
  hooks: { beforeValidate: [normalizeTimeHook(name)] },
  validate: (value: unknown, { siblingData }: { siblingData?: Partial<Record<'opens' | 'closes', unknown>> }) => {
    if (value === undefined || value === null || value === '') return true
    const time = normalizeTime(String(value), name)
    if (!time) return `« ${String(value)} » n'est pas une heure : ${TIME_HINT}.`
    // 12:00–08:00 is a typo, not a night range (22:00–02:00 is fine).
    const opens = typeof siblingData?.opens === 'string' ? normalizeTime(siblingData.opens, 'opens') : null
    if (name === 'closes' && opens) {
      if (opens === time) return "L’heure de fermeture doit être différente de l’heure d’ouverture."
      return overnightProblem(opens, time) ?? true
    }
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
  label: "Horaires d’ouverture",
  fields: [
    {
      name: 'weekly',
      type: 'array',
      label: 'Horaires de la semaine',
      labels: { singular: 'plage horaire', plural: 'plages horaires' },
      // Capped in every door (admin, owner form, REST, GraphQL, import): see openingHours/limits.ts.
      maxRows: MAX_RANGES_PER_DAY * DAYS.length,
      validate: (value: unknown) => (Array.isArray(value) ? (rangesPerDayProblem(value) ?? true) : true),
      // One text per day (« 8h30-12h, 14h-18h30 ») and « Copier sur les jours cochés », stored as rows.
      admin: { components: { Field: '/src/components/admin/OpeningHoursEditor/index.client#OpeningHoursEditor' } },
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
      maxRows: MAX_CLOSURES,
      validate: (value: unknown) => (Array.isArray(value) ? (tooManyProblem(value, MAX_CLOSURES, 'fermetures') ?? true) : true),
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
      maxRows: MAX_EXCEPTIONS,
      validate: (value: unknown) => (Array.isArray(value) ? (tooManyProblem(value, MAX_EXCEPTIONS, 'jours exceptionnels') ?? true) : true),
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
    { name: 'note', type: 'text', label: 'Précision', maxLength: MAX_NOTE_LENGTH, admin: { placeholder: 'Sur rendez-vous le samedi' } },
  ],
}
