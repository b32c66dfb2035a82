/**
 * Runs every cell of the collection table: each actor × collection × operation × target.
 * Every cell runs in-process through Payload's local API with the actor's user and
 * `overrideAccess: false` (localApi.ts); a subset of the same cells, with the same
 * expectations, runs again against the real REST API (and GraphQL for anonymous reads), so
 * that the HTTP layer is proven too (`httpSubset`). A refused read returns no document; a
 * refused write answers 4xx and leaves the database as it was (read back as the national
 * administrator); an allowed one really happens.
 */
import { type Id, graphql, query, sameId } from './client'
import { GRAPHQL_NAMES, gqlId } from './graphqlNames'
import { ACTORS, type Actor, COLLECTION_TABLES, type CollectionTable, type Operation, type Rule } from './matrix'
import { emailOf, freshTarget, markerFor, postCreate, sharedTarget, updateOf } from './targets'
import { World } from './world'

type Cell = { table: CollectionTable; rule: Rule<string>; actor: Actor; allowed: boolean; name: string }

export function tableCells(): Cell[] {
  const cells: Cell[] = []
  for (const table of COLLECTION_TABLES) {
    for (const rule of table.rules) {
      for (const actor of ACTORS) {
        if (rule.notApplicable?.includes(actor)) continue
        const allowed = rule.allow.includes(actor)
        const name = `${actor} × ${table.collection} × ${rule.op} (${rule.target}) → ${allowed ? 'allowed' : 'denied'}`
        cells.push({ table, rule, actor, allowed, name })
      }
    }
  }
  return cells
}

/** 2xx → ok, 4xx → refused, anything else (5xx) is reported as is and fails every cell. */
function kind(status: number): 'ok' | 'refused' | `http ${number}` {
  if (status >= 200 && status < 300) return 'ok'
  if (status >= 400 && status < 500) return 'refused'
  return `http ${status}`
}

async function readCell(world: World, cell: Cell) {
  const { collection } = cell.table
  const id = sharedTarget(world, collection, cell.rule.target, cell.actor)
  const [byId, list] = await Promise.all([
    world.call(cell.actor, 'GET', `/api/${collection}/${id}${query({ depth: 0 })}`),
    world.call(cell.actor, 'GET', `/api/${collection}${query({ where: { id: { equals: id } }, depth: 0 })}`),
  ])
  const outcome: Record<string, unknown> = {
    byId: kind(byId.status) === 'ok' && sameId(byId.json?.id, id) ? 'found' : kind(byId.status),
    list: kind(list.status) === 'ok' ? (list.json.docs.some((d: { id: Id }) => sameId(d.id, id)) ? 'found' : 'absent') : kind(list.status),
  }
  const expected: Record<string, unknown> = cell.allowed
    ? { byId: 'found', list: 'found' }
    : { byId: 'refused', list: kind(list.status) === 'ok' ? 'absent' : 'refused' }
  // GraphQL has no local API: checked over HTTP only.
  if (cell.actor === 'anonymous' && world.transport === 'http') {
    const names = GRAPHQL_NAMES[collection]!
    const [one, many] = await Promise.all([
      graphql(world.baseUrl, null, `{ ${names.one}(id: ${gqlId(id)}) { id } }`),
      graphql(world.baseUrl, null, `{ ${names.many}(where: { id: { equals: ${gqlId(id)} } }) { docs { id } } }`),
    ])
    outcome.graphqlOne = sameId(one.json?.data?.[names.one]?.id, id) ? 'found' : one.status >= 500 ? `http ${one.status}` : 'absent'
    const docs: Array<{ id: Id }> = many.json?.data?.[names.many]?.docs ?? []
    outcome.graphqlList = docs.some((d) => sameId(d.id, id)) ? 'found' : many.status >= 500 ? `http ${many.status}` : 'absent'
    expected.graphqlOne = cell.allowed ? 'found' : 'absent'
    expected.graphqlList = cell.allowed ? 'found' : 'absent'
  }
  expect(outcome).toEqual(expected)
}

async function readVersionsCell(world: World, cell: Cell) {
  const { collection } = cell.table
  const id = sharedTarget(world, collection, cell.rule.target, cell.actor)
  const reply = await world.call(cell.actor, 'GET', `/api/${collection}/versions${query({ where: { parent: { equals: id } }, depth: 0 })}`)
  const status = kind(reply.status)
  const visible = status === 'ok' && (reply.json?.docs ?? []).length > 0
  expect({ status: status === 'ok' ? 'ok' : status, visible }).toEqual(
    cell.allowed ? { status: 'ok', visible: true } : { status: status === 'ok' ? 'ok' : 'refused', visible: false },
  )
}

async function createCell(world: World, cell: Cell) {
  const { collection } = cell.table
  const marker = markerFor(world, collection)
  const reply = await postCreate(world, collection, cell.rule.target, cell.actor, marker)
  const stored = await world.findAsSuper(collection, { [World.markerField(collection)]: { equals: marker } })
  for (const doc of stored) world.track(collection, doc.id)
  expect({ status: kind(reply.status), stored: stored.length }).toEqual(
    cell.allowed ? { status: 'ok', stored: 1 } : { status: 'refused', stored: 0 },
  )
}

