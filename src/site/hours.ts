import { formatWeeklyHours, type OpeningHours, openingHoursSchema } from '@/fields/openingHours'
import type { Business } from '@/payload-types'

type StoredHours = Business['openingHours']

const defined = <T extends Record<string, unknown>>(item: T) =>
  Object.fromEntries(Object.entries(item).filter(([key, value]) => value !== null && value !== undefined && key !== 'id'))

/** The stored hours (nullable fields, row ids) as the opening hours helpers take them; null when none. */
export function toOpeningHours(stored: StoredHours | null | undefined): OpeningHours | null {
  if (!stored || !stored.weekly?.length) return null
  const parsed = openingHoursSchema.safeParse({
    weekly: stored.weekly.map(defined),
    closures: (stored.closures ?? []).map(defined),
    exceptions: (stored.exceptions ?? []).map(defined),
    ...(stored.note ? { note: stored.note } : {}),
  })
  return parsed.success ? parsed.data : null
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
