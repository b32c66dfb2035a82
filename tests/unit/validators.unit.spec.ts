import { describe, expect, it } from '@jest/globals'

import {
  formatFrenchPhone,
  isValidSiren,
  isValidSiret,
  normalizeRna,
  normalizeSiret,
  phoneHref,
  phoneToE164,
  postcodeMatchesCommune,
  validateEmail,
  validateFrenchPhone,
  validateHttpUrl,
  validatePostcode,
  validateRna,
  validateSiren,
  validateSiret,
} from '@/fields/validators'

const allValidators = [
  validateSiret,
  validateSiren,
  validateRna,
  validateFrenchPhone,
  validateHttpUrl,
  validateEmail,
  validatePostcode,
]

describe('empty values are left to `required`', () => {
  it.each([undefined, null, '', '   '])('accepts %p', (value) => {
    for (const validate of allValidators) expect(validate(value)).toBe(true)
  })
})

describe('SIRET', () => {
  const checksumError = "Ce SIRET n’est pas valide : vérifiez les chiffres (clé de contrôle incorrecte)."

  it('accepts valid SIRETs, with or without spaces', () => {
    expect(validateSiret('73282932000074')).toBe(true)
    expect(validateSiret('732 829 320 00074')).toBe(true)
    expect(validateSiret(' 55210055400013 ')).toBe(true)
  })

  it('rejects a wrong check digit', () => {
    expect(validateSiret('73282932000075')).toBe(checksumError)
    expect(validateSiret('73282932000047')).toBe(checksumError)
    expect(isValidSiret('73282932000075')).toBe(false)
  })

  it('says how many digits were typed', () => {
    expect(validateSiret('732829320000')).toBe('Le SIRET doit comporter 14 chiffres (vous en avez saisi 12).')
    expect(validateSiret('732 829 320 000 745')).toBe(
      'Le SIRET doit comporter 14 chiffres (vous en avez saisi 15).',
    )
  })

  it('rejects letters and punctuation', () => {
    expect(validateSiret('7328293200007A')).toBe(
      'Le SIRET ne doit contenir que des chiffres (les espaces sont acceptés).',
    )
    expect(validateSiret('732-829-320-00074')).toBe(
      'Le SIRET ne doit contenir que des chiffres (les espaces sont acceptés).',
    )
  })

  it('applies the La Poste rule (SIREN 356000000: sum of the 14 digits multiple of 5)', () => {
    // 3+5+6+4+9+8+3+7 = 45, and this number fails Luhn: only the La Poste rule accepts it.
    expect(isValidSiret('35600000049837')).toBe(true)
    expect(validateSiret('356 000 000 49837')).toBe(true)
    // Sum 15, Luhn invalid → valid for La Poste.
    expect(isValidSiret('35600000000001')).toBe(true)
    // Sum 46 → invalid.
    expect(validateSiret('35600000049838')).toBe(checksumError)
    // Luhn-valid but digit sum 19: La Poste establishments are not judged by Luhn.
    expect(isValidSiret('35600000000014')).toBe(false)
    // The head office (digit sum 26) keeps a regular Luhn key.
    expect(isValidSiret('35600000000048')).toBe(true)
  })

  it('normalizes to digits only', () => {
    expect(normalizeSiret(' 732 829 320 00074 ')).toBe('73282932000074')
    expect(normalizeSiret('732.829.320.00074')).toBe('73282932000074')
  })

  it('isValidSiret expects exactly 14 digits', () => {
    expect(isValidSiret('732 829 320 00074')).toBe(false)
    expect(isValidSiret('7328293200007')).toBe(false)
  })
})

describe('SIREN', () => {
  it('accepts valid SIRENs', () => {
    expect(validateSiren('732829320')).toBe(true)
    expect(validateSiren('732 829 320')).toBe(true)
    expect(validateSiren('356000000')).toBe(true)
    expect(isValidSiren('552100554')).toBe(true)
  })

  it('rejects wrong length, letters and check digit', () => {
    expect(validateSiren('73282932')).toBe('Le SIREN doit comporter 9 chiffres (vous en avez saisi 8).')
    expect(validateSiren('73282932A')).toBe(
      'Le SIREN ne doit contenir que des chiffres (les espaces sont acceptés).',
    )
    expect(validateSiren('732829321')).toBe(
      "Ce SIREN n’est pas valide : vérifiez les chiffres (clé de contrôle incorrecte).",
    )
    expect(isValidSiren('552100555')).toBe(false)
  })
})

