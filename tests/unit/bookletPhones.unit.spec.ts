import { describe, expect, it } from '@jest/globals'

import { DEFAULT_BRANDING } from '@/reports/branding'
import { type DirectoryBook } from '@/reports/directory'
import { directoryPdf } from '@/reports/directoryPdf'
import { readPdf } from '../support/pdf'

describe('phones in the paper booklet', () => {
  it('prints « 03 44 46 12 34 » whatever was typed, in the entries and the mairie’s box', async () => {
    const book: DirectoryBook = {
      territory: { id: 1, name: 'CC de la Picardie Verte' },
      commune: { id: 2, name: 'Grandvilliers' },
      contact: { title: 'Mairie de Grandvilliers', address: '12 place de la Mairie', phone: '+33 3 44 00 00 00' },
      branding: DEFAULT_BRANDING,
      sections: [
        {
          category: 'Plomberie',
          entries: [
            { name: 'Plomberie Martin', kind: 'businesses', commune: 'Grandvilliers', phone: '0344461234' },
            { name: 'Chauffage Leroy', kind: 'businesses', commune: 'Grandvilliers', phone: '03.44.46.56.78' },
          ],
        },
      ],
      notices: [],
      announcements: [],
      generatedAt: new Date('2026-12-05T10:00:00Z'),
    }
    const text = (await readPdf(await directoryPdf(book))).map((page) => page.text).join(' ')
    expect(text).toContain('03 44 46 12 34')
    expect(text).toContain('03 44 46 56 78')
    expect(text).toContain('03 44 00 00 00')
    expect(text).not.toMatch(/0344461234|03\.44|\+33/)
  })
})
