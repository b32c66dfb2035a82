import { headers } from 'next/headers'
import { cache } from 'react'

import type { Territory } from '@/payload-types'

import { TERRITORY_HEADER, territoryPrefix } from '@/territories/prefix'
import { requestPublicOrigin } from '@/territories/publicOrigin'
import { territoryOfRequest } from '@/territories/requestTerritory'

import { sitePayload } from './payload'

/**
 * The territory this request is for (see territories/requestTerritory), once per render.
 */
export const getCurrentTerritory = cache(async (): Promise<Territory | null> => territoryOfRequest(await sitePayload(), await headers()))

/** The territory prefix of this request's links ("" when the host name chose the territory). */
export async function currentPrefix(): Promise<string> {
  const slug = (await headers()).get(TERRITORY_HEADER)
  return slug ? territoryPrefix(slug) : ''
}

/** Same as getCurrentTerritory, for pages that cannot work without one. */
export async function requireTerritory(): Promise<Territory> {
  const territory = await getCurrentTerritory()
  if (!territory) throw new Error('Aucun territoire n’est configuré : importez une intercommunalité (npm run import:epci).')
  return territory
}

/**
 * The public origin of this request's links (canonical URLs, sitemap, Open Graph): the host
 * the request names only when it is a configured one (see territories/publicOrigin).
 */
export const currentOrigin = cache(async (): Promise<string> => requestPublicOrigin(await sitePayload(), await headers()))

export async function absoluteUrl(path: string): Promise<string> {
  return `${await currentOrigin()}${path}`
}
