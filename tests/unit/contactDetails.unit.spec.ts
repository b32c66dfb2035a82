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
    // Look-alike digits and separators (security finding F2): each one alone used to pass.
    'fullwidth ０６ １１ ２２ ３３ ４４',
    'arabe ٠٦ ١١ ٢٢ ٣٣ ٤٤',
    'persan ۰۶۱۱۲۲۳۳۴۴',
    'devanagari ०६ ११ २२ ३३ ४४',
    'gras 𝟎𝟔 𝟏𝟏 𝟐𝟐 𝟑𝟑 𝟒𝟒',
    'double 𝟘𝟞𝟙𝟙𝟚𝟚𝟛𝟛𝟜𝟜',
    'mélange 0６ 1１ ٢2 𝟑3 ४4',
    'indice ₀₆ ₁₁ ₂₂ ₃₃ ₄₄',
    'cercles ⓪⑥ ①① ②② ③③ ④④',
    'tirets 06 – 11 — 22 ‒ 33 ― 44',
    'zéro largeur 06\u200b11\u200b22\u200b33\u200b44',
    'trait conditionnel 06\u00ad11\u00ad22\u00ad33\u00ad44',
    'points 06·11·22·33·44 ou 06•11•22•33•44',
    'soulignés 06_11_22_33_44',
    'espaces fines 06\u202f11\u200922\u300033\u200a44',
    'points pleine chasse ０６．１１．２２．３３．４４',
    'plus pleine chasse ＋３３ ６ １１ ２２ ３３ ４４',
    'espacé 06 - 11 - 22 - 33 - 44',
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
    'pleine chasse ｊｅａｎｎｅ＠ｆｒｅｅ．ｆｒ',
    'zéro largeur jeanne\u200b@\u200bfree.fr',
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
    'Ouvert du lundi au vendredi – de 9 h à 12 h – 2 € le kilo.',
    'Chiffres arabes ١٢ pommes et ٣ poires.',
    'Rendez-vous ０６/１１ à 14 h 30.',
  ])('accepts « %s »', (text) => {
    expect(findContactDetails(text)).toBeNull()
  })
})
