import { foldName } from './mapping'

/** A category of the directory, as the import compares it. */
export type CategoryRef = { id: number | string; name: string; slug?: string | null; parent?: number | string | null; keywords?: string | null }

/**
 * How a category written in a spreadsheet cell was understood:
 * - `exact`: the same name, whatever the case, accents or plural;
 * - `close`: one part of a directory category (« Boulangerie » for « Boulangerie, pâtisserie »)
 *   or one of its search keywords; the dry run shows it so that the administrator checks it;
 * - `missing`: nothing matches; the dry run proposes to create it (under its parent when the cell
 *   reads « Alimentation > Boulangerie » and « Alimentation » exists).
 */
export type CategoryMatch =
  | { kind: 'exact' | 'close'; written: string; category: CategoryRef }
  | { kind: 'missing'; written: string; name: string; parent: CategoryRef | null }

/** Singular of a folded French word: « boulangeries » → « boulangerie », « travaux » → « travail » is not attempted. */
function singular(word: string): string {
  if (word.length > 3 && /[sx]$/.test(word) && !/ss$/.test(word)) return word.slice(0, -1)
  return word
}

/** The comparable form of a name: no case, accents, punctuation or plural. */
export function categoryKey(text: string): string {
  return foldName(text.replace(/œ/gi, 'oe').replace(/æ/gi, 'ae'))
    .split(' ')
    .filter(Boolean)
    .map(singular)
    .join(' ')
}

/** « Boulangerie, pâtisserie » → its parts, « Kinésithérapie et paramédical » → both words. */
function partsOf(name: string): string[] {
  return name
    .split(/,|\bet\b|\//i)
    .map((p) => categoryKey(p))
    .filter(Boolean)
}

function keywordsOf(category: CategoryRef): string[] {
  return (category.keywords ?? '')
    .split(',')
    .map((k) => categoryKey(k))
    .filter(Boolean)
}

/** Segments of « Alimentation > Boulangerie » (also « / » and « » »), last one is the category. */
export function pathSegments(written: string): string[] {
  return written
    .split(/\s*(?:>|»|\/(?=\s))\s*/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Prefers the candidates under the parent the cell names, then the only one left. */
function pick(candidates: CategoryRef[], parent: CategoryRef | null): CategoryRef | undefined {
  if (candidates.length === 0) return undefined
  if (parent) {
    const under = candidates.filter((c) => c.parent !== undefined && c.parent !== null && String(c.parent) === String(parent.id))
    if (under.length === 1) return under[0]
  }
  return candidates.length === 1 ? candidates[0] : undefined
}

/** Understands one category as people write it (see CategoryMatch). */
export function matchCategory(written: string, categories: readonly CategoryRef[]): CategoryMatch {
  const whole = written.trim()
  const segments = pathSegments(whole)
  const name = segments[segments.length - 1] ?? whole
  const parentName = segments.length > 1 ? segments[segments.length - 2] : undefined
  const byKey = (key: string) => categories.filter((c) => categoryKey(c.name) === key)
  const parent = parentName ? (pick(byKey(categoryKey(parentName)), null) ?? null) : null

  const exactWhole = pick(byKey(categoryKey(whole)), parent) ?? categories.find((c) => c.slug && c.slug === whole)
  if (exactWhole) return { kind: 'exact', written: whole, category: exactWhole }
  const key = categoryKey(name)
  const exact = pick(byKey(key), parent)
  if (exact) return { kind: 'exact', written: whole, category: exact }
  const byPart = pick(
    categories.filter((c) => partsOf(c.name).includes(key)),
    parent,
  )
  if (byPart) return { kind: 'close', written: whole, category: byPart }
  const byKeyword = pick(
    categories.filter((c) => keywordsOf(c).includes(key)),
    parent,
  )
  if (byKeyword) return { kind: 'close', written: whole, category: byKeyword }
  return { kind: 'missing', written: whole, name: name.replace(/\s+/g, ' ').slice(0, 80), parent }
}

/** Splits a cell holding several categories (« | » or « ; »: names may contain commas). */
export function splitCategories(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(/[|;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
}
