import type { Payload } from 'payload'

/**
 * The smallest territory a form test needs, made through the local API on an empty
 * database: the Picardie Verte, its commune Grandvilliers and one category of the given name.
 */
export async function createGrandvilliers(payload: Payload, categoryName: string) {
  const territory = await payload.create({ collection: 'territories', data: { name: 'CC de la Picardie Verte', epciCode: '246000848', slug: 'picardie-verte' }, overrideAccess: true })
  const commune = await payload.create({ collection: 'communes', data: { name: 'Grandvilliers', slug: 'grandvilliers', inseeCode: '60286', postcodes: ['60210'], territory: territory.id }, overrideAccess: true } as never)
  const category = await payload.create({ collection: 'categories', data: { name: categoryName, territory: territory.id }, overrideAccess: true })
  return { territory, commune, category }
}
