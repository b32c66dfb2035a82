import { type OpeningHours, rangeMinutes } from './schema'
import { addDays, DAY_MS, localDateToMs, localToInstant, MINUTE_MS, wallClock, weekdayOf } from './zonedTime'

export const DEFAULT_TIME_ZONE = 'Europe/Paris'
/** `nextChange` looks this many days ahead at most. */
const SEARCH_DAYS = 14

type Interval = [start: number, end: number]

/** Closed all day: inside a closure period, or an exception marked `closed`. */
export function isClosedAllDay(hours: OpeningHours, localDate: string): boolean {
  return (
    hours.closures.some((closure) => closure.from <= localDate && localDate <= closure.to) ||
    hours.exceptions.some((exception) => exception.date === localDate && exception.closed === true)
  )
}

/**
 * The ranges that start on `localDate`, in minutes from its midnight (the end passes 1440 when
 * a range crosses midnight). Exceptions on that date replace the weekly hours.
 */
export function rangesStartingOn(hours: OpeningHours, localDate: string): Interval[] {
  if (isClosedAllDay(hours, localDate)) return []
  const exceptions = hours.exceptions.filter((exception) => exception.date === localDate)
  if (exceptions.length > 0) {
    return exceptions.flatMap(({ opens, closes }) =>
      opens !== undefined && closes !== undefined ? [rangeMinutes({ opens, closes })] : [],
    )
  }
  const weekday = weekdayOf(localDate)
  return hours.weekly.filter((range) => range.day === weekday).map(rangeMinutes)
}

/**
 * Opening periods as real instants, for ranges starting from `firstDate` to `lastDate`, sorted
 * and merged (so every start and end is a real change). A range crossing midnight into a day
 * closed all day stops at midnight. Local times are converted with `localToInstant`, which keeps
 * the DST days right: on 2026-03-29 in Paris a range ending at 02:30 ends at 03:00, and on
 * 2026-10-25 it ends at the first 02:30 (the hour that repeats does not reopen it).
 */
function openIntervals(
  hours: OpeningHours,
  firstDate: string,
  lastDate: string,
  timeZone: string,
): Interval[] {
  const intervals: Interval[] = []
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    const midnight = localDateToMs(date)
    const nextDayClosed = isClosedAllDay(hours, addDays(date, 1))
    for (const [start, end] of rangesStartingOn(hours, date)) {
      const clippedEnd = nextDayClosed ? Math.min(end, 1440) : end
      const from = localToInstant(midnight + start * MINUTE_MS, timeZone)
      const to = localToInstant(midnight + clippedEnd * MINUTE_MS, timeZone)
      if (from < to) intervals.push([from, to])
    }
  }
  intervals.sort((a, b) => a[0] - b[0])
  const merged: Interval[] = []
  for (const interval of intervals) {
    const last = merged[merged.length - 1]
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1])
    else merged.push([...interval])
  }
  return merged
}

const contains = (intervals: Interval[], instant: number) =>
  intervals.some(([start, end]) => start <= instant && instant < end)

/** True when the place is open at `date`; days and hours are those of `timeZone`. */
export function isOpenAt(hours: OpeningHours, date: Date, timeZone = DEFAULT_TIME_ZONE): boolean {
  const today = wallClock(date, timeZone).date
  const intervals = openIntervals(hours, addDays(today, -1), addDays(today, 1), timeZone)
  return contains(intervals, date.getTime())
}

/** The next instant after `date` when the place opens or closes; `null` if none within 14 days. */
export function nextChange(hours: OpeningHours, date: Date, timeZone = DEFAULT_TIME_ZONE): Date | null {
  const now = date.getTime()
  const today = wallClock(date, timeZone).date
  const intervals = openIntervals(hours, addDays(today, -1), addDays(today, SEARCH_DAYS + 1), timeZone)
  const next = intervals.flat().find((instant) => instant > now)
  return next !== undefined && next <= now + SEARCH_DAYS * DAY_MS ? new Date(next) : null
}
