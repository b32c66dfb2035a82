import { describe, expect, it } from '@jest/globals'

import {
  describeOpenState,
  formatWeeklyHours,
  isOpenAt,
  MAX_RANGES_PER_DAY,
  nextChange,
  type OpeningHours,
  type OpeningHoursInput,
  openingHoursSchema,
  rangesPerDayProblem,
  toSchemaOrgOpeningHours,
  validateOpeningHours,
} from '@/fields/openingHours'

const parse = (input: OpeningHoursInput): OpeningHours => openingHoursSchema.parse(input)
const at = (iso: string) => new Date(iso)
const iso = (date: Date | null) => date?.toISOString() ?? null

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const

/** A shop with a lunch break, Saturday morning, closed on Sunday. */
const shop = parse({
  weekly: [
    ...WEEKDAYS.flatMap((day) => [
      { day, opens: '08:00', closes: '12:30' },
      { day, opens: '14:00', closes: '19:00' },
    ]),
    { day: 'saturday', opens: '09:00', closes: '12:00' },
  ],
  closures: [{ from: '2026-08-01', to: '2026-08-23', label: "Congés d'été" }],
  exceptions: [
    { date: '2026-12-24', opens: '08:00', closes: '12:00', label: 'Veille de Noël' },
    { date: '2026-12-25', closed: true, label: 'Noël' },
    { date: '2026-12-20', opens: '10:00', closes: '18:00', label: 'Marché de Noël' },
    { date: '2026-12-31', opens: '08:00', closes: '12:00' },
    { date: '2026-12-31', opens: '14:00', closes: '16:00' },
  ],
})

/** A bar open across midnight on Friday and Saturday nights. */
const bar = parse({
  weekly: [
    { day: 'friday', opens: '18:00', closes: '02:00' },
    { day: 'saturday', opens: '18:00', closes: '02:00' },
  ],
})

/** For the DST days (both are Sundays): a Saturday night ending at 02:30 and a Sunday market. */
const dstPlace = parse({
  weekly: [
    { day: 'saturday', opens: '22:00', closes: '02:30' },
    { day: 'sunday', opens: '08:00', closes: '12:30' },
  ],
})

// In January Paris is UTC+1: 2026-01-05 is a Monday, 08:00 local = 07:00Z.
describe('isOpenAt — weekly hours with a lunch break', () => {
  it.each([
    ['2026-01-05T06:59:00Z', false], // 07:59
    ['2026-01-05T07:00:00Z', true], // 08:00
    ['2026-01-05T11:29:59Z', true], // 12:29:59
    ['2026-01-05T11:30:00Z', false], // 12:30, lunch break
    ['2026-01-05T12:59:00Z', false], // 13:59
    ['2026-01-05T13:00:00Z', true], // 14:00
    ['2026-01-05T17:59:00Z', true], // 18:59
    ['2026-01-05T18:00:00Z', false], // 19:00
    ['2026-01-10T08:30:00Z', true], // Saturday 09:30
    ['2026-01-10T11:00:00Z', false], // Saturday 12:00
    ['2026-01-11T10:00:00Z', false], // Sunday
  ])('%s → %p', (instant, expected) => {
    expect(isOpenAt(shop, at(instant))).toBe(expected)
  })

  it('uses the given time zone', () => {
    // 04:30Z is 08:30 in La Réunion (UTC+4) but 05:30 in Paris.
    expect(isOpenAt(shop, at('2026-01-05T04:30:00Z'), 'Indian/Reunion')).toBe(true)
    expect(isOpenAt(shop, at('2026-01-05T04:30:00Z'))).toBe(false)
  })
})

