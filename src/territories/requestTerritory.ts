import type { Payload } from 'payload'

import type { Territory } from '@/payload-types'

import { allTerritories } from './cache'
import { pickTerritory } from './pickTerritory'
import { TERRITORY_HEADER } from './prefix'
import { requestedHost } from './publicOrigin'

type HeaderList = { get(name: string): string | null }

/**
 * The territory a request is for (pages, route handlers, the search API): the one place that
 * answers it, from the one territory cache (see pickTerritory for the rule).
 */
export async function territoryOfRequest(payload: Payload, headers: HeaderList): Promise<Territory | null> {
  return pickTerritory(await allTerritories(payload), requestedHost(headers), headers.get(TERRITORY_HEADER))
}

/** The territory a form was posted to (route handlers), chosen like the pages choose it. */
export async function requestTerritory(payload: Payload, request: Request): Promise<Territory | null> {
  return territoryOfRequest(payload, request.headers)
}
