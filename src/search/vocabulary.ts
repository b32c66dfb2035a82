/**
 * The indexed words and how many entries hold each, used to expand query words with
 * synonyms and to correct typos ("plombiier" → "plombier") when a word matches nothing.
 */
import { synonymsOf } from './synonyms'
import { allowedTypos, editDistance } from './text'

export class Vocabulary {
  private readonly terms: string[]
  private readonly docs: Map<string, number>
  /** Terms by length, for corrections. */
  private readonly byLength = new Map<number, string[]>()
  private readonly corrections = new Map<string, string | null>()

  constructor(entries: Array<[term: string, docCount: number]>) {
    this.docs = new Map(entries)
    this.terms = [...this.docs.keys()].sort()
    for (const term of this.terms) {
      const list = this.byLength.get(term.length) ?? []
      list.push(term)
      this.byLength.set(term.length, list)
    }
  }

  get size(): number {
    return this.terms.length
  }

  /** Whether some indexed word is this term or starts with it. */
  hasPrefix(term: string): boolean {
    const first = this.firstAtOrAfter(term)
    return first < this.terms.length && this.terms[first]!.startsWith(term)
  }

  /** The indexed words that are this term or start with it, in order; null when there are more than `max`. */
  wordsStartingWith(term: string, max: number): string[] | null {
    const words: string[] = []
    for (let i = this.firstAtOrAfter(term); i < this.terms.length && this.terms[i]!.startsWith(term); i++) {
      if (words.length === max) return null
      words.push(this.terms[i]!)
    }
    return words
  }

  /** How many entries hold this indexed word. */
  docsOf(word: string): number {
    return this.docs.get(word) ?? 0
  }

  /** The index of the first term not before `term` (binary search). */
  private firstAtOrAfter(term: string): number {
    let lo = 0
    let hi = this.terms.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.terms[mid]! < term) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** The closest indexed word within the allowed number of edits, the most frequent on ties. */
  correct(term: string): string | null {
    const known = this.corrections.get(term)
    if (known !== undefined) return known
    const fixed = this.closest(term)
    if (this.corrections.size > 5000) this.corrections.clear()
    this.corrections.set(term, fixed)
    return fixed
  }

  private closest(term: string): string | null {
    const max = allowedTypos(term)
    if (max === 0) return null
    let best: string | null = null
    let bestDistance = max + 1
    let bestDocs = -1
    const candidates: string[] = []
    for (let length = term.length - max; length <= term.length + max; length++) candidates.push(...(this.byLength.get(length) ?? []))
    for (const candidate of candidates) {
      // People rarely get both first letters wrong: skip words sharing neither.
      if (candidate[0] !== term[0] && candidate[1] !== term[1]) continue
      const d = editDistance(term, candidate, max)
      if (d > max) continue
      const docs = this.docs.get(candidate) ?? 0
      if (d < bestDistance || (d === bestDistance && docs > bestDocs)) {
        best = candidate
        bestDistance = d
        bestDocs = docs
      }
    }
    return best
  }
}

/**
 * For each query word, the alternatives to search: the word itself (as a prefix), its
 * synonyms and, when the word matches nothing indexed, its closest correction and the
 * correction's synonyms.
 */
export function expandTerms(terms: string[], vocabulary: Vocabulary | null): string[][] {
  return terms.map((term) => {
    const alternatives = new Set<string>([term, ...synonymsOf(term)])
    if (vocabulary && ![...alternatives].some((t) => vocabulary.hasPrefix(t))) {
      const fixed = vocabulary.correct(term)
      if (fixed) for (const t of [fixed, ...synonymsOf(fixed)]) alternatives.add(t)
    }
    return [...alternatives]
  })
}
