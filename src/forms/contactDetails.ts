/**
 * Personal contact details in a public text. Offers and needs never show a phone number or an
 * e-mail address: people who answer write through the site's contact form (the relay), which
 * keeps both sides' addresses hidden. Shared by the announcement form's schema and the
 * collection's field validation (REST, GraphQL and the admin go through the latter).
 */

export const CONTACT_DETAILS_MESSAGE =
  'Pour votre sécurité, ne publiez pas votre numéro ni votre e-mail : les personnes intéressées vous écriront par le formulaire de contact du site, sans voir vos coordonnées.'

// A separator between digit pairs: spaces (including non-breaking ones), dots, dashes, slashes.
const SEP = '[\\s.\\-/]{0,2}'
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

/** The first kind of contact detail found in the text, or null. */
export function findContactDetails(text: string | null | undefined): ContactDetail | null {
  if (!text) return null
  if (PHONE.test(text)) return 'phone'
  if (EMAIL.test(text) || OBFUSCATED_EMAIL.test(text)) return 'email'
  return null
}

export function hasNoContactDetails(text: string | null | undefined): boolean {
  return findContactDetails(text) === null
}
