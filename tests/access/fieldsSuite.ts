/**
 * The protected fields of the table, cell by cell. Private fields are looked for through
 * every channel a visitor has (by id, list, `depth`, `select`, `where`, GraphQL); protected
 * fields are written by each actor on a document it may otherwise create or edit.
 * Every cell runs in-process (local API, `overrideAccess: false`); a subset runs again over
 * REST and GraphQL (see tableSuite.ts).
 */
import { type Id, type Reply, graphql, idOf, query, sameId } from './client'
import { GRAPHQL_NAMES, gqlId } from './graphqlNames'
import {
  type Actor,
  COLLECTION_TABLES,
  LOGGED_IN,
  READ_FIELD_RULES,
  type ReadFieldRule,
  WRITE_FIELD_RULES,
  type WriteFieldRule,
  type WriteOutcome,
} from './matrix'
import { type DirectorySlug, DIRECTORY, PRIVATE, World, randomSiren } from './world'

// ---------------------------------------------------------------------------------------
// Reading private fields
// ---------------------------------------------------------------------------------------

/** Who can read the document a field rule looks at (the others never see the document). */
function readersOf(rule: ReadFieldRule): readonly Actor[] {
  if (rule.collection === 'users' && rule.target === 'self') return LOGGED_IN
  const table = COLLECTION_TABLES.find((t) => t.collection === rule.collection)
  const read = table?.rules.find((r) => r.op === 'read' && r.target === rule.target)
  if (!read) throw new Error(`Aucune règle de lecture pour ${rule.collection} « ${rule.target} »`)
  return read.allow
}

type Expected = {
  /** Whether the stored value is what a reader who may see it gets. */
  matches: (value: unknown) => boolean
  /** Text that must appear nowhere in an answer to someone who may not see it. */
  secretText?: string
  /** A REST `where` that only matches when one knows the value. */
  where: Record<string, unknown>
  /** GraphQL selection and `where` for the field, when it is in the GraphQL schema. */
  gqlSelect?: string
  gqlWhere?: string
}

function expectedFor(world: World, rule: ReadFieldRule, id: Id): Expected {
  const ownerOf = (account: 'owner' | 'resident') => world.userId(account)
  switch (rule.field) {
    case 'email': {
      const email = world.emails.get(`${rule.collection}:${id}`)!
      return {
        matches: (v) => v === email,
        secretText: email,
        where: { email: { equals: email } },
        gqlSelect: 'email',
        gqlWhere: `email: { equals: ${JSON.stringify(email)} }`,
      }
    }
    case 'owners':
      return {
        matches: (v) => Array.isArray(v) && v.some((o) => sameId(o, ownerOf('owner'))),
        where: { owners: { equals: ownerOf('owner') } },
        gqlSelect: 'owners { id }',
        gqlWhere: `owners: { equals: ${gqlId(ownerOf('owner'))} }`,
      }
    case 'author':
      return {
        matches: (v) => sameId(v, ownerOf('resident')),
        where: { author: { equals: ownerOf('resident') } },
        gqlSelect: 'author { id }',
        gqlWhere: `author: { equals: ${gqlId(ownerOf('resident'))} }`,
      }
    case 'uploadedBy':
      return {
        matches: (v) => sameId(v, ownerOf('resident')),
        where: { uploadedBy: { equals: ownerOf('resident') } },
        gqlSelect: 'uploadedBy { id }',
        gqlWhere: `uploadedBy: { equals: ${gqlId(ownerOf('resident'))} }`,
      }
    case 'moderationNote': {
      const note = PRIVATE.moderationNote(world.run)
      return {
        matches: (v) => v === note,
        secretText: note,
        where: { moderationNote: { equals: note } },
        gqlSelect: 'moderationNote',
        gqlWhere: `moderationNote: { equals: ${JSON.stringify(note)} }`,
      }
    }
    case 'onBehalfOf': {
      const name = PRIVATE.residentName(world.run)
      return {
        matches: (v) => (v as { residentName?: string } | null)?.residentName === name,
        secretText: name,
        where: { 'onBehalfOf.residentName': { equals: name } },
        gqlSelect: 'onBehalfOf { residentName residentPhone }',
        gqlWhere: `onBehalfOf__residentName: { equals: ${JSON.stringify(name)} }`,
      }
    }
    case 'expiryWarningSentAt':
      return {
        matches: (v) => typeof v === 'string' && new Date(v).getTime() === new Date(PRIVATE.expiryWarningSentAt).getTime(),
        where: { expiryWarningSentAt: { exists: true } },
        gqlSelect: 'expiryWarningSentAt',
        gqlWhere: 'expiryWarningSentAt: { exists: true }',
      }
    default:
      // Secrets: never in an answer, never a usable `where`.
      return { matches: () => false, where: { [rule.field]: { exists: true } } }
  }
}

