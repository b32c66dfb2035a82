import { territoryPrefix } from '@/site/territoryPrefix'
import { entryPath } from '@/site/urls'

import type { ModeratedSlug } from '@/moderation/labels'

/** « Mon espace » on the public site, where owners and residents manage their entries. */
export const ACCOUNT_PATH = '/mon-espace'

type TerritoryLike = { hostnames?: string[] | null; slug?: string | null } | null | undefined

/**
 * The public site's address for a territory: its first host name, else PUBLIC_URL with the
 * territory's path prefix (`/t/<slug>`, which works whatever host serves several territories).
 * A host name takes PUBLIC_URL's scheme and port (https when PUBLIC_URL is unset), so that
 * the demo's `http://sologne.localhost:3000` works as well as a real domain behind HTTPS.
 */
export function siteOrigin(territory: TerritoryLike): string {
  const host = territory?.hostnames?.find((h) => h && h.trim())
  const base = (process.env.PUBLIC_URL || '').replace(/\/+$/, '')
  if (host) {
    const name = host.trim().replace(/^https?:\/\//, '').replace(/\/+$/, '')
    const publicUrl = URL.canParse(base) ? new URL(base) : null
    return publicUrl ? `${publicUrl.protocol}//${name}${publicUrl.port ? `:${publicUrl.port}` : ''}` : `https://${name}`
  }
  return territory?.slug ? `${base}${territoryPrefix(territory.slug)}` : base
}

export function siteLink(territory: TerritoryLike, path: string): string {
  return `${siteOrigin(territory)}${path}`
}

export function entryLink(territory: TerritoryLike, collection: ModeratedSlug, slug: string | null | undefined): string | null {
  return slug ? siteLink(territory, entryPath(collection, slug)) : null
}

export function accountLink(territory: TerritoryLike): string {
  return siteLink(territory, ACCOUNT_PATH)
}

/** The admin page of an entry, for staff. */
export function adminLink(collection: string, id: number | string): string {
  return `${(process.env.PUBLIC_URL || '').replace(/\/+$/, '')}/admin/collections/${collection}/${id}`
}
