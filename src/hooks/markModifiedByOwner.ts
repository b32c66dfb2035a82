import {
  beforeChangeTraverseFields,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
  type SanitizedCollectionConfig,
  ValidationError,
  type ValidationFieldError,
} from 'payload'

import { isModeratorOf } from '@/access/isStaffOf'
import { type AccessUser, hasRole, idOf } from '@/access/roles'
import { divertOwnerEdit, hasPendingChanges, pendingOf } from '@/moderation/pendingChanges'

import { declaredValue, declares } from './declaredFields'

const SUBMITTED = 'submittedFields'

/**
 * Remembers which fields an update really sends (Payload fills the others from the stored
 * document before the change hooks run): an owner's later edit of the opening hours must not
 * drop the description they proposed earlier.
 */
export const rememberSubmittedFields: CollectionBeforeOperationHook = ({ args, operation, collection, req }) => {
  if (operation !== 'update' && operation !== 'updateByID') return args
  const data = (args as { data?: unknown }).data
  const keys = data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data).filter((k) => (data as Record<string, unknown>)[k] !== undefined) : []
  const all = (req.context[SUBMITTED] ?? {}) as Record<string, string[]>
  req.context[SUBMITTED] = { ...all, [collection.slug]: keys }
  return args
}

function submittedFields(req: PayloadRequest, slug: string): ReadonlySet<string> | null {
  const keys = (req.context[SUBMITTED] as Record<string, string[]> | undefined)?.[slug]
  return keys ? new Set(keys) : null
}

/** Validates the owner's proposal exactly as Payload validates a save, before it is put aside. */
async function validateProposal(
  collection: SanitizedCollectionConfig,
  req: PayloadRequest,
  proposal: Record<string, unknown>,
  originalDoc: Record<string, unknown>,
): Promise<void> {
  const errors: ValidationFieldError[] = []
  const data = structuredClone(proposal)
  const doc = structuredClone(originalDoc)
  await beforeChangeTraverseFields({
    id: originalDoc.id as number | string,
    collection,
    context: req.context,
    data,
    doc,
    docWithLocales: doc,
    errors,
    fieldLabelPath: '',
    fields: collection.fields,
    global: null,
    mergeLocaleActions: [],
    operation: 'update',
    overrideAccess: false,
    parentIndexPath: '',
    parentIsLocalized: false,
    parentPath: '',
    parentSchemaPath: '',
    req,
    siblingData: data,
    siblingDoc: doc,
    siblingDocWithLocales: doc,
  })
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors, id: originalDoc.id as number | string, req }, req.t)
}

/** An earlier proposal is not public: it becomes the entry, under what this edit sends. */
function foldPendingChanges(data: Record<string, unknown>, originalDoc: Record<string, unknown>, submitted: ReadonlySet<string> | null): void {
  if (!hasPendingChanges(originalDoc.pendingChanges)) return
  for (const [key, value] of Object.entries(pendingOf(originalDoc))) {
    if (submitted === null || !submitted.has(key)) data[key] = value
  }
  data.pendingChanges = null
}

/**
 * What an owner's (or author's) edit does to moderation:
 * - on a published entry, nothing goes online: the entry keeps its approved values and the
 *   changed fields wait in `pendingChanges` (validated now, applied when a moderator accepts
 *   them); the entry is flagged « modifié » for the moderation queue;
 * - a refused entry, corrected by its owner, goes back to `pending` (any earlier proposal is
 *   folded in, since nothing of it is public): the queue shows it again as a new request;
 * - an entry moved to a commune of another territory (its territory follows the commune, see
 *   assignTerritory) goes back to `pending` there: that territory's moderators decide
 *   whether it is published on their site. Staff cannot move an entry out of their own
 *   territory (enforceTerritoryScope); only a national administrator moves one as it is.
 * Staff of the territory (secrétaire, administrator) edit live.
 */
export const markModifiedByOwner: CollectionBeforeChangeHook = async ({ data, req, operation, originalDoc, collection }) => {
  if (operation !== 'update' || !req.user || !originalDoc || !declares(collection, 'status')) return data
  const user = req.user as AccessUser
  const before = declaredValue(collection, originalDoc, 'territory')
  const after = declaredValue(collection, data, 'territory')
  const moved = after !== undefined && String(idOf(after as never) ?? '') !== String(idOf(before as never) ?? '')
  const submitted = submittedFields(req, collection.slug)
  const proposals = declares(collection, 'pendingChanges')

  if (moved && !hasRole(user, 'superadmin')) {
    if (proposals) foldPendingChanges(data, originalDoc, submitted)
    if (originalDoc.status !== 'archived') data.status = 'pending'
    data.reviewState = 'ok'
    return data
  }
  if (isModeratorOf(user, before)) return data

  if (originalDoc.status === 'published' && proposals) {
    const { data: kept, pending, proposed } = divertOwnerEdit({ data, approved: originalDoc, submitted })
    if (Object.keys(proposed).length > 0) await validateProposal(collection, req, data, originalDoc)
    const waiting = hasPendingChanges(pending)
    kept.pendingChanges = waiting ? pending : null
    if (waiting) kept.reviewState = 'modified'
    else if (hasPendingChanges(originalDoc.pendingChanges)) kept.reviewState = 'ok'
    return kept
  }
  if (originalDoc.status === 'published') data.reviewState = 'modified'
  if (proposals) foldPendingChanges(data, originalDoc, submitted)
  if (originalDoc.status === 'rejected') {
    data.status = 'pending'
    data.reviewState = 'ok'
  }
  return data
}
