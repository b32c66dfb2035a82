import type { Where } from 'payload'

import { endOfPickedDay, frenchDay } from '@/search/shownFrom'

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
  return { or: [{ displayFrom: { exists: false } }, { displayFrom: { less_than_equal: endOfPickedDay(frenchDay(now)) } }] }
}

/** A notice whose first day had not come yet at `then` (it became public since, if shown now). */
export function notShownAtWhere(then: Date): Where {
  return { displayFrom: { greater_than: endOfPickedDay(frenchDay(then)) } }
}
