import { describe, expect, it } from '@jest/globals'

import { copyToTickedDays, hoursToValues, valuesToHours } from '@/contributions/hoursForm'
import { validateOpeningHours } from '@/fields/openingHours'

describe('the « Mes horaires » form', () => {
  it('reads one text per day as people write it, closures and the note, keeping exceptional days', () => {
    const keep = { exceptions: [{ date: '2026-12-24', closed: false, opens: '08:00', closes: '12:00' }] }
    const read = valuesToHours(
      {
        lundi: '8h30-12h, 14h-19h',
        mardi: '',
        samedi: '22:00 - 2h',
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
    const read = valuesToHours({ mardi: '12h-8h', samedi: '22h-2h' }, null)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.errors.mardi).toMatch(/^Mardi : La fermeture \(08:00\) est avant l’ouverture \(12:00\)/)
    expect(read.errors.samedi).toBeUndefined()
    // The same rule in the stored field's validation (admin, API).
    expect(validateOpeningHours({ weekly: [{ day: 'tuesday', opens: '12:00', closes: '08:00' }] })).toMatch(/ligne 1 : La fermeture \(08:00\) est avant/)
    expect(validateOpeningHours({ weekly: [{ day: 'friday', opens: '18:00', closes: '02:00' }] })).toBe(true)
  })

  it('names each wrong day in French, and saves nothing', () => {
    const read = valuesToHours({ mardi: '9h', mercredi: '25h-12h', jeudi: '10h-10h', 'conge-2-du': '2026-08-15', 'conge-2-au': '2026-08-01' }, null)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.errors).toEqual({
      mardi: expect.stringMatching(/^Mardi : « 9h » : indiquez l’ouverture et la fermeture séparées par un tiret/),
      mercredi: expect.stringMatching(/^Mercredi : « 25h » n’est pas une heure d’ouverture/),
      jeudi: expect.stringMatching(/différente/),
      'conge-2-au': expect.stringMatching(/date de fin doit suivre/),
    })
  })

  it('shows the stored hours one line per day', () => {
    const hours = {
      weekly: [
        { day: 'friday' as const, opens: '14:00', closes: '18:00' },
        { day: 'friday' as const, opens: '08:00', closes: '10:00' },
        { day: 'friday' as const, opens: '11:00', closes: '12:00' },
      ],
      closures: [{ from: '2026-08-01T00:00:00.000Z', to: '2026-08-15T00:00:00.000Z', label: null }],
      note: 'Fermé les jours fériés',
    }
    expect(hoursToValues(hours)).toMatchObject({ lundi: '', vendredi: '8h-10h, 11h-12h, 14h-18h', 'conge-1-du': '2026-08-01', 'conge-1-au': '2026-08-15', note: 'Fermé les jours fériés' })
  })
})

describe('« Copier sur les jours cochés » without JavaScript', () => {
  it('fills the ticked days, clears the ticks and says what it did', () => {
    const copied = copyToTickedDays({ modele: '8h-12h, 14h-18h', 'copier-lundi': '1', 'copier-vendredi': '1', samedi: '9h-12h', action: 'copier' })
    expect(copied?.errors).toEqual({})
    expect(copied?.values).toMatchObject({ lundi: '8h-12h, 14h-18h', vendredi: '8h-12h, 14h-18h', samedi: '9h-12h', modele: '' })
    expect(copied?.values['copier-lundi']).toBeUndefined()
    expect(copied?.values._copie).toBe('Horaires 8h-12h, 14h-18h copiés sur lundi et vendredi. Vérifiez-les puis enregistrez.')
  })

  it('keeps what was typed and says what to fix', () => {
    expect(copyToTickedDays({ modele: '8h30', 'copier-lundi': '1' })?.errors.modele).toMatch(/séparées par un tiret/)
    expect(copyToTickedDays({ modele: '8h-12h' })?.errors.modele).toBe('Cochez les jours où copier ces horaires.')
    expect(copyToTickedDays({ 'copier-mardi': '1' })?.errors.modele).toMatch(/^Écrivez les horaires à copier/)
    // Nothing to copy: Enter in a field saves.
    expect(copyToTickedDays({ lundi: '8h-12h' })).toBeNull()
  })
})
