/**
 * Which entries hold which words, in memory: the lexemes of each entry's `tsvector` as
 * PostgreSQL made them (same configuration, stemming and accents, so the same matches as
 * `tsv @@ to_tsquery(…)`), each with the best weight it has in the entry (A name, B
 * categories, C communes, D description). Loaded and kept in step with the columns
 * (columns.ts): a search finds its matches here without reading one table page per match.
 *
 * A query is groups of alternative lexeme prefixes (`boulanger:* | pain:*`): every group
 * (AND) or one of them (OR) must begin a lexeme of the entry, as the tsquery matches.
 */

/**
 * An entry's lexemes as PostgreSQL writes a tsvector (`'boulang':1A,5B 'pain':3`): the
 * cheapest form to read (one text per row; splitting it in SQL cost PostgreSQL about seven
 * times as much at load).
 */
export const LEXEMES_SQL = `tsv::text AS lexemes`

/**
 * The lexemes of a tsvector's text and the best weight code of each (3 A … 0 D; a
 * position without a letter, or no position, is D). Quotes inside a lexeme are doubled,
 * backslashes escaped.
 */
export function parseTsvector(text: string): Array<[string, number]> {
  const out: Array<[string, number]> = []
  let i = 0
  while (i < text.length) {
    if (text[i] !== "'") {
      i++
      continue
    }
    let lexeme = ''
    for (i++; i < text.length; i++) {
      const c = text[i]!
      if (c === '\\') lexeme += text[++i] ?? ''
      else if (c === "'") {
        if (text[i + 1] !== "'") break
        lexeme += "'"
        i++
      } else lexeme += c
    }
    i++ // the closing quote
    let weight = 0
    if (text[i] === ':') {
      for (i++; i < text.length && text[i] !== ' '; i++) {
        const code = WEIGHT_CODE[text[i]!]
        if (code !== undefined && code > weight) weight = code
      }
    }
    out.push([lexeme, weight])
  }
  return out
}

/** ts_rank's weights of D, C, B, A (engine.ts RANK_WEIGHTS), by weight code 0 (D) to 3 (A). */
export const WEIGHT_VALUES = [0.1, 0.2, 0.4, 1.0] as const
const WEIGHT_CODE: Record<string, number> = { D: 0, C: 1, B: 2, A: 3 }

export type TermMatches = { rids: Int32Array; scores: Float64Array }

export class TermIndex {
  private readonly ids = new Map<string, number>()
  private readonly lexemes: string[] = []
  /** Lexeme ids in lexeme order (null: to sort again, a lexeme was added). */
  private sorted: number[] | null = []
  /** By lexeme id: the rowids holding it, ascending, and the best weight code of each. */
  private postings: Int32Array[] = []
  private weights: Uint8Array[] = []
  /** By rowid: its lexemes as `id * 4 + weight code`. */
  private readonly byRid = new Map<number, Int32Array>()
  /** Lexemes whose postings wait for the rowids written since the last search (merged then). */
  private readonly dirty = new Map<number, Set<number>>()
  private maxRid = 0
  private slots = { best: new Uint8Array(0), groupsOf: new Uint8Array(0), score: new Float64Array(0) }

  /** The entry's lexemes (its tsvector as text, LEXEMES_SQL), replacing those it had. */
  set(rid: number, text: string): void {
    const old = this.byRid.get(rid)
    const lexemes = parseTsvector(text)
    const packed = new Int32Array(lexemes.length)
    for (let i = 0; i < lexemes.length; i++) packed[i] = this.lexemeId(lexemes[i]![0]) * 4 + lexemes[i]![1]
    this.byRid.set(rid, packed)
    if (rid > this.maxRid) this.maxRid = rid
    if (old) for (const code of old) this.touch(code >> 2, rid)
    for (const code of packed) this.touch(code >> 2, rid)
  }

  remove(rid: number): void {
    const old = this.byRid.get(rid)
    if (!old) return
    this.byRid.delete(rid)
    for (const code of old) this.touch(code >> 2, rid)
  }

  private lexemeId(lexeme: string): number {
    let id = this.ids.get(lexeme)
    if (id === undefined) {
      id = this.lexemes.length
      this.ids.set(lexeme, id)
      this.lexemes.push(lexeme)
      this.postings.push(new Int32Array(0))
      this.weights.push(new Uint8Array(0))
      this.sorted = null
    }
    return id
  }

