import { DAY_LABELS, DAYS, type Day, overnightProblem } from '@/fields/openingHours/schema'
import type { Business } from '@/payload-types'

/**
 * The « Horaires » form of « Mon espace »: plain inputs (it works without JavaScript), two
 * or more ranges per weekday, a note and up to three closures. Field names are French and
 * flat (`lundi-1-ouvre`), so that the values come back as typed when there is an error.
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

export const MIN_RANGES_PER_DAY = 2
export const MAX_RANGES_PER_DAY = 4
export const CLOSURE_ROWS = 3

export const rangeField = (day: Day, n: number, edge: 'ouvre' | 'ferme') => `${DAY_SLUGS[day]}-${n}-${edge}`
export const closureField = (n: number, part: 'du' | 'au' | 'motif') => `conge-${n}-${part}`

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))

/** How many ranges a day shows: at least two, more when the profile already has more. */
export function rangesPerDay(hours: OpeningHours | null | undefined): Record<Day, number> {
  const counts = Object.fromEntries(DAYS.map((d) => [d, MIN_RANGES_PER_DAY])) as Record<Day, number>
  for (const day of DAYS) {
    const n = (hours?.weekly ?? []).filter((r) => r.day === day).length
    counts[day] = Math.min(MAX_RANGES_PER_DAY, Math.max(MIN_RANGES_PER_DAY, n))
  }
  return counts
}

/** The form's values for the stored hours. */
export function hoursToValues(hours: OpeningHours | null | undefined): Record<string, string> {
  const values: Record<string, string> = { note: hours?.note ?? '' }
  for (const day of DAYS) {
    ;(hours?.weekly ?? [])
      .filter((r) => r.day === day)
      .slice(0, MAX_RANGES_PER_DAY)
      .forEach((r, i) => {
        values[rangeField(day, i + 1, 'ouvre')] = r.opens
        values[rangeField(day, i + 1, 'ferme')] = r.closes
      })
  }
  ;(hours?.closures ?? []).slice(0, CLOSURE_ROWS).forEach((c, i) => {
    values[closureField(i + 1, 'du')] = String(c.from).slice(0, 10)
    values[closureField(i + 1, 'au')] = String(c.to).slice(0, 10)
    values[closureField(i + 1, 'motif')] = c.label ?? ''
  })
  return values
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
    for (let n = 1; n <= MAX_RANGES_PER_DAY; n++) {
      const opensName = rangeField(day, n, 'ouvre')
      const closesName = rangeField(day, n, 'ferme')
      const opens = (values[opensName] ?? '').trim().replace(/^(\d)(:|h)/, '0$1$2').replace('h', ':')
      const closes = (values[closesName] ?? '').trim().replace(/^(\d)(:|h)/, '0$1$2').replace('h', ':')
      if (!opens && !closes) continue
      const label = `${DAY_LABELS[day]}, plage ${n}`
      if (!opens) errors[opensName] = `${label} : indiquez l’heure d’ouverture (par exemple 08:30), ou effacez l’heure de fermeture.`
      else if (!TIME.test(opens)) errors[opensName] = `${label} : heure d’ouverture invalide, utilisez le format HH:MM, par exemple 08:30.`
      if (!closes) errors[closesName] = `${label} : indiquez l’heure de fermeture (par exemple 12:30), ou effacez l’heure d’ouverture.`
      else if (!TIME.test(closes) && closes !== '24:00') errors[closesName] = `${label} : heure de fermeture invalide, utilisez le format HH:MM, par exemple 19:00.`
      if (errors[opensName] || errors[closesName]) continue
      if (minutes(opens) === minutes(closes)) {
        errors[closesName] = `${label} : l’heure de fermeture doit être différente de l’heure d’ouverture.`
        continue
      }
      const overnight = overnightProblem(opens, closes)
      if (overnight) {
        errors[closesName] = `${label} : ${overnight.replace(/'/g, '’')}`
        continue
      }
      weekly.push({ day, opens, closes })
    }
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
