import { DAY_LABELS, type Day, DAYS } from './schema'

/**
 * How much opening hours may hold: 4 ranges a day is already a split day with a lunch break
 * and an evening; the API once accepted 2,436 ranges for one entry (issue 17), which every
 * page, search index entry and printed booklet then carried.
 */
export const MAX_RANGES_PER_DAY = 4
export const MAX_CLOSURES = 30
export const MAX_EXCEPTIONS = 60
export const MAX_NOTE_LENGTH = 300

/** The first day with too many ranges, as a French sentence, or null. */
export function rangesPerDayProblem(weekly: ReadonlyArray<{ day?: unknown } | null | undefined>): string | null {
  const counts = new Map<string, number>()
  for (const range of weekly) {
    const day = typeof range?.day === 'string' ? range.day : ''
    counts.set(day, (counts.get(day) ?? 0) + 1)
  }
  for (const day of DAYS) {
    const count = counts.get(day) ?? 0
    if (count > MAX_RANGES_PER_DAY) {
      return `Le ${DAY_LABELS[day as Day].toLowerCase()} a ${count} plages horaires : ${MAX_RANGES_PER_DAY} au plus par jour. Fusionnez les plages qui se suivent.`
    }
  }
  if (weekly.length > MAX_RANGES_PER_DAY * DAYS.length) {
    return `${weekly.length} plages horaires : ${MAX_RANGES_PER_DAY * DAYS.length} au plus pour la semaine (${MAX_RANGES_PER_DAY} par jour).`
  }
  return null
}

/** A list longer than allowed, as a French sentence, or null. */
export function tooManyProblem(list: readonly unknown[] | null | undefined, max: number, what: string): string | null {
  const count = list?.length ?? 0
  return count > max ? `${count} ${what} : ${max} au plus. Supprimez les lignes déjà passées.` : null
}
