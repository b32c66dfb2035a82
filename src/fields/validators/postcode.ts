import { toText, type ValidationResult } from './text'

/** French postcode: 5 digits (no French postcode starts with 00). */
export function validatePostcode(value: unknown): ValidationResult {
  const text = toText(value)
  if (text === null) return true
  if (!/^\d{5}$/.test(text)) {
    return 'Le code postal doit comporter 5 chiffres, par exemple 60200.'
  }
  if (text.startsWith('00')) {
    return "Ce code postal n’existe pas : un code postal français ne commence pas par 00."
  }
  return true
}

/**
 * Checks that `postcode` is one of the commune's postcodes. Accepts when either side is empty
 * (nothing to compare yet).
 */
export function postcodeMatchesCommune(postcode: string, communePostcodes: string[]): ValidationResult {
  const code = postcode.trim()
  if (code === '' || communePostcodes.length === 0) return true
  if (communePostcodes.includes(code)) return true
  const expected =
    communePostcodes.length === 1
      ? `code attendu : ${communePostcodes[0]}`
      : `codes possibles : ${communePostcodes.join(', ')}`
  return `Le code postal ${code} ne correspond pas à la commune choisie (${expected}).`
}
