import type { TableSchema } from './schema'

/**
 * Checks rows (as read from CSV: strings, or from JSON: typed values) against a Table
 * Schema: column names and order, required, unique, pattern and type. Returns the errors
 * in French, empty when the file is valid.
 */
export function validateTable(schema: TableSchema, header: string[], rows: Array<Record<string, unknown>>): string[] {
  const errors: string[] = []
  const names = schema.fields.map((f) => f.name)
  if (header.join(',') !== names.join(',')) errors.push(`Colonnes attendues : ${names.join(', ')} ; reçues : ${header.join(', ')}.`)
  const seen = new Map<string, Set<string>>()
  rows.forEach((row, i) => {
    const line = i + 1
    for (const field of schema.fields) {
      const raw = row[field.name]
      const missing = raw === undefined || raw === null || schema.missingValues.includes(String(raw))
      if (missing) {
        if (field.constraints?.required) errors.push(`Ligne ${line}, ${field.name} : valeur obligatoire manquante.`)
        continue
      }
      const value = String(raw)
      if (field.type === 'number' && !Number.isFinite(Number(value))) errors.push(`Ligne ${line}, ${field.name} : nombre attendu, reçu « ${value} ».`)
      if (field.type === 'integer' && !/^-?\d+$/.test(value)) errors.push(`Ligne ${line}, ${field.name} : entier attendu.`)
      if (field.type === 'datetime' && (Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value)))
        errors.push(`Ligne ${line}, ${field.name} : date ISO 8601 attendue.`)
      if (field.format === 'uri' && !/^https?:\/\/\S+$|^\/\S*$/.test(value) && !/^[\w.-]+\.[a-z]{2,}/i.test(value))
        errors.push(`Ligne ${line}, ${field.name} : adresse web attendue.`)
      if (field.constraints?.pattern && !new RegExp(field.constraints.pattern).test(value))
        errors.push(`Ligne ${line}, ${field.name} : « ${value} » ne respecte pas le motif ${field.constraints.pattern}.`)
      if (field.constraints?.unique) {
        const set = seen.get(field.name) ?? new Set<string>()
        if (set.has(value)) errors.push(`Ligne ${line}, ${field.name} : valeur en double « ${value} ».`)
        set.add(value)
        seen.set(field.name, set)
      }
    }
  })
  return errors
}
