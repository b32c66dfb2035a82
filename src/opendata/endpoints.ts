import type { Endpoint } from 'payload'

import { territoryOrigin } from '@/territories/publicOrigin'

import { rowsToCsv, rowsToGeoJson, rowsToJson } from './formats'
import { openDataRows } from './rows'
import { dataPackage, OPEN_DATA_FORMATS, OPEN_DATA_RESOURCES, SCHEMAS, type OpenDataFormat, type OpenDataResource } from './schema'

const CACHE = 'public, max-age=3600'
const notFound = (message: string) => Response.json({ errors: [{ message }] }, { status: 404 })

/** GET /api/open-data/schema — Data Package with the licence and every file's Table Schema. */
export const openDataSchemaEndpoint: Endpoint = {
  path: '/open-data/schema',
  method: 'get',
  handler: async () => Response.json(dataPackage(), { headers: { 'Cache-Control': CACHE } }),
}

/** GET /api/open-data/schema/<resource>.json — the Table Schema of one file. */
export const openDataTableSchemaEndpoint: Endpoint = {
  path: '/open-data/schema/:file',
  method: 'get',
  handler: async (req) => {
    const name = String(req.routeParams?.file ?? '').replace(/\.json$/, '') as OpenDataResource
    if (!OPEN_DATA_RESOURCES.includes(name)) return notFound(`Schéma inconnu : choisissez ${OPEN_DATA_RESOURCES.join(', ')}.`)
    return Response.json(SCHEMAS[name], { headers: { 'Cache-Control': CACHE } })
  },
}

/** GET /api/open-data/<territory-slug>/{entreprises,associations,services}.{csv,json,geojson} — stable public URLs. */
export const openDataFileEndpoint: Endpoint = {
  path: '/open-data/:territory/:file',
  method: 'get',
  handler: async (req) => {
    const slug = String(req.routeParams?.territory ?? '')
    const match = /^([a-z]+)\.([a-z]+)$/.exec(String(req.routeParams?.file ?? ''))
    const resource = match?.[1] as OpenDataResource | undefined
    const format = match?.[2] as OpenDataFormat | undefined
    if (!resource || !format || !OPEN_DATA_RESOURCES.includes(resource) || !OPEN_DATA_FORMATS.includes(format))
      return notFound(`Fichier inconnu : demandez par exemple /api/open-data/${slug}/entreprises.csv (entreprises, associations ou services ; csv, json ou geojson).`)
    const { docs } = await req.payload.find({ collection: 'territories', where: { slug: { equals: slug } }, limit: 1, depth: 0, overrideAccess: true })
    const territory = docs[0]
    if (!territory) return notFound(`Territoire « ${slug} » inconnu : vérifiez l’identifiant court du territoire.`)
    const rows = await openDataRows(req.payload, territory, resource, territoryOrigin(territory))
    const headers = { 'Cache-Control': CACHE, 'Access-Control-Allow-Origin': '*', Link: '<https://www.etalab.gouv.fr/licence-ouverte-open-licence/>; rel="license"' }
    if (format === 'csv')
      return new Response(rowsToCsv(resource, rows), {
        headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `inline; filename="${territory.slug}-${resource}.csv"` },
      })
    if (format === 'json')
      return Response.json(rowsToJson(resource, rows, { territory: territory.name, generatedAt: new Date().toISOString() }), { headers })
    return new Response(JSON.stringify(rowsToGeoJson(rows)), { headers: { ...headers, 'Content-Type': 'application/geo+json; charset=utf-8' } })
  },
}

export const openDataEndpoints: Endpoint[] = [openDataSchemaEndpoint, openDataTableSchemaEndpoint, openDataFileEndpoint]