  private touch(id: number, rid: number): void {
    let rids = this.dirty.get(id)
    if (!rids) this.dirty.set(id, (rids = new Set()))
    rids.add(rid)
  }

  /** Merges the rowids written since the last search into the postings of their lexemes. */
  private flush(): void {
    for (const [id, touched] of this.dirty) {
      const rids: number[] = []
      const weights: number[] = []
      const old = this.postings[id]!
      const oldWeights = this.weights[id]!
      for (let i = 0; i < old.length; i++) {
        if (touched.has(old[i]!)) continue
        rids.push(old[i]!)
        weights.push(oldWeights[i]!)
      }
      for (const rid of touched) {
        const code = this.byRid.get(rid)?.find((c) => c >> 2 === id)
        if (code === undefined) continue
        rids.push(rid)
        weights.push(code & 3)
      }
      const order = rids.map((_, i) => i).sort((a, b) => rids[a]! - rids[b]!)
      this.postings[id] = Int32Array.from(order, (i) => rids[i]!)
      this.weights[id] = Uint8Array.from(order, (i) => weights[i]!)
    }
    this.dirty.clear()
  }

  /** Ids of the lexemes `prefix` begins. */
  private startingWith(prefix: string): number[] {
    const sorted = (this.sorted ??= this.lexemes.map((_, id) => id).sort((a, b) => (this.lexemes[a]! < this.lexemes[b]! ? -1 : 1)))
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.lexemes[sorted[mid]!]! < prefix) lo = mid + 1
      else hi = mid
    }
    const out: number[] = []
    for (let i = lo; i < sorted.length && this.lexemes[sorted[i]!]!.startsWith(prefix); i++) out.push(sorted[i]!)
    return out
  }

  /**
   * How many entries match: every group (AND) or one (OR) has a prefix beginning one of
   * their lexemes. Each match scores, per group it matches, the weight of the best field
   * holding the group (name 1.0, categories 0.4, communes 0.2, description 0.1).
   */
  match(groups: string[][], operator: '&' | '|'): TermMatches {
    this.flush()
    // A group of stop words only is no condition, as in to_tsquery.
    const used = groups.filter((group) => group.length > 0).map((group) => [...new Set(group.flatMap((prefix) => this.startingWith(prefix)))])
    if (used.length === 0) return { rids: new Int32Array(0), scores: new Float64Array(0) }
    const room = this.room(this.maxRid + 1)
    const { best, groupsOf, score } = room
    // Every rowid seen, once; only their slots are read and then zeroed (no sweep of every rowid).
    const seen: number[] = []
    for (const ids of used) {
      const inGroup: number[] = []
      for (const id of ids) {
        const rids = this.postings[id]!
        const weights = this.weights[id]!
        for (let i = 0; i < rids.length; i++) {
          const rid = rids[i]!
          const w = weights[i]! + 1
          if (best[rid] === 0) inGroup.push(rid)
          if (w > best[rid]!) best[rid] = w
        }
      }
      for (const rid of inGroup) {
        if (groupsOf[rid] === 0) seen.push(rid)
        groupsOf[rid]!++
        score[rid]! += WEIGHT_VALUES[best[rid]! - 1]!
        best[rid] = 0
      }
    }
    const needed = operator === '&' ? used.length : 1
    const rids: number[] = []
    const scores: number[] = []
    for (const rid of seen) {
      if (groupsOf[rid]! >= needed) {
        rids.push(rid)
        scores.push(score[rid]!)
      }
      groupsOf[rid] = 0
      score[rid] = 0
    }
    return { rids: Int32Array.from(rids), scores: Float64Array.from(scores) }
  }

  /** Zeroed slots by rowid, reused from one search to the next (left zeroed by `match`). */
  private room(size: number): { best: Uint8Array; groupsOf: Uint8Array; score: Float64Array } {
    if (this.slots.score.length < size) {
      const length = Math.max(size, this.slots.score.length * 2)
      this.slots = { best: new Uint8Array(length), groupsOf: new Uint8Array(length), score: new Float64Array(length) }
    }
    return this.slots
  }
}
