import type { Payload, TypedUser, Where } from 'payload'

import { MODERATED_SLUGS } from '@collections/slugs'
import { REPORT_REASONS } from '@collections/Reports'
import { ANNOUNCEMENT_KIND_LABELS, type AnnouncementKind } from '@collections/Announcements'
import { isModeratorOf } from '@/access/isStaffOf'
import type { AccessUser } from '@/access/roles'

import { describeChanges, type FieldChange } from './changes'
import { KIND_LABELS, type ModeratedSlug, titleOf } from './labels'
import { allOf, isModerator, updatableWhere } from './scope'

/**
 * What waits for a decision: a new entry (`pending`) or an owner's edit of a published one
 * (`modified`), whose proposal is not online until accepted.
 */
export type QueueEntry = {
  state: 'pending' | 'modified'
  collection: ModeratedSlug
  id: number | string
  title: string
  excerpt: string
  communeName: string | null
  /** « Je propose mon aide », for announcements. */
  detail: string | null
  createdAt: string
  updatedAt: string
  /** For an owner's edit: each changed field, approved value then proposed value. */
  changes: FieldChange[]
  /** For a new entry: who sent it (account names, or the resident the mairie posted for). */
  submittedBy: string | null
  /** For an owner's edit: who made the last change and when (from the audit log). */
  changedBy: { name: string; role: string; at: string } | null
}

export type ReportEntry = {
  id: number | string
  reason: string
  message: string | null
  createdAt: string
  target: { collection: ModeratedSlug; id: number | string; title: string; status: string | null } | null
}

export type QueueFilters = {
  /** One kind of entry, or `reports`; all when absent. */
  collection?: ModeratedSlug | 'reports'
  commune?: number | string
}

export type QueueCounts = { pending: number; modified: number; reports: number; total: number }

export type ModerationQueue = {
  pending: QueueEntry[]
  modified: QueueEntry[]
  reports: ReportEntry[]
  counts: QueueCounts
}

/** How many entries of each list the queue page shows at once (per kind of entry). */
export const QUEUE_PAGE_SIZE = 50

const PENDING: Where = { status: { equals: 'pending' } }
const MODIFIED: Where = { and: [{ status: { equals: 'published' } }, { reviewState: { equals: 'modified' } }] }
const OPEN_REPORTS: Where = { status: { equals: 'open' } }

type Scope = { collection: ModeratedSlug; where: Where }

async function scopes(payload: Payload, user: TypedUser, base: Where, filters: QueueFilters): Promise<Scope[]> {
  const result: Scope[] = []
  for (const collection of MODERATED_SLUGS) {
    if (filters.collection && filters.collection !== collection) continue
    const access = await updatableWhere(payload, user, collection)
    if (access === null) continue
    const commune = filters.commune !== undefined ? { commune: { equals: filters.commune } } : undefined
    result.push({ collection, where: allOf(base, access, commune) })
  }
  return result
}

async function reportsWhere(payload: Payload, user: TypedUser, filters: QueueFilters): Promise<Where | null> {
  if (filters.collection && filters.collection !== 'reports') return null
  const access = await updatableWhere(payload, user, 'reports')
  return access === null ? null : allOf(OPEN_REPORTS, access)
}

async function countIn(payload: Payload, list: Scope[]): Promise<number> {
  let total = 0
  for (const { collection, where } of list) {
    total += (await payload.count({ collection, where, overrideAccess: true })).totalDocs
  }
  return total
}

/** The numbers shown on the dashboard and in the navigation. */
export async function countModerationQueue(payload: Payload, user: TypedUser | null, filters: QueueFilters = {}): Promise<QueueCounts> {
  if (!user || !isModerator(user as AccessUser)) return { pending: 0, modified: 0, reports: 0, total: 0 }
  const pending = await countIn(payload, await scopes(payload, user, PENDING, filters))
  const modified = await countIn(payload, await scopes(payload, user, MODIFIED, filters))
  const where = await reportsWhere(payload, user, filters)
  const reports = where ? (await payload.count({ collection: 'reports', where, overrideAccess: true })).totalDocs : 0
  return { pending, modified, reports, total: pending + modified + reports }
}

function excerpt(text: unknown, max = 280): string {
  const s = String(text ?? '').replace(/\s+/g, ' ').trim()
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s
}

function nameOf(value: unknown): string | null {
  return value && typeof value === 'object' && 'name' in value ? String((value as { name: unknown }).name) : null
}

/** The accounts behind a new entry, by name (never e-mail), as the moderator needs to judge it. */
function submitterOf(doc: Record<string, unknown>): string | null {
  const behalf = doc.onBehalfOf as { enabled?: unknown; residentName?: unknown } | null | undefined
  const onBehalfOf = behalf?.enabled ? String(behalf.residentName ?? '') : null
  const accounts = [doc.author, doc.owners]
    .flat()
    .map(nameOf)
    .filter((name): name is string => Boolean(name?.trim()))
  const by = accounts.join(', ')
  if (onBehalfOf?.trim()) return `${by ? `${by}, ` : ''}pour ${onBehalfOf.trim()} (habitant sans internet)`
  return by || null
}

