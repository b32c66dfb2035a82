import { type CountryCode, type PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max'

import { toText, type ValidationResult } from './text'

/**
 * Overseas departments and territories that can be dialled with a 10-digit national number
 * from mainland France (0590…, 0262…, 0694…). Tried before FR: "05 96 12 34 56" also matches
 * the mainland pattern, but it is a Martinique number (+596 596…).
 */
const OVERSEAS_NATIONAL: CountryCode[] = ['GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF']

/** Every country code whose numbers we accept as "French". */
const FRENCH_COUNTRIES = new Set<CountryCode>([...OVERSEAS_NATIONAL, 'FR', 'NC', 'PF', 'WF'])

/** "+33…" or "0033…": the number carries its country code. */
const INTERNATIONAL_PREFIX = /^(\+|00)/

/** Parses a French (mainland or overseas) phone number; `undefined` when not valid. */
function parseFrenchPhone(input: string): PhoneNumber | undefined {
  const text = input.trim()
  const candidates: CountryCode[] = INTERNATIONAL_PREFIX.test(text) ? ['FR'] : [...OVERSEAS_NATIONAL, 'FR']
  for (const country of candidates) {
    const parsed = parsePhoneNumberFromString(text, country)
    if (parsed?.isValid() && parsed.country && FRENCH_COUNTRIES.has(parsed.country)) {
      return parsed
    }
  }
  return undefined
}

/** French phone number, mainland or overseas, national ("03 44 46 12 34") or international ("+33 3…"). */
export function validateFrenchPhone(value: unknown): ValidationResult {
  const text = toText(value)
  if (text === null) return true
  if (parseFrenchPhone(text)) return true
  if (INTERNATIONAL_PREFIX.test(text)) {
    const foreign = parsePhoneNumberFromString(text)
    if (foreign?.isValid()) {
      return 'Seuls les numéros français (métropole et outre-mer) sont acceptés.'
    }
  } else {
    const digitCount = text.replace(/\D/g, '').length
    if (digitCount !== 10) {
      return `Un numéro de téléphone français comporte 10 chiffres, par exemple 03 44 46 12 34 (vous en avez saisi ${digitCount}).`
    }
  }
  return "Ce numéro de téléphone n’est pas valide : vérifiez-le (exemples : 03 44 46 12 34 ou +33 6 12 34 56 78)."
}

/**
 * National format for display: "+33344461234" → "03 44 46 12 34". Returns the trimmed input
 * unchanged when it is not a valid French number.
 */
export function formatFrenchPhone(value: string): string {
  const parsed = parseFrenchPhone(value)
  return parsed ? parsed.formatNational() : value.trim()
}

/** E.164 format for storage and `tel:` links: "03 44 46 12 34" → "+33344461234"; `null` when invalid. */
export function phoneToE164(value: string): string | null {
  return parseFrenchPhone(value)?.number ?? null
}

/** The `tel:` link of a phone as typed, always in the +33 form: "03.44.46.12.34" → "tel:+33344461234". */
export function phoneHref(value: string): string {
  const e164 = phoneToE164(value)
  if (e164) return `tel:${e164}`
  const digits = value.replace(/[^+\d]/g, '')
  return `tel:${digits.startsWith('0') ? `+33${digits.slice(1)}` : digits}`
}
