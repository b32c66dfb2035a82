/** String interning for the columns of EntryTable: strings and `,id,id,` lists ↔ small integer codes. */

const EMPTY = new Int32Array(0)

/** String ↔ small integer codes, so that columns hold numbers. */
export class Codes {
  readonly values: string[] = []
  private readonly codes = new Map<string, number>()
  code(value: string): number {
    let code = this.codes.get(value)
    if (code === undefined) {
      code = this.values.length
      this.values.push(value)
      this.codes.set(value, code)
    }
    return code
  }
  find(value: string): number | undefined {
    return this.codes.get(value)
  }
}

/**
 * `,id,id,` lists (an entry's communes, or its categories and their parents) ↔ small
 * integer codes, with the codes of each list's members: entries share a few hundred lists,
 * so the scan counts entries per list and adds them to the members' counts once at the end.
 */
export class ListCodes {
  private readonly keys = new Codes()
  readonly members: Int32Array[] = []
  constructor(private readonly strings: Codes) {}
  get size(): number {
    return this.members.length
  }
  code(key: string): number {
    const code = this.keys.code(key)
    if (code === this.members.length) this.members.push(key ? Int32Array.from(key.split(',').filter(Boolean), (id) => this.strings.code(id)) : EMPTY)
    return code
  }
  /** Flags by list code of the lists holding a wanted member (null: no filter). */
  holding(want: Uint8Array | null): Uint8Array | null {
    if (want === null) return null
    return Uint8Array.from(this.members, (members) => (members.some((code) => want[code] === 1) ? 1 : 0))
  }
  /** Adds each list's count to each of its members' counts. */
  addToMembers(listCounts: Int32Array, counts: Int32Array): void {
    for (let list = 0; list < listCounts.length; list++) {
      const count = listCounts[list]!
      if (count > 0) for (const code of this.members[list]!) counts[code]! += count
    }
  }
}
