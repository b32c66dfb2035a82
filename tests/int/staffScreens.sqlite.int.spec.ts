import type { Payload } from 'payload'
import sharp from 'sharp'

import { bootLocalPayload } from '../support/localPayload'

const PASSWORD = 'Topinambour-Grange-Lavoir-73!'
type Id = number | string
type Doc = Record<string, unknown> & { id: Id }

/**
 * A secrétaire may read only her own account, so « Compte qui a déposé l'annonce » and
 * « Comptes propriétaires » looked empty to her. She reads the display name (never the e-mail
 * or phone) on the entries of her territory; the public, the author and another territory's
 * staff do not; accounts stay unreadable to her.
 */
describe('account names shown to territory staff (SQLite)', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  const users: Record<string, Doc> = {}
  let announcement: Id
  let business: Id
  let service: Id
  let photo: Id
  let categoryB: Id

  beforeAll(async () => {
    process.env.JOBS_AUTORUN = '0'
    ;({ payload, cleanup } = await bootLocalPayload('sqlite'))
    const create = (collection: string, data: Record<string, unknown>) =>
      payload.create({ collection: collection as never, data: data as never, overrideAccess: true }) as Promise<Doc>
    const territoryA = await create('territories', { name: 'CC de la Picardie Verte', epciCode: '246000848', slug: 'picardie-verte' })
    const territoryB = await create('territories', { name: 'CC des Portes de Sologne', epciCode: '244500468', slug: 'portes-de-sologne' })
    const communeA = await create('communes', { name: 'Grandvilliers', slug: 'grandvilliers', inseeCode: '60286', postcodes: ['60210'], territory: territoryA.id })
    const communeB = await create('communes', { name: 'La Ferté-Saint-Aubin', slug: 'la-ferte-saint-aubin', inseeCode: '45146', postcodes: ['45240'], territory: territoryB.id })
    const category = await create('categories', { name: 'Plomberie', territory: territoryA.id })
    categoryB = (await create('categories', { name: 'Jardinage', territory: territoryB.id })).id
    const account = async (key: string, name: string, roles: string[], territory: Id, communes: Id[] = []) => {
      users[key] = await create('users', {
        email: `${key}.noms@exemple.fr`,
        password: PASSWORD,
        name,
        phone: '06 12 34 56 78',
        roles,
        territory,
        communes,
        _verified: true,
      })
    }
    await account('resident', 'Claire Petit', ['resident'], territoryA.id)
    await account('owner', 'Marc Plombier', ['owner'], territoryA.id)
    await account('editor', 'Secrétaire Grandvilliers', ['editor'], territoryA.id, [communeA.id])
    await account('viewer', 'Élu Picardie', ['viewer'], territoryA.id)
    await account('admin', 'Admin Picardie', ['admin'], territoryA.id)
    await account('editorB', 'Secrétaire Sologne', ['editor'], territoryB.id, [communeB.id])
    const entry = { commune: communeA.id, status: 'published' }
    announcement = (
      await create('announcements', {
        ...entry,
        kind: 'need',
        title: 'Fuite sous l’évier',
        body: 'Je cherche quelqu’un pour réparer une fuite.',
        category: category.id,
        priceType: 'free',
        author: users.resident!.id,
      })
    ).id
    business = (await create('businesses', { ...entry, name: 'Plomberie Marc', categories: [category.id], owners: [users.owner!.id] })).id
    service = (
      await create('services', { ...entry, title: 'Dépannage plomberie', categories: [category.id], provider: { relationTo: 'businesses', value: business } })
    ).id
    // A resident's photo, as her account uploads it.
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3a7d44' } }).png().toBuffer()
    photo = (
      (await payload.create({
        collection: 'media',
        data: { alt: 'Le robinet qui fuit' },
        file: { data: png, mimetype: 'image/png', name: 'robinet.png', size: png.length },
        overrideAccess: false,
        user: users.resident,
      } as never)) as unknown as Doc
    ).id
  }, 300_000)

  afterAll(async () => {
    await cleanup?.()
  })

  const read = async (collection: string, id: Id, reader: string | null, depth = 0) => {
    const doc = (await payload.findByID({ collection: collection as never, id, depth, overrideAccess: false, user: reader ? users[reader] : null } as never)) as unknown as Doc
    return doc
  }

  it('the secrétaire and the élu read who posted the announcement and who owns the entries', async () => {
    for (const reader of ['editor', 'viewer']) {
      expect({ reader, name: (await read('announcements', announcement, reader)).authorName }).toEqual({ reader, name: 'Claire Petit' })
      expect({ reader, name: (await read('businesses', business, reader)).ownerNames }).toEqual({ reader, name: 'Marc Plombier' })
      expect({ reader, name: (await read('services', service, reader)).ownerNames }).toEqual({ reader, name: 'Marc Plombier' })
      expect({ reader, name: (await read('media', photo, reader)).uploaderName }).toEqual({ reader, name: 'Claire Petit' })
    }
  })

  it('only the name: never the e-mail or the phone, and the accounts stay unreadable to her', async () => {
    const text = JSON.stringify([await read('announcements', announcement, 'editor', 2), await read('businesses', business, 'editor', 2)])
    expect(text).toContain('Claire Petit')
    expect(text).not.toContain('resident.noms@exemple.fr')
    expect(text).not.toContain('owner.noms@exemple.fr')
    expect(text).not.toContain('06 12 34 56 78')
    const accounts = await payload.find({ collection: 'users', where: { id: { in: [users.resident!.id, users.owner!.id] } }, overrideAccess: false, user: users.editor } as never)
    expect(accounts.docs).toEqual([])
  })

  it('the public, the author, the owner and another territory’s staff do not get it', async () => {
    for (const reader of [null, 'resident', 'owner', 'editorB']) {
      const a = await read('announcements', announcement, reader)
      const b = await read('businesses', business, reader)
      const s = await read('services', service, reader)
      expect({ reader, a: a.authorName, b: b.ownerNames, s: s.ownerNames }).toEqual({ reader, a: undefined, b: undefined, s: undefined })
      expect(JSON.stringify([a, b, s])).not.toContain('Claire Petit')
      const m = await payload.find({ collection: 'media', where: { id: { equals: photo } }, overrideAccess: false, user: reader ? users[reader] : null } as never)
      expect({ reader, names: m.docs.map((d) => (d as unknown as Doc).uploaderName) }).toEqual({ reader, names: m.docs.map(() => undefined) })
    }
  })

  it('reaches the admin form too: Payload asks field access there with the form data and no doc', async () => {
    type ReadAccess = (args: { req: { user: unknown }; doc?: unknown; data?: unknown }) => boolean
    const accessOf = (collection: 'announcements' | 'businesses', name: string) =>
      (payload.collections[collection].config.flattenedFields.find((f) => f.name === name) as { access: { read: ReadAccess } }).access.read
    const stored = await payload.findByID({ collection: 'announcements', id: announcement, depth: 0, overrideAccess: true })
    const names = accessOf('announcements', 'authorName')
    expect(names({ req: { user: users.editor }, data: stored })).toBe(true)
    expect(names({ req: { user: users.editorB }, data: stored })).toBe(false)
    // A `where` or `select` check has neither doc nor data: refused.
    expect(names({ req: { user: users.editor } })).toBe(false)
    // Territory admins edit the relationship: it is filled in their form too.
    expect(accessOf('announcements', 'author')({ req: { user: users.admin }, data: stored })).toBe(true)
  })

  it('a logo installed with the site (no account) says so to the staff, and nothing to others', async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#1d4f91' } }).png().toBuffer()
    const stored = await read('media', photo, 'admin')
    const logo = (await payload.create({
      collection: 'media',
      data: { alt: 'Logo de la CC de la Picardie Verte', territory: stored.territory },
      file: { data: png, mimetype: 'image/png', name: 'logo-pv.png', size: png.length },
      overrideAccess: true,
    } as never)) as unknown as Doc
    for (const reader of ['editor', 'viewer', 'admin']) {
      expect({ reader, name: (await read('media', logo.id, reader)).uploaderName }).toEqual({ reader, name: 'Aucun compte (installation ou compte supprimé)' })
    }
    for (const reader of [null, 'resident', 'editorB']) {
      const m = await payload.find({ collection: 'media', where: { id: { equals: logo.id } }, overrideAccess: false, user: reader ? users[reader] : null } as never)
      expect({ reader, names: m.docs.map((d) => (d as unknown as Doc).uploaderName) }).toEqual({ reader, names: m.docs.map(() => undefined) })
    }
    // In the admin form an administrator sees that text instead of an empty relationship; with an account, the relationship.
    type Condition = (data: unknown, siblingData: unknown, context: { operation: string; user: unknown }) => boolean
    const conditionOf = (name: string) => (payload.collections.media.config.flattenedFields.find((f) => f.name === name) as { admin: { condition: Condition } }).admin.condition
    const shown = (name: string, doc: Doc, reader: string, operation = 'update') => conditionOf(name)(doc, doc, { operation, user: users[reader] })
    const seeded = await read('media', logo.id, 'admin')
    expect([shown('uploaderName', seeded, 'admin'), shown('uploadedBy', seeded, 'admin')]).toEqual([true, false])
    expect([shown('uploaderName', stored, 'admin'), shown('uploadedBy', stored, 'admin')]).toEqual([false, true])
    expect([shown('uploaderName', seeded, 'editor'), shown('uploadedBy', seeded, 'editor')]).toEqual([true, false])
    // A new upload's form has no uploader yet: no « Aucun compte ».
    expect(shown('uploaderName', {} as Doc, 'admin', 'create')).toBe(false)
  })

  it('cannot be used to look for an account in a filter', async () => {
    await expect(
      payload.find({ collection: 'announcements', where: { authorName: { equals: 'Claire Petit' } }, overrideAccess: false, user: users.editor } as never),
    ).rejects.toThrow()
  })

  it('a refused relationship names the field by its French label in the toast, not its path', async () => {
    const { frenchApiErrors } = await import('@/hooks/apiErrors')
    const error = await payload
      .update({ collection: 'announcements', id: announcement, data: { category: categoryB }, overrideAccess: false, user: users.editor } as never)
      .then(() => null, (e: unknown) => e)
    expect((error as Error | null)?.name).toBe('ValidationError')
    const answer = (await frenchApiErrors({ error, req: { payload, method: 'PATCH' } } as never)) as {
      status: number
      response: { errors: Array<{ message: string; data: { errors: Array<{ path: string; message: string }> } }> }
    }
    expect(answer.status).toBe(400)
    expect(answer.response.errors[0]!.message).toBe('Le champ suivant n’est pas valide : Catégorie')
    // The field itself still gets its message in the form.
    expect(answer.response.errors[0]!.data.errors[0]).toMatchObject({ path: 'category', message: expect.stringContaining('autre territoire') })
  })

  it('nested paths read as Payload writes its own: group > field', async () => {
    const { labelOfPath } = await import('@/hooks/fieldLabels')
    const fields = payload.collections.announcements.config.flattenedFields
    expect(labelOfPath(fields, 'onBehalfOf.residentName')).toBe('Pour un habitant sans internet > Nom de l’habitant (jamais publié)')
    expect(labelOfPath(payload.collections.businesses.config.flattenedFields, 'openingHours.weekly.2.opens')).toBe(
      "Horaires d’ouverture > Horaires de la semaine > Ouvre à",
    )
    expect(labelOfPath(fields, 'nosuchfield')).toBeNull()
  })

  it('a service has opening hours, written as a secrétaire types them', async () => {
    const weekly = ['monday', 'tuesday'].flatMap((day) => [
      { day, opens: '8h30', closes: '12h' },
      { day, opens: '14h', closes: '18h30' },
    ])
    const saved = (await payload.update({
      collection: 'services',
      id: service,
      data: { openingHours: { weekly, note: 'Urgences le samedi' } },
      overrideAccess: false,
      user: users.editor,
    } as never)) as unknown as { openingHours: { weekly: Array<{ day: string; opens: string; closes: string }>; note: string } }
    expect(saved.openingHours.weekly.map((r) => `${r.day} ${r.opens}-${r.closes}`)).toEqual([
      'monday 08:30-12:00',
      'monday 14:00-18:30',
      'tuesday 08:30-12:00',
      'tuesday 14:00-18:30',
    ])
    expect(saved.openingHours.note).toBe('Urgences le samedi')
  })
})
