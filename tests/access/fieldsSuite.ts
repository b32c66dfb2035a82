/**
 * The protected fields of the table, cell by cell. Private fields are looked for through
 * every channel a visitor has (by id, list, `depth`, `select`, `where`, GraphQL); protected
 * fields are written by each actor on a document it may otherwise create or edit.
 * Every cell runs in-process (local API, `overrideAccess: false`); a subset runs again over
 * REST and GraphQL (see tableSuite.ts). How one cell is checked: privateFieldReads.ts
 * (read) and protectedFieldWrites.ts (write).
 */
import {
  type Actor,
  READ_FIELD_RULES,
  type ReadFieldRule,
  WRITE_FIELD_RULES,
  type WriteFieldRule,
  type WriteOutcome,
} from './matrix'
import { readFieldCell, readersOf } from './privateFieldReads'
import { writeFieldCell } from './protectedFieldWrites'
import type { World } from './world'

type ReadCell = readonly [string, ReadFieldRule, Actor, boolean]
type WriteCell = readonly [string, WriteFieldRule, Actor, WriteOutcome]

function readCells(): ReadCell[] {
  return READ_FIELD_RULES.flatMap((rule) =>
    readersOf(rule).map((actor) => {
      const visible = rule.visibleTo.includes(actor)
      return [`${actor} × ${rule.collection}.${rule.field} × read → ${visible ? 'visible' : 'hidden'}`, rule, actor, visible] as const
    }),
  )
}

function writeCells(): WriteCell[] {
  return WRITE_FIELD_RULES.flatMap((rule) =>
    (Object.entries(rule.outcomes) as Array<[Actor, WriteOutcome]>).map(
      ([actor, outcome]) =>
        [`${actor} × ${rule.collection}.${rule.field}${rule.variant ? ` (${rule.variant})` : ''} × ${rule.op} → ${outcome}`, rule, actor, outcome] as const,
    ),
  )
}

/** Keeps the first cell of each key, in order. */
function firstOf<T extends readonly unknown[]>(cells: readonly T[], key: (cell: T) => string): T[] {
  const seen = new Set<string>()
  return cells.filter((cell) => {
    const k = key(cell)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/**
 * Over HTTP: per private field, one reader who sees it and one who does not (anonymous
 * first, for GraphQL); per collection and operation, each outcome (saved, ignored, refused) once.
 */
export function httpFieldSubset(): { read: ReadCell[]; write: WriteCell[] } {
  const reads = readCells()
  const hiddenFirst = [...reads.filter(([, , actor]) => actor === 'anonymous'), ...reads]
  const read = firstOf(hiddenFirst, ([, rule, , visible]) => `${rule.collection}.${rule.field}:${visible}`)
  const write = firstOf(writeCells(), ([, rule, , outcome]) => `${rule.collection}:${rule.op}:${outcome}`)
  return { read: reads.filter((c) => read.includes(c)), write: writeCells().filter((c) => write.some((w) => w[0] === c[0])) }
}

function declareFieldCells(world: () => World, read: readonly ReadCell[], write: readonly WriteCell[]) {
  describe('read', () => {
    it.each(read)('%s', async (_name, rule, actor, visible) => {
      await readFieldCell(world(), rule, actor, visible)
    })
  })
  describe('write', () => {
    it.each(write)('%s', async (_name, rule, actor, outcome) => {
      await writeFieldCell(world(), rule, actor, outcome)
    })
  })
}

export function fieldsSuite(world: () => World) {
  describe('in-process (local API, overrideAccess: false)', () => {
    beforeAll(() => {
      world().transport = 'local'
    })
    afterAll(() => {
      world().transport = 'http'
    })
    declareFieldCells(world, readCells(), writeCells())
  })
  const subset = httpFieldSubset()
  describe('over HTTP (REST and GraphQL subset)', () => declareFieldCells(world, subset.read, subset.write))
}
