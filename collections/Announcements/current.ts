import type { Where } from 'payload'

/** Today's date in France (YYYY-MM-DD): notices start on a day, not at an hour. */
function frenchToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/**
 * What the public sees (site, paper booklet): announcements not yet expired and, for a
 * municipal notice, whose « Afficher à partir du » day has come. A day picked in the admin
 * is stored at some hour of that day, so anything dated today (in France) counts.
 */
export function currentAnnouncementWhere(now: Date = new Date()): Where[] {
  return [{ or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now.toISOString() } }] }, shownWhere(now)]
}

/** A notice whose « Afficher à partir du » day has come (announcements without one always are). */
export function shownWhere(now: Date = new Date()): Where {
  return { or: [{ displayFrom: { exists: false } }, { displayFrom: { less_than_equal: `${frenchToday(now)}T23:59:59.999Z` } }] }
}
