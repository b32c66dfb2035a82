/**
 * What the moderation suites share (moderationSuite.ts): a database of its own with the demo,
 * the demo accounts and their tokens, decisions and REST calls through Payload's real
 * handler, anonymous GraphQL and search, owners' entries, and the e-mail jobs run on demand.
 */
import { handleEndpoints, type Payload, type TypedUser } from 'payload'

import { DEMO_PASSWORD, DEMO_USERS, INSEE } from '../support/fixtures'
import { bootLocalPayload } from '../support/localPayload'

export type Role = 'admin' | 'editor' | 'owner' | 'resident'
export type Id = number | string

export type ModerationHarness = ReturnType<typeof moderationHarness>

/** Boots the database and the demo before the suite, and gives the suite its helpers. */
export function moderationHarness(kind: 'sqlite' | 'postgres') {
  let payload: Payload
  let cleanup: () => Promise<void>
  let outbox: string
  let territoryName: string
  const users = {} as Record<Role, TypedUser>
  const tokens = {} as Record<Role, string>
  const communes = {} as Record<keyof typeof INSEE, Id>
  let category: Id
  let siretSeq = 500

  beforeAll(async () => {
    // Jobs run when the test says so (payload.jobs.run), never on a timer.
    process.env.JOBS_AUTORUN = '0'
    process.env.DEMO_PASSWORD ??= DEMO_PASSWORD
    ;({ payload, cleanup } = await bootLocalPayload(kind, { demo: true }))
    outbox = process.env.EMAIL_OUTBOX_DIR!
    for (const role of ['admin', 'editor', 'owner', 'resident'] as const) {
      const found = await payload.find({ collection: 'users', where: { email: { equals: DEMO_USERS[role] } }, overrideAccess: true, depth: 0 })
      users[role] = { ...found.docs[0]!, collection: 'users' } as TypedUser
      const login = await payload.login({ collection: 'users', data: { email: DEMO_USERS[role], password: process.env.DEMO_PASSWORD! } })
      tokens[role] = login.token!
    }
    for (const [name, code] of Object.entries(INSEE) as Array<[keyof typeof INSEE, string]>) {
      communes[name] = (await payload.find({ collection: 'communes', where: { inseeCode: { equals: code } }, overrideAccess: true })).docs[0]!.id
    }
    category = (await payload.find({ collection: 'categories', where: { name: { equals: 'Jardinage, espaces verts' } }, overrideAccess: true })).docs[0]!.id
    territoryName = (await payload.find({ collection: 'territories', where: { epciCode: { equals: '246000848' } }, overrideAccess: true })).docs[0]!.name
  }, 300_000)

  afterAll(async () => {
    await cleanup?.()
  })

  /** POST /api/moderation/decide through Payload's REST handler, as JSON or as the queue's HTML form. */
  async function decideAs(role: Role, body: Record<string, unknown>, as: 'json' | 'form' = 'json') {
    const headers: Record<string, string> = { Authorization: `JWT ${tokens[role]}` }
    let payloadBody: string
    if (as === 'json') {
      headers['Content-Type'] = 'application/json'
      payloadBody = JSON.stringify(body)
    } else {
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
      payloadBody = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString()
    }
    const request = new Request('http://localhost/api/moderation/decide', { method: 'POST', headers, body: payloadBody })
    const response = await handleEndpoints({ config: payload.config, request })
    const text = await response.text()
    return { status: response.status, location: response.headers.get('location'), json: text ? (JSON.parse(text) as any) : null }
  }

  async function ownerBusiness(name: string, commune: Id) {
    const { demoSiret } = await import('@/seed/luhn')
    return payload.create({
      collection: 'businesses',
      // An owner asking for « published » is ignored: the entry starts pending.
      data: {
        name,
        siret: demoSiret(++siretSeq),
        categories: [category as number],
        commune: commune as number,
        description: 'Une fiche déposée par son propriétaire.',
        status: 'published',
      },
      user: users.owner,
      overrideAccess: false,
    })
  }

  async function deliverEmails() {
    await payload.jobs.run({ queue: 'default', limit: 100, silent: true })
  }

  async function auditOf(collection: string, id: Id) {
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { and: [{ collectionSlug: { equals: collection } }, { documentId: { equals: String(id) } }] },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
    return docs
  }

  /** Payload's REST API through its real handler, as a role or anonymously. */
  async function rest(role: Role | null, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = {}
    if (role) headers.Authorization = `JWT ${tokens[role]}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const request = new Request(`http://localhost/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const response = await handleEndpoints({ config: payload.config, request })
    const text = await response.text()
    return { status: response.status, json: text ? (JSON.parse(text) as any) : null }
  }

  /** A GraphQL query on Payload's own schema, as an anonymous visitor. */
  async function anonymousGraphql(source: string) {
    const [{ configToSchema }, { graphql }, { createLocalReq }] = await Promise.all([import('@payloadcms/graphql'), import('graphql'), import('payload')])
    const { schema } = configToSchema(payload.config)
    const req = await createLocalReq({}, payload)
    req.payloadAPI = 'GraphQL'
    const result = await graphql({ schema, source, contextValue: { req, headers: {} } })
    expect(result.errors).toBeUndefined()
    return result.data as any
  }

  /** Titles of the entries the public search finds for these words. */
  async function searchTitles(text: string, territory: Id) {
    const { getSearchEngine } = await import('@/search')
    const result = await getSearchEngine(payload).search({ territory, text, limit: 20 })
    return result.hits.map((h) => h.title)
  }

  /** What an anonymous visitor reads of a business, by REST (one and list) and GraphQL. */
  async function publicBusiness(id: Id) {
    const one = await rest(null, 'GET', `/businesses/${id}?depth=0`)
    const list = await rest(null, 'GET', `/businesses?where[id][equals]=${id}&depth=0`)
    const gql = await anonymousGraphql(`{ Business(id: ${id}) { description phone pendingChanges reviewState } }`)
    expect(one.status).toBe(200)
    return { rest: one.json, list: list.json.docs[0], graphql: gql.Business }
  }

  async function publishedOwnerBusiness(name: string, description: string, phone: string) {
    const business = await ownerBusiness(name, communes.grandvilliers)
    expect((await decideAs('editor', { action: 'approve', collection: 'businesses', id: business.id })).status).toBe(200)
    // A secrétaire's edit goes online at once.
    const staffEdit = await rest('editor', 'PATCH', `/businesses/${business.id}`, { description, phone })
    expect(staffEdit.status).toBe(200)
    expect(staffEdit.json.doc).toMatchObject({ description, phone, reviewState: 'ok', pendingChanges: null })
    await deliverEmails()
    return business
  }

  return {
    users,
    tokens,
    communes,
    decideAs,
    ownerBusiness,
    deliverEmails,
    auditOf,
    rest,
    anonymousGraphql,
    searchTitles,
    publicBusiness,
    publishedOwnerBusiness,
    get payload() {
      return payload
    },
    get outbox() {
      return outbox
    },
    get territoryName() {
      return territoryName
    },
    get category() {
      return category
    },
    /** The last demo SIRET number used: each new entry takes the next one. */
    get siretSeq() {
      return siretSeq
    },
    set siretSeq(value: number) {
      siretSeq = value
    },
  }
}
