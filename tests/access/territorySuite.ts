/**
 * Territory isolation over HTTP (issue 17): the attacks of the penetration test, through the
 * real REST API of the built server. The full table of keys × collections × roles runs on the
 * local API (tests/int/territoryScopeSuite.ts); this is its HTTP subset.
 */
import { type Id, call, idOf, login } from './client'
import { EXTRA_PASSWORD, World } from './world'

export function territorySuite(getWorld: () => World) {
  let world: World
  beforeAll(() => {
    world = getWorld()
  })

  const readBack = async (collection: string, id: Id) => (await world.readBack(collection, id)).json

  /** A fresh staff account of territory A, logged in (the demo accounts stay untouched). */
  async function freshStaff(role: 'admin' | 'editor' | 'viewer') {
    const account = await world.freshUser('A', role)
    return { ...account, session: await login(world.baseUrl, account.email, EXTRA_PASSWORD) }
  }

  it('PATCH /api/users/<me> {"commune": <a commune of B>} leaves every staff member of A in A, seeing none of B’s accounts', async () => {
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      const me = await freshStaff(role)
      const reply = await call(world.baseUrl, me.session, 'PATCH', `/api/users/${me.id}`, { commune: world.commune.B1, name: `Essai ${role}` })
      expect([200, 400]).toContain(reply.status)
      expect(String(idOf((await readBack('users', me.id)).territory))).toBe(String(world.territory.A))
      if (role === 'admin') {
        const again = await login(world.baseUrl, me.email, EXTRA_PASSWORD)
        const list = await call(world.baseUrl, again, 'GET', `/api/users?where[territory][equals]=${world.territory.B}&depth=0`)
        expect(list.json?.docs ?? []).toEqual([])
      }
    }
  })

  it('POST /api/pages and POST /api/categories with a commune (or territory) of B stay in the writer’s territory', async () => {
    const page = await world.as('admin')('POST', '/api/pages?depth=0', {
      title: `[essai accès] ${world.marker('page')}`,
      slug: 'a-propos',
      commune: world.commune.B1,
      territory: world.territory.B,
    })
    expect(page.status).toBe(201)
    world.track('pages', page.json.doc.id)
    expect(String(idOf((await readBack('pages', page.json.doc.id)).territory))).toBe(String(world.territory.A))
    for (const role of ['admin', 'editor'] as const) {
      const category = await world.as(role)('POST', '/api/categories?depth=0', { name: `[essai accès] ${world.marker('categorie')}`, commune: world.commune.B1 })
      expect(category.status).toBe(201)
      world.track('categories', category.json.doc.id)
      expect(String(idOf((await readBack('categories', category.json.doc.id)).territory))).toBe(String(world.territory.A))
    }
  })

  it('an owner moving his published business to a commune of B sends it to B’s moderation queue', async () => {
    const doc = await world.directoryDoc('businesses', 'published-A1')
    const reply = await world.as('owner')('PATCH', `/api/businesses/${doc.id}`, { commune: world.commune.B1, postcode: '45240' })
    expect(reply.status).toBe(200)
    const stored = await readBack('businesses', doc.id)
    expect({ territory: String(idOf(stored.territory)), status: stored.status }).toEqual({ territory: String(world.territory.B), status: 'pending' })
  })

  it('a territory administrator cannot set host names, another territory’s least of all (only the national administrator does)', async () => {
    const host = `${world.marker('hote')}.example`
    const before = (await readBack('territories', world.territory.B)).hostnames ?? []
    const set = await world.as('superadmin')('PATCH', `/api/territories/${world.territory.B}`, { hostnames: [...before, host] })
    expect(set.status).toBe(200)
    try {
      const own = (await readBack('territories', world.territory.A)).hostnames ?? []
      for (const attempt of [host.toUpperCase(), `${world.marker('libre')}.example`.toLowerCase()]) {
        const reply = await world.as('admin')('PATCH', `/api/territories/${world.territory.A}`, { hostnames: [...own, attempt] })
        expect(reply.status).toBeLessThan(500)
        expect((await readBack('territories', world.territory.A)).hostnames ?? []).toEqual(own)
      }
      const taken = await world.as('superadmin')('PATCH', `/api/territories/${world.territory.A}`, { hostnames: [...own, host.toUpperCase()] })
      expect(taken.status).toBe(400)
      expect(taken.text).toContain('sert déjà le territoire')
    } finally {
      await world.as('superadmin')('PATCH', `/api/territories/${world.territory.B}`, { hostnames: before })
    }
  })

  it('residents and owners cannot create admin edit locks, nor read the staff’s', async () => {
    const page = world.doc('pages', 'A')
    for (const actor of ['resident', 'owner'] as const) {
      const reply = await world.as(actor)('POST', '/api/payload-locked-documents', {
        document: { relationTo: 'pages', value: page },
        user: { relationTo: 'users', value: world.userId(actor) },
      })
      expect(reply.status).toBe(403)
      const list = await world.as(actor)('GET', '/api/payload-locked-documents?depth=1')
      expect([200, 403]).toContain(list.status)
      expect(list.json?.docs ?? []).toEqual([])
    }
    const other = await world.as('adminB')('POST', '/api/payload-locked-documents', {
      document: { relationTo: 'pages', value: page },
      user: { relationTo: 'users', value: world.userId('adminB') },
    })
    expect(other.status).toBe(403)
  })
}
