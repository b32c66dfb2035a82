/**
 * The mairie's contact box of a municipal notice (issue 19): the commune's mairie when it is
 * filled in, else the intercommunalité under its own name, else nothing.
 */
import { mairieContact } from '@/site/mairie'

const territory = { name: 'CC de la Picardie Verte', address: '15 route de Dieppe\n60210 Grandvilliers', contactPhone: '0344461234', contactEmail: 'contact@picardie-verte.fr' }

describe('mairieContact', () => {
  test('the commune’s mairie: address and hours line by line, phone and e-mail as typed', () => {
    const commune = {
      name: 'Grandvilliers',
      mairie: { address: '1 place Barbier\n60210 Grandvilliers\n', phone: '03.44.46.12.34', email: 'mairie@grandvilliers.fr', hours: 'Lundi au vendredi : 9 h – 12 h\n\nSamedi : 9 h – 12 h' },
    }
    expect(mairieContact(commune, territory)).toEqual({
      title: 'Mairie de Grandvilliers',
      isMairie: true,
      addressLines: ['1 place Barbier', '60210 Grandvilliers'],
      phone: '03.44.46.12.34',
      email: 'mairie@grandvilliers.fr',
      hoursLines: ['Lundi au vendredi : 9 h – 12 h', 'Samedi : 9 h – 12 h'],
    })
  })

  test('a mairie not filled in: the intercommunalité’s contact, never called « Mairie de … »', () => {
    expect(mairieContact({ name: 'Hanvoile', mairie: { address: ' ', phone: null } }, territory)).toEqual({
      title: 'CC de la Picardie Verte',
      isMairie: false,
      addressLines: ['15 route de Dieppe', '60210 Grandvilliers'],
      phone: '0344461234',
      email: 'contact@picardie-verte.fr',
      hoursLines: [],
    })
    expect(mairieContact(null, territory)?.title).toBe('CC de la Picardie Verte')
  })

  test('nothing to show: no box', () => {
    expect(mairieContact({ name: 'Hanvoile' }, { name: 'CC X' })).toBeNull()
    expect(mairieContact(null, null)).toBeNull()
  })
})
