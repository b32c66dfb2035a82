import { toText, type ValidationResult } from './text'

/** Uppercases and removes spaces: " w60 123 4567 " → "W601234567". */
export function normalizeRna(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

/** RNA number (Répertoire national des associations): "W" followed by 9 digits. */
export function validateRna(value: unknown): ValidationResult {
  const text = toText(value)
  if (text === null) return true
  if (!/^W\d{9}$/.test(normalizeRna(text))) {
    return 'Le numéro RNA commence par W suivi de 9 chiffres, par exemple W601234567.'
  }
  return true
}
