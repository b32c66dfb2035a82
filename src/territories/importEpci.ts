import type { Payload } from 'payload'

import { slugify } from '@/fields/slug'

import { loadCentres, loadCurrentCommunes, loadEpcis } from './referenceData'

export class UnknownEpciError extends Error {
  override name = 'UnknownEpciError'
}

export type EpciImportReport = {
  territory: { id: number | string; name: string; created: boolean }
  communes: { total: number; created: number; updated: number; unchanged: number }
  /** Communes with no known centre: imported without coordinates, never with invented ones. */
  withoutCentre: Array<{ inseeCode: string; name: string }>
}

type CommuneData = {
  name: string
  slug: string
  inseeCode: string
  postcodes: string[]
  population: number | null
  latitude: number | null
  longitude: number | null
  epciCode: string
  territory: number | string
}

/**
 * Imports (or refreshes) an intercommunalité and its communes from official data, by its
 * EPCI SIREN code. Idempotent: a second run with the same data changes nothing.
 */
export async function importEpci(
  payload: Payload,
  epciCode: string,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<EpciImportReport> {
  const code = epciCode.replace(/\s/g, '')
  if (!/^\d{9}$/.test(code)) {
    throw new UnknownEpciError(`« ${epciCode} » n'est pas un code SIREN d'EPCI : il faut 9 chiffres, par exemple 246000848.`)
  }
  const epci = loadEpcis().find((e) => e.code === code)
  if (!epci) {
    throw new UnknownEpciError(
      `Aucune intercommunalité n'a le code SIREN ${code} dans le découpage administratif : vérifiez le code sur ` +
        `banatic.interieur.gouv.fr. Rien n'a été modifié.`,
    )
  }

  const existingTerritory = await payload.find({
    collection: 'territories',
    where: { epciCode: { equals: code } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  let territory = existingTerritory.docs[0]
  const created = !territory
  if (!territory) {
    territory = await payload.create({
      collection: 'territories',
      data: { name: epci.nom, epciCode: code, slug: slugify(epci.nom) },
      overrideAccess: true,
    })
  }

  const codes = new Set(epci.membres.map((m) => m.code))
  const records = loadCurrentCommunes(codes)
  const centres = loadCentres(codes)
  const existing = await payload.find({
    collection: 'communes',
    where: { inseeCode: { in: [...codes] } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const byCode = new Map(existing.docs.map((doc) => [doc.inseeCode, doc]))

  const report: EpciImportReport = {
    territory: { id: territory.id, name: territory.name, created },
    communes: { total: epci.membres.length, created: 0, updated: 0, unchanged: 0 },
    withoutCentre: [],
  }
  let done = 0
  for (const member of epci.membres) {
    const record = records.get(member.code)
    const centre = centres.get(member.code)
    // The official names write « Monceaux-l'Abbaye » with a typewriter apostrophe; French
    // typography, and the rest of the site, use ’ (search and imports fold both alike).
    const name = (record?.nom ?? member.nom).replaceAll("'", '’')
    if (!centre) report.withoutCentre.push({ inseeCode: member.code, name })
    const data: CommuneData = {
      name,
      slug: slugify(name),
      inseeCode: member.code,
      postcodes: record?.codesPostaux ?? [],
      population: record?.population ?? null,
      latitude: centre?.latitude ?? null,
      longitude: centre?.longitude ?? null,
      epciCode: code,
      territory: territory.id,
    }
    const current = byCode.get(member.code)
    if (!current) {
      await payload.create({ collection: 'communes', data: data as never, overrideAccess: true })
      report.communes.created++
    } else if (differs(current as unknown as Record<string, unknown>, data)) {
      await payload.update({ collection: 'communes', id: current.id, data: data as never, overrideAccess: true })
      report.communes.updated++
    } else {
      report.communes.unchanged++
    }
    options.onProgress?.(++done, epci.membres.length)
  }
  return report
}

function differs(current: Record<string, unknown>, next: CommuneData): boolean {
  const territory = current.territory && typeof current.territory === 'object' ? (current.territory as { id: unknown }).id : current.territory
  return (
    current.name !== next.name ||
    current.slug !== next.slug ||
    JSON.stringify(current.postcodes ?? []) !== JSON.stringify(next.postcodes) ||
    (current.population ?? null) !== next.population ||
    (current.latitude ?? null) !== next.latitude ||
    (current.longitude ?? null) !== next.longitude ||
    current.epciCode !== next.epciCode ||
    String(territory) !== String(next.territory)
  )
}
