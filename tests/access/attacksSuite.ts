/**
 * Typical attacks, each refused: what a curious or malicious account would try first.
 * Every write that should not happen is checked by reading the document back as the
 * national administrator.
 */
import { type Id, call, graphql, idOf, login, query, sameId } from './client'
import { GRAPHQL_NAMES, gqlId } from './graphqlNames'
import { EXTRA_PASSWORD, PRIVATE, World } from './world'

export function attacksSuite(getWorld: () => World) {
  let world: World
  beforeAll(() => {
    world = getWorld()
  })

  const as = (actor: Parameters<World['as']>[0]) => world.as(actor)
  const readBack = async (collection: string, id: Id) => (await world.readBack(collection, id)).json

  describe('an owner cannot moderate its own entries', () => {
    it('an owner creating a business with status « published » gets a pending entry', async () => {
      const marker = world.marker('attaque')
      const reply = await as('owner')('POST', '/api/businesses', {
        ...world.entryData('businesses', 'A1', marker),
        status: 'published',
        reviewState: 'ok',
        isExample: true,
      })
      expect(reply.status).toBe(201)
      world.track('businesses', reply.json.doc.id)
      const stored = await readBack('businesses', reply.json.doc.id)
      expect({ status: stored.status, isExample: stored.isExample, owners: stored.owners.map(idOf) }).toEqual({
        status: 'pending',
        isExample: false,
        owners: [world.userId('owner')],
      })
    })

    it('an owner publishing its own pending business by PATCH leaves it pending', async () => {
      const doc = await world.directoryDoc('businesses', 'pending-A1')
      const reply = await as('owner')('PATCH', `/api/businesses/${doc.id}`, { status: 'published', description: 'Ma fiche' })
      expect(reply.status).toBe(200)
      expect((await readBack('businesses', doc.id)).status).toBe('pending')
    })

    it('an owner cannot hand its business to another account nor add one', async () => {
      const doc = await world.directoryDoc('businesses', 'published-A1')
      for (const owners of [[world.userId('resident2')], [world.userId('owner'), world.userId('resident2')], []]) {
        const reply = await as('owner')('PATCH', `/api/businesses/${doc.id}`, { owners })
        expect(reply.status).toBe(200)
        expect((await readBack('businesses', doc.id)).owners.map(idOf)).toEqual([world.userId('owner')])
      }
    })

    it('a resident cannot publish its announcement nor change its author', async () => {
      const doc = await world.directoryDoc('announcements', 'pending-A1')
      await as('resident')('PATCH', `/api/announcements/${doc.id}`, { status: 'published', author: world.userId('resident2') })
      const stored = await readBack('announcements', doc.id)
      expect({ status: stored.status, author: idOf(stored.author) }).toEqual({ status: 'pending', author: world.userId('resident') })
    })

    it('a resident cannot post a municipal notice, on create or by changing its announcement', async () => {
      const marker = world.marker('avis')
      const created = await as('resident')('POST', '/api/announcements', { ...world.entryData('announcements', 'A1', marker), kind: 'notice' })
      expect(created.status).toBe(400)
      expect(await world.findAsSuper('announcements', { title: { equals: `[essai accès] ${marker}` } })).toEqual([])
      const doc = await world.directoryDoc('announcements', 'published-A1')
      const changed = await as('resident')('PATCH', `/api/announcements/${doc.id}`, { kind: 'notice' })
      expect(changed.status).toBe(400)
      expect((await readBack('announcements', doc.id)).kind).toBe('offer')
    })
  })

  describe("nobody edits someone else's entry by its id", () => {
    it("a resident editing another resident's announcement by id is refused and changes nothing", async () => {
      for (const target of ['pending-A2'] as const) {
        const doc = await world.directoryDoc('announcements', target)
        const before = await readBack('announcements', doc.id)
        const patch = await as('resident')('PATCH', `/api/announcements/${doc.id}`, { body: 'Texte remplacé par un autre habitant.' })
        const del = await as('resident')('DELETE', `/api/announcements/${doc.id}`)
        expect([patch.status, del.status].every((s) => s === 403 || s === 404)).toBe(true)
        expect((await readBack('announcements', doc.id)).body).toBe(before.body)
      }
      // A published one is readable, but still not writable.
      const published = await world.directoryDoc('announcements', 'published-A1')
      await call(world.baseUrl, world.session('superadmin'), 'PATCH', `/api/announcements/${published.id}`, { author: world.userId('resident2') })
      const patch = await as('resident')('PATCH', `/api/announcements/${published.id}`, { body: 'Texte remplacé par un autre habitant.' })
      expect(patch.status).toBe(403)
      expect((await readBack('announcements', published.id)).body).not.toBe('Texte remplacé par un autre habitant.')
    })

    it("bulk PATCH and DELETE by `where` only reach one's own rows", async () => {
      const own = await world.directoryDoc('announcements', 'published-A1')
      const other = await world.directoryDoc('announcements', 'pending-A2')
      const otherPublished = await world.directoryDoc('announcements', 'published-B')
      const where = { id: { in: [own.id, other.id, otherPublished.id] } }
      await as('resident')('PATCH', `/api/announcements${query({ where })}`, { body: 'Modification en masse par un habitant.' })
      // Its own published announcement takes the edit aside, for the mairie to accept.
      const mine = await readBack('announcements', own.id)
      expect(mine.pendingChanges?.body ?? mine.body).toBe('Modification en masse par un habitant.')
      for (const id of [other.id, otherPublished.id]) {
        const theirs = await readBack('announcements', id)
        expect(theirs.body).not.toBe('Modification en masse par un habitant.')
        expect(theirs.pendingChanges ?? null).toBeNull()
      }
      await as('resident')('DELETE', `/api/announcements${query({ where })}`)
      expect((await world.readBack('announcements', own.id)).status).toBe(404)
      expect((await world.readBack('announcements', other.id)).status).toBe(200)
      expect((await world.readBack('announcements', otherPublished.id)).status).toBe(200)
    })

    it("an owner cannot attach a service to someone else's business", async () => {
      const marker = world.marker('service')
      const reply = await as('owner')('POST', '/api/services', {
        ...world.entryData('services', 'A2', marker),
      })
      expect(reply.status).toBe(400)
      expect(await world.findAsSuper('services', { title: { equals: `[essai accès] ${marker}` } })).toEqual([])
      const own = await world.directoryDoc('services', 'pending-A1')
      const move = await as('owner')('PATCH', `/api/services/${own.id}`, {
        provider: { relationTo: 'businesses', value: world.doc('businesses', 'pending-A2') },
      })
      expect(move.status).toBe(400)
      expect(idOf((await readBack('services', own.id)).provider.value)).toEqual(world.doc('businesses', 'published-A1'))
    })
  })

  describe('secrétaires stay in their communes, staff in their territory', () => {
    it("the secrétaire of commune A1 cannot read a pending item of commune A2, by id, list, filter, history or GraphQL", async () => {
      const editor = world.session('editor')
      for (const collection of ['businesses', 'associations', 'services', 'announcements']) {
        const id = world.doc(collection, 'pending-A2')
        const byId = await call(world.baseUrl, editor, 'GET', `/api/${collection}/${id}`)
        const filtered = await call(world.baseUrl, editor, 'GET', `/api/${collection}${query({ where: { commune: { equals: world.commune.A2 }, status: { equals: 'pending' } }, limit: 100 })}`)
        const versions = await call(world.baseUrl, editor, 'GET', `/api/${collection}/versions${query({ where: { parent: { equals: id } } })}`)
        const names = GRAPHQL_NAMES[collection]!
        const gql = await graphql(world.baseUrl, editor, `{ ${names.one}(id: ${gqlId(id)}) { id } }`)
        expect({
          collection,
          byId: byId.status,
          filtered: filtered.json.docs.some((d: { id: Id }) => sameId(d.id, id)),
          versions: versions.status === 200 ? versions.json.docs.length : 0,
          graphql: gql.json?.data?.[names.one] ?? null,
        }).toEqual({ collection, byId: 404, filtered: false, versions: 0, graphql: null })
      }
    })

    it('the secrétaire of commune A1 cannot move an entry to a commune she does not manage', async () => {
      const doc = await world.directoryDoc('businesses', 'pending-A1')
      const reply = await as('editor')('PATCH', `/api/businesses/${doc.id}`, { commune: world.commune.A2 })
      expect([400, 403]).toContain(reply.status)
      expect(idOf((await readBack('businesses', doc.id)).commune)).toEqual(world.commune.A1)
    })

    it('an administrator of territory B reads no moderation note of territory A, even through `select` or `where`', async () => {
      const id = world.doc('businesses', 'published-A1')
      const note = PRIVATE.moderationNote(world.run)
      const adminB = world.session('adminB')
      const selected = await call(world.baseUrl, adminB, 'GET', `/api/businesses/${id}${query({ select: { moderationNote: true } })}`)
      const oracle = await call(world.baseUrl, adminB, 'GET', `/api/businesses${query({ where: { and: [{ id: { equals: id } }, { moderationNote: { like: 'confidentielle' } }] } })}`)
      expect(selected.text).not.toContain(note)
      expect(oracle.status === 200 ? oracle.json.docs.length : 0).toBe(0)
    })

    it('an administrator cannot move an account, a category or a page to another territory, nor make them national', async () => {
      const user = await world.freshUser('A')
      await as('admin')('PATCH', `/api/users/${user.id}`, { territory: world.territory.B })
      expect(idOf((await readBack('users', user.id)).territory)).toEqual(world.territory.A)
      const category = await world.freshCategory('A')
      for (const territory of [world.territory.B, null]) {
        await as('editor')('PATCH', `/api/categories/${category.id}`, { territory })
        expect(idOf((await readBack('categories', category.id)).territory)).toEqual(world.territory.A)
      }
      const created = await as('editor')('POST', '/api/categories', { name: world.marker('nationale'), territory: null })
      expect(created.status).toBe(201)
      world.track('categories', created.json.doc.id)
      expect(idOf((await readBack('categories', created.json.doc.id)).territory)).toEqual(world.territory.A)
      const page = await world.freshPage('A')
      await as('admin')('PATCH', `/api/pages/${page.id}`, { territory: null })
      expect(idOf((await readBack('pages', page.id)).territory)).toEqual(world.territory.A)
    })

    it('an administrator cannot make anyone a national administrator, not even itself', async () => {
      const self = world.userId('admin')
      const reply = await as('admin')('PATCH', `/api/users/${self}`, { roles: ['admin', 'superadmin'] })
      expect(reply.status).toBe(400)
      expect(JSON.stringify(reply.json)).toContain('administrateur national')
      expect((await readBack('users', self)).roles).toEqual(['admin'])
    })

    it("an owner reads only the contact requests sent to it", async () => {
      const payloadId = world.doc('contact-requests', 'B')
      const reply = await as('owner')('GET', `/api/contact-requests/${payloadId}`)
      expect(reply.status).toBe(404)
      const list = await as('owner')('GET', '/api/contact-requests?limit=100')
      expect(list.json.docs.every((d: { recipients?: unknown[] }) => (d.recipients ?? []).some((r) => sameId(r, world.userId('owner'))))).toBe(true)
    })
  })

  describe('the resident a mairie posted for stays private', () => {
    // The create form shows « Pour un habitant sans internet » to the secrétaire; a filter on
    // its fields must not become a way to guess a resident's phone number one digit at a time.
    it('a `where` on onBehalfOf.residentPhone tells visitors, residents, owners and territory B nothing', async () => {
      const target = String(world.doc('announcements', 'published-A1'))
      // Always on the one announcement, which every actor may read: a filter that worked would drop it.
      const outcome = async (actor: Parameters<World['as']>[0], filter?: Record<string, unknown>) => {
        const where = { and: [{ id: { equals: target } }, ...(filter ? [filter] : [])] }
        const reply = await as(actor)('GET', `/api/announcements${query({ where, depth: 0 })}`)
        return reply.status === 200 ? (reply.json.docs as Array<{ id: Id }>).map((d) => String(d.id)) : `refusé (${reply.status})`
      }
      for (const actor of ['anonymous', 'resident', 'owner', 'adminB', 'editorB'] as const) {
        expect(await outcome(actor)).toEqual([target])
        const matching = await outcome(actor, { 'onBehalfOf.residentPhone': { like: PRIVATE.residentPhone.slice(0, 2) } })
        const other = await outcome(actor, { 'onBehalfOf.residentPhone': { like: '06' } })
        const exact = await outcome(actor, { 'onBehalfOf.residentPhone': { equals: PRIVATE.residentPhone } })
        // Refused, or the same answer whatever the value: the filter tells nothing.
        expect({ actor, matching, exact }).toEqual({ actor, matching: other, exact: other })
        if (actor === 'anonymous') {
          const names = GRAPHQL_NAMES.announcements!
          const gql = await graphql(
            world.baseUrl,
            null,
            `{ ${names.many}(where: { AND: [{ id: { equals: ${gqlId(target)} } }, { onBehalfOf__residentPhone: { like: ${JSON.stringify(PRIVATE.residentPhone.slice(0, 2))} } }] }) { docs { id } } }`,
          )
          expect((gql.json?.data?.[names.many]?.docs ?? []).length).toBe(0)
        }
      }
    })
  })

  describe('anonymous visitors never read a personal e-mail', () => {
    it('not through `depth` (a service populates its provider, an announcement its author)', async () => {
      const service = world.doc('services', 'published-A1')
      const provider = world.doc('businesses', 'published-A1')
      const email = world.emails.get(`businesses:${provider}`)!
      for (const depth of [1, 2, 3]) {
        const one = await call(world.baseUrl, null, 'GET', `/api/services/${service}${query({ depth })}`)
        const list = await call(world.baseUrl, null, 'GET', `/api/services${query({ depth, limit: 100 })}`)
        expect(one.status).toBe(200)
        expect(one.text).not.toContain(email)
        expect(list.text).not.toContain(email)
      }
      const announcement = await call(world.baseUrl, null, 'GET', `/api/announcements/${world.doc('announcements', 'published-A1')}?depth=3`)
      expect(announcement.text).not.toContain(DEMO_RESIDENT_EMAIL)
      expect(announcement.json.author).toBeUndefined()
    })

    it('not through `select`, `sort` or `where`, on the field or through a relationship', async () => {
      const id = world.doc('businesses', 'published-A1')
      const email = world.emails.get(`businesses:${id}`)!
      const attempts = [
        `/api/businesses/${id}${query({ select: { email: true } })}`,
        `/api/businesses${query({ select: { email: true, owners: true }, limit: 100 })}`,
        `/api/businesses${query({ sort: 'email', limit: 1 })}`,
        `/api/businesses${query({ where: { email: { like: '@' } } })}`,
        `/api/businesses${query({ where: { email: { equals: email } } })}`,
        `/api/businesses${query({ where: { 'owners.email': { like: '@' } } })}`,
        `/api/announcements${query({ where: { 'author.email': { equals: DEMO_RESIDENT_EMAIL } } })}`,
        `/api/services${query({ where: { 'provider.value.email': { equals: email } } })}`,
        `/api/users${query({ where: { email: { like: '@' } } })}`,
      ]
      for (const path of attempts) {
        const reply = await call(world.baseUrl, null, 'GET', path)
        expect({ path, status: reply.status < 500, leaks: reply.text.includes(email) || reply.text.includes(DEMO_RESIDENT_EMAIL) }).toEqual({
          path,
          status: true,
          leaks: false,
        })
        // A filter on a private field either is refused or finds nothing.
        if (path.includes('where') && reply.status === 200) expect({ path, docs: reply.json.docs.length }).toEqual({ path, docs: 0 })
      }
    })

    it('not through GraphQL (lists, by id, filters, users)', async () => {
      const id = world.doc('businesses', 'published-A1')
      const email = world.emails.get(`businesses:${id}`)!
      const queries = [
        `{ Businesses(limit: 100) { docs { id email owners { id email } } } }`,
        `{ Business(id: ${gqlId(id)}) { id email owners { email } } }`,
        `{ Businesses(where: { email: { like: "@" } }) { docs { id } } }`,
        `{ Services(limit: 100) { docs { id provider { ... on Business { email } } } } }`,
        `{ Announcements(limit: 100) { docs { id author { email } } } }`,
        `{ Users { docs { id email } } }`,
      ]
      for (const source of queries) {
        const reply = await graphql(world.baseUrl, null, source)
        expect({ source, ok: reply.status < 500, leaks: reply.text.includes(email) || reply.text.includes(DEMO_RESIDENT_EMAIL) }).toEqual({
          source,
          ok: true,
          leaks: false,
        })
      }
      const filtered = await graphql(world.baseUrl, null, `{ Businesses(where: { email: { like: "@" } }) { docs { id } } }`)
      expect(filtered.json?.data?.Businesses?.docs ?? []).toEqual([])
    })

    it('not by duplicating a business it does not own', async () => {
      const id = world.doc('businesses', 'published-A1')
      const email = world.emails.get(`businesses:${id}`)!
      const reply = await as('resident')('POST', `/api/businesses/${id}/duplicate`, {})
      if (reply.json?.doc?.id !== undefined) world.track('businesses', reply.json.doc.id)
      expect(reply.status).toBeLessThan(500)
      expect(reply.text).not.toContain(email)
      if (reply.status === 201) {
        const copy = await as('resident')('GET', `/api/businesses/${reply.json.doc.id}`)
        expect(copy.text).not.toContain(email)
        expect((await readBack('businesses', reply.json.doc.id)).status).toBe('pending')
      }
    })

    it('GraphQL mutations are refused to anonymous visitors and save nothing', async () => {
      const marker = world.marker('gql')
      const reply = await graphql(
        world.baseUrl,
        null,
        `mutation { createBusiness(data: { name: "${marker}", categories: [${gqlId(world.category.national)}], commune: ${gqlId(world.commune.A1)} }) { id } }`,
      )
      expect(reply.status).toBeLessThan(500)
      expect(reply.json?.data?.createBusiness ?? null).toBeNull()
      expect(await world.findAsSuper('businesses', { name: { equals: marker } })).toEqual([])
      const id = world.doc('businesses', 'published-A1')
      await graphql(world.baseUrl, null, `mutation { updateBusiness(id: ${gqlId(id)}, data: { description: "${marker}" }) { id } }`)
      expect((await readBack('businesses', id)).description).not.toBe(marker)
    })
  })

  describe('accounts', () => {
    it('a sign-up cannot choose its roles, communes or verified state, and cannot log in before verifying', async () => {
      const email = `${world.marker('inscrit')}@annuaire.example`
      const reply = await call(world.baseUrl, null, 'POST', '/api/users', {
        email,
        password: EXTRA_PASSWORD,
        name: 'Inscription pirate',
        roles: ['superadmin', 'admin'],
        communes: [world.commune.A1],
        _verified: true,
      })
      expect(reply.status).toBe(201)
      // A stranger's sign-up answer carries no id (it must read alike for a taken address).
      const [created] = await world.findAsSuper('users', { email: { equals: email } })
      world.track('users', created.id)
      const stored = await readBack('users', created.id)
      expect({ roles: stored.roles, communes: stored.communes ?? [], verified: stored._verified }).toEqual({
        roles: ['resident'],
        communes: [],
        verified: false,
      })
      const loginReply = await call(world.baseUrl, null, 'POST', '/api/users/login', { email, password: EXTRA_PASSWORD })
      expect(loginReply.status).toBeGreaterThanOrEqual(400)
    })

    it('a logged-in resident cannot create (verified) accounts for someone else', async () => {
      const email = `${world.marker('usurpe')}@annuaire.example`
      const reply = await as('resident')('POST', '/api/users', { email, password: EXTRA_PASSWORD, name: 'Usurpation', _verified: true })
      expect(reply.status).toBe(403)
      expect(await world.findAsSuper('users', { email: { equals: email } })).toEqual([])
    })

    it("a resident cannot unlock someone else's account (brute-force lock stays)", async () => {
      const reply = await as('resident')('POST', '/api/users/unlock', { email: 'admin@annuaire.example' })
      expect(reply.status).toBe(403)
    })

    it('anonymous visitors see no account, and `me` tells them nothing', async () => {
      const list = await call(world.baseUrl, null, 'GET', '/api/users')
      const me = await call(world.baseUrl, null, 'GET', '/api/users/me')
      expect(list.status).toBe(403)
      expect(me.json?.user ?? null).toBeNull()
    })

    it('an account can delete itself, and only itself', async () => {
      const fresh = await world.freshUser('A')
      const session = await login(world.baseUrl, fresh.email, EXTRA_PASSWORD)
      const other = await call(world.baseUrl, session, 'DELETE', `/api/users/${world.userId('resident2')}`)
      expect([403, 404]).toContain(other.status)
      expect((await world.readBack('users', world.userId('resident2'))).status).toBe(200)
      const self = await call(world.baseUrl, session, 'DELETE', `/api/users/${fresh.id}`)
      expect(self.status).toBe(200)
      expect((await world.readBack('users', fresh.id)).status).toBe(404)
    })
  })
}

const DEMO_RESIDENT_EMAIL = 'habitant@annuaire.example'
