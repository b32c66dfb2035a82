/**
 * Bad input: every invalid field gets a French message on that field and nothing is saved;
 * no malformed REST body, parameter or id ever makes the server answer 500.
 */
import { type Reply, call, graphql, query } from './client'
import type { World } from './world'

/** The field errors of a Payload validation answer: `{ path, message }`. */
function fieldErrors(reply: Reply): Array<{ path: string; message: string }> {
  return (reply.json?.errors ?? []).flatMap((e: { data?: { errors?: Array<{ path: string; message: string }> } }) => e.data?.errors ?? [])
}

/** English words Payload would use if a message were not translated. */
const ENGLISH = /\b(the|this|field|is|invalid|required|must|value|not allowed|cannot)\b/i

export function malformedSuite(getWorld: () => World) {
  let world: World
  beforeAll(() => {
    world = getWorld()
  })

  const invalidFields: Array<[string, string, Record<string, unknown>, string, RegExp]> = [
    ['businesses', 'invalid SIRET', { siret: '12345678901234' }, 'siret', /SIRET/],
    ['businesses', 'SIRET with letters', { siret: 'ABCDEFGHIJKLMN' }, 'siret', /SIRET/],
    ['businesses', 'invalid e-mail', { email: 'pas-un-email' }, 'email', /e-mail/i],
    ['businesses', 'invalid phone', { phone: '12 34' }, 'phone', /téléphone|numéro/i],
    ['businesses', 'invalid website', { website: 'javascript:alert(1)' }, 'website', /adresse|site|http/i],
    ['businesses', 'postcode of another commune', { postcode: '45240' }, 'postcode', /code postal/i],
    ['businesses', 'name too long', { name: 'x'.repeat(151) }, 'name', /150|caractères|long/i],
    ['associations', 'invalid RNA', { rna: 'X123' }, 'rna', /RNA/],
    ['announcements', 'title too short', { title: 'Ab' }, 'title', /5|caractères|court/i],
  ]

  describe('every invalid field gets a French message on that field and saves nothing', () => {
    it.each(invalidFields)('%s: %s', async (collection, _what, invalid, path, message) => {
      const marker = world.marker('invalide')
      const base = world.entryData(collection as never, 'A1', marker)
      const reply = await world.as('owner')('POST', `/api/${collection}`, { ...base, ...invalid })
      const errors = fieldErrors(reply)
      const error = errors.find((e) => e.path === path || e.path.endsWith(`.${path}`))
      expect({ status: reply.status, path: error?.path }).toEqual({ status: 400, path: error ? error.path : path })
      expect(error?.message).toMatch(message)
      expect(error?.message).not.toMatch(ENGLISH)
      const titleField = collection === 'announcements' ? 'title' : 'name'
      const stored = await world.findAsSuper(collection, { [titleField]: { like: marker } })
      expect(stored).toEqual([])
    })

    it('missing required fields are each named, in French, and nothing is saved', async () => {
      const reply = await world.as('owner')('POST', '/api/businesses', { description: 'Sans nom ni commune' })
      expect(reply.status).toBe(400)
      const paths = fieldErrors(reply).map((e) => e.path)
      expect(paths).toEqual(expect.arrayContaining(['name', 'categories', 'commune']))
      for (const error of fieldErrors(reply)) expect(error.message).not.toMatch(ENGLISH)
      expect(reply.json.errors[0].message).toMatch(/champ/i)
    })

    it('wrong types on every kind of field are refused field by field, with nothing saved', async () => {
      const marker = world.marker('types')
      const reply = await world.as('owner')('POST', '/api/businesses', {
        name: marker,
        categories: 'pas-une-liste',
        commune: { id: 'pas-un-id' },
        latitude: 'nord',
        openingHours: { weekly: [{ day: 'funday', opens: '25:00', closes: 'midi' }] },
        photos: 'photo.jpg',
      })
      expect(reply.status).toBe(400)
      expect(fieldErrors(reply).length).toBeGreaterThan(0)
      for (const error of fieldErrors(reply)) expect(error.message).not.toMatch(ENGLISH)
      expect(await world.findAsSuper('businesses', { name: { equals: marker } })).toEqual([])
    })

    it('an opening time that is not a time is refused with a French example', async () => {
      const marker = world.marker('horaires')
      const reply = await world.as('owner')('POST', '/api/businesses', {
        ...world.entryData('businesses', 'A1', marker),
        openingHours: { weekly: [{ day: 'monday', opens: '8h75', closes: '12:00' }] },
      })
      expect(reply.status).toBe(400)
      expect(fieldErrors(reply).map((e) => e.message).join(' ')).toMatch(/par exemple 8h, 8h30 ou 08:30/)
    })
  })

  describe('errors Payload writes in English', () => {
    it('a login without password, a bad reset token and a bad verification token answer in French', async () => {
      const replies = {
        login: await call(world.baseUrl, null, 'POST', '/api/users/login', { email: 'personne@exemple.fr' }),
        reset: await call(world.baseUrl, null, 'POST', '/api/users/reset-password', { token: 'x'.repeat(40), password: 'Un-Mot-de-passe-Tres-Long-2026' }),
        verify: await call(world.baseUrl, null, 'POST', '/api/users/verify/jeton-inconnu'),
      }
      for (const [what, reply] of Object.entries(replies)) {
        const message = String(reply.json?.errors?.[0]?.message ?? '')
        expect({ what, status: reply.status >= 400 && reply.status < 500, french: message !== '' && !ENGLISH.test(message) }).toEqual({ what, status: true, french: true })
      }
      expect(replies.login.json.errors[0].message).toMatch(/^Le champ suivant n’est pas valide/)
      expect(replies.reset.json.errors[0].message).toMatch(/lien de réinitialisation/)
    })
  })

  describe('updates that change nothing', () => {
    it('an empty PATCH of a published entry is refused with a French 400 and leaves it as it was', async () => {
      const target = world.doc('businesses', 'published-A1')
      const before = (await world.readBack('businesses', target)).json
      const reply = await world.as('owner')('PATCH', `/api/businesses/${target}`, {})
      expect(reply.status).toBe(400)
      expect(reply.json.errors[0].message).toMatch(/^Rien à modifier/)
      const after = (await world.readBack('businesses', target)).json
      expect({ status: after.status, reviewState: after.reviewState, updatedAt: after.updatedAt }).toEqual({
        status: before.status,
        reviewState: before.reviewState,
        updatedAt: before.updatedAt,
      })
    })
  })

  describe('malformed requests answer 4xx, never 500', () => {
    // '4xx': the body is unusable and says so; 'no 5xx': a valid but useless object, Payload ignores what it does not know.
    const bodies: Array<[string, string, string, '4xx' | 'no 5xx']> = [
      ['broken JSON', '{"name": "x",', 'application/json', '4xx'],
      ['not JSON at all', 'name=x&commune=1', 'application/json', '4xx'],
      ['an array instead of an object', '[{"name": "x"}]', 'application/json', '4xx'],
      ['an empty array', '[]', 'application/json', '4xx'],
      ['null', 'null', 'application/json', '4xx'],
      ['a number', '42', 'application/json', '4xx'],
      ['a string', '"bonjour"', 'application/json', '4xx'],
      ['JSON sent as text/plain', '{"name": "x"}', 'text/plain', '4xx'],
      ['deeply nested JSON', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, 'application/json', '4xx'],
      ['a huge string', JSON.stringify({ name: 'x'.repeat(2_000_000), email: 'x' }), 'application/json', '4xx'],
      ['a bad multipart body', '--x\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{oops\r\n--x--\r\n', 'multipart/form-data; boundary=x', '4xx'],
      ['an empty body', '', 'application/json', 'no 5xx'],
      ['a prototype-polluting object', '{"__proto__": {"roles": ["superadmin"]}, "constructor": {"prototype": {"isAdmin": true}}}', 'application/json', 'no 5xx'],
    ]

    it.each(bodies)('POST and PATCH with %s', async (_what, raw, contentType, expected) => {
      const target = world.doc('businesses', 'pending-A1')
      const before = (await world.readBack('businesses', target)).json
      for (const [method, path] of [
        ['POST', '/api/businesses'],
        ['PATCH', `/api/businesses/${target}`],
        ['POST', '/api/announcements'],
        ['POST', '/api/users'],
        ['POST', '/api/users/login'],
        ['POST', '/api/media'],
        ['POST', '/api/graphql'],
      ] as const) {
        const reply = await call(world.baseUrl, world.session('owner'), method, path, undefined, { raw, contentType })
        const status = reply.status >= 500 ? reply.status : expected === '4xx' ? (reply.status >= 400 ? '4xx' : reply.status) : 'no 5xx'
        expect({ method, path, status }).toEqual({ method, path, status: expected })
        if (reply.status >= 400 && reply.json?.errors?.[0]?.message) expect(reply.json.errors[0].message).not.toMatch(/Something went wrong/)
      }
      const after = (await world.readBack('businesses', target)).json
      expect({ name: after.name, description: after.description }).toEqual({ name: before.name, description: before.description })
    })

    it('a prototype-polluting body grants nothing', async () => {
      const reply = await call(world.baseUrl, world.session('resident'), 'PATCH', `/api/users/${world.userId('resident')}`, undefined, {
        raw: '{"__proto__": {"roles": ["superadmin"]}, "name": "Louise Bernard"}',
        contentType: 'application/json',
      })
      expect(reply.status).toBeLessThan(500)
      expect((await world.readBack('users', world.userId('resident'))).json.roles).toEqual(['resident'])
    })

    const badParams: Array<[string, string]> = [
      ['unknown operator', query({ where: { name: { nonsense: 'x' } } })],
      ['unknown field', query({ where: { doesNotExist: { equals: 'x' } } })],
      ['where that is a string', '?where=abc'],
      ['where[or] that is a string', '?where[or]=abc'],
      ['negative limit', '?limit=-5'],
      ['limit that is not a number', '?limit=beaucoup'],
      ['page that is not a number', '?page=abc'],
      ['huge depth', '?depth=1000'],
      ['sort on an unknown field', '?sort=-nimporte'],
      ['near with garbage', query({ where: { latitude: { near: 'a,b,c' } } })],
      ['in with an object', '?where[id][in][a]=1'],
      ['select with garbage', '?select=abc'],
      ['like with a huge pattern', query({ where: { name: { like: '%'.repeat(5000) } } })],
      ['id compared to text', query({ where: { id: { equals: 'abc' } } })],
      ['relationship compared to text', query({ where: { commune: { equals: 'abc' } } })],
      ['number compared to text', query({ where: { latitude: { greater_than: 'abc' } } })],
      ['date compared to text', query({ where: { createdAt: { greater_than: 'hier' } } })],
    ]

    it.each(badParams)('GET with %s', async (_what, params) => {
      for (const session of [null, world.session('admin')]) {
        const reply = await call(world.baseUrl, session, 'GET', `/api/businesses${params}`)
        expect({ params, status: reply.status < 500 }).toEqual({ params, status: true })
      }
    })

    // Ids that are no ids: refused or not found, never a server error (nor a change to another document).
    const badIds = ['abc', '0', '-1', '99999999999', '1.5', "1' OR '1'='1", '%00', 'null', 'x'.repeat(500)]
    it.each(badIds)('GET, PATCH and DELETE an id like %j', async (id) => {
      for (const method of ['GET', 'PATCH', 'DELETE']) {
        const reply = await call(world.baseUrl, world.session('viewer'), method, `/api/businesses/${encodeURIComponent(id)}`, method === 'PATCH' ? { description: 'x' } : undefined)
        expect({ method, id, status: reply.status < 500 }).toEqual({ method, id, status: true })
      }
    })

    it.each(['where[name][equals][a]=1', 'limit[a]=1', 'depth=1&depth=2'])(
      'a POST read as a GET (X-Payload-HTTP-Method-Override) with %s answers 400, not 500',
      async (body) => {
        const reply = await call(world.baseUrl, null, 'POST', '/api/businesses', undefined, {
          raw: body,
          contentType: 'application/x-www-form-urlencoded',
          headers: { 'X-Payload-HTTP-Method-Override': 'GET' },
        })
        expect({ body, status: reply.status }).toEqual({ body, status: 400 })
        expect(reply.json.errors[0].message).toMatch(/paramètre|filtre/)
      },
    )

    it('a POST read as a GET with a good query still answers', async () => {
      const reply = await call(world.baseUrl, null, 'POST', '/api/businesses', undefined, {
        raw: 'limit=1&depth=0',
        contentType: 'application/x-www-form-urlencoded',
        headers: { 'X-Payload-HTTP-Method-Override': 'GET' },
      })
      expect(reply.status).toBe(200)
      expect(reply.json.docs.length).toBeLessThanOrEqual(1)
    })

    it.each(['logo-pv.webp%00.html', '%252e%252e%252fpackage.json', '%2e%2e%2fpackage.json', '..%5c..%5cpackage.json'])(
      'an upload file name like %s answers 400, not 500 (nor a file outside the media)',
      async (name) => {
        const reply = await call(world.baseUrl, null, 'GET', `/api/media/file/${name}`)
        expect({ name, status: reply.status }).toEqual({ name, status: 400 })
        expect(reply.text).not.toMatch(/"dependencies"/)
      },
    )

    it('Payload’s migrations table answers 404, not 501, whatever the spelling', async () => {
      for (const path of ['/api/payload-migrations', '/api/PAYLOAD-MIGRATIONS/1', '/api//payload-migrations/']) {
        expect({ path, status: (await call(world.baseUrl, null, 'GET', path)).status }).toEqual({ path, status: 404 })
      }
    })

    it('malformed GraphQL answers 4xx', async () => {
      for (const source of ['garbage {', '{ Businesses(where: { id: { equals: "abc" } }) { docs { id } } }', '{ Business(id: "abc") { id } }', '']) {
        const reply = await graphql(world.baseUrl, null, source)
        expect({ source, status: reply.status < 500 }).toEqual({ source, status: true })
      }
      const raw = await call(world.baseUrl, null, 'POST', '/api/graphql', undefined, { raw: '{"query": ', contentType: 'application/json' })
      expect(raw.status).toBeLessThan(500)
    })
  })
}
