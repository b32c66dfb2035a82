import { cache } from 'react'

import type { Media, Territory } from '@/payload-types'

import { sitePayload } from './payload'
import { mediaPath } from '@/territories/urls'

export const DEFAULT_LOGO = '/logo.svg'

/** The territory's logo (its uploaded image, 128 px for the demo ones, as a path), else the product's. */
export const getTerritoryLogo = cache(async (territory: Pick<Territory, 'logo'> | null): Promise<string> => {
  const logo = territory?.logo
  if (!logo) return DEFAULT_LOGO
  const media: Media | null =
    typeof logo === 'object'
      ? logo
      : await (await sitePayload())
          .findByID({ collection: 'media', id: logo, depth: 0, overrideAccess: false, disableErrors: true })
          .catch(() => null)
  return media?.url ? mediaPath(media.url) : DEFAULT_LOGO
})
