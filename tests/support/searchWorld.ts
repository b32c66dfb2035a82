import type { Payload } from 'payload'

import { seedCategories } from '@/seed/categories'
import { DEMO_EPCI, INSEE } from './fixtures'

export type SearchWorld = {
  territory: number | string
  commune: number
  category: number
  /** Publishes a business of that name in the commune and category (the hooks index it). */
  publish: (name: string) => Promise<{ id: number | string }>
}

/** The demo territory, the national categories and one published business (« Serrurerie Alpha »). */
export async function seedSearchWorld(payload: Payload): Promise<SearchWorld> {
  const { importEpci } = await import('@/territories/importEpci')
  const territory = (await importEpci(payload, DEMO_EPCI)).territory.id
  const { docs } = await payload.find({ collection: 'communes', where: { inseeCode: { equals: INSEE.songeons } }, depth: 0, overrideAccess: true })
  const commune = docs[0]!.id as number
  const category = (await seedCategories(payload)).get('Serrurerie') as number
  const publish = (name: string) =>
    payload.create({ collection: 'businesses', overrideAccess: true, data: { name, categories: [category], commune, status: 'published' } })
  await publish('Serrurerie Alpha')
  return { territory, commune, category, publish }
}
