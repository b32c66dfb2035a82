/** The column storage of EntryTable: the frozen columns the scan reads and the rows staged since. */

/**
 * The columns as the scan reads them, rebuilt after writes: live entries only, stored
 * newest first (a search without words walks them in order and its first matches are the
 * page), numbers in typed arrays and each entry's communes and categories as the code of
 * its list (ListCodes), so that the pass over 100,000 entries touches memory in sequence.
 */
export type Frozen = {
  count: number
  rid: Int32Array
  /** rid → position + 1 (0: not a live entry). */
  positionOf: Int32Array
  territory: Int32Array
  kind: Int32Array
  announcementKind: Int32Array
  price: Int32Array
  lat: Float64Array
  lng: Float64Array
  /** The point on the unit sphere (see unitVector), NaN without coordinates. */
  x: Float64Array
  y: Float64Array
  z: Float64Array
  expires: Float64Array
  /** A notice's first public instant (−∞: always shown). */
  shows: Float64Array
  updated: Float64Array
  communeSet: Int32Array
  categorySet: Int32Array
}

/** The columns of no entry. */
export function emptyColumns(): Frozen {
  const none = new Int32Array(0)
  const noFloat = new Float64Array(0)
  return {
    count: 0,
    rid: none,
    positionOf: none,
    territory: none,
    kind: none,
    announcementKind: none,
    price: none,
    lat: noFloat,
    lng: noFloat,
    x: noFloat,
    y: noFloat,
    z: noFloat,
    expires: noFloat,
    shows: noFloat,
    updated: noFloat,
    communeSet: none,
    categorySet: none,
  }
}

/** Rows written since the columns were last built, in the order they came, until the next scan merges them in. */
export class Staged {
  rid: number[] = []
  alive: boolean[] = []
  territory: number[] = []
  kind: number[] = []
  announcementKind: number[] = []
  price: number[] = []
  lat: number[] = []
  lng: number[] = []
  x: number[] = []
  y: number[] = []
  z: number[] = []
  expires: number[] = []
  shows: number[] = []
  updated: number[] = []
  communeSet: number[] = []
  categorySet: number[] = []
  /** rid → index in these arrays. */
  readonly indexOf = new Map<number, number>()
}
