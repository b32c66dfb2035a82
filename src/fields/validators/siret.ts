import { isValidSiren } from './siren'
import { luhnIsValid, toText, type ValidationResult } from './text'

const SIRET_LENGTH = 14

/** SIREN of La Poste: its establishments do not follow the Luhn rule (see `isValidSiret`). */
const LA_POSTE_SIREN = '356000000'
/** La Poste's head office, the one La Poste SIRET that keeps a regular Luhn key. */
const LA_POSTE_HEAD_OFFICE = '35600000000048'

/** Keeps the digits only: "732 829 320 00074" → "73282932000074". */
export function normalizeSiret(value: string): string {
  return value.replace(/\D+/g, '')
}

/**
 * True when `digits` is a well-formed SIRET: 14 digits, valid Luhn key, valid SIREN part.
 * La Poste exception (INSEE): establishments of SIREN 356000000 are valid when the sum of the
 * 14 digits is a multiple of 5 — except the head office 35600000000048, which passes Luhn.
 */
export function isValidSiret(digits: string): boolean {
  if (!/^\d{14}$/.test(digits)) return false
  if (digits.startsWith(LA_POSTE_SIREN) && digits !== LA_POSTE_HEAD_OFFICE) {
    const digitSum = [...digits].reduce((sum, digit) => sum + Number(digit), 0)
    return digitSum % 5 === 0
  }
  return luhnIsValid(digits) && isValidSiren(digits.slice(0, 9))
}

/** SIRET (establishment number, 14 digits). Spaces are accepted in the input. */
export function validateSiret(value: unknown): ValidationResult {
  const text = toText(value)
  if (text === null) return true
  const compact = text.replace(/\s+/g, '')
  if (!/^\d+$/.test(compact)) {
    return 'Le SIRET ne doit contenir que des chiffres (les espaces sont acceptés).'
  }
  if (compact.length !== SIRET_LENGTH) {
    return `Le SIRET doit comporter 14 chiffres (vous en avez saisi ${compact.length}).`
  }
  if (!isValidSiret(compact)) {
    return "Ce SIRET n’est pas valide : vérifiez les chiffres (clé de contrôle incorrecte)."
  }
  return true
}
