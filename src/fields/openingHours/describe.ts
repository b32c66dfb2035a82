/**
 * Opening hours as a person writes them, for reading a change (moderation queue):
 * « mardi 8h30–12h, 14h–18h30 », only the days that changed, before and after.
 */
import { describeClosure, formatDateRange } from './format'
import { DAY_LABELS, DAYS, type Day, toMinutes } from './schema'
import { shortTime } from './text'

type Range = { day?: string | null; opens?: string | null; closes?: string | null }
type StoredHours = {
  weekly?: Range[] | null
  closures?: Array<{ from?: string | null; to?: string | null; label?: string | null }> | null
  exceptions?: Array<{ date?: string | null; opens?: string | null; closes?: string | null; closed?: boolean | null; label?: string | null }> | null
  note?: string | null
} | null | undefined

const dayOnly = (value: string | null | undefined) => (value ?? '').slice(0, 10)

/** « 8h30–12h, 14h–18h30 », or « fermé ». */
export function dayHoursText(hours: StoredHours, day: Day): string {
  const ranges = (hours?.weekly ?? [])
    .filter((r): r is Required<Range> & { opens: string; closes: string } => r.day === day && Boolean(r.opens && r.closes))
    .sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens))
  return ranges.length ? ranges.map((r) => `${shortTime(r.opens)}–${shortTime(r.closes)}`).join(', ') : 'fermé'
}

function closureLines(hours: StoredHours): string[] {
  return (hours?.closures ?? [])
    .filter((c) => c.from && c.to)
    .map((c) => describeClosure({ from: dayOnly(c.from), to: dayOnly(c.to), label: c.label ?? undefined }))
}

function exceptionLines(hours: StoredHours): string[] {
  return (hours?.exceptions ?? [])
    .filter((e) => e.date)
    .map((e) => {
      const when = formatDateRange(dayOnly(e.date), dayOnly(e.date))
      const what = e.closed || !e.opens || !e.closes ? 'fermé' : `${shortTime(e.opens)}–${shortTime(e.closes)}`
      return `${when} : ${what}${e.label?.trim() ? ` (${e.label.trim()})` : ''}`
    })
}

/**
 * What changed between two versions of the hours, one line per changed day (« mardi 9h–12h »
 * → « mardi 8h30–12h, 14h–18h30 »), then closures, exceptional days and the note if they changed.
 */
export function describeHoursChange(before: StoredHours, after: StoredHours): { before: string[]; after: string[] } {
  const out = { before: [] as string[], after: [] as string[] }
  for (const day of DAYS) {
    const a = dayHoursText(before, day)
    const b = dayHoursText(after, day)
    if (a === b) continue
    const name = DAY_LABELS[day].toLowerCase()
    out.before.push(`${name} ${a}`)
    out.after.push(`${name} ${b}`)
  }
  for (const lines of [closureLines, exceptionLines]) {
    const a = lines(before)
    const b = lines(after)
    if (a.join('\n') === b.join('\n')) continue
    out.before.push(...(a.length ? a : []))
    out.after.push(...(b.length ? b : []))
  }
  const noteBefore = before?.note?.trim() ?? ''
  const noteAfter = after?.note?.trim() ?? ''
  if (noteBefore !== noteAfter) {
    if (noteBefore) out.before.push(`Précision : ${noteBefore}`)
    if (noteAfter) out.after.push(`Précision : ${noteAfter}`)
  }
  return out
}
