import { headers } from 'next/headers'

import { normalizeHost } from './territory'

/**
 * The scheme and host the visitor used (for canonical links, the sitemap, Open Graph):
 * PUBLIC_URL when the request came through it, otherwise the request's own host.
 */
export async function siteOrigin(): Promise<string> {
  const list = await headers()
  const rawHost = (list.get('x-forwarded-host') ?? list.get('host') ?? '').split(',')[0]!.trim()
  const configured = process.env.PUBLIC_URL ? safeUrl(process.env.PUBLIC_URL) : null
  if (configured && (!rawHost || normalizeHost(configured.host) === normalizeHost(rawHost))) return configured.origin
  if (!rawHost || !/^[a-z0-9.:[\]-]+$/i.test(rawHost)) return configured?.origin ?? ''
  const forwarded = list.get('x-forwarded-proto')?.split(',')[0]?.trim()
  const local = /^(localhost|127\.|\[::1\])/.test(rawHost)
  const proto = forwarded === 'http' || forwarded === 'https' ? forwarded : local ? 'http' : 'https'
  return `${proto}://${rawHost}`
}

function safeUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}

export async function absoluteUrl(path: string): Promise<string> {
  return `${await siteOrigin()}${path}`
}