/** Who last edited an entry, as the audit log recorded it, and whether they own it. */
async function lastEditor(payload: Payload, collection: ModeratedSlug, doc: Record<string, unknown> & { id: number | string }): Promise<QueueEntry['changedBy']> {
  const { docs } = await payload.find({
    collection: 'audit-log',
    where: { and: [{ collectionSlug: { equals: collection } }, { documentId: { equals: String(doc.id) } }, { action: { equals: 'update' } }, { user: { exists: true } }] },
    sort: '-createdAt',
    limit: 1,
    depth: 1,
    overrideAccess: true,
    populate: { users: { name: true } },
  })
  const entry = docs[0]
  const editor = entry?.user && typeof entry.user === 'object' ? entry.user : null
  if (!entry || !editor) return null
  const owners = [doc.owners, doc.author].flat().map((o) => String(o && typeof o === 'object' ? (o as { id: unknown }).id : o))
  const role = owners.includes(String(editor.id)) ? (collection === 'announcements' ? 'auteur' : 'propriétaire') : ''
  return { name: String(editor.name ?? ''), role, at: String(entry.createdAt) }
}

async function entries(payload: Payload, user: TypedUser, state: QueueEntry['state'], list: Scope[]): Promise<QueueEntry[]> {
  const out: QueueEntry[] = []
  for (const { collection, where } of list) {
    const { titleField, textField } = KIND_LABELS[collection]
    const { docs } = await payload.find({
      collection,
      where,
      overrideAccess: true,
      depth: 1,
      limit: QUEUE_PAGE_SIZE,
      sort: state === 'pending' ? 'createdAt' : 'updatedAt',
      populate: { communes: { name: true }, users: { name: true } },
    })
    for (const raw of docs) {
      const doc = raw as unknown as Record<string, unknown> & { id: number | string; territory?: unknown }
      // Owners may edit their own entries, but only moderators decide on them.
      if (!isModeratorOf(user as AccessUser, doc.territory)) continue
      out.push({
        state,
        collection,
        id: doc.id,
        title: titleOf({ [titleField]: doc[titleField], id: doc.id }),
        excerpt: excerpt(doc[textField]),
        communeName: nameOf(doc.commune),
        detail: collection === 'announcements' ? (ANNOUNCEMENT_KIND_LABELS[doc.kind as AnnouncementKind] ?? null) : null,
        createdAt: String(doc.createdAt),
        updatedAt: String(doc.updatedAt),
        submittedBy: state === 'pending' ? submitterOf(doc) : null,
        changes: state === 'modified' ? await describeChanges(payload, collection, doc) : [],
        changedBy: state === 'modified' ? await lastEditor(payload, collection, doc) : null,
      })
    }
  }
  return out.sort((a, b) => (state === 'pending' ? a.createdAt.localeCompare(b.createdAt) : a.updatedAt.localeCompare(b.updatedAt)))
}

const REASON_LABELS = new Map<string, string>(REPORT_REASONS.map((r) => [r.value, r.label]))

async function reportEntries(payload: Payload, where: Where | null): Promise<ReportEntry[]> {
  if (!where) return []
  const { docs } = await payload.find({
    collection: 'reports',
    where,
    overrideAccess: true,
    depth: 1,
    limit: QUEUE_PAGE_SIZE,
    sort: 'createdAt',
    populate: {
      businesses: { name: true, status: true },
      associations: { name: true, status: true },
      services: { title: true, status: true },
      announcements: { title: true, status: true },
    },
  })
  return docs.map((report) => {
    const target = report.target as { relationTo: ModeratedSlug; value: unknown } | undefined
    const value = target?.value
    const populated = value && typeof value === 'object' ? (value as Record<string, unknown> & { id: number | string }) : null
    return {
      id: report.id,
      reason: REASON_LABELS.get(report.reason) ?? report.reason,
      message: report.message ?? null,
      createdAt: report.createdAt,
      target: target
        ? {
            collection: target.relationTo,
            id: populated ? populated.id : (value as number | string),
            title: populated ? titleOf(populated) : `n° ${String(value)}`,
            status: populated && typeof populated.status === 'string' ? populated.status : null,
          }
        : null,
    }
  })
}

/**
 * The moderation queue of a moderator: pending entries, owners' edits of published ones,
 * open reports — only those the moderator may act on. The filter is the collections' own
 * `update` access rule evaluated for the user (see `updatableWhere`), added to the query
 * explicitly: Payload would refuse it as a user-supplied `where` because it names fields
 * (`owners`) that field-level access hides from queries. Decisions themselves go through
 * `overrideAccess: false` (see decide.ts).
 */
export async function loadModerationQueue(payload: Payload, user: TypedUser | null, filters: QueueFilters = {}): Promise<ModerationQueue> {
  if (!user || !isModerator(user as AccessUser)) {
    return { pending: [], modified: [], reports: [], counts: { pending: 0, modified: 0, reports: 0, total: 0 } }
  }
  const [pending, modified, reports, counts] = await Promise.all([
    scopes(payload, user, PENDING, filters).then((list) => entries(payload, user, 'pending', list)),
    scopes(payload, user, MODIFIED, filters).then((list) => entries(payload, user, 'modified', list)),
    reportsWhere(payload, user, filters).then((where) => reportEntries(payload, where)),
    countModerationQueue(payload, user, filters),
  ])
  return { pending, modified, reports, counts }
}
