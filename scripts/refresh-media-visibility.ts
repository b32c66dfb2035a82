/**
 * Recomputes, for every image and document, when the public may read it (`publicFrom`,
 * `publicUntil`, see docs/security.md « Images et documents »), from the documents that show it:
 *   node --conditions=production --no-deprecation --import tsx scripts/refresh-media-visibility.ts
 * Use it on a database filled before this rule, after restoring a backup or editing by hand.
 */
import { createLocalReq } from 'payload'

import { closeDatabase } from '@/database/close'
import { refreshMediaVisibility } from '@/hooks/mediaVisibility'

import { bootPayload } from './lib/bootPayload'

const payload = await bootPayload()
try {
  const req = await createLocalReq({}, payload)
  let page = 1
  let total = 0
  for (;;) {
    const { docs, hasNextPage } = await payload.find({ collection: 'media', select: {}, limit: 200, page, depth: 0, overrideAccess: true, sort: 'id' })
    await refreshMediaVisibility(req, docs.map((doc) => doc.id))
    total += docs.length
    if (!hasNextPage) break
    page++
  }
  const shown = await payload.count({ collection: 'media', overrideAccess: false })
  console.log(`Visibilité recalculée pour ${total} images et documents : ${shown.totalDocs} lisibles par le public aujourd’hui.`)
  await closeDatabase(payload)
  process.exit(0)
} catch (error) {
  console.error(`✖ Recalcul impossible : ${error instanceof Error ? error.message : String(error)}`)
  await closeDatabase(payload)
  process.exit(1)
}
