import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { idOf } from '@/access/roles'

export type AuditAction = 'create' | 'update' | 'approve' | 'reject' | 'archive' | 'delete'

type Doc = { id: number | string; status?: string; territory?: unknown; name?: string; title?: string }

function actionFor(operation: 'create' | 'update', doc: Doc, previous?: Doc): AuditAction {
  if (operation === 'create') return 'create'
  if (previous?.status !== doc.status) {
    if (doc.status === 'published') return 'approve'
    if (doc.status === 'rejected') return 'reject'
    if (doc.status === 'archived') return 'archive'
  }
  return 'update'
}

async function record(req: PayloadRequest, collection: string, action: AuditAction, doc: Doc) {
  await req.payload.create({
    collection: 'audit-log',
    data: {
      action,
      collectionSlug: collection,
      documentId: String(doc.id),
      documentTitle: String(doc.name ?? doc.title ?? doc.id).slice(0, 200),
      user: req.user && req.user.collection === 'users' ? req.user.id : undefined,
      territory: idOf(doc.territory as never) as number | undefined,
    },
    overrideAccess: true,
    req,
  })
}

/** Who approved, rejected, edited or deleted what and when, readable by administrators. */
export const auditChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, collection }) => {
  if (req.context?.skipAudit) return doc
  await record(req, collection.slug, actionFor(operation, doc as Doc, previousDoc as Doc), doc as Doc)
  return doc
}

export const auditDelete: CollectionAfterDeleteHook = async ({ doc, req, collection }) => {
  if (req.context?.skipAudit) return doc
  await record(req, collection.slug, 'delete', doc as Doc)
  return doc
}
