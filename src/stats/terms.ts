/** Longest search phrase kept in the statistics; longer ones are cut at a word boundary. */
export const MAX_TERM_LENGTH = 60

/**
 * The form under which a search phrase is counted: lowercase, without accents or
 * punctuation, single spaces. Phrases that look like personal data (an e-mail address, a
 * phone number, a long number) are not kept: `undefined`.
 */
export function normalizeSearchTerm(text: string | null | undefined): string | undefined {
  if (!text) return undefined
  if (/@/.test(text)) return undefined
  const digits = text.replace(/\D/g, '')
  if (digits.length >= 6) return undefined
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
  if (!folded) return undefined
  if (folded.length <= MAX_TERM_LENGTH) return folded
  const cut = folded.slice(0, MAX_TERM_LENGTH)
  const space = cut.lastIndexOf(' ')
  return space > 0 ? cut.slice(0, space) : cut
}

/** The current month in UTC, as stored: `YYYY-MM`. */
export function monthOf(date: Date = new Date()): string {
  return date.toISOString().slice(0, 7)
}