describe('RNA', () => {
  const rnaError = 'Le numéro RNA commence par W suivi de 9 chiffres, par exemple W601234567.'

  it('accepts W + 9 digits, in any case', () => {
    expect(validateRna('W601234567')).toBe(true)
    expect(validateRna('w601234567')).toBe(true)
    expect(validateRna(' W60 123 4567 ')).toBe(true)
  })

  it('normalizes to uppercase without spaces', () => {
    expect(normalizeRna(' w60 123 4567 ')).toBe('W601234567')
  })

  it.each(['W60123456', 'W6012345678', '601234567', 'X601234567', 'W60123456A'])('rejects %p', (value) => {
    expect(validateRna(value)).toBe(rnaError)
  })
})

describe('French phone numbers', () => {
  it('accepts mainland numbers, national or international', () => {
    expect(validateFrenchPhone('03 44 46 12 34')).toBe(true)
    expect(validateFrenchPhone('0344461234')).toBe(true)
    expect(validateFrenchPhone('03.44.46.12.34')).toBe(true)
    expect(validateFrenchPhone('+33 6 12 34 56 78')).toBe(true)
    expect(validateFrenchPhone('0033 3 44 46 12 34')).toBe(true)
  })

  it('accepts overseas numbers', () => {
    expect(validateFrenchPhone('0590 12 34 56')).toBe(true) // Guadeloupe
    expect(validateFrenchPhone('0262 12 34 56')).toBe(true) // La Réunion
    expect(validateFrenchPhone('+590 590 12 34 56')).toBe(true)
  })

  it('rejects too short or too long numbers, telling how many digits were typed', () => {
    expect(validateFrenchPhone('12 34')).toBe(
      'Un numéro de téléphone français comporte 10 chiffres, par exemple 03 44 46 12 34 (vous en avez saisi 4).',
    )
    expect(validateFrenchPhone('03 44 46 12 34 5')).toBe(
      'Un numéro de téléphone français comporte 10 chiffres, par exemple 03 44 46 12 34 (vous en avez saisi 11).',
    )
  })

  it('rejects 10-digit numbers that do not exist', () => {
    expect(validateFrenchPhone('00 00 00 00 00')).toBe(
      "Ce numéro de téléphone n’est pas valide : vérifiez-le (exemples : 03 44 46 12 34 ou +33 6 12 34 56 78).",
    )
  })

  it('rejects foreign numbers', () => {
    expect(validateFrenchPhone('+44 20 7946 0958')).toBe(
      'Seuls les numéros français (métropole et outre-mer) sont acceptés.',
    )
  })

  it('formats in national format', () => {
    expect(formatFrenchPhone('0344461234')).toBe('03 44 46 12 34')
    expect(formatFrenchPhone('+33 6 12 34 56 78')).toBe('06 12 34 56 78')
    expect(formatFrenchPhone('+590590123456')).toBe('0590 12 34 56')
    expect(formatFrenchPhone(' 12 34 ')).toBe('12 34')
  })

  it('converts to E.164', () => {
    expect(phoneToE164('03 44 46 12 34')).toBe('+33344461234')
    expect(phoneToE164('+33 6 12 34 56 78')).toBe('+33612345678')
    expect(phoneToE164('0590 12 34 56')).toBe('+590590123456')
    expect(phoneToE164('0262 12 34 56')).toBe('+262262123456')
    expect(phoneToE164('12 34')).toBeNull()
  })

  it('shows « 03 44 46 12 34 » whatever was typed, and dials the +33 form', () => {
    for (const typed of ['0344461234', '03.44.46.12.34', '+33 3 44 46 12 34', '03-44-46-12-34', '0033344461234', ' 03 44 46 12 34 ']) {
      expect({ typed, shown: formatFrenchPhone(typed), href: phoneHref(typed) }).toEqual({ typed, shown: '03 44 46 12 34', href: 'tel:+33344461234' })
    }
    // Not a valid number: shown as typed, the link keeps its digits.
    expect(phoneHref('03 44 46')).toBe('tel:+3334446')
  })
})