describe('isOpenAt — ranges crossing midnight', () => {
  it.each([
    ['2026-01-09T16:59:00Z', false], // Friday 17:59
    ['2026-01-09T17:00:00Z', true], // Friday 18:00
    ['2026-01-09T23:30:00Z', true], // Saturday 00:30, Friday night continues
    ['2026-01-10T00:59:00Z', true], // Saturday 01:59
    ['2026-01-10T01:00:00Z', false], // Saturday 02:00
    ['2026-01-11T00:00:00Z', true], // Sunday 01:00, Saturday night continues
    ['2026-01-11T17:30:00Z', false], // Sunday 18:30
    ['2026-01-08T00:00:00Z', false], // Thursday 01:00, nothing on Wednesday night
  ])('%s → %p', (instant, expected) => {
    expect(isOpenAt(bar, at(instant))).toBe(expected)
  })
})

describe('isOpenAt — closures and exceptions', () => {
  it('is closed all day during a closure period, whatever the weekly hours', () => {
    expect(isOpenAt(shop, at('2026-07-31T08:00:00Z'))).toBe(true) // Friday before, 10:00 (UTC+2)
    expect(isOpenAt(shop, at('2026-08-03T08:00:00Z'))).toBe(false) // Monday, 10:00
    expect(isOpenAt(shop, at('2026-08-22T08:00:00Z'))).toBe(false) // Saturday, last days
    expect(isOpenAt(shop, at('2026-08-24T08:00:00Z'))).toBe(true) // Monday after, 10:00
  })

  it('cuts a night range at midnight when the next day is closed', () => {
    const closedSaturday = parse({ ...bar, closures: [{ from: '2026-01-10', to: '2026-01-10' }] })
    expect(isOpenAt(closedSaturday, at('2026-01-09T22:59:00Z'))).toBe(true) // Friday 23:59
    expect(isOpenAt(closedSaturday, at('2026-01-09T23:00:00Z'))).toBe(false) // Saturday 00:00
    expect(isOpenAt(closedSaturday, at('2026-01-10T20:00:00Z'))).toBe(false) // Saturday 21:00
    expect(isOpenAt(closedSaturday, at('2026-01-11T00:00:00Z'))).toBe(false) // Sunday 01:00
  })

  it('replaces the weekly hours on an exception day', () => {
    // Thursday 2026-12-24 (UTC+1): 08:00–12:00 only.
    expect(isOpenAt(shop, at('2026-12-24T10:59:00Z'))).toBe(true) // 11:59
    expect(isOpenAt(shop, at('2026-12-24T11:00:00Z'))).toBe(false) // 12:00, usually open until 12:30
    expect(isOpenAt(shop, at('2026-12-24T14:00:00Z'))).toBe(false) // 15:00, usually open
    // Friday 2026-12-25: closed.
    expect(isOpenAt(shop, at('2026-12-25T09:00:00Z'))).toBe(false)
    // Sunday 2026-12-20, usually closed: open 10:00–18:00.
    expect(isOpenAt(shop, at('2026-12-20T10:00:00Z'))).toBe(true)
    expect(isOpenAt(shop, at('2026-12-27T10:00:00Z'))).toBe(false) // the next Sunday
  })

  it('combines several exceptions on the same date', () => {
    // Thursday 2026-12-31: 08:00–12:00 and 14:00–16:00.
    expect(isOpenAt(shop, at('2026-12-31T10:00:00Z'))).toBe(true) // 11:00
    expect(isOpenAt(shop, at('2026-12-31T12:00:00Z'))).toBe(false) // 13:00
    expect(isOpenAt(shop, at('2026-12-31T14:30:00Z'))).toBe(true) // 15:30
    expect(isOpenAt(shop, at('2026-12-31T15:30:00Z'))).toBe(false) // 16:30
  })
})

