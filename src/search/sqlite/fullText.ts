/**
 * The FTS5 query of a search: its MATCH string, built from sanitised words only, and an
 * upper bound of its matches read off the vocabulary (how many entries hold each word), so
 * that a search known to match few entries goes straight to bm25.
 */
import type { Vocabulary } from '../vocabulary'

export type FullText = {
  /** The FTS5 MATCH string. */
  match: string
  /** The groups of alternative terms it was made from (every group, or one, must match). */
  groups: string[][]
  operator: 'AND' | 'OR'
  /** At most this many entries match (Infinity: unknown). */
  maxMatches: number
}

/** Prefixes FTS5 keeps an index for (`prefix = '2 3 4'` in engine.ts): such a prefix query reads one ready list. */
const INDEXED_PREFIX_LENGTH = 4
/**
 * A longer prefix is written as the indexed words it begins when they are at most this
 * many: FTS5 then reads their lists as they are, where a prefix query would first scan the
 * range of words and copy their lists into one (a third of the full-text time at 100,000
 * entries for « médecin » and its synonyms).
 */
const MAX_PREFIX_WORDS = 16
/** Words of a prefix counted for the upper bound of matches; beyond, the bound is unknown. */
const MAX_COUNTED_WORDS = 64

/** The groups of alternative terms with only sanitised words (letters and digits), empty groups dropped. */
export function searchableGroups(groups: string[][]): string[][] {
  return groups.map((group) => group.filter((t) => /^[a-z0-9]+$/.test(t))).filter((group) => group.length > 0)
}

/** The FTS5 query of sanitised groups, or null when no word is left. */
export function fullTextQuery(groups: string[][], operator: 'AND' | 'OR', vocabulary?: Vocabulary): FullText | null {
  const clean = searchableGroups(groups)
  // The indexed words each term begins, read once for the expression and the bound (null: unknown or too many).
  const words = new Map(clean.flat().map((term) => [term, vocabulary?.wordsStartingWith(term, MAX_COUNTED_WORDS) ?? null]))
  const match = expression(clean, operator, (term) => words.get(term) ?? null)
  if (match === null) return null
  const holders = (term: string) => words.get(term)?.reduce((sum, word) => sum + (vocabulary?.docsOf(word) ?? 0), 0) ?? Number.POSITIVE_INFINITY
  const groupHolders = clean.map((group) => group.reduce((sum, term) => sum + holders(term), 0))
  const maxMatches = operator === 'AND' ? Math.min(...groupHolders) : groupHolders.reduce((sum, count) => sum + count, 0)
  return { match, groups: clean, operator, maxMatches }
}

/**
 * An FTS5 MATCH string from sanitised words only: every term quoted, as a prefix — or,
 * given the vocabulary the index holds, as the very words it begins (see MAX_PREFIX_WORDS).
 */
export function matchExpression(groups: string[][], operator: 'AND' | 'OR', vocabulary?: Vocabulary): string | null {
  return expression(searchableGroups(groups), operator, (term) => vocabulary?.wordsStartingWith(term, MAX_PREFIX_WORDS) ?? null)
}

/** The MATCH string of clean groups, given the indexed words each term begins (null: unknown or too many). */
function expression(groups: string[][], operator: 'AND' | 'OR', wordsOf: (term: string) => string[] | null): string | null {
  const alternatives = (term: string): string[] => {
    const words = term.length > INDEXED_PREFIX_LENGTH ? wordsOf(term) : null
    return words?.length && words.length <= MAX_PREFIX_WORDS ? words.map((word) => `"${word.replaceAll('"', '""')}"`) : [`"${term}"*`]
  }
  const parts = groups.map((group) => `(${[...new Set(group.flatMap(alternatives))].join(' OR ')})`)
  return parts.length ? parts.join(` ${operator} `) : null
}
