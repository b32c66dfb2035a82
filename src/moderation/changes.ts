import type { CollectionSlug, FlattenedField, Payload } from 'payload'

import { describeHoursChange } from '@/fields/openingHours/describe'

import type { ModeratedSlug } from './labels'
import { changedFieldNames, fieldLabel, NOT_MODERATED_FIELDS, type PendingChanges, pendingOf } from './pendingChanges'

const EMPTY = '(vide)'

/** A piece of a text change, word by word: kept, removed or added. */
export type WordPiece = { text: string; change: 'same' | 'removed' | 'added' }

/**
 * One line of an owner's proposal: a field, by its French label, before and after; for a text
 * field holding a sentence, also the words removed and added (not letters).
 */
export type FieldChange = { name: string; label: string; before: string; after: string; words?: WordPiece[] }

/** Words removed and added between two texts (longest common subsequence of words). */
export function wordDiff(before: string, after: string): WordPiece[] {
  const a = before.split(/\s+/).filter(Boolean)
  const b = after.split(/\s+/).filter(Boolean)
  // Texts are at most a few thousand characters: a table of a few hundred thousand cells.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  }
  const out: WordPiece[] = []
  const push = (text: string, change: WordPiece['change']) => {
    const last = out[out.length - 1]
    if (last && last.change === change) last.text += ` ${text}`
    else out.push({ text, change })
  }
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(a[i]!, 'same')
      i++
      j++
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push(a[i++]!, 'removed')
    else push(b[j++]!, 'added')
  }
  while (i < a.length) push(a[i++]!, 'removed')
  while (j < b.length) push(b[j++]!, 'added')
  return out
}

/** A text worth comparing word by word: a few words with letters (not a phone number). */
const isSentence = (text: string) => text !== EMPTY && /\p{L}/u.test(text) && text.trim().split(/\s+/).length >= 3

/** Fields derived from others (the address or the title): not worth a line of their own. */
const DERIVED = new Set(['slug', 'latitude', 'longitude', 'territory'])

type Titles = Map<string, string>
type Ref = { relationTo: string; id: string }

function idText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  return String(value)
}

/** Every relation a value points to, so that their names are loaded once. */
function refsOf(field: FlattenedField, value: unknown): Ref[] {
  if ((field.type !== 'relationship' && field.type !== 'upload') || value === null || value === undefined) return []
  const values = Array.isArray(value) ? value : [value]
  const out: Ref[] = []
  for (const v of values) {
    if (Array.isArray(field.relationTo)) {
      const poly = v as { relationTo?: string; value?: unknown } | null
      const id = idText(poly?.value)
      if (poly?.relationTo && id) out.push({ relationTo: poly.relationTo, id })
    } else {
      const id = idText(v)
      if (id) out.push({ relationTo: field.relationTo, id })
    }
  }
  return out
}

function optionLabel(field: FlattenedField, value: unknown): string {
  if (field.type !== 'select' && field.type !== 'radio') return String(value)
  const option = field.options.find((o) => (typeof o === 'string' ? o : o.value) === value)
  const label = option && typeof option === 'object' ? option.label : option
  return typeof label === 'string' ? label : String(value)
}

function frenchDate(value: unknown): string {
  const date = new Date(String(value))
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })
}

/** A value as a moderator reads it: names of relations, option labels, rows on one line each. */
export function formatValue(field: FlattenedField | undefined, value: unknown, titles: Titles): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return EMPTY
  if (!field) return typeof value === 'object' ? JSON.stringify(value) : String(value)
  switch (field.type) {
    case 'relationship':
    case 'upload':
      return refsOf(field, value)
        .map((r) => titles.get(`${r.relationTo}:${r.id}`) ?? `n° ${r.id}`)
        .join(', ')
    case 'select':
    case 'radio':
      return (Array.isArray(value) ? value : [value]).map((v) => optionLabel(field, v)).join(', ')
    case 'checkbox':
      return value ? 'Oui' : 'Non'
    case 'date':
      return frenchDate(value)
    case 'array':
      return (value as Array<Record<string, unknown>>).map((row) => formatRow(field.flattenedFields, row, titles)).join(' ; ') || EMPTY
    case 'group':
      return formatRow(field.flattenedFields, value as Record<string, unknown>, titles) || EMPTY
    case 'json':
      return JSON.stringify(value)
    default:
      return String(value)
  }
}

