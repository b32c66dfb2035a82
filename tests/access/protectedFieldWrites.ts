/**
 * One protected-field cell of the access table: a protected field written by one actor on a
 * document it may otherwise create or edit, then read back as the national administrator
 * to see whether it was saved, ignored or refused. Run by fieldsSuite.ts.
 */
import { type Id, type Reply, idOf, query } from './client'
import type { Actor, WriteFieldRule, WriteOutcome } from './matrix'
import { type DirectorySlug, DIRECTORY, type World, randomSiren } from './world'

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

export async function writeFieldCell(world: World, rule: WriteFieldRule, actor: Actor, outcome: WriteOutcome) {
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
