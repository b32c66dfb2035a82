import { toCsv } from '@/reports/csv'

import type { Row } from './rows'
import { LICENSE, SCHEMAS, type OpenDataResource } from './schema'

/** CSV in the schema's column order, comma-separated, UTF-8 without BOM (data.gouv.fr's preference). */
export function rowsToCsv(resource: OpenDataResource, rows: Row[]): string {
  const names = SCHEMAS[resource].fields.map((f) => f.name)
  return toCsv([names, ...rows.map((r) => names.map((n) => r[n] ?? ''))])
}

export function rowsToJson(resource: OpenDataResource, rows: Row[], meta: { territory: string; generatedAt: string }) {
  return { licence: LICENSE, territoire: meta.territory, date_generation: meta.generatedAt, ressource: resource, nombre: rows.length, donnees: rows }
}

/** GeoJSON FeatureCollection (RFC 7946): one Point per entry with coordinates, properties = the row. */
export function rowsToGeoJson(rows: Row[]) {
  return {
    type: 'FeatureCollection' as const,
    features: rows
      .filter((r) => typeof r.latitude === 'number' && typeof r.longitude === 'number')
      .map((r) => ({
        type: 'Feature' as const,
        id: String(r.id),
        geometry: { type: 'Point' as const, coordinates: [r.longitude as number, r.latitude as number] },
        properties: r,
      })),
  }
}