async function updateCell(world: World, cell: Cell) {
  const { collection } = cell.table
  const id = sharedTarget(world, collection, cell.rule.target, cell.actor)
  const before = collection === 'users' ? (await world.readBack(collection, id)).json : null
  const marker = world.marker('modif')
  const change = updateOf(collection, marker, 100000 + Math.floor(Math.random() * 800000))
  const reply = await world.call(cell.actor, 'PATCH', `/api/${collection}/${id}${query({ depth: 0 })}`, change.body)
  const after = (await world.readBack(collection, id)).json
  const applied = change.applied(after)
  // Demo accounts keep their names for the other suites.
  if (applied && collection === 'users') {
    await world.call('superadmin', 'PATCH', `/api/users/${id}`, { name: before?.name })
  }
  expect({ status: kind(reply.status), applied }).toEqual(cell.allowed ? { status: 'ok', applied: true } : { status: 'refused', applied: false })
}

/**
 * A document to delete: a fresh one when the deletion should happen; otherwise one kept per
 * target for refused deletions (made again if a wrongly allowed deletion removed it).
 */
async function deleteTarget(world: World, cell: Cell): Promise<Id> {
  const { collection } = cell.table
  if (cell.allowed) return freshTarget(world, collection, cell.rule.target)
  const key = `${collection}:${cell.rule.target}`
  const kept = victims.get(key)
  if (kept !== undefined && (await world.readBack(collection, kept)).status === 200) return kept
  const id = await freshTarget(world, collection, cell.rule.target)
  victims.set(key, id)
  return id
}
const victims = new Map<string, Id>()

async function deleteCell(world: World, cell: Cell) {
  const { collection } = cell.table
  const id = await deleteTarget(world, cell)
  const reply = await world.call(cell.actor, 'DELETE', `/api/${collection}/${id}`)
  const after = await world.readBack(collection, id)
  expect({ status: kind(reply.status), stillThere: after.status === 200 }).toEqual(
    cell.allowed ? { status: 'ok', stillThere: false } : { status: 'refused', stillThere: true },
  )
}

async function unlockCell(world: World, cell: Cell) {
  const id = sharedTarget(world, 'users', cell.rule.target, cell.actor)
  const email = await emailOf(world, 'users', id)
  const reply = await world.call(cell.actor, 'POST', '/api/users/unlock', { email })
  expect(kind(reply.status)).toBe(cell.allowed ? 'ok' : 'refused')
}

const RUNNERS = {
  read: readCell,
  readVersions: readVersionsCell,
  create: createCell,
  update: updateCell,
  delete: deleteCell,
  unlock: unlockCell,
} as const

/** The groups of actors the HTTP subset samples, each with one read, one write and one refusal. */
const ROLE_GROUPS: ReadonlyArray<readonly Actor[]> = [
  ['anonymous', 'resident', 'owner'],
  ['viewer', 'editor', 'admin'],
  ['superadmin'],
  ['adminB', 'editorB', 'viewerB'],
]

/**
 * The cells that also run over HTTP: per collection and group of actors, one read (an
 * anonymous one, with GraphQL, for the public group), one allowed write and one refusal,
 * plus one refused anonymous read per collection (GraphQL must hide it too).
 */
export function httpSubset(cells: readonly Cell[]): Cell[] {
  const chosen = new Set<Cell>()
  const pick = (candidates: Cell[]) => {
    const cell = candidates.find((c) => !chosen.has(c))
    if (cell) chosen.add(cell)
  }
  const isRead = (c: Cell) => c.rule.op === 'read' || c.rule.op === 'readVersions'
  /** Writes of the operation a group prefers first (each group its own), then the others. */
  const WRITE_ORDER: readonly Operation[] = ['update', 'delete', 'create', 'unlock']
  const writes = (list: Cell[], group: number) => {
    const order = [...WRITE_ORDER.slice(group % WRITE_ORDER.length), ...WRITE_ORDER.slice(0, group % WRITE_ORDER.length)]
    return order.flatMap((op) => list.filter((c) => c.rule.op === op))
  }
  const collections = [...new Set(cells.map((c) => c.table.collection))]
  for (const collection of collections) {
    const ofCollection = cells.filter((c) => c.table.collection === collection)
    ROLE_GROUPS.forEach((group, g) => {
      const inGroup = ofCollection.filter((c) => group.includes(c.actor))
      const reads = inGroup.filter((c) => c.rule.op === 'read')
      pick([...reads.filter((c) => c.actor === 'anonymous'), ...reads])
      pick(writes(inGroup.filter((c) => c.allowed), g))
      pick([...writes(inGroup.filter((c) => !c.allowed), g + 1), ...inGroup.filter((c) => !c.allowed)])
    })
    pick(ofCollection.filter((c) => isRead(c) && c.actor === 'anonymous' && !c.allowed))
    pick(ofCollection.filter((c) => c.rule.op === 'readVersions' && c.allowed))
  }
  return cells.filter((c) => chosen.has(c))
}

function declareCells(world: () => World, cells: readonly Cell[]) {
  const byCollection = new Map<string, Cell[]>()
  for (const cell of cells) {
    const list = byCollection.get(cell.table.collection) ?? []
    list.push(cell)
    byCollection.set(cell.table.collection, list)
  }
  for (const [collection, ofCollection] of byCollection) {
    describe(collection, () => {
      it.each(ofCollection.map((cell) => [cell.name, cell] as const))('%s', async (_name, cell) => {
        await RUNNERS[cell.rule.op](world(), cell)
      })
    })
  }
}

/**
 * Declares one test per cell, in-process, then the HTTP subset; `world()` is ready when the
 * tests run. Each block sets the world's transport before its tests (jest runs them in order).
 */
export function tableSuite(world: () => World) {
  const cells = tableCells()
  describe('in-process (local API, overrideAccess: false)', () => {
    beforeAll(() => {
      world().transport = 'local'
    })
    afterAll(() => {
      world().transport = 'http'
    })
    declareCells(world, cells)
  })
  describe('over HTTP (REST and GraphQL subset)', () => declareCells(world, httpSubset(cells)))
}
