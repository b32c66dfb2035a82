import type { Payload } from 'payload'

import { bootLocalPayload, type TestDatabase } from '../support/localPayload'

/**
 * The foundation suite, run once per database: Payload boots on a fresh database with the
 * committed migrations, the EPCI import creates the real communes, and documents written
 * through the local API read back the same.
 */
export function crudSuite(kind: TestDatabase) {
  let payload: Payload
  let cleanup: () => Promise<void>

  beforeAll(async () => {
    ;({ payload, cleanup } = await bootLocalPayload(kind))
  }, 180_000)

  afterAll(async () => {
    if (kind === 'mongodb') await payload?.db.dropDatabase?.({ adapter: payload.db } as never)
    await cleanup?.()
  })

  it('imports CC de la Picardie Verte with its 88 communes and their centres, idempotently', async () => {
    const { importEpci } = await import('@/territories/importEpci')
    const first = await importEpci(payload, '246000848')
    expect(first.communes).toEqual({ total: 88, created: 88, updated: 0, unchanged: 0 })
    expect(first.withoutCentre).toEqual([])
    const second = await importEpci(payload, '246000848')
    expect(second.communes).toEqual({ total: 88, created: 0, updated: 0, unchanged: 88 })
    expect(second.territory.created).toBe(false)
    const grandvilliers = await payload.find({ collection: 'communes', where: { inseeCode: { equals: '60286' } } })
    expect(grandvilliers.docs[0]).toMatchObject({ name: 'Grandvilliers', postcodes: ['60210'] })
    expect(grandvilliers.docs[0]!.latitude).toBeCloseTo(49.66759, 4)
    // Official names are typed with ', shown with the French apostrophe.
    const names = (await payload.find({ collection: 'communes', pagination: false, depth: 0 })).docs.map((c) => c.name)
    expect(names.filter((name) => name.includes("'"))).toEqual([])
    expect(names.filter((name) => name.includes('’')).length).toBeGreaterThan(0)
  })

  it('refuses an unknown EPCI code and changes nothing', async () => {
    const { importEpci, UnknownEpciError } = await import('@/territories/importEpci')
    const before = await payload.count({ collection: 'territories' })
    await expect(importEpci(payload, '999999999')).rejects.toBeInstanceOf(UnknownEpciError)
    await expect(importEpci(payload, 'abc')).rejects.toThrow(/9 chiffres/)
    expect((await payload.count({ collection: 'territories' })).totalDocs).toBe(before.totalDocs)
  })

  it('creates and reads a business through the local API, placed at its commune centre', async () => {
    const commune = (await payload.find({ collection: 'communes', where: { inseeCode: { equals: '60245' } } })).docs[0]!
    const category = await payload.create({ collection: 'categories', data: { name: 'Plomberie' } })
    const created = await payload.create({
      collection: 'businesses',
      data: {
        name: 'Plomberie Test',
        siret: '73282932000074',
        categories: [category.id],
        commune: commune.id,
        email: 'plombier@example.org',
        status: 'published',
      },
    })
    expect(created.slug).toBe('plomberie-test-formerie')
    expect(created.territory).toBeTruthy()
    expect(created.latitude).toBeCloseTo(commune.latitude!, 5)
    const read = await payload.findByID({ collection: 'businesses', id: created.id })
    expect(read.name).toBe('Plomberie Test')
    expect(read.email).toBe('plombier@example.org')
  })

  it('rejects an invalid SIRET with a French message on the field and saves nothing', async () => {
    const commune = (await payload.find({ collection: 'communes', limit: 1 })).docs[0]!
    const category = (await payload.find({ collection: 'categories', limit: 1 })).docs[0]!
    const before = await payload.count({ collection: 'businesses' })
    await expect(
      payload.create({
        collection: 'businesses',
        data: { name: 'Mauvais SIRET', siret: '12345678901234', categories: [category.id], commune: commune.id, status: 'pending' },
      }),
    ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'siret', message: expect.stringMatching(/SIRET/) })] } })
    expect((await payload.count({ collection: 'businesses' })).totalDocs).toBe(before.totalDocs)
  })
}
