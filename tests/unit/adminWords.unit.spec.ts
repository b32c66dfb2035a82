import { describe, expect, test } from '@jest/globals'

import { collections } from '@collections/index'
import { formatParisDate } from '@/components/admin/ParisDateCell/format'
import { adminFrench } from '@/i18n/adminFrench'

describe('the admin speaks Paris time and French (issue 19)', () => {
  test('dates read in Paris time, winter and summer, whatever the process time zone', () => {
    expect(formatParisDate('2026-12-05T19:54:00.000Z')).toBe('05/12/2026 20:54')
    expect(formatParisDate('2026-07-01T22:30:00.000Z')).toBe('02/07/2026 00:30')
    expect(formatParisDate('2026-07-01T22:30:00.000Z', false)).toBe('02/07/2026')
  })

  test('every date column of every collection, timestamps included, uses the Paris cell', () => {
    const cells = collections.flatMap((c) =>
      c.fields.filter((f) => f.type === 'date').map((f) => [c.slug, 'name' in f ? f.name : '', (f.admin as { components?: { Cell?: unknown } } | undefined)?.components?.Cell]),
    )
    expect(cells.filter(([slug, name]) => slug === 'users' && name === 'createdAt')).toHaveLength(1)
    for (const [, , cell] of cells) expect(cell).toBe('/src/components/admin/ParisDateCell/index.client#ParisDateCell')
  })

  test('an empty cell reads as French, not « <Pas de Communes gérées> »', () => {
    expect(adminFrench.general.noLabel).toBe('Non renseigné')
  })
})
