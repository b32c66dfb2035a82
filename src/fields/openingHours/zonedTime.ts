/**
 * Minimal time-zone arithmetic on top of Intl.DateTimeFormat (no dependency): the local
 * wall-clock time of an instant, and the instant at which a local time occurs.
 * Local dates are 'YYYY-MM-DD' strings; "local ms" are wall-clock times encoded as if UTC.
 */
import { DAYS, type Day } from './schema'

export const MINUTE_MS = 60_000
export const DAY_MS = 86_400_000

export interface WallClock {
  /** Local date, 'YYYY-MM-DD'. */
  date: string
  /** Minutes since local midnight (0–1439). */
  minutes: number
  weekday: Day
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Wall-clock fields of `instant` in `timeZone`. */
function wallFields(instant: number, timeZone: string) {
  const fields: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value)
  }
  return {
    year: fields.year!,
    month: fields.month!,
    day: fields.day!,
    hour: fields.hour! % 24,
    minute: fields.minute!,
    second: fields.second!,
  }
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0')
}

/** Local date 'YYYY-MM-DD' for a UTC-encoded day. */
function formatLocalDate(localMs: number): string {
  const date = new Date(localMs)
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

/** Local midnight of `localDate`, encoded as if UTC. */
export function localDateToMs(localDate: string): number {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number]
  return Date.UTC(year, month - 1, day)
}

export function addDays(localDate: string, days: number): string {
  return formatLocalDate(localDateToMs(localDate) + days * DAY_MS)
}

/** Whole days from `from` to `to` (both local dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((localDateToMs(to) - localDateToMs(from)) / DAY_MS)
}

export function weekdayOf(localDate: string): Day {
  const sundayFirst = new Date(localDateToMs(localDate)).getUTCDay()
  return DAYS[(sundayFirst + 6) % 7]!
}

/** Local date, minutes since midnight and weekday of `date` in `timeZone`. */
export function wallClock(date: Date, timeZone: string): WallClock {
  const f = wallFields(date.getTime(), timeZone)
  const localDate = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`
  return { date: localDate, minutes: f.hour * 60 + f.minute, weekday: weekdayOf(localDate) }
}

/** UTC offset (ms, positive east of Greenwich) in force at `instant`. */
export function offsetAt(instant: number, timeZone: string): number {
  const f = wallFields(instant, timeZone)
  const wallMs = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second)
  return wallMs - Math.floor(instant / 1000) * 1000
}

/**
 * The instant at which the clock of `timeZone` first shows the local time `localMs` (wall-clock
 * time encoded as if UTC). When the time occurs twice (autumn DST change), the first occurrence;
 * when it does not exist (spring change, e.g. 02:30 in Paris), the end of the jump (03:00).
 */
export function localToInstant(localMs: number, timeZone: string): number {
  const offsets = new Set([offsetAt(localMs - DAY_MS, timeZone), offsetAt(localMs + DAY_MS, timeZone)])
  const matches = [...offsets]
    .map((offset) => localMs - offset)
    .filter((instant) => offsetAt(instant, timeZone) === localMs - instant)
  if (matches.length > 0) return Math.min(...matches)
  const before = localMs - DAY_MS
  return findTransition(before, localMs + DAY_MS, offsetAt(before, timeZone), timeZone)
}

/** First whole minute in (before, after] whose offset differs from `offsetBefore` (bisection). */
function findTransition(before: number, after: number, offsetBefore: number, timeZone: string): number {
  let low = Math.floor(before / MINUTE_MS)
  let high = Math.ceil(after / MINUTE_MS)
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2)
    if (offsetAt(middle * MINUTE_MS, timeZone) === offsetBefore) low = middle
    else high = middle
  }
  return high * MINUTE_MS
}