/** Absent, null, empty, or a group whose every value is empty. */
function isHidden(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.values(value as object).every((v) => v === null || v === undefined || v === false)
  return false
}

async function readFieldCell(world: World, rule: ReadFieldRule, actor: Actor, visible: boolean) {
  const { collection, field } = rule
  const id = rule.collection === 'users' && rule.target === 'self' ? world.userId(actor as never) : world.doc(collection, rule.target)
  const expected = expectedFor(world, rule, id)
  const get = (path: string) => world.call(actor, 'GET', path)
  const byId = await get(`/api/${collection}/${id}${query({ depth: 0 })}`)
  expect(byId.status).toBe(200)
  if (visible) {
    expect({ field, value: byId.json[field], matches: expected.matches(byId.json[field]) }).toMatchObject({ field, matches: true })
    return
  }
  const deep = await get(`/api/${collection}/${id}${query({ depth: 2 })}`)
  const list = await get(`/api/${collection}${query({ where: { id: { equals: id } }, depth: 1 })}`)
  const selected = await get(`/api/${collection}/${id}${query({ select: { [field]: true }, depth: 0 })}`)
  const selectedList = await get(`/api/${collection}${query({ where: { id: { equals: id } }, select: { [field]: true } })}`)
  const oracle = await get(`/api/${collection}${query({ where: { and: [{ id: { equals: id } }, expected.where] }, depth: 0 })}`)
  const leaks = (reply: Reply) => Boolean(expected.secretText && reply.text.includes(expected.secretText))
  const outcome = {
    byId: isHidden(byId.json[field]) && !leaks(byId),
    depth2: deep.status === 200 && isHidden(deep.json[field]) && !leaks(deep),
    list: list.status === 200 && isHidden(list.json.docs[0]?.[field]) && !leaks(list),
    select: selected.status >= 400 ? selected.status < 500 : isHidden(selected.json?.[field]) && !leaks(selected),
    selectList: selectedList.status >= 400 ? selectedList.status < 500 : isHidden(selectedList.json?.docs?.[0]?.[field]) && !leaks(selectedList),
    whereOracle: oracle.status >= 400 ? oracle.status < 500 : oracle.json.docs.length === 0,
  }
  const hidden = { byId: true, depth2: true, list: true, select: true, selectList: true, whereOracle: true }
  if (actor === 'anonymous' && expected.gqlSelect && world.transport === 'http') {
    const names = GRAPHQL_NAMES[collection]!
    const one = await graphql(world.baseUrl, null, `{ ${names.one}(id: ${gqlId(id)}) { id ${expected.gqlSelect} } }`)
    const many = await graphql(world.baseUrl, null, `{ ${names.many}(where: { id: { equals: ${gqlId(id)} } }) { docs { id ${expected.gqlSelect} } } }`)
    const gqlOracle = await graphql(
      world.baseUrl,
      null,
      `{ ${names.many}(where: { AND: [{ id: { equals: ${gqlId(id)} } }, { ${expected.gqlWhere} }] }) { docs { id } } }`,
    )
    const fieldName = field
    Object.assign(outcome, {
      graphqlOne: one.status < 500 && isHidden(one.json?.data?.[names.one]?.[fieldName]) && !leaks(one),
      graphqlList: many.status < 500 && isHidden(many.json?.data?.[names.many]?.docs?.[0]?.[fieldName]) && !leaks(many),
      graphqlWhereOracle: gqlOracle.status < 500 && (gqlOracle.json?.data?.[names.many]?.docs ?? []).length === 0,
    })
    Object.assign(hidden, { graphqlOne: true, graphqlList: true, graphqlWhereOracle: true })
  }
  expect(outcome).toEqual(hidden)
}

// ---------------------------------------------------------------------------------------
// Writing protected fields
// ---------------------------------------------------------------------------------------

const isDirectory = (c: string): c is DirectorySlug => (DIRECTORY as readonly string[]).includes(c)

