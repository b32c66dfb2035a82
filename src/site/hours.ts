import { DEFAULT_TIME_ZONE, formatWeeklyHours, type OpeningHours, openingHoursSchema } from '@/fields/openingHours'
import { wallClock } from '@/fields/openingHours/zonedTime'
import type { Business } from '@/payload-types'

type StoredHours = Business['openingHours']

const defined = <T extends Record<string, unknown>>(item: T) =>
  Object.fromEntries(Object.entries(item).filter(([key, value]) => value !== null && value !== undefined && key !== 'id'))

/**
 * A stored date as the local calendar date the hours helpers use ('YYYY-MM-DD'): Payload's
 * date fields keep an instant ("2026-12-23T23:00:00.000Z" for the 24th picked in Paris).
 */
export function localDateOf(value: unknown, timeZone = DEFAULT_TIME_ZONE): unknown {
  if (typeof value !== 'string' || /^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const instant = new Date(value)
  return Number.isNaN(instant.getTime()) ? value : wallClock(instant, timeZone).date
}

/**
 * The stored hours (nullable fields, row ids, dates as instants) as the opening hours helpers
 * take them; null when none. A closure or exception that does not read never hides the week.
 */
export function toOpeningHours(stored: StoredHours | null | undefined): OpeningHours | null {
  if (!stored || !stored.weekly?.length) return null
  const weekly = stored.weekly.map(defined)
  const closures = (stored.closures ?? []).map((c) => ({ ...defined(c), from: localDateOf(c.from), to: localDateOf(c.to) }))
  const exceptions = (stored.exceptions ?? []).map((e) => ({ ...defined(e), date: localDateOf(e.date) }))
  const note = stored.note ? { note: stored.note } : {}
  const parsed = openingHoursSchema.safeParse({ weekly, closures, exceptions, ...note })
  if (parsed.success) return parsed.data
  const weekOnly = openingHoursSchema.safeParse({ weekly, ...note })
  return weekOnly.success ? weekOnly.data : null
}

const SHORT_DAYS: Record<string, string> = {
  Lundi: 'lun.',
  Mardi: 'mar.',
  Mercredi: 'mer.',
  Jeudi: 'jeu.',
  Vendredi: 'ven.',
  Samedi: 'sam.',
  Dimanche: 'dim.',
}

/**
 * The week on one line for printed lists: consecutive days with the same hours are grouped
 * ("mar. à sam. : 6 h 30 – 13 h 00, 15 h 30 – 19 h 30 ; dim. : 7 h 00 – 12 h 30").
 */
export function compactWeeklyHours(hours: OpeningHours): string {
  const rows = formatWeeklyHours(hours)
  const groups: Array<{ from: string; to: string; text: string }> = []
  for (const row of rows) {
    const last = groups[groups.length - 1]
    if (last && last.text === row.text) last.to = row.day
    else groups.push({ from: row.day, to: row.day, text: row.text })
  }
  return groups
    .filter((g) => g.text !== 'Fermé')
    .map((g) => `${SHORT_DAYS[g.from]}${g.from !== g.to ? ` à ${SHORT_DAYS[g.to]}` : ''} : ${g.text}`)
    .join(' ; ')
}
