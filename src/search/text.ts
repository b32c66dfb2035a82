/**
 * Text processing shared by every engine: accent and case folding, tokenising, a light
 * French plural stemmer and the few stop words a query drops. The SQLite engine indexes
 * the output of `indexText`, so the same function runs on documents and on queries.
 */

/** Longest query text we look at; anything beyond is ignored, never an error. */
export const MAX_QUERY_LENGTH = 200
/** At most this many words of a query are searched. */
export const MAX_QUERY_TOKENS = 8

const STOP_WORDS = new Set([
  'a', 'au', 'aux', 'avec', 'ce', 'ces', 'chez', 'd', 'dans', 'de', 'des', 'du', 'en', 'et', 'j', 'je', 'l', 'la', 'le',
  'les', 'leur', 'ma', 'mes', 'mon', 'ne', 'ou', 'par', 'pas', 'pour', 'qu', 'que', 'qui', 's', 'sa', 'se', 'ses',
  'son', 'sur', 'ta', 'te', 'tes', 'ton', 'un', 'une', 'vos', 'votre', 'y',
])

/** Lower case, no diacritics, œ/æ spelt out, one apostrophe: "Épicerie Œufs" → "epicerie oeufs". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’‘]/g, "'")
}

/** Words of a folded text: letters and digits only (apostrophes, hyphens and symbols split). */
export function words(text: string): string[] {
  return fold(text).match(/[a-z0-9]+/g) ?? []
}

/**
 * Light French stemmer: removes the plural only ("boulangeries" → "boulangerie",
 * "gâteaux" → "gateau", "chevaux" → "cheval"). Applied alike to documents and queries.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d+$/.test(word)) return word
  if (word.endsWith('eaux')) return word.slice(0, -1)
  if (word.endsWith('aux') && word.length > 4) return `${word.slice(0, -3)}al`
  if (word.endsWith('ss')) return word
  if (word.endsWith('s') || word.endsWith('x')) return word.slice(0, -1)
  return word
}

/** The stemmed words of a document field, space separated (what the SQLite index stores). */
export function indexText(text: string | null | undefined): string {
  if (!text) return ''
  return words(text).map(stem).join(' ')
}

/** The searchable words of what a person typed: folded, stemmed, stop words and duplicates dropped. */
export function queryTerms(text: string | null | undefined): string[] {
  if (!text) return []
  const seen = new Set<string>()
  for (const word of words(text.slice(0, MAX_QUERY_LENGTH))) {
    if (word.length < 2 && !/^\d$/.test(word)) continue
    if (STOP_WORDS.has(word)) continue
    const term = stem(word).slice(0, 40)
    seen.add(term)
    if (seen.size >= MAX_QUERY_TOKENS) break
  }
  return [...seen]
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped at max + 1. */
export function editDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > max) return max + 1
  const rows = a.length + 1
  const cols = b.length + 1
  let prevPrev = new Array<number>(cols).fill(0)
  let prev = Array.from({ length: cols }, (_, j) => j)
  for (let i = 1; i < rows; i++) {
    const current = new Array<number>(cols).fill(0)
    current[0] = i
    let rowMin = current[0]
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1)
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (rowMin > max) return max + 1
    prevPrev = prev
    prev = current
  }
  return Math.min(prev[cols - 1]!, max + 1)
}

/** How many edits a word of this length may carry and still be corrected. */
export function allowedTypos(term: string): number {
  if (term.length < 4) return 0
  if (term.length < 8) return 1
  return 2
}

/** A short plain-text summary of a description. */
export function summarize(text: string | null | undefined, max = 220): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`
}
