import { describe, expect, it } from '@jest/globals'

import { findContactDetails } from '@/forms/contactDetails'

describe('contact details in a public text', () => {
  it.each([
    'Appelez-moi au 06 11 22 33 44',
    'tél. 06.11.22.33.44 le soir',
    '0611223344',
    'au 06-11-22-33-44 !',
    '+33 6 11 22 33 44',
    '+33611223344',
    '0033 6 11 22 33 44',
    '+33 (0)6 11 22 33 44',
    'fixe : 03 44 12 34 56.',
    'numéro 06\u00a011\u00a022\u00a033\u00a044',
  ])('finds the phone number in « %s »', (text) => {
    expect(findContactDetails(text)).toBe('phone')
  })

  it.each([
    'écrivez à jeanne.perso@free.fr',
    'JEANNE@ORANGE.FR',
    'jeanne [at] free.fr',
    'jeanne (arobase) free point fr',
    'jeanne at free dot fr',
    'jeanne arobase laposte.net',
    'jeanne @ free . fr',
  ])('finds the e-mail address in « %s »', (text) => {
    expect(findContactDetails(text)).toBe('email')
  })

  it.each([
    'Je tonds les pelouses, 15 € de l’heure, le samedi de 9 h à 12 h.',
    'SIRET 73282932000074',
    'Cours de piano pour enfants de 6 à 10 ans, 2 fois par semaine.',
    'Rendez-vous le 06/11 à 14 h 30, 12 rue des Lilas.',
    'Code postal 60210, 3 enfants, 1 200 m² de jardin.',
    'Je cherche quelqu’un at home pour garder mon chat.',
  ])('accepts « %s »', (text) => {
    expect(findContactDetails(text)).toBeNull()
  })
})
