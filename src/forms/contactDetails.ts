/**
 * Personal contact details in a public text. Offers and needs never show a phone number or an
 * e-mail address: people who answer write through the site's contact form (the relay), which
 * keeps both sides' addresses hidden. Shared by the announcement form's schema and the
 * collection's field validation (REST, GraphQL and the admin go through the latter).
 */

export const CONTACT_DETAILS_MESSAGE =
  'Pour votre sécurité, ne publiez pas votre numéro ni votre e-mail : les personnes intéressées vous écriront par le formulaire de contact du site, sans voir vos coordonnées.'

// A separator between digit pairs: spaces (including non-breaking ones), dots, dashes, slashes,
// underscores, middle dots and bullets, up to three of them (« 06 - 11 - 22 … »).
const SEP = '[\\s.\\-/_·•]{0,3}'
/**
 * French numbers: 06 11 22 33 44, 06.11.22.33.44, 0611223344, +33 6 11 22 33 44,
 * +33 (0)6…, 0033 6…; not inside a longer number (a SIRET, a reference).
 */
const PHONE = new RegExp(`(?<![\\d+])(?:(?:\\+|00)\\s?33${SEP}(?:\\(0\\)${SEP})?|0)[1-9](?:${SEP}\\d{2}){4}(?!\\d)`, 'u')

const TLD = '(?:fr|com|net|org|eu|info|be|ch|io|me|biz|re|bzh)'
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,}/iu
// « jeanne [at] free.fr », « jeanne (arobase) free point fr », « jeanne at free dot fr »
const AT = '\\s*(?:@|[\\[({]\\s*(?:at|arobase|@)\\s*[\\])}]|\\s(?:at|arobase)\\s)\\s*'
const DOT = '\\s*(?:\\.|[\\[({]\\s*(?:dot|point)\\s*[\\])}]|\\s(?:dot|point)\\s)\\s*'
const OBFUSCATED_EMAIL = new RegExp(`[\\p{L}\\d._%+-]+${AT}[\\p{L}\\d-]+(?:${DOT}[\\p{L}\\d-]+)*${DOT}${TLD}\\b`, 'iu')

export type ContactDetail = 'phone' | 'email'

const DECIMAL_DIGIT = /\p{Nd}/u
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0]/gu
const DASH = /\p{Pd}/gu

/** The value (0–9) of a Unicode decimal digit: digits come in runs of whole 0…9 sequences. */
function digitValue(char: string): number {
  let start = char.codePointAt(0)!
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--
  return (char.codePointAt(0)! - start) % 10
}

/**
 * The text as the filter reads it, so that look-alike characters cannot hide a number:
 * compatibility forms folded (NFKC: fullwidth ０６, mathematical 𝟎𝟔, circled…), every decimal
 * digit of any script (Arabic-Indic ٠٦, Devanagari…) turned into 0–9, invisible characters
 * (zero-width spaces, soft hyphens) removed and every kind of dash read as « - ».
 */
export function normalizeForDetection(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(DASH, '-')
    .replace(/\p{Nd}/gu, (digit) => (/[0-9]/.test(digit) ? digit : String(digitValue(digit))))
}

/** The first kind of contact detail found in the text, or null. */
export function findContactDetails(text: string | null | undefined): ContactDetail | null {
  if (!text) return null
  const normalized = normalizeForDetection(text)
  if (PHONE.test(normalized)) return 'phone'
  if (EMAIL.test(normalized) || OBFUSCATED_EMAIL.test(normalized)) return 'email'
  return null
}

export function hasNoContactDetails(text: string | null | undefined): boolean {
  return findContactDetails(text) === null
}
