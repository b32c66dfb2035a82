import type { Field } from 'payload'

import { moderatorField, staffOrOwnerField } from '@/access/fieldAccess'

/**
 * Owners' edits of a published entry wait for a moderator (issue 18, the privacy promise).
 *
 * The entry's own fields always hold the last approved version: that is what every read path
 * serves (public pages, REST/GraphQL, search index, sitemap, open data, alerts, booklet) without
 * knowing anything about moderation. What the owner proposes is kept aside in `pendingChanges`
 * (field name → proposed value), readable by the owners and the territory staff only; a moderator
 * applies it (« Garder les modifications ») or drops it (« Revenir à la version en ligne »).
 * See docs/moderation.md for why this rather than Payload drafts.
 */
export type PendingChanges = Record<string, unknown>

/** What an owner sees on their entry while a change waits. */
export const PENDING_CHANGES_LABEL = 'Modifications en attente de validation'

/**
 * Fields an owner's edit never holds back: moderation and bookkeeping fields (which owners
 * cannot write anyway), the announcement's expiry date (renewing is not content) and the
 * e-mail address that receives the relay's messages (never public).
 */
export const NOT_MODERATED_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
  '_status',
  'status',
  'rejectionReason',
  'reviewState',
  'moderationNote',
  'moderationRank',
  'pendingChanges',
  'owners',
  'author',
  'onBehalfOf',
  'isExample',
  'expiresAt',
  'expiryWarningSentAt',
  'email',
])

/** The field that holds an owner's proposal until a moderator decides. */
export const pendingChangesField: Field = {
  name: 'pendingChanges',
  type: 'json',
  label: 'Modifications proposées par le propriétaire',
  // Shown field by field in the moderation queue; Payload's JSON editor would load Monaco from
  // a CDN, which the admin's CSP refuses (and a moderator does not edit raw JSON).
  admin: { hidden: true },
  access: { read: staffOrOwnerField, create: () => false, update: moderatorField },
}

export function hasPendingChanges(value: unknown): value is PendingChanges {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0
}

/** The proposal of a document, or an empty object. */
export function pendingOf(doc: { pendingChanges?: unknown } | null | undefined): PendingChanges {
  const value = doc?.pendingChanges
  return hasPendingChanges(value) ? { ...value } : {}
}

/** A comparable form of a field value: ids for relations, no row ids, empty text as null. */
export function normalizeValue(value: unknown, nested = false): unknown {
  if (value === undefined || value === null || value === '') return null
  if (Array.isArray(value)) return value.length === 0 ? null : value.map((v) => normalizeValue(v, true))
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>
    // A populated relation compares by its id; a polymorphic one by { relationTo, value }.
    if ('relationTo' in obj && 'value' in obj) return { relationTo: obj.relationTo, value: normalizeValue(obj.value, true) }
    if (nested && 'id' in obj && ('createdAt' in obj || 'updatedAt' in obj)) return String(obj.id)
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(obj).sort()) {
      if (key === 'id' && nested) continue
      const v = normalizeValue(obj[key], true)
      if (v !== null) out[key] = v
    }
    return Object.keys(out).length ? out : null
  }
  return String(value)
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalizeValue(a)) === JSON.stringify(normalizeValue(b))
}

/**
 * Splits an owner's save of a published entry: `data` (the full document Payload is about to
 * write, already merged with the stored one) goes back to the approved values, and what differs
 * joins the earlier proposal. A field the owner sent again with its approved value leaves the
 * proposal (the owner changed their mind); a field they did not send keeps what they proposed.
 */
export function divertOwnerEdit(options: {
  data: Record<string, unknown>
  approved: Record<string, unknown>
  submitted: ReadonlySet<string> | null
}): { data: Record<string, unknown>; pending: PendingChanges; proposed: Record<string, unknown> } {
  const { approved, submitted } = options
  const data = { ...options.data }
  const pending = pendingOf(approved)
  const proposed: Record<string, unknown> = {}
  for (const key of Object.keys(data)) {
    if (NOT_MODERATED_FIELDS.has(key)) continue
    const differs = !sameValue(data[key], approved[key])
    if (differs) {
      pending[key] = data[key] ?? null
      proposed[key] = data[key]
    } else if (submitted === null || submitted.has(key)) {
      delete pending[key]
    }
    // The approved value stays until a moderator accepts the change.
    if (key in approved) data[key] = approved[key]
    else delete data[key]
  }
  return { data, pending, proposed }
}

/** The entry as its owner last wrote it: the approved values with the proposal on top. */
export function withPendingChanges<T extends object>(doc: T): T {
  const pending = pendingOf(doc as { pendingChanges?: unknown })
  return Object.keys(pending).length ? ({ ...doc, ...pending } as T) : doc
}

/** A clear state for « Mon espace »: whether changes wait, and which fields (by name, alphabetically). */
export function pendingChangesState(doc: { pendingChanges?: unknown } | null | undefined): {
  pending: boolean
  label: string | null
  fields: string[]
} {
  const fields = Object.keys(pendingOf(doc)).sort()
  return { pending: fields.length > 0, label: fields.length ? PENDING_CHANGES_LABEL : null, fields }
}

/** The French label of a top-level field (its name when it has none). */
export function fieldLabel(fields: ReadonlyArray<{ name: string; label?: unknown }>, name: string): string {
  const label = fields.find((f) => f.name === name)?.label
  return typeof label === 'string' && label ? label : name
}

/** The proposal's field names in the form's order (PostgreSQL's jsonb keeps no key order). */
export function changedFieldNames(fields: ReadonlyArray<{ name: string }>, pending: PendingChanges): string[] {
  const rank = (name: string) => {
    const index = fields.findIndex((f) => f.name === name)
    return index === -1 ? Number.MAX_SAFE_INTEGER : index
  }
  return Object.keys(pending).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}
