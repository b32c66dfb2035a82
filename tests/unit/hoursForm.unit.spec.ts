import { hoursToValues, rangesPerDay, valuesToHours } from '@/contributions/hoursForm'
import { validateOpeningHours } from '@/fields/openingHours'

describe('the « Mes horaires » form', () => {
  it('reads ranges, closures and the note, keeping exceptional days', () => {
    const keep = { exceptions: [{ date: '2026-12-24', closed: false, opens: '08:00', closes: '12:00' }] }
    const read = valuesToHours(
      {
        'lundi-1-ouvre': '8h30',
        'lundi-1-ferme': '12:00',
        'lundi-2-ouvre': '14:00',
        'lundi-2-ferme': '19:00',
        'samedi-1-ouvre': '22:00',
        'samedi-1-ferme': '02:00',
        'conge-1-du': '2026-08-01',
        'conge-1-au': '2026-08-15',
        'conge-1-motif': 'Congés d’été',
        note: ' Sur rendez-vous ',
      },
      keep,
    )
    expect(read).toEqual({
      ok: true,
      hours: {
        weekly: [
          { day: 'monday', opens: '08:30', closes: '12:00' },
          { day: 'monday', opens: '14:00', closes: '19:00' },
          { day: 'saturday', opens: '22:00', closes: '02:00' },
        ],
        closures: [{ from: '2026-08-01', to: '2026-08-15', label: 'Congés d’été' }],
        exceptions: keep.exceptions,
        note: 'Sur rendez-vous',
      },
    })
  })

  it('refuses 12:00–08:00 (closing before opening, too late for a night range) with a French message', () => {
    const read = valuesToHours({ 'mardi-1-ouvre': '12:00', 'mardi-1-ferme': '08:00', 'samedi-1-ouvre': '22:00', 'samedi-1-ferme': '02:00' }, null)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.errors['mardi-1-ferme']).toMatch(/^Mardi.*La fermeture \(08:00\) est avant l’ouverture \(12:00\)/)
    expect(read.errors['samedi-1-ferme']).toBeUndefined()
    // The same rule in the stored field's validation (admin, API).
    expect(validateOpeningHours({ weekly: [{ day: 'tuesday', opens: '12:00', closes: '08:00' }] })).toMatch(/ligne 1 : La fermeture \(08:00\) est avant/)
    expect(validateOpeningHours({ weekly: [{ day: 'friday', opens: '18:00', closes: '02:00' }] })).toBe(true)
  })

  it('names each wrong input in French, and saves nothing', () => {
    const read = valuesToHours(
      { 'mardi-1-ouvre': '09:00', 'mercredi-1-ouvre': '25:00', 'mercredi-1-ferme': '12:00', 'jeudi-2-ouvre': '10:00', 'jeudi-2-ferme': '10:00', 'conge-2-du': '2026-08-15', 'conge-2-au': '2026-08-01' },
      null,
    )
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.errors).toEqual({
      'mardi-1-ferme': expect.stringMatching(/^Mardi, plage 1 : indiquez l’heure de fermeture/),
      'mercredi-1-ouvre': expect.stringMatching(/format HH:MM/),
      'jeudi-2-ferme': expect.stringMatching(/différente/),
      'conge-2-au': expect.stringMatching(/date de fin doit suivre/),
    })
  })

  it('shows the stored hours, with more ranges on days that have more', () => {
    const hours = {
      weekly: [
        { day: 'friday' as const, opens: '08:00', closes: '10:00' },
        { day: 'friday' as const, opens: '11:00', closes: '12:00' },
        { day: 'friday' as const, opens: '14:00', closes: '18:00' },
      ],
      closures: [{ from: '2026-08-01T00:00:00.000Z', to: '2026-08-15T00:00:00.000Z', label: null }],
      note: 'Fermé les jours fériés',
    }
    expect(rangesPerDay(hours)).toMatchObject({ monday: 2, friday: 3 })
    expect(hoursToValues(hours)).toMatchObject({ 'vendredi-3-ouvre': '14:00', 'conge-1-du': '2026-08-01', 'conge-1-au': '2026-08-15', note: 'Fermé les jours fériés' })
  })
})
