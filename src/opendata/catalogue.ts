import type { Payload, Where } from 'payload'

import { COLLECTION } from './rows'
import { OPEN_DATA_FORMATS, OPEN_DATA_RESOURCES, RESOURCE_TITLES, type OpenDataFormat, type OpenDataResource } from './schema'

export const FORMAT_LABELS: Record<OpenDataFormat, { name: string; mediatype: string; use: string }> = {
  csv: { name: 'CSV', mediatype: 'text/csv', use: 'tableur (LibreOffice, Excel), séparateur virgule, UTF-8' },
  json: { name: 'JSON', mediatype: 'application/json', use: 'programmes et API' },
  geojson: { name: 'GeoJSON', mediatype: 'application/geo+json', use: 'cartes (QGIS, uMap)' },
}

export type CatalogueEntry = {
  resource: OpenDataResource
  title: string
  count: number
  /** ISO date of the most recent change among the published entries, null when there are none. */
  updatedAt: string | null
  files: Array<{ format: OpenDataFormat; path: string }>
  schemaPath: string
}

/** The open-data files of a territory as listed on its « Données ouvertes » page (published entries only). */
export async function openDataCatalogue(payload: Payload, territory: { id: number | string; slug: string }): Promise<CatalogueEntry[]> {
  return Promise.all(
    OPEN_DATA_RESOURCES.map(async (resource) => {
      const where: Where = { and: [{ territory: { equals: territory.id } }, { status: { equals: 'published' } }] }
      const { docs, totalDocs } = await payload.find({ collection: COLLECTION[resource], where, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true })
      return {
        resource,
        title: RESOURCE_TITLES[resource],
        count: totalDocs,
        updatedAt: docs[0]?.updatedAt ?? null,
        files: OPEN_DATA_FORMATS.map((format) => ({ format, path: `/api/open-data/${territory.slug}/${resource}.${format}` })),
        schemaPath: `/api/open-data/schema/${resource}.json`,
      }
    }),
  )
}
