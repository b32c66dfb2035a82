import { describe, expect, it } from '@jest/globals'

import { frenchDay, shownFromInstant } from '@/search/shownFrom'

describe('a notice’s first day (« Afficher à partir du »)', () => {
  it('starts at midnight in Paris, winter (UTC+1) and summer (UTC+2)', () => {
    // The admin's day picker stores the day at some hour; only the day counts.
    expect(shownFromInstant('2026-12-10T11:00:00.000Z')).toBe('2026-12-09T23:00:00.000Z')
    expect(shownFromInstant('2026-07-14T10:00:00.000Z')).toBe('2026-07-13T22:00:00.000Z')
    expect(shownFromInstant(new Date('2026-03-29T12:00:00.000Z'))).toBe('2026-03-28T23:00:00.000Z')
    expect(frenchDay(new Date('2026-12-09T23:00:00.000Z'))).toBe('2026-12-10')
    expect(frenchDay(new Date('2026-12-09T22:59:59.999Z'))).toBe('2026-12-09')
  })

  it('is none without a valid date', () => {
    expect(shownFromInstant(null)).toBeNull()
    expect(shownFromInstant('')).toBeNull()
    expect(shownFromInstant('pas une date')).toBeNull()
  })
})
