import type { Payload } from 'payload'

import type { Territory } from '@/payload-types'
import { pickTerritory } from '@/site/territory'
import { TERRITORY_HEADER } from '@/territories/prefix'
import { requestedHost } from '@/territories/publicOrigin'

/** The territory a form was posted to (route handlers), chosen like the pages choose it. */
export async function requestTerritory(payload: Payload, request: Request): Promise<Territory | null> {
  const { docs } = await payload.find({ collection: 'territories', sort: 'createdAt', limit: 200, depth: 0, overrideAccess: true })
  return pickTerritory(docs, requestedHost(request.headers), request.headers.get(TERRITORY_HEADER))
}
