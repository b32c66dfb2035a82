import { describeHoursChange } from '@/fields/openingHours/describe'
import { describe, expect, it } from '@jest/globals'

import { validateOpeningHours } from '@/fields/openingHours'
import { formatRanges, listDays, normalizeTime, parseRanges } from '@/fields/openingHours/text'

describe('times as people type them', () => {
  it.each([
    ['8h', '08:00'],
    ['8h30', '08:30'],
    ['8H30', '08:30'],
    ['8:30', '08:30'],
    ['08:30', '08:30'],
    ['8 h 30', '08:30'],
    ['8.30', '08:30'],
    ['8', '08:00'],
    ['18h05', '18:05'],
    ['midi', '12:00'],
    ['0h', '00:00'],
  ])('« %s » → %s', (typed, stored) => {
    expect(normalizeTime(typed)).toBe(stored)
  })

  it('takes 24h and minuit only as a closing time', () => {
    expect(normalizeTime('24h', 'closes')).toBe('24:00')
    expect(normalizeTime('minuit', 'closes')).toBe('24:00')
    expect(normalizeTime('minuit', 'opens')).toBe('00:00')
  })

  it.each(['25h', '8h75', '8:', 'huit heures', '8h3', '', '12:3O'])('refuses « %s »', (typed) => {
    expect(normalizeTime(typed)).toBeNull()
  })
})

describe('a day’s ranges', () => {
  const plumber = [
    { opens: '08:30', closes: '12:00' },
    { opens: '14:00', closes: '18:30' },
  ]

  it.each(['8h30-12h, 14h-18h30', '8h30 - 12h , 14h - 18h30', '08:30-12:00;14:00-18:30', '8 h 30 à 12 h et 14 h à 18 h 30', '14h-18h30 / 8h30-12h', 'de 8h30 à 12h, de 14h à 18h30', '8h30–12h, 14h–18h30'])(
    '« %s »',
    (typed) => {
      expect(parseRanges(typed)).toEqual({ ok: true, ranges: plumber })
    },
  )

  it('reads an empty day or « fermé » as closed, and a night range', () => {
    expect(parseRanges('  ')).toEqual({ ok: true, ranges: [] })
    expect(parseRanges('Fermé')).toEqual({ ok: true, ranges: [] })
    expect(parseRanges('22h-2h')).toEqual({ ok: true, ranges: [{ opens: '22:00', closes: '02:00' }] })
    expect(parseRanges('0h-24h')).toEqual({ ok: true, ranges: [{ opens: '00:00', closes: '24:00' }] })
  })

  it.each([
    ['8h30', /« 8h30 » : indiquez l’ouverture et la fermeture séparées par un tiret/],
    ['8h30-25h', /« 25h » n’est pas une heure de fermeture : écrivez-la par exemple 8h, 8h30 ou 08:30/],
    ['matin-12h', /« matin » n’est pas une heure d’ouverture/],
    ['8h-8h', /différente de l’heure d’ouverture/],
    ['12h-8h', /La fermeture \(08:00\) est avant l’ouverture \(12:00\)/],
    ['8h-12h, 11h-14h', /Les plages 8h-12h et 11h-14h se chevauchent/],
  ])('says what to fix in « %s »', (typed, message) => {
    const parsed = parseRanges(typed)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toMatch(message)
  })

  it('writes ranges back the short French way, sorted', () => {
    expect(formatRanges([plumber[1]!, plumber[0]!])).toBe('8h30-12h, 14h-18h30')
    expect(parseRanges(formatRanges(plumber))).toEqual({ ok: true, ranges: plumber })
    expect(listDays(['monday', 'tuesday', 'friday'])).toBe('lundi, mardi et vendredi')
  })

  it('leaves the stored shape and its validation as they were', () => {
    expect(validateOpeningHours({ weekly: plumber.map((range) => ({ day: 'monday', ...range })) })).toBe(true)
  })
})

describe('texts too long to be hours', () => {
  it('refuses a day of 64,000 spaces with a French message, before any pattern runs on it', () => {
    const result = parseRanges(`a${' '.repeat(64_000)}b`)
    expect(result).toEqual({ ok: false, error: expect.stringContaining('Texte trop long') })
  })

  it('refuses a time longer than any way of writing one', () => {
    expect(normalizeTime(`8${' '.repeat(50)}h`)).toBeNull()
  })

  it('still reads a day whose spaces were many but short', () => {
    expect(parseRanges('8h30   -   12h ,   14h  -  18h')).toEqual({ ok: true, ranges: [{ opens: '08:30', closes: '12:00' }, { opens: '14:00', closes: '18:00' }] })
  })
})

describe('an hours change as a person reads it (moderation queue, issue 19)', () => {
  test('only the changed days, « mardi 8h30–12h, 14h–18h30 », before and after', () => {
    const before = { weekly: [{ day: 'tuesday', opens: '06:30', closes: '13:00' }, { day: 'monday', opens: '09:00', closes: '12:00' }] }
    const after = {
      weekly: [
        { day: 'monday', opens: '09:00', closes: '12:00' },
        { day: 'tuesday', opens: '14:00', closes: '18:30' },
        { day: 'tuesday', opens: '08:30', closes: '12:00' },
        { day: 'saturday', opens: '09:00', closes: '12:00' },
      ],
      note: 'Sur rendez-vous le samedi',
      closures: [{ from: '2026-12-24T12:00:00.000Z', to: '2026-12-26T12:00:00.000Z', label: 'Congés' }],
    }
    expect(describeHoursChange(before, after)).toEqual({
      before: ['mardi 6h30–13h', 'samedi fermé'],
      after: ['mardi 8h30–12h, 14h–18h30', 'samedi 9h–12h', 'Fermé pour congés du 24 au 26 décembre', 'Précision : Sur rendez-vous le samedi'],
    })
    expect(describeHoursChange(before, before)).toEqual({ before: [], after: [] })
  })
})