function formatRow(fields: FlattenedField[], row: Record<string, unknown> | null, titles: Titles): string {
  if (!row || typeof row !== 'object') return ''
  return fields
    .filter((f) => f.name !== 'id' && row[f.name] !== undefined && row[f.name] !== null && row[f.name] !== '')
    .map((f) => {
      const text = formatValue(f, row[f.name], titles)
      return f.type === 'array' || f.type === 'group' ? `${fieldLabel([f as { name: string; label?: unknown }], f.name)} : ${text}` : text
    })
    .filter((t) => t && t !== EMPTY)
    .join(' ')
}

async function loadTitles(payload: Payload, refs: Ref[]): Promise<Titles> {
  const titles: Titles = new Map()
  const byCollection = new Map<string, Set<string>>()
  for (const r of refs) byCollection.set(r.relationTo, (byCollection.get(r.relationTo) ?? new Set()).add(r.id))
  for (const [slug, ids] of byCollection) {
    const collection = payload.collections[slug as CollectionSlug]
    if (!collection) continue
    const titleField = collection.config.admin?.useAsTitle ?? 'id'
    const { docs } = await payload.find({
      collection: slug as CollectionSlug,
      where: { id: { in: [...ids].map((id) => (/^\d+$/.test(id) ? Number(id) : id)) } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs as unknown as Array<Record<string, unknown>>) titles.set(`${slug}:${String(doc.id)}`, String(doc[titleField] ?? doc.id))
  }
  return titles
}

/**
 * What an owner proposes on a published entry, field by field (French labels, approved value
 * then proposed value), for the moderation queue.
 */
export async function describeChanges(
  payload: Payload,
  collection: ModeratedSlug,
  doc: Record<string, unknown> & { pendingChanges?: unknown },
  pending: PendingChanges = pendingOf(doc),
): Promise<FieldChange[]> {
  const fields = payload.collections[collection].config.flattenedFields
  // Only what a visitor can see: no bookkeeping, hidden or derived field.
  const names = changedFieldNames(fields, pending).filter((name) => {
    if (DERIVED.has(name) || NOT_MODERATED_FIELDS.has(name)) return false
    const field = fields.find((f) => f.name === name)
    return !(field && 'admin' in field && (field.admin as { hidden?: boolean } | undefined)?.hidden)
  })
  const refs = names.flatMap((name) => {
    const field = fields.find((f) => f.name === name)
    return field ? [...refsOf(field, doc[name]), ...refsOf(field, pending[name])] : []
  })
  const titles = await loadTitles(payload, refs)
  return names.flatMap((name): FieldChange[] => {
    const field = fields.find((f) => f.name === name)
    if (name === 'openingHours') {
      // Day by day as a person writes them, only the days that changed (not slot by slot).
      const hours = describeHoursChange(doc[name] as never, pending[name] as never)
      if (!hours.before.length && !hours.after.length) return []
      return [{ name, label: fieldLabel(fields, name), before: hours.before.join('\n') || EMPTY, after: hours.after.join('\n') || EMPTY }]
    }
    const before = formatValue(field, doc[name], titles)
    const after = formatValue(field, pending[name], titles)
    const textual = field?.type === 'text' || field?.type === 'textarea' || field?.type === 'richText'
    return [{ name, label: fieldLabel(fields, name), before, after, ...(textual && isSentence(before) && isSentence(after) ? { words: wordDiff(before, after) } : {}) }]
  })
}
