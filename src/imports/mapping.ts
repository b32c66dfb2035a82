import { z } from 'zod'

/** The fields an import can fill, and the column names recognised for each without a mapping. */
export const IMPORT_FIELDS = {
  kind: ['type', 'nature', 'type de structure', 'kind'],
  name: ['nom', 'raison sociale', 'denomination', 'nom commercial', 'enseigne', 'name'],
  siret: ['siret', 'n siret', 'numero siret'],
  rna: ['rna', 'numero rna', 'n rna'],
  activity: ['activite', 'code naf', 'naf', 'ape', 'activity'],
  categories: ['categorie', 'categories', 'rubrique', 'secteur'],
  description: ['description', 'presentation'],
  street: ['adresse', 'rue', 'voie', 'address', 'street'],
  postcode: ['code postal', 'cp', 'postcode'],
  commune: ['commune', 'ville', 'localite', 'code insee', 'insee'],
  phone: ['telephone', 'tel', 'phone'],
  email: ['email', 'e mail', 'courriel', 'mail'],
  website: ['site', 'site web', 'site internet', 'url', 'website'],
} as const
export type ImportField = keyof typeof IMPORT_FIELDS
export type Mapping = Partial<Record<ImportField, string>>

export const mappingSchema = z.partialRecord(z.enum(Object.keys(IMPORT_FIELDS) as [ImportField, ...ImportField[]]), z.string().min(1))

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

/** Guesses which column feeds which field from the header; an explicit mapping wins. */
export function resolveMapping(header: string[], explicit: Mapping = {}): { mapping: Mapping; unknownColumns: string[] } {
  const mapping: Mapping = {}
  const used = new Set<string>()
  for (const [field, column] of Object.entries(explicit) as Array<[ImportField, string]>) {
    if (!header.includes(column)) throw new Error(`Colonne « ${column} » introuvable (pour ${field}) : colonnes du fichier : ${header.join(', ')}.`)
    mapping[field] = column
    used.add(column)
  }
  for (const [field, names] of Object.entries(IMPORT_FIELDS) as Array<[ImportField, readonly string[]]>) {
    if (mapping[field]) continue
    const column = header.find((h) => !used.has(h) && names.includes(fold(h)))
    if (column) {
      mapping[field] = column
      used.add(column)
    }
  }
  return { mapping, unknownColumns: header.filter((h) => !used.has(h)) }
}

export const foldName = fold