describe('DST days in Europe/Paris', () => {
  // 2026-03-29: at 01:00Z clocks jump from 02:00 (UTC+1) to 03:00 (UTC+2).
  it('2026-03-29: the Sunday market opens at 08:00 summer time', () => {
    expect(isOpenAt(dstPlace, at('2026-03-29T05:59:00Z'))).toBe(false) // 07:59 CEST
    expect(isOpenAt(dstPlace, at('2026-03-29T06:00:00Z'))).toBe(true) // 08:00 CEST
    expect(isOpenAt(dstPlace, at('2026-03-29T10:29:00Z'))).toBe(true) // 12:29 CEST
    expect(isOpenAt(dstPlace, at('2026-03-29T10:30:00Z'))).toBe(false) // 12:30 CEST
  })

  it('2026-03-29: a night ending at 02:30 (a time that does not exist) ends at 03:00', () => {
    expect(isOpenAt(dstPlace, at('2026-03-28T21:00:00Z'))).toBe(true) // Saturday 22:00 CET
    expect(isOpenAt(dstPlace, at('2026-03-29T00:59:00Z'))).toBe(true) // 01:59 CET
    expect(isOpenAt(dstPlace, at('2026-03-29T01:00:00Z'))).toBe(false) // 03:00 CEST
    expect(iso(nextChange(dstPlace, at('2026-03-29T00:30:00Z')))).toBe('2026-03-29T01:00:00.000Z')
    expect(iso(nextChange(dstPlace, at('2026-03-29T01:00:00Z')))).toBe('2026-03-29T06:00:00.000Z')
    expect(iso(nextChange(dstPlace, at('2026-03-28T12:00:00Z')))).toBe('2026-03-28T21:00:00.000Z')
    expect(describeOpenState(dstPlace, at('2026-03-29T00:30:00Z'))).toBe('Ouvert maintenant · ferme à 3 h 00')
  })

  // 2026-10-25: at 01:00Z clocks go back from 03:00 (UTC+2) to 02:00 (UTC+1).
  it('2026-10-25: the Sunday market opens at 08:00 winter time', () => {
    expect(isOpenAt(dstPlace, at('2026-10-25T06:30:00Z'))).toBe(false) // 07:30 CET
    expect(isOpenAt(dstPlace, at('2026-10-25T07:00:00Z'))).toBe(true) // 08:00 CET
    expect(isOpenAt(dstPlace, at('2026-10-25T11:29:00Z'))).toBe(true) // 12:29 CET
    expect(isOpenAt(dstPlace, at('2026-10-25T11:30:00Z'))).toBe(false) // 12:30 CET
  })

  it('2026-10-25: a night ending at 02:30 ends at the first 02:30 and does not reopen', () => {
    expect(isOpenAt(dstPlace, at('2026-10-24T20:00:00Z'))).toBe(true) // Saturday 22:00 CEST
    expect(isOpenAt(dstPlace, at('2026-10-25T00:29:00Z'))).toBe(true) // 02:29 CEST
    expect(isOpenAt(dstPlace, at('2026-10-25T00:30:00Z'))).toBe(false) // 02:30 CEST
    expect(isOpenAt(dstPlace, at('2026-10-25T01:15:00Z'))).toBe(false) // 02:15 CET, second time
    expect(iso(nextChange(dstPlace, at('2026-10-24T23:00:00Z')))).toBe('2026-10-25T00:30:00.000Z')
    expect(iso(nextChange(dstPlace, at('2026-10-25T00:30:00Z')))).toBe('2026-10-25T07:00:00.000Z')
    expect(iso(nextChange(dstPlace, at('2026-10-24T10:00:00Z')))).toBe('2026-10-24T20:00:00.000Z')
    expect(describeOpenState(dstPlace, at('2026-10-25T01:15:00Z'))).toBe('Fermé · ouvre à 8 h 00')
  })

  it('counts a week across the change in local time', () => {
    // Friday 2026-03-27 after closing (CET) → Monday 2026-03-30 08:00 CEST.
    expect(iso(nextChange(shop, at('2026-03-27T19:00:00Z')))).toBe('2026-03-28T08:00:00.000Z') // Sat 09:00 CET
    expect(iso(nextChange(shop, at('2026-03-28T12:00:00Z')))).toBe('2026-03-30T06:00:00.000Z') // Mon 08:00 CEST
  })
})

