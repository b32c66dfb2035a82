/**
 * Opening hours as people type them: « 8h30-12h, 14h-18h30 », « 8 h 30 à 12 h », « 08:30 - 12:00 ».
 * The same lenient reading serves the admin editor, the owner's public form and the server
 * validation (API, imports), so every door accepts the same text and stores "HH:MM".
 */
import { DAY_LABELS, type Day, overnightProblem, rangeMinutes, toMinutes } from './schema'

export type TextRange = { opens: string; closes: string }

export type ParsedRanges = { ok: true; ranges: TextRange[] } | { ok: false; error: string }

const TIME_EXAMPLES = 'par exemple 8h, 8h30 ou 08:30'

/** Longer texts are refused before any pattern runs on them (the split patterns are not linear in runs of spaces). */
const MAX_TIME_LENGTH = 20
export const MAX_DAY_TEXT_LENGTH = 120

/**
 * One time as typed → "HH:MM", or null when it is not a time. Accepts 8, 8h, 8h30, 8H30,
 * 8:30, 08:30, « 8 h 30 », 8.30, midi; « 24h » and « minuit » only as a closing time (24:00).
 */
export function normalizeTime(input: string, edge: 'opens' | 'closes' = 'opens'): string | null {
  if (input.length > MAX_TIME_LENGTH) return null
  const text = input.toLowerCase().replace(/\s+/g, '')
  if (text === 'midi') return '12:00'
  if (text === 'minuit') return edge === 'closes' ? '24:00' : '00:00'
  const match = /^(\d{1,2})(?:(h|:|\.)(\d{2})?)?$/.exec(text)
  if (!match) return null
  const [, hoursText, separator, minutesText] = match
  if ((separator === ':' || separator === '.') && minutesText === undefined) return null
  const hours = Number(hoursText)
  const minutes = Number(minutesText ?? 0)
  if (minutes > 59) return null
  if (hours === 24 && minutes === 0) return edge === 'closes' ? '24:00' : '00:00'
  if (hours > 23) return null
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}

/** "08:30" → "8h30", "12:00" → "12h": the short French way, as the editor shows stored hours. */
export function shortTime(time: string): string {
  const hours = Number(time.slice(0, 2))
  const minutes = time.slice(3, 5)
  return minutes === '00' ? `${hours}h` : `${hours}h${minutes}`
}

/** Ranges → « 8h30-12h, 14h-18h30 » (empty for a closed day). */
export function formatRanges(ranges: readonly TextRange[]): string {
  return [...ranges]
    .sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens))
    .map((range) => `${shortTime(range.opens)}-${shortTime(range.closes)}`)
    .join(', ')
}

/** Parts of a day's text: « 8h30-12h, 14h-18h30 », also separated by « ; », « / » or « et ». */
function splitRanges(text: string): string[] {
  return text
    .split(/\s*(?:[,;/+]|\bet\b)\s*/i)
    .map((part) => part.trim())
    .filter(Boolean)
}

/** « 8h30 - 12h », « 8h30 à 12h », « 8h30–12h » → ["8h30", "12h"]. */
function splitRange(part: string): [string, string] | null {
  const match = /^(.+?)\s*(?:-|–|—|jusqu['’]?à|à)\s*(.+)$/i.exec(part.replace(/^de\s+/i, ''))
  if (!match) return null
  return [match[1]!.trim(), match[2]!.trim()]
}

/**
 * A day's ranges as typed → sorted ranges in "HH:MM", or a French message saying what to fix.
 * Empty text or « fermé » is a closed day.
 */
export function parseRanges(input: string): ParsedRanges {
  if (input.length > MAX_DAY_TEXT_LENGTH * 4) return { ok: false, error: tooLong() }
  const text = input.replace(/\s+/g, ' ').trim()
  if (text.length > MAX_DAY_TEXT_LENGTH) return { ok: false, error: tooLong() }
  if (!text || /^ferm[ée]e?$/i.test(text)) return { ok: true, ranges: [] }
  const ranges: TextRange[] = []
  for (const part of splitRanges(text)) {
    const pair = splitRange(part)
    if (!pair) {
      return {
        ok: false,
        error: `« ${part} » : indiquez l’ouverture et la fermeture séparées par un tiret, par exemple 8h30-12h.`,
      }
    }
    const opens = normalizeTime(pair[0], 'opens')
    if (!opens) return { ok: false, error: `« ${pair[0]} » n’est pas une heure d’ouverture : écrivez-la ${TIME_EXAMPLES}.` }
    const closes = normalizeTime(pair[1], 'closes')
    if (!closes) return { ok: false, error: `« ${pair[1]} » n’est pas une heure de fermeture : écrivez-la ${TIME_EXAMPLES}.` }
    if (toMinutes(opens) === toMinutes(closes)) {
      return { ok: false, error: `« ${part} » : l’heure de fermeture doit être différente de l’heure d’ouverture.` }
    }
    const overnight = overnightProblem(opens, closes)
    if (overnight) return { ok: false, error: overnight.replace(/'/g, '’') }
    ranges.push({ opens, closes })
  }
  ranges.sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens))
  for (let i = 1; i < ranges.length; i++) {
    const [, previousEnd] = rangeMinutes(ranges[i - 1]!)
    const [start] = rangeMinutes(ranges[i]!)
    if (start < previousEnd) {
      return {
        ok: false,
        error: `Les plages ${formatRanges([ranges[i - 1]!])} et ${formatRanges([ranges[i]!])} se chevauchent : corrigez-les ou réunissez-les.`,
      }
    }
  }
  return { ok: true, ranges }
}

function tooLong(): string {
  return `Texte trop long : ${MAX_DAY_TEXT_LENGTH} caractères au plus pour une journée, par exemple 8h30-12h, 14h-18h30.`
}

/** « lundi, mardi et mercredi ». */
export function listDays(days: readonly Day[]): string {
  const names = days.map((day) => DAY_LABELS[day].toLowerCase())
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}` : (names[0] ?? '')
}
