import type { CollectionAfterChangeHook } from 'payload'

import { findMatches } from '@/contributions/matching'
import { queueEmail } from '@/email/send'
import { matchFoundEmail } from '@/email/templates/contrib/matching'
import { siteLink } from '@/email/templates/links'
import type { Announcement } from '@/payload-types'
import { entryPath } from '@/territories/urls'
import { recordEvent } from '@/stats/record'

/**
 * When an offer (or a need) is published, the authors of the open needs (or offers) it
 * answers are told by e-mail. Queued within the same transaction as the publication.
 */
export const notifyMatches: CollectionAfterChangeHook<Announcement> = async ({ doc, previousDoc, req }) => {
  if (doc.status !== 'published' || previousDoc?.status === 'published') return doc
  if ((doc.kind !== 'offer' && doc.kind !== 'need') || !doc.slug) return doc
  // Examples stand for nobody: their demo author is never told of a match, nor told about one.
  if (doc.isExample) return doc
  const matches = (await findMatches(req.payload, doc, { req })).filter((match) => !match.isExample)
  if (matches.length === 0) return doc
  // Statistics: each offer–need pair is counted once, when the second of the two is published.
  if (!req.context?.skipStats) {
    await recordEvent(req.payload, { territory: doc.territory, metric: 'match', communeId: doc.commune, categoryId: doc.category, count: matches.length })
  }
  if (req.context?.skipEmail || req.context?.skipNotify) return doc
  const territoryId = typeof doc.territory === 'object' ? doc.territory?.id : doc.territory
  const territory = territoryId
    ? await req.payload.findByID({ collection: 'territories', id: territoryId, depth: 0, overrideAccess: true, req }).catch(() => null)
    : null
  const authorOf = (a: Announcement) => (typeof a.author === 'object' ? a.author?.id : a.author)
  const newAuthor = authorOf(doc)
  const authorIds = [...new Set(matches.map(authorOf).filter((id): id is number => id != null && id !== newAuthor))]
  if (authorIds.length === 0) return doc
  const { docs: users } = await req.payload.find({
    collection: 'users',
    where: { id: { in: authorIds } },
    limit: authorIds.length,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const newUrl = siteLink(territory, entryPath('announcements', doc.slug))
  for (const user of users) {
    const theirs = matches.find((m) => authorOf(m) === user.id)!
    const mail = matchFoundEmail({
      recipientName: user.name,
      yourTitle: theirs.title,
      newKind: doc.kind,
      newTitle: doc.title,
      newUrl,
      territoryName: territory?.name ?? null,
    })
    await queueEmail(req.payload, { to: user.email, ...mail }, req)
  }
  return doc
}