describe('web addresses', () => {
  const schemeError =
    'Adresse web invalide : elle doit commencer par http:// ou https:// (par exemple https://www.exemple.fr).'

  it('accepts http and https addresses', () => {
    expect(validateHttpUrl('https://www.exemple.fr')).toBe(true)
    expect(validateHttpUrl('http://mairie-exemple.fr/horaires?jour=lundi#matin')).toBe(true)
    expect(validateHttpUrl('HTTPS://EXEMPLE.FR')).toBe(true)
  })

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://exemple.fr',
    'mailto:a@b.fr',
  ])('rejects %p', (value) => {
    expect(validateHttpUrl(value)).toBe(schemeError)
  })

  it('asks for the scheme when it is missing', () => {
    expect(validateHttpUrl('www.exemple.fr')).toBe(schemeError)
  })

  it('rejects incomplete hosts, credentials and spaces', () => {
    expect(validateHttpUrl('https://exemple')).toBe(
      'Adresse web invalide : le nom de domaine semble incomplet (par exemple https://www.exemple.fr).',
    )
    expect(validateHttpUrl('https://')).toBe(
      'Adresse web invalide : vérifiez son écriture (par exemple https://www.exemple.fr).',
    )
    expect(validateHttpUrl('https://exemple.fr@evil.com')).toBe(
      "Adresse web invalide : elle ne doit pas contenir d’identifiant ni de mot de passe (partie avant « @ »).",
    )
    expect(validateHttpUrl('https://www.exemple .fr')).toBe(
      "Adresse web invalide : elle ne doit pas contenir d’espace.",
    )
  })
})

describe('e-mail addresses', () => {
  it('accepts ordinary addresses', () => {
    expect(validateEmail('contact@exemple.fr')).toBe(true)
    expect(validateEmail('jean.dupont+annuaire@mairie-exemple.fr')).toBe(true)
    expect(validateEmail('élodie@café.fr')).toBe(true)
  })

  it('rejects malformed addresses with a precise message', () => {
    expect(validateEmail('contact.exemple.fr')).toBe(
      'Adresse e-mail invalide : elle doit contenir un seul « @ » (par exemple contact@exemple.fr).',
    )
    expect(validateEmail('a@b@exemple.fr')).toBe(
      'Adresse e-mail invalide : elle doit contenir un seul « @ » (par exemple contact@exemple.fr).',
    )
    expect(validateEmail('jean dupont@exemple.fr')).toBe(
      "Adresse e-mail invalide : elle ne doit pas contenir d’espace.",
    )
    expect(validateEmail('contact@exemple')).toBe(
      'Adresse e-mail invalide : vérifiez le nom de domaine après « @ » (par exemple contact@exemple.fr).',
    )
    expect(validateEmail('contact@exemple.')).toBe(
      'Adresse e-mail invalide : vérifiez le nom de domaine après « @ » (par exemple contact@exemple.fr).',
    )
    expect(validateEmail('@exemple.fr')).toBe(
      'Adresse e-mail invalide : la partie avant « @ » doit comporter entre 1 et 64 caractères (par exemple contact@exemple.fr).',
    )
    expect(validateEmail('jean..dupont@exemple.fr')).toBe(
      'Adresse e-mail invalide : la partie avant « @ » ne peut pas commencer ni finir par un point, ni contenir deux points de suite (par exemple contact@exemple.fr).',
    )
  })

  it('limits the length to 254 characters', () => {
    const domain = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(62)}.fr`
    const tooLong = `contact@${domain}`
    const longest = `ab@${domain.slice(3)}`.padStart(254, 'x')
    expect(tooLong).toHaveLength(256)
    expect(longest).toHaveLength(254)
    expect(validateEmail(tooLong)).toBe(
      'Adresse e-mail trop longue : 254 caractères au maximum (vous en avez saisi 256).',
    )
    expect(validateEmail(longest)).toBe(true)
  })
})

describe('postcodes', () => {
  it('accepts 5 digits', () => {
    expect(validatePostcode('60200')).toBe(true)
    expect(validatePostcode('97110')).toBe(true)
  })

  it('rejects other formats', () => {
    expect(validatePostcode('6020')).toBe('Le code postal doit comporter 5 chiffres, par exemple 60200.')
    expect(validatePostcode('60 200')).toBe('Le code postal doit comporter 5 chiffres, par exemple 60200.')
    expect(validatePostcode('00100')).toBe(
      "Ce code postal n’existe pas : un code postal français ne commence pas par 00.",
    )
  })

  it('checks the postcode against the commune', () => {
    expect(postcodeMatchesCommune('60200', ['60200'])).toBe(true)
    expect(postcodeMatchesCommune('60100', ['60200'])).toBe(
      'Le code postal 60100 ne correspond pas à la commune choisie (code attendu : 60200).',
    )
    expect(postcodeMatchesCommune('60100', ['60200', '60280'])).toBe(
      'Le code postal 60100 ne correspond pas à la commune choisie (codes possibles : 60200, 60280).',
    )
    expect(postcodeMatchesCommune('', ['60200'])).toBe(true)
    expect(postcodeMatchesCommune('60100', [])).toBe(true)
  })
})
