/**
 * The best `count` items offered, by four keys (higher first; each breaks the ties of the
 * one before): a bounded heap whose worst item is at the root, keys stored by heap slot.
 */
export class BestItems {
  private readonly keys: Float64Array
  private readonly items: Int32Array
  private size = 0
  /** The first key of the worst item kept once full (−∞ before): an item below it cannot enter. */
  floor = Number.NEGATIVE_INFINITY

  constructor(private readonly count: number) {
    this.keys = new Float64Array(4 * (count + 1))
    this.items = new Int32Array(count + 1)
  }

  offer(item: number, k1: number, k2: number, k3: number, k4: number): void {
    if (this.count <= 0) return
    const full = this.size === this.count
    // Written in the spare slot first, then compared with the root.
    const spare = this.count
    this.write(spare, item, k1, k2, k3, k4)
    if (!full) {
      this.move(spare, this.size)
      this.siftUp(this.size++)
    } else if (this.better(spare, 0)) {
      this.move(spare, 0)
      this.siftDown(0)
    }
    if (this.size === this.count) this.floor = this.keys[0]!
  }

  /** The items kept, best first. */
  inOrder(): number[] {
    const slots = Array.from({ length: this.size }, (_, slot) => slot)
    slots.sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0))
    return slots.map((slot) => this.items[slot]!)
  }

  private better(a: number, b: number): boolean {
    const keys = this.keys
    for (let k = 0; k < 4; k++) {
      const x = keys[4 * a + k]!
      const y = keys[4 * b + k]!
      if (x !== y) return x > y
    }
    return false
  }

  private write(slot: number, item: number, k1: number, k2: number, k3: number, k4: number): void {
    const at = 4 * slot
    this.keys[at] = k1
    this.keys[at + 1] = k2
    this.keys[at + 2] = k3
    this.keys[at + 3] = k4
    this.items[slot] = item
  }

  private move(from: number, to: number): void {
    this.keys.copyWithin(4 * to, 4 * from, 4 * from + 4)
    this.items[to] = this.items[from]!
  }

  private swap(a: number, b: number): void {
    const spare = this.count
    this.move(a, spare)
    this.move(b, a)
    this.move(spare, b)
  }

  /** The worst at the root: a slot goes up while its parent is better. */
  private siftUp(slot: number): void {
    while (slot > 0) {
      const parent = (slot - 1) >> 1
      if (!this.better(parent, slot)) return
      this.swap(parent, slot)
      slot = parent
    }
  }

  private siftDown(slot: number): void {
    for (;;) {
      const left = 2 * slot + 1
      const right = left + 1
      let worst = slot
      if (left < this.size && this.better(worst, left)) worst = left
      if (right < this.size && this.better(worst, right)) worst = right
      if (worst === slot) return
      this.swap(slot, worst)
      slot = worst
    }
  }
}