describe('nextChange', () => {
  it('finds the next closing and opening', () => {
    expect(iso(nextChange(shop, at('2026-01-05T10:00:00Z')))).toBe('2026-01-05T11:30:00.000Z')
    expect(iso(nextChange(shop, at('2026-01-05T11:30:00Z')))).toBe('2026-01-05T13:00:00.000Z')
    expect(iso(nextChange(shop, at('2026-01-09T18:30:00Z')))).toBe('2026-01-10T08:00:00.000Z')
    expect(iso(nextChange(shop, at('2026-01-10T11:00:00Z')))).toBe('2026-01-12T07:00:00.000Z')
    expect(iso(nextChange(bar, at('2026-01-09T22:00:00Z')))).toBe('2026-01-10T01:00:00.000Z')
  })

  it('skips closures and exceptions', () => {
    expect(iso(nextChange(shop, at('2026-07-31T16:00:00Z')))).toBe('2026-07-31T17:00:00.000Z') // Friday 19:00
    expect(nextChange(shop, at('2026-07-31T17:00:00Z'))).toBeNull() // reopens 24 days later
    expect(iso(nextChange(shop, at('2026-08-10T08:00:00Z')))).toBe('2026-08-24T06:00:00.000Z')
    expect(iso(nextChange(shop, at('2026-12-24T09:00:00Z')))).toBe('2026-12-24T11:00:00.000Z')
    expect(iso(nextChange(shop, at('2026-12-24T11:00:00Z')))).toBe('2026-12-26T08:00:00.000Z')
  })

  it('returns null when nothing changes within 14 days', () => {
    expect(nextChange(shop, at('2026-08-05T08:00:00Z'))).toBeNull() // reopens on 08-24
    expect(nextChange(parse({ weekly: [] }), at('2026-01-05T10:00:00Z'))).toBeNull()
    const alwaysOpen = parse({
      weekly: (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const).map(
        (day) => ({ day, opens: '00:00', closes: '24:00' }),
      ),
    })
    expect(isOpenAt(alwaysOpen, at('2026-03-29T01:30:00Z'))).toBe(true)
    expect(nextChange(alwaysOpen, at('2026-03-25T10:00:00Z'))).toBeNull()
  })
})

describe('describeOpenState', () => {
  it.each([
    ['2026-01-05T10:00:00Z', 'Ouvert maintenant · ferme à 12 h 30'], // Monday 11:00
    ['2026-01-05T12:00:00Z', 'Fermé · ouvre à 14 h 00'], // Monday 13:00
    ['2026-01-05T05:00:00Z', 'Fermé · ouvre à 8 h 00'], // Monday 06:00
    ['2026-01-09T18:30:00Z', 'Fermé · ouvre demain à 9 h 00'], // Friday 19:30
    ['2026-01-10T11:00:00Z', 'Fermé · ouvre lundi à 8 h 00'], // Saturday 12:00
    ['2026-01-11T10:00:00Z', 'Fermé · ouvre demain à 8 h 00'], // Sunday
    ['2026-12-25T09:00:00Z', 'Fermé (Noël) · ouvre demain à 9 h 00'],
    ['2026-08-10T08:00:00Z', "Fermé pour congés du 1er au 23 août (Congés d'été) · ouvre le 24 août à 8 h 00"],
    ['2026-08-05T08:00:00Z', "Fermé pour congés du 1er au 23 août (Congés d'été)"],
  ])('%s → %s', (instant, expected) => {
    expect(describeOpenState(shop, at(instant))).toBe(expected)
  })

  it('says the closing time of a night range without "demain"', () => {
    expect(describeOpenState(bar, at('2026-01-09T22:00:00Z'))).toBe('Ouvert maintenant · ferme à 2 h 00')
  })

  it('names the day when an open period ends on a later day', () => {
    const weekend = parse({
      weekly: [
        { day: 'saturday', opens: '08:00', closes: '24:00' },
        { day: 'sunday', opens: '00:00', closes: '20:00' },
      ],
    })
    expect(describeOpenState(weekend, at('2026-01-10T09:00:00Z'))).toBe(
      'Ouvert maintenant · ferme demain à 20 h 00',
    )
  })

  it('says "le 1er" for the first day of a month', () => {
    const hours = parse({ weekly: [], exceptions: [{ date: '2026-10-01', opens: '09:00', closes: '17:00' }] })
    expect(describeOpenState(hours, at('2026-09-21T10:00:00Z'))).toBe('Fermé · ouvre le 1er octobre à 9 h 00')
  })
})