type WriteCase = {
  /** The document to edit (update), or the data to create. */
  target?: Id
  data?: Record<string, unknown>
  value: unknown
  /** Whether a stored value is the one sent. */
  same: (stored: unknown) => boolean
  /** Undo, on a shared document, a change that should not have happened. */
  restore?: () => Promise<void>
}

function otherTerritory(world: World, actor: Actor) {
  return world.territory[world.territoryOf(actor) === 'B' ? 'A' : 'B']
}

const sameRelations = (value: unknown) => (stored: unknown) => {
  const ids = (v: unknown) => (Array.isArray(v) ? v.map((x) => String(idOf(x))) : [String(idOf(v))]).sort().join(',')
  return ids(stored) === ids(value)
}

async function directoryCase(world: World, rule: WriteFieldRule, actor: Actor): Promise<WriteCase> {
  const collection = rule.collection as DirectorySlug
  const inB = world.territoryOf(actor) === 'B'
  const marker = world.marker('champ')
  const publicWriter = actor === 'owner' || actor === 'resident'
  let value: unknown
  let same: (stored: unknown) => boolean = (stored) => stored === value
  switch (rule.field) {
    case 'status':
      // Staff entries start published: they ask for another state to be visible.
      value = rule.op === 'create' && !publicWriter ? 'archived' : 'published'
      break
    case 'moderationNote':
    case 'rejectionReason':
      value = `Valeur protégée ${marker}`
      break
    case 'reviewState':
      value = 'modified'
      break
    case 'isExample':
      value = true
      break
    case 'territory':
      value = otherTerritory(world, actor)
      same = sameRelations(value)
      break
    case 'owners':
      value = [world.userId('resident2')]
      same = sameRelations(value)
      break
    case 'author':
      value = world.userId('resident2')
      same = sameRelations(value)
      break
    case 'onBehalfOf':
      value = { enabled: true, residentName: `Habitant ${marker}` }
      same = (stored) => (stored as { residentName?: string } | null)?.residentName === `Habitant ${marker}`
      break
    case 'expiryWarningSentAt':
      value = '2030-01-01T00:00:00.000Z'
      same = (stored) => typeof stored === 'string' && new Date(stored).getTime() === new Date('2030-01-01T00:00:00.000Z').getTime()
      break
    default:
      throw new Error(`Champ non prévu : ${rule.field}`)
  }
  if (rule.op === 'create') {
    return { data: { ...world.entryData(collection, inB ? 'B1' : 'A1', marker), [rule.field]: value }, value, same }
  }
  const doc = await world.directoryDoc(collection, inB ? 'pending-B' : 'pending-A1')
  return { target: doc.id, value, same }
}

async function usersCase(world: World, rule: WriteFieldRule, actor: Actor): Promise<WriteCase> {
  const admin = actor === 'superadmin' || actor === 'admin' || actor === 'adminB'
  const inB = world.territoryOf(actor) === 'B'
  if (rule.op === 'create') {
    const value = rule.field === 'roles' ? ['editor'] : true
    const data = {
      email: `${world.marker('inscription')}@annuaire.example`,
      password: 'Un-mot-de-passe-assez-long-2026',
      name: 'Inscription',
      [rule.field]: value,
    }
    return {
      data,
      value,
      same: (stored) => (Array.isArray(value) ? JSON.stringify(stored) === JSON.stringify(value) : stored === value),
    }
  }
  let value: unknown
  let same: (stored: unknown) => boolean
  switch (rule.field) {
    case 'roles':
      value = rule.variant === 'grant-superadmin' ? ['superadmin'] : admin ? ['editor'] : ['admin']
      same = (stored) => JSON.stringify(stored) === JSON.stringify(value)
      break
    case 'communes':
      value = [inB ? world.commune.B2 : world.commune.A2]
      same = sameRelations(value)
      break
    case 'territory':
      value = otherTerritory(world, actor)
      same = sameRelations(value)
      break
    default:
      throw new Error(`Champ non prévu : ${rule.field}`)
  }
  if (admin) {
    const fresh = await world.freshUser(inB ? 'B' : 'A')
    return { target: fresh.id, value, same }
  }
  // Everyone else tries on their own account; a change that went through is undone.
  const id = world.userId(actor as never)
  const before = (await world.readBack('users', id)).json
  return {
    target: id,
    value,
    same,
    restore: async () => {
      await world.call('superadmin', 'PATCH', `/api/users/${id}`, {
        roles: before.roles,
        communes: (before.communes ?? []).map(idOf),
        territory: idOf(before.territory),
      })
    },
  }
}

