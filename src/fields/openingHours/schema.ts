import { z } from 'zod'

// The admin's hours editor runs these schemas in the browser, where zod's compiled parsers
// would probe `new Function` and trip the admin's Content-Security-Policy (no 'unsafe-eval').
if (typeof window !== 'undefined') z.config({ jitless: true })

export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
export type Day = (typeof DAYS)[number]

/** French day names, in the same order as `DAYS`. */
export const DAY_LABELS: Record<Day, string> = {
  monday: 'Lundi',
  tuesday: 'Mardi',
  wednesday: 'Mercredi',
  thursday: 'Jeudi',
  friday: 'Vendredi',
  saturday: 'Samedi',
  sunday: 'Dimanche',
}

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/** "HH:MM" → minutes since midnight ("24:00" → 1440). */
export function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

/** True for an existing calendar date written YYYY-MM-DD (rejects 2026-02-30). */
function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

const opensSchema = z
  .string({ error: "Indiquez l’heure d’ouverture." })
  .regex(TIME_PATTERN, { error: "Heure d’ouverture invalide : utilisez le format HH:MM, par exemple 08:30." })

/** Closing time; "24:00" is accepted for "until midnight". */
const closesSchema = z
  .string({ error: "Indiquez l’heure de fermeture." })
  .refine((value) => TIME_PATTERN.test(value) || value === '24:00', {
    error:
      'Heure de fermeture invalide : utilisez le format HH:MM, par exemple 19:00 (ou 24:00 pour minuit).',
  })

const dateSchema = z
  .string({ error: 'Indiquez une date.' })
  .refine(isCalendarDate, { error: 'Date invalide : utilisez le format AAAA-MM-JJ, par exemple 2026-08-15.' })

const labelSchema = z.string({ error: 'Le libellé doit être un texte.' }).optional()

const differentTimes = {
  check: (range: { opens?: string; closes?: string }) =>
    range.opens === undefined ||
    range.closes === undefined ||
    toMinutes(range.opens) !== toMinutes(range.closes),
  message: "L’heure de fermeture doit être différente de l’heure d’ouverture.",
}

/** Latest closing time of a range that ends after midnight (22:00–02:00 yes, 12:00–08:00 no). */
export const LATEST_OVERNIGHT_CLOSE = '06:00'

/** The French message when a range closes before it opens and too late to be a night range; null if fine. */
export function overnightProblem(opens: string, closes: string): string | null {
  const start = toMinutes(opens)
  const end = toMinutes(closes)
  if (end >= start || end <= toMinutes(LATEST_OVERNIGHT_CLOSE)) return null
  return `La fermeture (${closes}) est avant l'ouverture (${opens}) : vérifiez les heures (par exemple ${closes}–${opens}). Une plage qui finit après minuit doit fermer au plus tard à ${LATEST_OVERNIGHT_CLOSE}.`
}

const plausibleOvernight = {
  check: (range: { opens?: string; closes?: string }) =>
    range.opens === undefined || range.closes === undefined || overnightProblem(range.opens, range.closes) === null,
  message: (range: { opens?: string; closes?: string }) => overnightProblem(range.opens ?? '', range.closes ?? '') ?? '',
}

/**
 * One opening range on a weekday. `closes` earlier than `opens` means the range ends the next
 * day (e.g. 22:00–02:00).
 */
export const weeklyRangeSchema = z
  .object(
    {
      day: z.enum(DAYS, { error: 'Jour invalide : choisissez un jour de la semaine.' }),
      opens: opensSchema,
      closes: closesSchema,
    },
    { error: "Plage horaire invalide : indiquez un jour, une heure d’ouverture et une heure de fermeture." },
  )
  .refine(differentTimes.check, { error: differentTimes.message, path: ['closes'] })
  .superRefine((range, ctx) => {
    if (!plausibleOvernight.check(range)) ctx.addIssue({ code: 'custom', path: ['closes'], message: plausibleOvernight.message(range) })
  })

