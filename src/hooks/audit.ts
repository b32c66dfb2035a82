import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { idOf } from '@/access/roles'

export type AuditAction = 'create' | 'update' | 'approve' | 'reject' | 'archive' | 'review' | 'delete'

type Doc = {
  id: number | string
  status?: string
  reviewState?: string | null
  rejectionReason?: string | null
  territory?: unknown
  name?: string
  title?: string
}

/**
 * What a change was, from the status before and after: a publication, a refusal, an
 * archiving, a moderator marking an owner's edit as reviewed, or a plain edit.
 */
export function auditActionFor(operation: 'create' | 'update', doc: Doc, previous?: Doc): AuditAction {
  if (operation === 'create') return 'create'
  if (previous?.status !== doc.status) {
    if (doc.status === 'published') return 'approve'
    if (doc.status === 'rejected') return 'reject'
    if (doc.status === 'archived') return 'archive'
  }
  if (previous?.reviewState === 'modified' && doc.reviewState === 'ok') return 'review'
  return 'update'
}

/** Optional detail written by the caller (`context.auditDetails`), else the refusal's reason. */
function detailsFor(req: PayloadRequest, action: AuditAction, doc: Doc): string | undefined {
  const given = req.context?.auditDetails
  if (typeof given === 'string' && given.trim()) return given.trim().slice(0, 2000)
  if (action === 'reject' && doc.rejectionReason) return String(doc.rejectionReason).slice(0, 2000)
  if (!req.user && action !== 'create') return 'Action automatique'
  return undefined
}

async function record(req: PayloadRequest, collection: string, action: AuditAction, doc: Doc) {
  await req.payload.create({
    collection: 'audit-log',
    data: {
      action,
      collectionSlug: collection as never,
      documentId: String(doc.id),
      documentTitle: String(doc.name ?? doc.title ?? doc.id).slice(0, 200),
      user: req.user && req.user.collection === 'users' ? req.user.id : undefined,
      details: detailsFor(req, action, doc),
      territory: idOf(doc.territory as never) as number | undefined,
    },
    overrideAccess: true,
    req,
  })
}

/** Who approved, rejected, edited or deleted what and when, readable by administrators. */
export const auditChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, collection }) => {
  if (req.context?.skipAudit) return doc
  await record(req, collection.slug, auditActionFor(operation, doc as Doc, previousDoc as Doc), doc as Doc)
  return doc
}

export const auditDelete: CollectionAfterDeleteHook = async ({ doc, req, collection }) => {
  if (req.context?.skipAudit) return doc
  await record(req, collection.slug, 'delete', doc as Doc)
  return doc
}
