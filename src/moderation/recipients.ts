import type { Payload, PayloadRequest } from 'payload'

import { idOf } from '@/access/roles'

import type { ModeratedSlug } from './labels'

export type Recipient = { email: string; name: string }

type Doc = {
  owners?: unknown
  author?: unknown
  onBehalfOf?: { enabled?: boolean | null; residentName?: string | null; residentPhone?: string | null } | null
}

function ids(values: unknown[]): Array<number | string> {
  return values.map((v) => idOf(v as never)).filter((v): v is number | string => v !== undefined && v !== null && v !== '')
}

/**
 * Who hears about a decision on an entry: the owner accounts of a business, association
 * or service; the author of an announcement — for one the mairie posted on behalf of a
 * resident, that author is the mairie's own staff member, who passes the news on.
 */
export async function decisionRecipients(
  payload: Payload,
  collection: ModeratedSlug,
  doc: Doc,
  req?: PayloadRequest,
): Promise<Recipient[]> {
  const wanted = collection === 'announcements' ? ids([doc.author]) : ids(Array.isArray(doc.owners) ? doc.owners : [])
  if (wanted.length === 0) return []
  const { docs } = await payload.find({
    collection: 'users',
    where: { id: { in: wanted } },
    depth: 0,
    limit: wanted.length,
    overrideAccess: true,
    select: { email: true, name: true },
    req,
  })
  return docs.filter((u) => Boolean(u.email)).map((u) => ({ email: u.email, name: u.name }))
}
