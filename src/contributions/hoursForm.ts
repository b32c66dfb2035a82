import { DAY_LABELS, DAYS, type Day } from '@/fields/openingHours/schema'
import { formatRanges, listDays, parseRanges } from '@/fields/openingHours/text'
import type { Business } from '@/payload-types'

/**
 * The « Horaires » form of « Mon espace »: plain inputs (it works without JavaScript), one
 * text per weekday read leniently (« 8h30-12h, 14h-18h30 », as in the admin), a « copy to the
 * ticked days » button, a note and up to three closures. Field names are French and flat
 * (`lundi`, `copier-lundi`, `conge-1-du`), so that the values come back as typed when there is
 * an error.
 */
type OpeningHours = NonNullable<Business['openingHours']>
type Weekly = NonNullable<OpeningHours['weekly']>
type Closures = NonNullable<OpeningHours['closures']>

export const DAY_SLUGS: Record<Day, string> = {
  monday: 'lundi',
  tuesday: 'mardi',
  wednesday: 'mercredi',
  thursday: 'jeudi',
  friday: 'vendredi',
  saturday: 'samedi',
  sunday: 'dimanche',
}

export const CLOSURE_ROWS = 3
/** The text copied to the ticked days, the ticked days, and the value of the copy button. */
export const MODEL_FIELD = 'modele'
export const COPY_ACTION = 'copier'
/** Set in the values sent back after a copy: what was copied where (shown in a status line). */
export const COPIED_FIELD = '_copie'

export const dayField = (day: Day) => DAY_SLUGS[day]
export const tickField = (day: Day) => `copier-${DAY_SLUGS[day]}`
export const closureField = (n: number, part: 'du' | 'au' | 'motif') => `conge-${n}-${part}`

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The form's values for the stored hours. */
export function hoursToValues(hours: OpeningHours | null | undefined): Record<string, string> {
  const values: Record<string, string> = { note: hours?.note ?? '' }
  for (const day of DAYS) values[dayField(day)] = formatRanges((hours?.weekly ?? []).filter((r) => r.day === day))
  ;(hours?.closures ?? []).slice(0, CLOSURE_ROWS).forEach((c, i) => {
    values[closureField(i + 1, 'du')] = String(c.from).slice(0, 10)
    values[closureField(i + 1, 'au')] = String(c.to).slice(0, 10)
    values[closureField(i + 1, 'motif')] = c.label ?? ''
  })
  return values
}

/**
 * « Copier sur les jours cochés » without JavaScript: the values with the model's hours in
 * every ticked day, or a French message on the model. `null` when there is nothing to copy
 * (no model, no ticked day): the button then saves, as Enter in any field does.
 */
export function copyToTickedDays(values: Record<string, string>): { values: Record<string, string>; errors: Record<string, string> } | null {
  const model = (values[MODEL_FIELD] ?? '').trim()
  const days = DAYS.filter((day) => values[tickField(day)])
  if (!model && days.length === 0) return null
  if (!model) return { values, errors: { [MODEL_FIELD]: 'Écrivez les horaires à copier, par exemple 8h30-12h, 14h-18h30.' } }
  const parsed = parseRanges(model)
  if (!parsed.ok) return { values, errors: { [MODEL_FIELD]: parsed.error } }
  if (days.length === 0) return { values, errors: { [MODEL_FIELD]: 'Cochez les jours où copier ces horaires.' } }
  const text = formatRanges(parsed.ranges)
  // The model and ticks are cleared, so that Enter in a field afterwards saves instead of copying again.
  const copied: Record<string, string> = { ...values, [MODEL_FIELD]: '' }
  for (const day of days) {
    copied[dayField(day)] = text
    delete copied[tickField(day)]
  }
  copied[COPIED_FIELD] = `Horaires ${text} copiés sur ${listDays(days)}. Vérifiez-les puis enregistrez.`
  return { values: copied, errors: {} }
}

/**
 * Reads the form: the hours to store, or French messages per field. Exceptional days are
 * not in this form and are kept as they are (`keep`).
 */
export function valuesToHours(
  values: Record<string, string>,
  keep: OpeningHours | null | undefined,
): { ok: true; hours: OpeningHours } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const weekly: Weekly = []
  for (const day of DAYS) {
    const parsed = parseRanges(values[dayField(day)] ?? '')
    if (parsed.ok) weekly.push(...parsed.ranges.map((range) => ({ day, ...range })))
    else errors[dayField(day)] = `${DAY_LABELS[day]} : ${parsed.error}`
  }
  const closures: Closures = []
  for (let n = 1; n <= CLOSURE_ROWS; n++) {
    const from = (values[closureField(n, 'du')] ?? '').trim()
    const to = (values[closureField(n, 'au')] ?? '').trim()
    const label = (values[closureField(n, 'motif')] ?? '').trim()
    if (!from && !to && !label) continue
    const what = `Fermeture ${n}`
    if (!DATE.test(from) || Number.isNaN(Date.parse(from))) errors[closureField(n, 'du')] = `${what} : indiquez la date de début (JJ/MM/AAAA).`
    if (!DATE.test(to) || Number.isNaN(Date.parse(to))) errors[closureField(n, 'au')] = `${what} : indiquez la date de fin (JJ/MM/AAAA).`
    if (errors[closureField(n, 'du')] || errors[closureField(n, 'au')]) continue
    if (to < from) {
      errors[closureField(n, 'au')] = `${what} : la date de fin doit suivre la date de début.`
      continue
    }
    if (label.length > 100) {
      errors[closureField(n, 'motif')] = `${what} : le motif ne doit pas dépasser 100 caractères.`
      continue
    }
    closures.push({ from, to, label: label || undefined })
  }
  const note = (values.note ?? '').trim()
  if (note.length > 200) errors.note = 'La précision ne doit pas dépasser 200 caractères.'
  if (Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, hours: { weekly, closures, exceptions: keep?.exceptions ?? [], note } }
}