async function otherCase(world: World, rule: WriteFieldRule, actor: Actor): Promise<WriteCase> {
  const inB = world.territoryOf(actor) === 'B'
  const own = inB ? 'B' : 'A'
  switch (rule.collection) {
    case 'territories': {
      const value =
        rule.field === 'epciCode' ? randomSiren() : rule.field === 'hostnames' ? [`${world.marker('hote')}.example`.toLowerCase()] : world.marker('slug')
      const same = (s: unknown) => JSON.stringify(s) === JSON.stringify(value)
      if (actor === 'superadmin') return { target: (await world.freshTerritory()).id, value, same }
      const id = world.territory[own]
      const before = (await world.readBack('territories', id)).json
      return {
        target: id,
        value,
        same,
        restore: async () => {
          await world.call('superadmin', 'PATCH', `/api/territories/${id}`, { [rule.field]: before[rule.field] })
        },
      }
    }
    case 'categories':
    case 'pages': {
      const value = otherTerritory(world, actor)
      const same = sameRelations(value)
      if (rule.op === 'create') {
        const data = rule.collection === 'categories' ? { name: world.marker('cat') } : { title: world.marker('page'), slug: 'a-propos' }
        return { data: { ...data, territory: value }, value, same }
      }
      const fresh = rule.collection === 'categories' ? await world.freshCategory(own) : await world.freshPage(own)
      return { target: fresh.id, value, same }
    }
    case 'media': {
      const fresh = await world.upload(inB ? 'adminB' : 'resident')
      const value = world.userId('resident2')
      return { target: fresh.id, value, same: sameRelations(value) }
    }
    default:
      throw new Error(`Collection non prévue : ${rule.collection}`)
  }
}

async function writeFieldCell(world: World, rule: WriteFieldRule, actor: Actor, outcome: WriteOutcome) {
  const { collection, field } = rule
  const storedField = field
  const c = isDirectory(collection)
    ? await directoryCase(world, rule, actor)
    : collection === 'users'
      ? await usersCase(world, rule, actor)
      : await otherCase(world, rule, actor)
  let reply: Reply
  let id: Id | undefined = c.target
  let before: unknown
  if (rule.op === 'create') {
    reply = await world.call(actor, 'POST', `/api/${collection}${query({ depth: 0 })}`, c.data)
    id = reply.json?.doc?.id
    // A stranger's sign-up answer carries no id (issue 17, enumeration): find the account by its address.
    const email = (c.data as { email?: unknown }).email
    if (id === undefined && reply.status < 400 && collection === 'users' && typeof email === 'string') {
      id = (await world.findAsSuper('users', { email: { equals: email.toLowerCase() } }))[0]?.id
    }
    if (id !== undefined) world.track(collection, id)
  } else {
    before = (await world.readBack(collection, id!)).json?.[storedField]
    reply = await world.call(actor, 'PATCH', `/api/${collection}/${id}${query({ depth: 0 })}`, { [field]: c.value })
  }
  const stored = id === undefined ? undefined : (await world.readBack(collection, id)).json
  const storedValue = stored?.[storedField]
  const saved = stored !== undefined && c.same(storedValue)
  if (saved && outcome !== 'saved') await c.restore?.()
  const status = reply.status >= 500 ? `http ${reply.status}` : reply.status >= 400 ? 'refused' : 'ok'
  const unchanged = rule.op === 'update' ? JSON.stringify(storedValue) === JSON.stringify(before) : id === undefined
  const observed = { status, saved, unchanged: outcome === 'saved' ? undefined : unchanged }
  const expected =
    outcome === 'saved'
      ? { status: 'ok', saved: true, unchanged: undefined }
      : outcome === 'ignored'
        ? // Ignored on create: the document exists with its automatic value.
          { status: 'ok', saved: false, unchanged: rule.op === 'update' ? true : false }
        : { status: 'refused', saved: false, unchanged: true }
  expect({ ...observed, stored: saved === (outcome === 'saved') ? undefined : storedValue }).toEqual({ ...expected, stored: undefined })
}

// ---------------------------------------------------------------------------------------

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
