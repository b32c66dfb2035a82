import type { FlattenedField } from 'payload'

type Labelled = { name?: string; label?: unknown; flattenedFields?: FlattenedField[] }

/** A field's label when it is plain or French text; a function or missing label gives null. */
function textLabel(field: Labelled): string | null {
  const label = field.label
  if (typeof label === 'string' && label.trim() !== '') return label
  if (label && typeof label === 'object') {
    const byLanguage = label as Record<string, unknown>
    const text = byLanguage.fr ?? Object.values(byLanguage)[0]
    if (typeof text === 'string' && text.trim() !== '') return text
  }
  return null
}

/**
 * The French label of a field path (`category`, `onBehalfOf.residentName`,
 * `openingHours.weekly.2.opens`), groups joined with « > » as Payload does for its own
 * errors, so that a refusal names « Catégorie » and never `category`. Unknown → null.
 */
export function labelOfPath(fields: readonly FlattenedField[] | undefined, path: string): string | null {
  const labels: string[] = []
  let current: readonly Labelled[] | undefined = fields as readonly Labelled[] | undefined
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment)) continue
    const field = current?.find((f) => f.name === segment)
    if (!field) return null
    const label = textLabel(field)
    if (!label) return null
    labels.push(label)
    current = field.flattenedFields
  }
  return labels.length ? labels.join(' > ') : null
}
