import { isClosedAllDay, isOpenAt, DEFAULT_TIME_ZONE, nextChange } from './isOpenAt'
import { DAY_LABELS, DAYS, type Day, type OpeningHours, toMinutes } from './schema'
import { daysBetween, wallClock } from './zonedTime'

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
]

/** Minutes since midnight → "8 h 00", "14 h 30" (1440 → "24 h 00"). */
export function formatMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`
}

/** "08:00" → "8 h 00". */
export function formatTime(time: string): string {
  return formatMinutes(toMinutes(time))
}

/** One line per weekday, Monday first: "8 h 00 – 12 h 30, 14 h 00 – 19 h 00" or "Fermé". */
export function formatWeeklyHours(hours: OpeningHours): Array<{ day: string; text: string }> {
  return DAYS.map((day) => {
    const ranges = hours.weekly
      .filter((range) => range.day === day)
      .sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens))
    const text = ranges.map((range) => `${formatTime(range.opens)} – ${formatTime(range.closes)}`).join(', ')
    return { day: DAY_LABELS[day], text: text || 'Fermé' }
  })
}

/** "24 décembre" (with the year when asked). */
function dayAndMonth(localDate: string, withYear: boolean): string {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number]
  return `${day === 1 ? '1er' : day} ${MONTHS[month - 1]}${withYear ? ` ${year}` : ''}`
}

/** "du 24 au 26 décembre", "du 30 novembre au 2 décembre", "du 28 décembre 2026 au 3 janvier 2027", "le 25 décembre". */
export function formatDateRange(from: string, to: string): string {
  if (from === to) return `le ${dayAndMonth(from, false)}`
  const sameYear = from.slice(0, 4) === to.slice(0, 4)
  const start = sameYear && from.slice(5, 7) === to.slice(5, 7) ? String(Number(from.slice(8, 10)) === 1 ? '1er' : Number(from.slice(8, 10))) : dayAndMonth(from, !sameYear)
  return `du ${start} au ${dayAndMonth(to, !sameYear)}`
}

/** The closure covering `date` (local date in `timeZone`), if any. */
export function currentClosure(hours: OpeningHours, date: Date, timeZone = DEFAULT_TIME_ZONE) {
  const today = wallClock(date, timeZone).date
  return hours.closures.find((c) => c.from <= today && today <= c.to) ?? null
}

/** "Fermé pour congés du 24 au 26 décembre", with the owner's label when it says more. */
export function describeClosure(closure: { from: string; to: string; label?: string }): string {
  const label = closure.label?.trim()
  const extra = label && !/^cong[ée]s?$/i.test(label) ? ` (${label})` : ''
  return `Fermé pour congés ${formatDateRange(closure.from, closure.to)}${extra}`
}

/** "à 14 h 00", "demain à 8 h 00", "lundi à 8 h 00", "le 3 août à 8 h 00". */
function describeWhen(change: Date, now: Date, timeZone: string, isClosing: boolean): string {
  const today = wallClock(now, timeZone).date
  const { date, minutes, weekday } = wallClock(change, timeZone)
  const time = formatMinutes(minutes)
  const days = daysBetween(today, date)
  const overnight = isClosing && days === 1 && change.getTime() - now.getTime() < 12 * 3_600_000
  if (days === 0 || overnight) return `à ${time}`
  if (days === 1) return `demain à ${time}`
  if (days < 7) return `${DAY_LABELS[weekday].toLowerCase()} à ${time}`
  const [, month, day] = date.split('-').map(Number) as [number, number, number]
  return `le ${day === 1 ? '1er' : day} ${MONTHS[month - 1]} à ${time}`
}

/** Label of the closure or closed exception covering `localDate`, if any. */
function closedLabel(hours: OpeningHours, localDate: string): string | undefined {
  if (!isClosedAllDay(hours, localDate)) return undefined
  const exception = hours.exceptions.find((item) => item.date === localDate && item.closed && item.label)
  const closure = hours.closures.find((item) => item.from <= localDate && localDate <= item.to && item.label)
  return (exception?.label ?? closure?.label)?.trim() || undefined
}

/**
 * Short status line: "Ouvert maintenant · ferme à 19 h 00", "Fermé · ouvre lundi à 8 h 00",
 * "Fermé (Congés d'été) · ouvre le 24 août à 8 h 00", or just "Fermé" when nothing opens
 * within 14 days.
 */
export function describeOpenState(hours: OpeningHours, date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const change = nextChange(hours, date, timeZone)
  if (isOpenAt(hours, date, timeZone)) {
    return change
      ? `Ouvert maintenant · ferme ${describeWhen(change, date, timeZone, true)}`
      : 'Ouvert maintenant'
  }
  const closure = currentClosure(hours, date, timeZone)
  const label = closedLabel(hours, wallClock(date, timeZone).date)
  const closed = closure ? describeClosure(closure) : label ? `Fermé (${label})` : 'Fermé'
  return change ? `${closed} · ouvre ${describeWhen(change, date, timeZone, false)}` : closed
}

const SCHEMA_ORG_DAYS: Record<Day, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
}

/** schema.org OpeningHoursSpecification (JSON-LD), as used by search engines. */
export interface OpeningHoursSpecification {
  '@type': 'OpeningHoursSpecification'
  dayOfWeek?: string[]
  opens: string
  closes: string
  validFrom?: string
  validThrough?: string
  description?: string
}

/** schema.org has no 24:00: "until midnight" is written 23:59. */
function schemaOrgTime(time: string): string {
  return time === '24:00' ? '23:59' : time
}

/**
 * Weekly ranges grouped by identical hours ({ dayOfWeek: ['Monday', 'Tuesday'], opens, closes }),
 * then closures and exceptions as dated specifications; a closed day is opens = closes = "00:00".
 */
export function toSchemaOrgOpeningHours(hours: OpeningHours): OpeningHoursSpecification[] {
  const groups = new Map<string, OpeningHoursSpecification>()
  for (const day of DAYS) {
    const ranges = hours.weekly
      .filter((range) => range.day === day)
      .sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens))
    for (const { opens, closes } of ranges) {
      const key = `${opens}-${closes}`
      const group = groups.get(key)
      if (group) group.dayOfWeek!.push(SCHEMA_ORG_DAYS[day])
      else {
        groups.set(key, {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: [SCHEMA_ORG_DAYS[day]],
          opens,
          closes: schemaOrgTime(closes),
        })
      }
    }
  }

  const dated = (
    from: string,
    to: string,
    opens: string,
    closes: string,
    label?: string,
  ): OpeningHoursSpecification => ({
    '@type': 'OpeningHoursSpecification',
    opens,
    closes: schemaOrgTime(closes),
    validFrom: from,
    validThrough: to,
    ...(label ? { description: label } : {}),
  })

  const closures = hours.closures.map((closure) =>
    dated(closure.from, closure.to, '00:00', '00:00', closure.label),
  )
  const exceptions = hours.exceptions.map((exception) =>
    exception.closed || exception.opens === undefined || exception.closes === undefined
      ? dated(exception.date, exception.date, '00:00', '00:00', exception.label)
      : dated(exception.date, exception.date, exception.opens, exception.closes, exception.label),
  )
  return [...groups.values(), ...closures, ...exceptions]
}
