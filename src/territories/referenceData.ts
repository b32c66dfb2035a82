import fs from 'node:fs'
import path from 'node:path'

export type EpciRecord = {
  code: string
  nom: string
  type: string
  membres: Array<{ code: string; nom: string }>
}

export type CommuneRecord = {
  code: string
  nom: string
  type: string
  codesPostaux?: string[]
  population?: number
}

/**
 * A data file of `@etalab/decoupage-administratif` (Etalab, Licence Ouverte 2.0), read when
 * needed and not kept: `require` would have the bundler inline all of France's communes
 * (24 MB) into the server code, held in memory by every page, and Node would cache them.
 */
function readReferenceFile<T>(name: 'epci.json' | 'communes.json'): T {
  const file = path.resolve('node_modules/@etalab/decoupage-administratif/data', name)
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T
}

export function loadEpcis(): EpciRecord[] {
  return readReferenceFile<EpciRecord[]>('epci.json')
}

export function loadCurrentCommunes(codes: Set<string>): Map<string, CommuneRecord> {
  const all = readReferenceFile<CommuneRecord[]>('communes.json')
  const found = new Map<string, CommuneRecord>()
  for (const commune of all) {
    if (commune.type === 'commune-actuelle' && codes.has(commune.code)) found.set(commune.code, commune)
  }
  return found
}

export const CENTRES_FILE = 'data/communes-centres.csv'

/** Commune centres (`code_insee,lat,lng`), see data/README.md for the source and licence. */
export function loadCentres(codes: Set<string>, file = path.resolve(process.env.COMMUNES_CENTRES_FILE || CENTRES_FILE)) {
  const centres = new Map<string, { latitude: number; longitude: number }>()
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  for (const line of lines.slice(1)) {
    const [code, lat, lng] = line.trim().split(',')
    if (!code || !codes.has(code)) continue
    const latitude = Number(lat)
    const longitude = Number(lng)
    if (lat && lng && Number.isFinite(latitude) && Number.isFinite(longitude)) centres.set(code, { latitude, longitude })
  }
  return centres
}
