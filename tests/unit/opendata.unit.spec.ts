import { osmHours } from '@/opendata/rows'
import { SCHEMAS } from '@/opendata/schema'
import { validateTable } from '@/opendata/validate'

describe('open-data validation', () => {
  const header = SCHEMAS.entreprises.fields.map((f) => f.name)
  const good = { id: 'entreprise-1', nom: 'Boulangerie', commune: 'Grandvilliers', date_maj: '2026-01-01T00:00:00.000Z', siret: '73282932000074' }

  it('accepts a valid row and reports each broken constraint in French', () => {
    expect(validateTable(SCHEMAS.entreprises, header, [good])).toEqual([])
    const errors = validateTable(SCHEMAS.entreprises, header, [good, { ...good, siret: '123', nom: '', latitude: 'nord' }])
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('nom : valeur obligatoire'),
        expect.stringContaining('siret'),
        expect.stringContaining('latitude : nombre attendu'),
        expect.stringContaining('id : valeur en double'),
      ]),
    )
    expect(validateTable(SCHEMAS.entreprises, ['nom'], [])).toHaveLength(1)
  })

  it('writes opening hours in OpenStreetMap syntax', () => {
    expect(
      osmHours({
        weekly: [
          { day: 'tuesday', opens: '14:00', closes: '19:00' },
          { day: 'monday', opens: '08:00', closes: '12:00' },
          { day: 'tuesday', opens: '08:00', closes: '12:00' },
        ],
      }),
    ).toBe('Mo 08:00-12:00; Tu 08:00-12:00,14:00-19:00')
    expect(osmHours(undefined)).toBeNull()
  })
})
