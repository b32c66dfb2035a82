import { handleEndpoints, type CollectionSlug, type Payload, type TypedUser } from 'payload'

import { DEMO_PASSWORD, DEMO_USERS, INSEE } from '../support/fixtures'
import { bootLocalPayload } from '../support/localPayload'

type Id = number | string
type Doc = Record<string, any>
type Actor = 'superadmin' | 'admin' | 'editor' | 'owner' | 'resident' | 'adminB'

const EMAILS: Record<Actor, string> = { ...DEMO_USERS, adminB: 'admin.sologne@annuaire.example' }
const FOREIGN = /appartient à un autre territoire|n’appartient pas au territoire de ce document/

/**
 * What the last attack review of issue 17 still got through, on the two demo territories
 * (A, Picardie Verte; B, Portes de Sologne): links to another territory's media, categories,
 * communes and accounts; filters and sorts on moderation state by the public; unbounded
 * opening hours. Local API (as each account, access enforced), REST and GraphQL in process.
 */
export function relationScopeSuite(kind: 'sqlite' | 'postgres') {
  let payload: Payload
  let cleanup: () => Promise<void>
  const users = {} as Record<Actor, TypedUser>
  const tokens = {} as Record<Actor, string>
  const territory = { A: 0 as Id, B: 0 as Id }
  const commune = { A1: 0 as Id, B1: 0 as Id }
  const media = { A: 0 as Id, B: 0 as Id }
  const category = { national: 0 as Id, B: 0 as Id }
  let seq = 0

  beforeAll(async () => {
    process.env.JOBS_AUTORUN = '0'
    process.env.DEMO_PASSWORD ??= DEMO_PASSWORD
    ;({ payload, cleanup } = await bootLocalPayload(kind))
    const { seedDemoIfEmpty } = await import('@/seed/demo')
    await seedDemoIfEmpty(payload, () => {})
    const one = async (collection: CollectionSlug, where: Doc) => (await payload.find({ collection, where, limit: 1, depth: 0, overrideAccess: true })).docs[0] as Doc
    for (const actor of Object.keys(EMAILS) as Actor[]) {
      users[actor] = { ...(await one('users', { email: { equals: EMAILS[actor] } })), collection: 'users' } as TypedUser
      tokens[actor] = (await payload.login({ collection: 'users', data: { email: EMAILS[actor], password: process.env.DEMO_PASSWORD! } })).token!
    }
    const a1 = await one('communes', { inseeCode: { equals: INSEE.grandvilliers } })
    const b1 = await one('communes', { inseeCode: { equals: '45146' } })
    ;[commune.A1, commune.B1, territory.A, territory.B] = [a1.id, b1.id, a1.territory, b1.territory]
    media.A = (await one('territories', { id: { equals: territory.A } })).logo
    media.B = (await one('territories', { id: { equals: territory.B } })).logo
    category.national = (await one('categories', { territory: { exists: false } })).id
    category.B = (await one('categories', { territory: { equals: territory.B } })).id
  }, 300_000)

  afterAll(async () => {
    await cleanup?.()
  })

  const as = (actor: Actor) => ({ user: users[actor], overrideAccess: false, depth: 0, context: { skipNotify: true } }) as const

  /** The French messages of a refused write, or « accepté ». */
  async function outcome(write: Promise<unknown>): Promise<string> {
    try {
      await write
      return 'accepté'
    } catch (error) {
      const data = (error as { data?: { errors?: Array<{ message?: string }> } }).data
      return [(error as Error).message, ...(data?.errors ?? []).map((e) => e.message ?? '')].join(' | ')
    }
  }

  async function rest(actor: Actor | null, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = {}
    if (actor) headers.Authorization = `JWT ${tokens[actor]}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const request = new Request(`http://localhost/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const response = await handleEndpoints({ config: payload.config, request })
    const text = await response.text()
    return { status: response.status, json: text ? (JSON.parse(text) as any) : null, text }
  }

  async function graphqlAs(actor: Actor | null, source: string) {
    const [{ configToSchema }, { graphql }, { createLocalReq }] = await Promise.all([import('@payloadcms/graphql'), import('graphql'), import('payload')])
    const { schema } = configToSchema(payload.config)
    const req = await createLocalReq({ user: actor ? users[actor] : undefined }, payload)
    req.payloadAPI = 'GraphQL'
    return graphql({ schema, source, contextValue: { req, headers: {} } })
  }

  const notice = (extra: Doc = {}) => ({ kind: 'notice', title: `Avis ${kind} ${++seq}`, body: 'Information municipale des essais.', commune: commune.A1, ...extra })
  const business = (extra: Doc = {}) => ({ name: `Fiche ${kind} ${++seq}`, categories: [category.national], commune: commune.A1, ...extra })

  describe('a document links only to its own territory’s media, categories, communes and accounts', () => {
    it('a municipal notice of A cannot attach B’s file (create and update, local API and REST); A’s own is fine', async () => {
      for (const actor of ['editor', 'admin'] as const) {
        expect(await outcome(payload.create({ collection: 'announcements', data: notice({ attachment: media.B }) as never, ...as(actor) }))).toMatch(FOREIGN)
      }
      const own = await payload.create({ collection: 'announcements', data: notice({ attachment: media.A }) as never, ...as('editor') })
      expect(String((own as Doc).attachment)).toBe(String(media.A))
      expect(await outcome(payload.update({ collection: 'announcements', id: own.id, data: { attachment: media.B } as never, ...as('editor') }))).toMatch(FOREIGN)
      const viaRest = await rest('editor', 'PATCH', `/announcements/${own.id}`, { attachment: media.B })
      expect(viaRest.status).toBe(400)
      expect(viaRest.text).toMatch(FOREIGN)
      const created = await rest('admin', 'POST', '/announcements', notice({ attachment: media.B }))
      expect(created.status).toBe(400)
      const stored = await payload.findByID({ collection: 'announcements', id: own.id, depth: 0, overrideAccess: true })
      expect(String((stored as Doc).attachment)).toBe(String(media.A))
    })

    it('every upload and relationship field refuses B’s documents for A’s writers', async () => {
      const ownBusiness = await payload.create({ collection: 'businesses', data: business() as never, ...as('admin') })
      const cases: Array<[string, () => Promise<unknown>]> = [
        ['photos (admin)', () => payload.update({ collection: 'businesses', id: ownBusiness.id, data: { photos: [media.B] } as never, ...as('admin') })],
        ['categories', () => payload.update({ collection: 'businesses', id: ownBusiness.id, data: { categories: [category.B] } as never, ...as('admin') })],
        ['owners', () => payload.update({ collection: 'businesses', id: ownBusiness.id, data: { owners: [users.adminB.id] } as never, ...as('admin') })],
        ['associations.photos', () => payload.create({ collection: 'associations', data: business({ photos: [media.B] }) as never, ...as('editor') })],
        [
          'announcement category',
          () => payload.create({ collection: 'announcements', data: { ...notice(), kind: 'offer', category: category.B } as never, ...as('editor') }),
        ],
        ['category parent', () => payload.create({ collection: 'categories', data: { name: `Sous-catégorie ${++seq}`, parent: category.B } as never, ...as('admin') })],
        ['territory logo', () => payload.update({ collection: 'territories', id: territory.A, data: { logo: media.B } as never, ...as('admin') })],
        [
          'service communes served',
          () =>
            payload.create({
              collection: 'services',
              data: {
                title: `Service ${++seq}`,
                provider: { relationTo: 'businesses', value: ownBusiness.id },
                categories: [category.national],
                commune: commune.A1,
                communesServed: [commune.B1],
              } as never,
              ...as('admin'),
            }),
        ],
      ]
      const results: Record<string, string> = {}
      for (const [name, write] of cases) {
        const result = await outcome(write())
        results[name] = FOREIGN.test(result) ? 'refusé' : result
      }
      expect(results).toEqual(Object.fromEntries(cases.map(([name]) => [name, 'refusé'])))
      // The national categories and A's own documents stay allowed; the national administrator may link anything.
      expect(
        await outcome(
          payload.update({ collection: 'businesses', id: ownBusiness.id, data: { photos: [media.A], categories: [category.national] } as never, ...as('admin') }),
        ),
      ).toBe('accepté')
      expect(await outcome(payload.update({ collection: 'territories', id: territory.A, data: { logo: media.A } as never, ...as('admin') }))).toBe('accepté')
      expect(await outcome(payload.create({ collection: 'announcements', data: notice({ attachment: media.B }) as never, ...as('superadmin') }))).toBe('accepté')
    })

    it('a moderator cannot point one of her territory’s reports at an entry of B', async () => {
      const own = await payload.create({ collection: 'businesses', data: business() as never, ...as('admin') })
      const theirs = (await payload.find({ collection: 'businesses', where: { territory: { equals: territory.B } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]!
      const report = await payload.create({
        collection: 'reports',
        data: { target: { relationTo: 'businesses', value: own.id }, reason: 'closed', territory: territory.A } as never,
        overrideAccess: true,
      })
      const move = { target: { relationTo: 'businesses', value: theirs.id } }
      expect(await outcome(payload.update({ collection: 'reports', id: report.id, data: move as never, ...as('admin') }))).toMatch(FOREIGN)
      expect(await outcome(payload.update({ collection: 'reports', id: report.id, data: { status: 'resolved' } as never, ...as('admin') }))).not.toMatch(FOREIGN)
    })

    it('an owner cannot add B’s image to his own entry', async () => {
      const mine = await payload.create({ collection: 'businesses', data: business({ owners: [users.owner.id] }) as never, ...as('admin') })
      expect(await outcome(payload.update({ collection: 'businesses', id: mine.id, data: { photos: [media.B] } as never, ...as('owner') }))).toMatch(FOREIGN)
      const viaRest = await rest('owner', 'PATCH', `/businesses/${mine.id}`, { photos: [media.B] })
      expect(viaRest.status).toBe(400)
    })
  })

  describe('the public cannot filter or sort on moderation state', () => {
    let modified: Id

    beforeAll(async () => {
      const doc = await payload.create({ collection: 'businesses', data: business({ owners: [users.owner.id] }) as never, ...as('admin') })
      await payload.update({ collection: 'businesses', id: doc.id, data: { description: 'Une modification du propriétaire en attente.' } as never, ...as('owner') })
      modified = doc.id
      const stored = await payload.findByID({ collection: 'businesses', id: modified, depth: 0, overrideAccess: true })
      expect((stored as Doc).reviewState).toBe('modified')
    })

    const PROBES = [
      'where[reviewState][equals]=modified',
      'where[moderationRank][equals]=1',
      'where[rejectionReason][exists]=true',
      'where[moderationNote][exists]=true',
      'where[pendingChanges.description][exists]=true',
      'where[owners][exists]=true',
      'sort=moderationRank',
      'sort=-reviewState',
    ]

    it('REST: anonymous visitors and residents get a French 400 for each private filter or sort; the default list still answers', async () => {
      for (const actor of [null, 'resident', 'owner'] as const) {
        for (const probe of PROBES) {
          const reply = await rest(actor, 'GET', `/businesses?${probe}&depth=0&limit=100`)
          expect({ actor, probe, status: reply.status }).toEqual({ actor, probe, status: 400 })
          expect(reply.text).toContain('Filtre ou tri refusé')
        }
        const list = await rest(actor, 'GET', '/businesses?depth=0&limit=5')
        expect(list.status).toBe(200)
        expect(list.json.docs.length).toBeGreaterThan(0)
        // (an owner reads the state of his own entries, not of the others)
        if (actor !== 'owner') for (const doc of list.json.docs) expect(doc.moderationRank).toBeUndefined()
      }
      for (const collection of ['associations', 'services', 'announcements']) {
        expect((await rest(null, 'GET', `/${collection}?where[reviewState][equals]=modified`)).status).toBe(400)
        expect((await rest(null, 'GET', `/${collection}?depth=0`)).status).toBe(200)
      }
      for (const probe of ['where[onBehalfOf.enabled][equals]=true', 'where[author][exists]=true', 'sort=onBehalfOf.residentName', 'where[expiryWarningSentAt][exists]=true']) {
        expect({ probe, status: (await rest('resident', 'GET', `/announcements?${probe}`)).status }).toEqual({ probe, status: 400 })
      }
      expect((await rest(null, 'GET', '/businesses?where[email][like]=annuaire')).status).toBe(400)
      const one = await rest(null, 'GET', `/businesses/${modified}?depth=0`)
      expect(one.status).toBe(200)
      expect(one.json).not.toHaveProperty('reviewState')
      // A deep read follows owners and photos, and shows no account's e-mail.
      const deep = await rest(null, 'GET', '/businesses?depth=10&limit=50')
      expect(deep.status).toBe(200)
      expect(deep.text).not.toMatch(/@annuaire\.example/)
    })

    it('staff still filter their queue; the owner reads the state of his own entry', async () => {
      const queue = await rest('editor', 'GET', '/businesses?where[reviewState][equals]=modified&sort=moderationRank&depth=0&limit=100')
      expect(queue.status).toBe(200)
      expect(queue.json.docs.map((d: Doc) => d.id)).toContain(modified)
      const own = await rest('owner', 'GET', `/businesses/${modified}?depth=0`)
      expect(own.json.reviewState).toBe('modified')
    })

    it('GraphQL: the same filters and sorts are refused to the public', async () => {
      for (const args of ['where: { reviewState: { equals: modified } }', 'sort: "moderationRank"', 'where: { moderationRank: { equals: 1 } }']) {
        const result = await graphqlAs(null, `{ Businesses(${args}) { docs { id } } }`)
        expect({ args, refused: Boolean(result.errors?.length) }).toEqual({ args, refused: true })
      }
      const plain = await graphqlAs(null, '{ Businesses(limit: 3) { docs { id reviewState } } }')
      expect(plain.errors).toBeUndefined()
      for (const doc of (plain.data as any).Businesses.docs) expect(doc.reviewState).toBeNull()
    })
  })

  describe('opening hours are bounded in every door', () => {
    const ranges = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ day: 'monday', opens: `${String(i).padStart(2, '0')}:00`, closes: `${String(i).padStart(2, '0')}:30` }))

    it('refuses a fifth range on a day, and 2,436 ranges, in French (local API and REST); 4 a day are fine', async () => {
      const doc = await payload.create({ collection: 'businesses', data: business() as never, ...as('admin') })
      expect(await outcome(payload.update({ collection: 'businesses', id: doc.id, data: { openingHours: { weekly: ranges(5) } } as never, ...as('admin') }))).toContain(
        'Le lundi a 5 plages horaires : 4 au plus par jour.',
      )
      const flood = Array.from({ length: 2436 }, (_, i) => ({ day: ['monday', 'tuesday', 'wednesday'][i % 3], opens: '08:00', closes: '09:00' }))
      const viaRest = await rest('admin', 'PATCH', `/businesses/${doc.id}`, { openingHours: { weekly: flood } })
      expect(viaRest.status).toBe(400)
      expect(viaRest.text).toMatch(/plages horaires : 4 au plus par jour|au plus pour la semaine/)
      const closures = Array.from({ length: 31 }, () => ({ from: '2026-08-01', to: '2026-08-02' }))
      expect((await rest('admin', 'PATCH', `/businesses/${doc.id}`, { openingHours: { weekly: [], closures } })).text).toContain('31 fermetures : 30 au plus.')
      expect(await outcome(payload.update({ collection: 'businesses', id: doc.id, data: { openingHours: { weekly: ranges(4) } } as never, ...as('admin') }))).toBe(
        'accepté',
      )
    })
  })
}
