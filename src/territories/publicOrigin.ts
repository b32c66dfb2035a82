/**
 * The one place that decides the public address (scheme, host, port) of the site's links:
 * e-mail links, canonical URLs, the sitemap, robots.txt, Open Graph and JSON-LD, and which
 * `Origin` a state-changing request may come from.
 *
 * A request's `Host` / `X-Forwarded-Host` is only a hint: it is used when it names a host
 * this installation is configured for (PUBLIC_URL's host, a territory's « Noms de domaine »,
 * such as the demo's `sologne.localhost`, or `localhost`, 127.0.0.0/8, `[::1]`), never
 * otherwise: another `*.localhost` name is not trusted either. Anything
 * else falls back to PUBLIC_URL, or `http://localhost:<PORT>` without it. Links are always
 * absolute.
 */
import type { Payload } from 'payload'

import { allTerritories } from './cache'
import { TERRITORY_HEADER, territoryPrefix } from './prefix'

/** What this helper reads from a territory. */
export type HostedTerritory = { hostnames?: string[] | null; slug?: string | null }

type HeaderList = { get(name: string): string | null }

/** PUBLIC_URL, when it is a valid http(s) URL. */
export function configuredPublicUrl(env: NodeJS.ProcessEnv = process.env): URL | null {
  const raw = env.PUBLIC_URL?.trim()
  if (!raw || !URL.canParse(raw)) return null
  const url = new URL(raw)
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
}

/**
 * `localhost`, 127.0.0.0/8 and `[::1]`: the loopback names trusted without configuration.
 * `*.localhost` is not among them (issue 17, F7): such a name is trusted only when a
 * territory lists it (the demo's `sologne.localhost`).
 */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '')
  return name === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(name) || name === '[::1]' || name === '::1'
}

/** A name that only ever reaches this machine (`*.localhost` too): served over http, never linked in print. */
export function isLocalHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '')
  return isLoopbackHostname(name) || name.endsWith('.localhost')
}

/** A territory host name as stored (`sologne.example.fr`, possibly with a scheme or a slash), lower-cased. */
function configuredName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/[/:].*$/, '')
}

function territoryHostnames(territories: HostedTerritory[]): Set<string> {
  return new Set(territories.flatMap((t) => (t.hostnames ?? []).map(configuredName)).filter(Boolean))
}

/** `host[:port]` from a Host header, or null when it is not a plain host name. */
function parseHost(raw: string | null | undefined): { hostname: string; host: string } | null {
  const value = (raw ?? '').split(',')[0]!.trim().toLowerCase()
  if (!value || !/^[a-z0-9.:[\]-]+$/.test(value)) return null
  try {
    const url = new URL(`http://${value}`)
    return { hostname: url.hostname, host: url.host }
  } catch {
    return null
  }
}

function serverPort(env: NodeJS.ProcessEnv): string {
  return /^\d+$/.test(env.PORT ?? '') ? env.PORT! : '3000'
}

/** The address used when the request names no configured host: PUBLIC_URL, else this machine. */
export function defaultOrigin(env: NodeJS.ProcessEnv = process.env): string {
  return configuredPublicUrl(env)?.origin ?? `http://localhost:${serverPort(env)}`
}

/**
 * The origin of a configured territory host name: PUBLIC_URL's scheme and port (so that the
 * demo's `sologne.localhost` follows `http://localhost:3000`), else https — or, for a
 * loopback name, http on this server's port.
 */
export function hostnameOrigin(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const hostname = configuredName(name)
  const configured = configuredPublicUrl(env)
  if (configured) return `${configured.protocol}//${hostname}${configured.port ? `:${configured.port}` : ''}`
  return isLocalHostname(hostname) ? `http://${hostname}:${serverPort(env)}` : `https://${hostname}`
}

/**
 * The public address of a territory's site, for links read away from any request (e-mails
 * sent by jobs and hooks, open data): its first host name that a reader elsewhere can reach,
 * else the default origin with its path prefix `/t/<slug>`. A name that only reaches this
 * machine (the demo's `picardie-verte.localhost`) is skipped unless PUBLIC_URL names it: a
 * link in an e-mail read on another computer would lead nowhere (issue 19).
 */
export function territoryOrigin(territory: HostedTerritory | null | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const publicHostname = configuredPublicUrl(env)?.hostname
  const host = territory?.hostnames?.map(configuredName).find((h) => h && (!isLocalHostname(h) || h === publicHostname))
  if (host) return hostnameOrigin(host, env)
  return territory?.slug ? `${defaultOrigin(env)}${territoryPrefix(territory.slug)}` : defaultOrigin(env)
}

/**
 * The origin of links answering a request to `host` (the request's X-Forwarded-Host or Host):
 * that host when it is PUBLIC_URL's, a territory's or a loopback name (not any `*.localhost`);
 * the default otherwise.
 * Pure, for tests.
 */
export function publicOrigin(host: string | null | undefined, territories: HostedTerritory[], env: NodeJS.ProcessEnv = process.env): string {
  const parsed = parseHost(host)
  if (!parsed) return defaultOrigin(env)
  const configured = configuredPublicUrl(env)
  if (configured && configured.host === parsed.host) return configured.origin
  if (isLoopbackHostname(parsed.hostname)) return `http://${parsed.host}`
  if (territoryHostnames(territories).has(parsed.hostname)) {
    // A configured local name (the demo's `sologne.localhost`) keeps the port it was reached on.
    return isLocalHostname(parsed.hostname) ? `http://${parsed.host}` : hostnameOrigin(parsed.hostname, env)
  }
  return defaultOrigin(env)
}

/**
 * Whether a browser's `Origin` is one of this installation's sites: PUBLIC_URL's origin, a
 * territory's host name (any scheme or port) or a loopback name (`localhost`, 127.0.0.0/8,
 * `[::1]`; an unconfigured `*.localhost` is foreign). `null` and anything unparsable are foreign. Pure, for tests.
 */
export function isConfiguredOrigin(origin: string, territories: HostedTerritory[], env: NodeJS.ProcessEnv = process.env): boolean {
  if (!URL.canParse(origin)) return false
  const url = new URL(origin)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (isLoopbackHostname(url.hostname)) return true
  if (configuredPublicUrl(env)?.origin === url.origin) return true
  return territoryHostnames(territories).has(url.hostname.toLowerCase())
}

/** The host a request names: X-Forwarded-Host (a proxy's), else Host. */
export function requestedHost(headers: HeaderList): string {
  return headers.get('x-forwarded-host') ?? headers.get('host') ?? ''
}

/** The public origin for a request's headers (pages, route handlers, Payload's own e-mails). */
export async function requestPublicOrigin(payload: Payload, headers: HeaderList): Promise<string> {
  return publicOrigin(requestedHost(headers), await allTerritories(payload))
}

/**
 * The base of e-mail links for a form posted to this request: the public origin, with the
 * territory prefix when the form was posted under `/t/<slug>/`.
 */
export async function requestLinkBase(payload: Payload, headers: HeaderList): Promise<string> {
  const slug = headers.get(TERRITORY_HEADER)
  return `${await requestPublicOrigin(payload, headers)}${slug ? territoryPrefix(slug) : ''}`
}
