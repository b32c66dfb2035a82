/**
 * One private-field cell of the access table: a private field looked for, as one actor,
 * through every channel a visitor has (by id, list, `depth`, `select`, `where` and, for
 * anonymous visitors over HTTP, GraphQL). Run by fieldsSuite.ts.
 */
import { type Id, type Reply, graphql, query, sameId } from './client'
import { GRAPHQL_NAMES, gqlId } from './graphqlNames'
import { type Actor, COLLECTION_TABLES, LOGGED_IN, type ReadFieldRule } from './matrix'
import { PRIVATE, type World } from './world'

// ---------------------------------------------------------------------------------------
// Reading private fields
// ---------------------------------------------------------------------------------------

/** Who can read the document a field rule looks at (the others never see the document). */
export function readersOf(rule: ReadFieldRule): readonly Actor[] {
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
    case 'ownerNames':
    case 'authorName':
    case 'uploaderName':
      // A display name (virtual, read-only): never stored, so never usable in a filter.
      return {
        matches: (v) => typeof v === 'string' && v.trim() !== '' && !v.includes('@'),
        where: { [rule.field]: { exists: true } },
        gqlSelect: rule.field,
        gqlWhere: `${rule.field}: { exists: true }`,
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

export async function readFieldCell(world: World, rule: ReadFieldRule, actor: Actor, visible: boolean) {
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