describe('formatWeeklyHours', () => {
  it('lists every day in French, Monday first', () => {
    const weekday = '8 h 00 – 12 h 30, 14 h 00 – 19 h 00'
    expect(formatWeeklyHours(shop)).toEqual([
      { day: 'Lundi', text: weekday },
      { day: 'Mardi', text: weekday },
      { day: 'Mercredi', text: weekday },
      { day: 'Jeudi', text: weekday },
      { day: 'Vendredi', text: weekday },
      { day: 'Samedi', text: '9 h 00 – 12 h 00' },
      { day: 'Dimanche', text: 'Fermé' },
    ])
  })

  it('sorts ranges and shows night ranges as entered', () => {
    const hours = parse({
      weekly: [
        { day: 'friday', opens: '18:00', closes: '02:00' },
        { day: 'friday', opens: '11:30', closes: '14:00' },
      ],
    })
    expect(formatWeeklyHours(hours)[4]).toEqual({
      day: 'Vendredi',
      text: '11 h 30 – 14 h 00, 18 h 00 – 2 h 00',
    })
  })
})

describe('toSchemaOrgOpeningHours', () => {
  it('groups days with the same hours and adds closures and exceptions', () => {
    const hours = parse({
      weekly: [
        { day: 'monday', opens: '08:00', closes: '12:30' },
        { day: 'tuesday', opens: '08:00', closes: '12:30' },
        { day: 'tuesday', opens: '14:00', closes: '19:00' },
        { day: 'saturday', opens: '20:00', closes: '24:00' },
      ],
      closures: [{ from: '2026-08-01', to: '2026-08-23', label: "Congés d'été" }],
      exceptions: [
        { date: '2026-12-24', opens: '08:00', closes: '12:00' },
        { date: '2026-12-25', closed: true },
      ],
    })
    expect(toSchemaOrgOpeningHours(hours)).toEqual([
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: ['Monday', 'Tuesday'],
        opens: '08:00',
        closes: '12:30',
      },
      { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Tuesday'], opens: '14:00', closes: '19:00' },
      { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Saturday'], opens: '20:00', closes: '23:59' },
      {
        '@type': 'OpeningHoursSpecification',
        opens: '00:00',
        closes: '00:00',
        validFrom: '2026-08-01',
        validThrough: '2026-08-23',
        description: "Congés d'été",
      },
      {
        '@type': 'OpeningHoursSpecification',
        opens: '08:00',
        closes: '12:00',
        validFrom: '2026-12-24',
        validThrough: '2026-12-24',
      },
      {
        '@type': 'OpeningHoursSpecification',
        opens: '00:00',
        closes: '00:00',
        validFrom: '2026-12-25',
        validThrough: '2026-12-25',
      },
    ])
  })
})

describe('schema and validateOpeningHours', () => {
  it('fills missing closures and exceptions with empty lists', () => {
    expect(openingHoursSchema.parse({ weekly: [] })).toEqual({ weekly: [], closures: [], exceptions: [] })
  })

  it('accepts several ranges per day and ranges crossing midnight', () => {
    expect(validateOpeningHours({ weekly: shop.weekly })).toBe(true)
    expect(validateOpeningHours({ weekly: bar.weekly })).toBe(true)
    expect(validateOpeningHours(null)).toBe(true)
  })

  it.each([
    [
      { weekly: [{ day: 'monday', opens: '8:00', closes: '12:00' }] },
      "Horaires de la semaine, ligne 1 : Heure d’ouverture invalide : utilisez le format HH:MM, par exemple 08:30.",
    ],
    [
      {
        weekly: [
          { day: 'monday', opens: '08:00', closes: '12:00' },
          { day: 'lundi', opens: '14:00', closes: '18:00' },
        ],
      },
      'Horaires de la semaine, ligne 2 : Jour invalide : choisissez un jour de la semaine.',
    ],
    [
      { weekly: [{ day: 'monday', opens: '08:00', closes: '25:00' }] },
      'Horaires de la semaine, ligne 1 : Heure de fermeture invalide : utilisez le format HH:MM, par exemple 19:00 (ou 24:00 pour minuit).',
    ],
    [
      { weekly: [{ day: 'monday', opens: '08:00', closes: '08:00' }] },
      "Horaires de la semaine, ligne 1 : L’heure de fermeture doit être différente de l’heure d’ouverture.",
    ],
    [
      {
        weekly: [
          { day: 'tuesday', opens: '08:00', closes: '12:30' },
          { day: 'tuesday', opens: '12:00', closes: '19:00' },
        ],
      },
      'Horaires de la semaine : Les horaires du mardi se chevauchent (08:00–12:30 et 12:00–19:00) : corrigez ou fusionnez ces plages.',
    ],
    [
      { weekly: [], closures: [{ from: '2026-08-23', to: '2026-08-01' }] },
      'Fermetures, ligne 1 : La date de fin de fermeture doit être identique ou postérieure à la date de début.',
    ],
    [
      { weekly: [], closures: [{ from: '2026-02-30', to: '2026-03-01' }] },
      'Fermetures, ligne 1 : Date invalide : utilisez le format AAAA-MM-JJ, par exemple 2026-08-15.',
    ],
    [
      { weekly: [], exceptions: [{ date: '2026-12-24', opens: '08:00' }] },
      "Jours exceptionnels, ligne 1 : Pour un jour exceptionnel, indiquez soit « fermé », soit une heure d’ouverture et une heure de fermeture.",
    ],
    [
      { weekly: [], exceptions: [{ date: '2026-12-25', closed: true, opens: '08:00', closes: '12:00' }] },
      "Jours exceptionnels, ligne 1 : Pour un jour exceptionnel, indiquez soit « fermé », soit une heure d’ouverture et une heure de fermeture.",
    ],
    [
      { closures: [] },
      'Horaires de la semaine : Les horaires de la semaine doivent être une liste de plages.',
    ],
    ['lundi 8h-12h', "Horaires d’ouverture invalides : données manquantes ou mal formées."],
  ])('rejects %j', (value, message) => {
    expect(validateOpeningHours(value)).toBe(message)
  })
})

describe('caps on opening hours (issue 17: 2,436 ranges were accepted)', () => {
  const ranges = (day: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({ day, opens: `${String(i * 2).padStart(2, '0')}:00`, closes: `${String(i * 2 + 1).padStart(2, '0')}:00` }))

  it('accepts 4 ranges a day, every day', () => {
    const week = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].flatMap((d) => ranges(d, MAX_RANGES_PER_DAY))
    expect(validateOpeningHours({ weekly: week })).toBe(true)
    expect(rangesPerDayProblem(week)).toBeNull()
  })

  it('refuses a fifth range on a day, in French, naming the day', () => {
    const message = 'Le mardi a 5 plages horaires : 4 au plus par jour. Fusionnez les plages qui se suivent.'
    expect(validateOpeningHours({ weekly: ranges('tuesday', 5) })).toBe(message)
    expect(rangesPerDayProblem(ranges('tuesday', 5))).toBe(message)
  })

  it('refuses more rows than the week can hold, even with days the schema would refuse', () => {
    expect(rangesPerDayProblem(Array.from({ length: 2436 }, () => ({ day: 'x' })))).toBe('2436 plages horaires : 28 au plus pour la semaine (4 par jour).')
  })

  it('refuses too many closures and exceptional days', () => {
    const closures = Array.from({ length: 31 }, () => ({ from: '2026-08-01', to: '2026-08-02' }))
    expect(validateOpeningHours({ weekly: [], closures })).toBe('31 fermetures : 30 au plus. Supprimez les lignes déjà passées.')
    const exceptions = Array.from({ length: 61 }, () => ({ date: '2026-08-01', closed: true }))
    expect(validateOpeningHours({ weekly: [], exceptions })).toBe('61 jours exceptionnels : 60 au plus. Supprimez les lignes déjà passées.')
  })
})
