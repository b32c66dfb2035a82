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
  const match = matchExpression(clean, operator, vocabulary)
  if (match === null) return null
  let maxMatches = vocabulary ? (operator === 'AND' ? Number.POSITIVE_INFINITY : 0) : Number.POSITIVE_INFINITY
  if (vocabulary) {
    for (const group of clean) {
      const holders = group.reduce((sum, term) => sum + vocabulary.docsStartingWith(term, MAX_COUNTED_WORDS), 0)
      maxMatches = operator === 'AND' ? Math.min(maxMatches, holders) : maxMatches + holders
    }
  }
  return { match, groups: clean, operator, maxMatches }
}

/**
 * An FTS5 MATCH string from sanitised words only: every term quoted, as a prefix — or,
 * given the vocabulary the index holds, as the very words it begins (see MAX_PREFIX_WORDS).
 */
export function matchExpression(groups: string[][], operator: 'AND' | 'OR', vocabulary?: Vocabulary): string | null {
  const alternatives = (term: string): string[] => {
    const words = vocabulary && term.length > INDEXED_PREFIX_LENGTH ? vocabulary.wordsStartingWith(term, MAX_PREFIX_WORDS) : null
    return words?.length ? words.map((word) => `"${word.replaceAll('"', '""')}"`) : [`"${term}"*`]
  }
  const parts = searchableGroups(groups).map((group) => `(${[...new Set(group.flatMap(alternatives))].join(' OR ')})`)
  return parts.length ? parts.join(` ${operator} `) : null
}
