import { cache } from 'react'

import type { LegalSlug } from '@collections/Pages/defaults'
import type { Page } from '@/payload-types'

import { sitePayload } from './payload'

/** The editable page for `slug`: the territory's own, else one shared by all territories. */
export const findLegalPage = cache(async (slug: LegalSlug, territoryId: number): Promise<Page | null> => {
  const payload = await sitePayload()
  const { docs } = await payload.find({
    collection: 'pages',
    where: { and: [{ slug: { equals: slug } }, { or: [{ territory: { equals: territoryId } }, { territory: { exists: false } }] }] },
    limit: 5,
    depth: 0,
    overrideAccess: false,
  })
  const own = (p: Page) => (typeof p.territory === 'object' ? p.territory?.id : p.territory) === territoryId
  return docs.find(own) ?? docs[0] ?? null
})
