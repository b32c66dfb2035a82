/**
 * The path-prefix fallback of the public site: when one host name serves several
 * territories, `/t/<territory-slug>/…` is the site of that territory. express strips the
 * prefix before Next.js sees the request (so every existing route answers unchanged) and
 * passes the slug in a request header; the links of the answer get the prefix back
 * (see `prefixLinks`). Pure functions, shared by the express middleware and the pages.
 */

/** The request header carrying the slug of a prefixed request (set by express only). */
export const TERRITORY_HEADER = 'x-annuaire-territoire'

export const TERRITORY_PREFIX = '/t/'

const PREFIXED = /^\/t\/([a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?)(\/[^?#]*)?(\?.*)?$/

/** `/t/portes-de-sologne/recherche?q=x` → slug `portes-de-sologne`, url `/recherche?q=x`. */
export function splitTerritoryPath(url: string): { slug: string; url: string } | null {
  const match = PREFIXED.exec(url)
  if (!match) return null
  return { slug: match[1]!, url: `${match[2] || '/'}${match[3] ?? ''}` }
}

export function territoryPrefix(slug: string): string {
  return `${TERRITORY_PREFIX}${slug}`
}

/** Paths that are the same for every territory: assets, the API, the admin, uploads. */
const SHARED_PATH = /^\/(?:_next|api|admin|vendor|site|media|t)(?:[/?#]|$)|^\/(?:favicon\.svg|logo\.svg)(?:[?#]|$)|^\/\//

/** A site path with the territory prefix, unless it is shared by every territory. */
export function prefixPath(path: string, prefix: string): string {
  if (!path.startsWith('/') || SHARED_PATH.test(path)) return path
  return path === '/' ? `${prefix}/` : `${prefix}${path}`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Puts the prefix back on the links of a page: `href` and `action` attributes, the map's
 * markers (JSON in an attribute) and absolute links to the site's own origins (canonical,
 * Open Graph, JSON-LD, sitemap). `html` false rewrites absolute links only (XML, text).
 */
export function prefixLinks(text: string, prefix: string, origins: string[], html = true): string {
  let out = text
  if (html) {
    out = out.replace(/(\s(?:href|action)=")(\/[^"]*)"/g, (_m, attr: string, path: string) => `${attr}${prefixPath(path, prefix)}"`)
    out = out.replace(/(&quot;href&quot;:&quot;)(\/.*?)(&quot;)/g, (_m, start: string, path: string, end: string) => `${start}${prefixPath(path, prefix)}${end}`)
  }
  for (const origin of new Set(origins.filter(Boolean))) {
    const pattern = new RegExp(`${escapeRegExp(origin)}(/[^"'<>\\s&\\\\]*)?`, 'g')
    out = out.replace(pattern, (_m, path: string | undefined) => `${origin}${prefixPath(path || '/', prefix)}`)
  }
  return out
}

/** A redirect's Location with the prefix, when it points to this site. */
export function prefixLocation(location: string, prefix: string, origins: string[]): string {
  if (location.startsWith('/')) return prefixPath(location, prefix)
  for (const origin of origins) {
    if (origin && (location === origin || location.startsWith(`${origin}/`))) {
      return `${origin}${prefixPath(location.slice(origin.length) || '/', prefix)}`
    }
  }
  return location
}
