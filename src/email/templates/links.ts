import { entryPath } from '@/territories/urls'
import { defaultOrigin, type HostedTerritory, territoryOrigin } from '@/territories/publicOrigin'

import type { ModeratedSlug } from '@/moderation/labels'

/** « Mon espace » on the public site, where owners and residents manage their entries. */
export const ACCOUNT_PATH = '/mon-espace'

type TerritoryLike = HostedTerritory | null | undefined

/** An absolute link to a page of a territory's site (see territoryOrigin). */
export function siteLink(territory: TerritoryLike, path: string): string {
  return `${territoryOrigin(territory)}${path}`
}

export function entryLink(territory: TerritoryLike, collection: ModeratedSlug, slug: string | null | undefined): string | null {
  return slug ? siteLink(territory, entryPath(collection, slug)) : null
}

export function accountLink(territory: TerritoryLike): string {
  return siteLink(territory, ACCOUNT_PATH)
}

/** The admin page of an entry, for staff. */
export function adminLink(collection: string, id: number | string): string {
  return `${defaultOrigin()}/admin/collections/${collection}/${id}`
}
