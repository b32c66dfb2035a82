/**
 * Municipal notices start on a day (« Afficher à partir du »), in France: the day picked in
 * the admin is stored at some hour of that day, and the notice shows from that day's
 * midnight in Paris. Shared by the collection's read rule, the search index and the alerts.
 */

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })
const HOUR_MS = 60 * 60 * 1000

/** The day in France (YYYY-MM-DD) at `now`. */
export function frenchDay(now: Date): string {
  return PARIS_DAY.format(now)
}

/** The last instant, as stored, of a day picked for `day` (what « shown on `day` » compares with). */
export const endOfPickedDay = (day: string): string => `${day}T23:59:59.999Z`

/**
 * The instant a notice dated `displayFrom` starts showing (ISO), or null when it has no
 * start day: midnight in Paris (UTC+1 or UTC+2, never at a DST change) of its stored day.
 */
export function shownFromInstant(displayFrom: unknown): string | null {
  if (!displayFrom) return null
  const stored = new Date(displayFrom as string)
  if (Number.isNaN(stored.getTime())) return null
  const day = stored.toISOString().slice(0, 10)
  const utcMidnight = Date.parse(`${day}T00:00:00.000Z`)
  for (const hours of [2, 1]) {
    const candidate = new Date(utcMidnight - hours * HOUR_MS)
    if (frenchDay(candidate) === day) return candidate.toISOString()
  }
  return new Date(utcMidnight).toISOString()
}
