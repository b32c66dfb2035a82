import { luhnIsValid, toText, type ValidationResult } from './text'

const SIREN_LENGTH = 9

/** True when `digits` is exactly 9 digits with a valid Luhn key. */
export function isValidSiren(digits: string): boolean {
  return /^\d{9}$/.test(digits) && luhnIsValid(digits)
}

/** SIREN (company number, 9 digits). Spaces are accepted in the input. */
export function validateSiren(value: unknown): ValidationResult {
  const text = toText(value)
  if (text === null) return true
  const compact = text.replace(/\s+/g, '')
  if (!/^\d+$/.test(compact)) {
    return 'Le SIREN ne doit contenir que des chiffres (les espaces sont acceptés).'
  }
  if (compact.length !== SIREN_LENGTH) {
    return `Le SIREN doit comporter 9 chiffres (vous en avez saisi ${compact.length}).`
  }
  if (!isValidSiren(compact)) {
    return "Ce SIREN n’est pas valide : vérifiez les chiffres (clé de contrôle incorrecte)."
  }
  return true
}
