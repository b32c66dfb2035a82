/** Shared helpers for the field validators (internal). */

/** What every validator returns: `true` when the value is acceptable, otherwise a French message. */
export type ValidationResult = true | string

/**
 * Turns a field value into trimmed text. Returns `null` for "empty" values (null, undefined,
 * blank string): emptiness is the job of `required`, so validators accept it.
 * Numbers are converted to text (an identifier stored as a number loses its leading zeros,
 * which the length check then reports).
 */
export function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return ''
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

/** Luhn checksum (used by SIREN and SIRET). `digits` must contain digits only. */
export function luhnIsValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}