/** A period closed all day, both dates included (holidays, works…). */
export const closureSchema = z
  .object(
    { from: dateSchema, to: dateSchema, label: labelSchema },
    { error: 'Fermeture invalide : indiquez une date de début et une date de fin.' },
  )
  .refine((closure) => closure.from <= closure.to, {
    error: 'La date de fin de fermeture doit être identique ou postérieure à la date de début.',
    path: ['to'],
  })

/**
 * Replaces the weekly hours on one date: either `closed: true`, or `opens` + `closes`.
 * Several exceptions on the same date give several ranges that day.
 */
export const exceptionSchema = z
  .object(
    {
      date: dateSchema,
      opens: opensSchema.optional(),
      closes: closesSchema.optional(),
      closed: z.boolean({ error: 'La case « fermé » doit être cochée ou décochée.' }).optional(),
      label: labelSchema,
    },
    { error: 'Jour exceptionnel invalide : indiquez au moins une date.' },
  )
  .refine(
    (exception) =>
      exception.closed === true
        ? exception.opens === undefined && exception.closes === undefined
        : exception.opens !== undefined && exception.closes !== undefined,
    {
      error:
        "Pour un jour exceptionnel, indiquez soit « fermé », soit une heure d’ouverture et une heure de fermeture.",
    },
  )
  .refine(differentTimes.check, { error: differentTimes.message, path: ['closes'] })
  .superRefine((range, ctx) => {
    if (!plausibleOvernight.check(range)) ctx.addIssue({ code: 'custom', path: ['closes'], message: plausibleOvernight.message(range) })
  })

export type WeeklyRange = z.infer<typeof weeklyRangeSchema>
export type Closure = z.infer<typeof closureSchema>
export type OpeningException = z.infer<typeof exceptionSchema>

/** [start, end) in minutes from midnight of the range's own day; end may exceed 1440. */
export function rangeMinutes(range: { opens: string; closes: string }): [number, number] {
  const start = toMinutes(range.opens)
  let end = toMinutes(range.closes)
  if (end <= start) end += 1440
  return [start, end]
}

/** Finds two weekly ranges of the same day that overlap, for a readable error. */
function findOverlap(weekly: WeeklyRange[]): [WeeklyRange, WeeklyRange] | null {
  for (let i = 0; i < weekly.length; i++) {
    for (let j = i + 1; j < weekly.length; j++) {
      const a = weekly[i]!
      const b = weekly[j]!
      if (a.day !== b.day) continue
      const [aStart, aEnd] = rangeMinutes(a)
      const [bStart, bEnd] = rangeMinutes(b)
      if (aStart < bEnd && bStart < aEnd) return [a, b]
    }
  }
  return null
}

export const openingHoursSchema = z
  .object(
    {
      weekly: z.array(weeklyRangeSchema, {
        error: 'Les horaires de la semaine doivent être une liste de plages.',
      }),
      closures: z
        .array(closureSchema, { error: 'Les fermetures doivent être une liste de périodes.' })
        .default([]),
      exceptions: z
        .array(exceptionSchema, { error: 'Les jours exceptionnels doivent être une liste.' })
        .default([]),
      note: z.string({ error: 'La remarque doit être un texte.' }).optional(),
    },
    { error: "Horaires d’ouverture invalides : données manquantes ou mal formées." },
  )
  .superRefine((hours, ctx) => {
    const overlap = findOverlap(hours.weekly)
    if (overlap) {
      const [a, b] = overlap
      ctx.addIssue({
        code: 'custom',
        path: ['weekly'],
        message: `Les horaires du ${DAY_LABELS[a.day].toLowerCase()} se chevauchent (${a.opens}–${a.closes} et ${b.opens}–${b.closes}) : corrigez ou fusionnez ces plages.`,
      })
    }
  })

/** Parsed opening hours (what the functions of this module take). */
export type OpeningHours = z.output<typeof openingHoursSchema>
/** Opening hours as entered (closures and exceptions may be omitted). */
export type OpeningHoursInput = z.input<typeof openingHoursSchema>
