import { z } from 'zod'

/** The fields an import can fill, and the column names recognised for each without a mapping. */
export const IMPORT_FIELDS = {
  kind: ['type', 'nature', 'type de structure', 'kind'],
  name: ['nom', 'raison sociale', 'denomination', 'nom commercial', 'enseigne', 'nom de la structure', 'name'],
  siret: ['siret', 'n siret', 'no siret', 'numero siret', 'numero de siret', 'siret de l etablissement'],
  rna: ['rna', 'numero rna', 'n rna', 'no rna'],
  activity: ['activite', 'code naf', 'naf', 'ape', 'code ape', 'activity'],
  categories: ['categorie', 'categories', 'rubrique', 'rubriques', 'secteur', 'secteur d activite'],
  description: ['description', 'presentation'],
  street: ['adresse', 'rue', 'voie', 'adresse postale', 'address', 'street'],
  postcode: ['code postal', 'cp', 'postcode'],
  commune: ['commune', 'ville', 'localite', 'code insee', 'insee'],
  phone: ['telephone', 'tel', 'telephone fixe', 'portable', 'mobile', 'numero de telephone', 'phone'],
  email: ['email', 'e mail', 'courriel', 'mail', 'adresse mail', 'adresse e mail', 'adresse electronique'],
  website: ['site', 'site web', 'site internet', 'internet', 'web', 'url', 'website'],
} as const

/** What the administrator reads for each field (the mapping, the report). */
export const IMPORT_FIELD_LABELS: Record<keyof typeof IMPORT_FIELDS, string> = {
  kind: 'Type (entreprise ou association)',
  name: 'Nom',
  siret: 'SIRET',
  rna: 'Numéro RNA',
  activity: 'Activité',
  categories: 'Catégories',
  description: 'Description',
  street: 'Adresse',
  postcode: 'Code postal',
  commune: 'Commune',
  phone: 'Téléphone',
  email: 'E-mail',
  website: 'Site web',
}
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
    if (!header.includes(column)) throw new Error(`Colonne « ${column} » introuvable (pour « ${IMPORT_FIELD_LABELS[field]} ») : les colonnes du fichier sont ${header.map((h) => `« ${h} »`).join(', ')}.`)
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

/**
 * The field a person means in the mapping box: its French label (« Nom », « Code postal »),
 * one of the column names recognised for it, or its internal name.
 */
export function fieldFromText(text: string): ImportField | undefined {
  const folded = fold(text)
  const fields = Object.keys(IMPORT_FIELDS) as ImportField[]
  return (
    fields.find((f) => fold(IMPORT_FIELD_LABELS[f]) === folded || fold(IMPORT_FIELD_LABELS[f].replace(/\s*\(.*\)$/, '')) === folded) ??
    fields.find((f) => f === text.trim() || (IMPORT_FIELDS[f] as readonly string[]).includes(folded))
  )
}
