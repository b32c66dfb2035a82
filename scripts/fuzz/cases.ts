/**
 * The malformed requests of the fuzz run, drawn from a seeded generator so that a run can
 * be replayed exactly. Every request carries its own marker (`fz<seed>q<n>`) in what it
 * sends, so that any trace it leaves in the database can be traced back to it.
 */

export type FuzzRequest = {
  n: number
  marker: string
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  headers: Record<string, string>
  body?: string | Uint8Array
  /** What the case is about, for the report. */
  kind: string
}

/** What the run knows of the target: real slugs and ids to aim at, and how to sign forms. */
export type FuzzContext = {
  slugs: Record<'entreprises' | 'associations' | 'services' | 'annonces' | 'categories' | 'communes', string[]>
  ids: Record<string, Array<number | string>>
  /** Issues a valid anonymous form token when the server's secret is known. */
  formToken?: (form: string) => string
}

/** mulberry32: small, fast, good enough to pick cases deterministically. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const COLLECTIONS = [
  'businesses',
  'associations',
  'services',
  'announcements',
  'categories',
  'communes',
  'territories',
  'pages',
  'media',
  'users',
  'contact-requests',
  'reports',
  'alerts',
  'audit-log',
  'usage-stats',
  'import-runs',
]

const PAGES = [
  '/',
  '/recherche',
  '/annonces',
  '/carte',
  '/categories',
  '/communes',
  '/a-propos',
  '/accessibilite',
  '/confidentialite',
  '/mentions-legales',
  '/plan-du-site',
  '/sitemap.xml',
  '/robots.txt',
  '/connexion',
  '/inscription',
  '/inscrire-mon-activite',
  '/mot-de-passe-oublie',
  '/reinitialiser-mot-de-passe',
  '/verifier-email',
  '/alertes',
  '/alertes/confirmer',
  '/alertes/desinscription',
  '/alertes/desinscrite',
  '/contacter/confirmer',
  '/annonces/nouvelle',
  '/mon-espace',
  '/deconnexion',
]

const QUERY_KEYS = ['q', 'commune', 'categorie', 'category', 'type', 'kind', 'tarif', 'price', 'rayon', 'radius', 'lat', 'lng', 'page', 'tri', 'sort', 'jeton', 'alerte', 'signature', 'suite', 'next', 'redirect', 'erreur', 'envoye', 'vue', 'limit', 'depth', 'where', 'territory']

/** Form posts: path, the form name its token is signed for, and the fields it expects. */
const FORMS: Array<{ path: (c: FuzzContext, pick: <T>(a: T[]) => T) => string; form: string; fields: string[] }> = [
  { path: () => '/connexion/envoyer', form: 'login', fields: ['email', 'password'] },
  { path: () => '/inscription/envoyer', form: 'signup', fields: ['name', 'email', 'password', 'passwordConfirm'] },
  { path: () => '/mot-de-passe-oublie/envoyer', form: 'forgot', fields: ['email'] },
  { path: () => '/verifier-email/renvoyer', form: 'resend-verification', fields: ['confirmationEmail'] },
  { path: () => '/reinitialiser-mot-de-passe/envoyer', form: 'reset', fields: ['token', 'password', 'passwordConfirm'] },
  { path: () => '/alertes/envoyer', form: 'alert', fields: ['email', 'words', 'category', 'commune', 'radiusKm'] },
  {
    path: () => '/inscrire-mon-activite/envoyer',
    form: 'register',
    fields: ['kind', 'name', 'siret', 'rna', 'email', 'phone', 'website', 'description', 'street', 'postcode', 'commune', 'category', 'accountName', 'accountEmail', 'password', 'passwordConfirm'],
  },
  { path: (c, pick) => `/contacter/entreprises/${pick(c.slugs.entreprises.length ? c.slugs.entreprises : ['inconnue'])}/envoyer`, form: 'contact', fields: ['senderName', 'senderEmail', 'message'] },
  { path: (c, pick) => `/contacter/annonces/${pick(c.slugs.annonces.length ? c.slugs.annonces : ['inconnue'])}/envoyer`, form: 'contact', fields: ['senderName', 'senderEmail', 'message'] },
  { path: (c, pick) => `/signaler/entreprises/${pick(c.slugs.entreprises.length ? c.slugs.entreprises : ['inconnue'])}/envoyer`, form: 'report', fields: ['reason', 'message', 'reporterEmail'] },
  { path: () => '/annonces/nouvelle/envoyer', form: 'announcement', fields: ['kind', 'title', 'body', 'category', 'commune', 'priceType', 'expiresAt'] },
  { path: () => '/deconnexion/envoyer', form: 'logout', fields: [] },
  { path: (c, pick) => `/mon-espace/annonces/${pick(c.ids.announcements ?? [1])}/modifier`, form: 'announcement-edit', fields: ['title', 'body'] },
  { path: (c, pick) => `/mon-espace/annonces/${pick(c.ids.announcements ?? [1])}/cloturer`, form: 'close', fields: [] },
]

const SQL = ["' OR '1'='1", "1; DROP TABLE users; --", "') UNION SELECT password FROM users --", '1 AND SLEEP(5)', "'; SELECT pg_sleep(5); --", '%', '_', "\\'", '`id`']
const NOSQL = ['{"$gt": ""}', '{"$ne": null}', '{"$where": "sleep(5000)"}', '[$regex]=.*', '{"$expr": {"$eq": [1, 1]}}']
const FTS = ['"unterminated', 'NEAR(pain beurre)', 'pain* OR *', 'AND OR NOT', '^début', 'name:pain', '{col}:x', '(((', '")', '-*', "a''b", 'x & | ! <->', ':*', '\\']
const TRAVERSAL = ['../../../../etc/passwd', '..%2f..%2f..%2fetc%2fpasswd', '%2e%2e/%2e%2e/etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd%00.png', '....//....//etc/passwd', '%c0%ae%c0%ae/', '..;/admin']
const PROTO = ['__proto__', 'constructor', 'prototype', '__proto__[isAdmin]', 'constructor[prototype][roles]', '__defineGetter__', 'hasOwnProperty', 'toString']
const UNICODE = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e\u0644\u0627',
  '\ufeff',
  '\u200b\u200c\u200d',
  'e\u0301'.repeat(300),
  '𝕏𝔸🏳️‍🌈👨‍👩‍👧‍👦',
  'İıǅ ß ﬀ',
  '\u0085\u2028\u2029',
  '\r\n\r\n',
  'ｆｕｌｌｗｉｄｔｈ',
  '\u{10ffff}',
]
const HTML = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{7*7}}', '${7*7}', '<!--', ']]>']

/** Percent-encodes, keeping a lone surrogate as the invalid UTF-8 bytes a hostile client would send. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    return text
      .split(/([\ud800-\udfff])/)
      .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
      .join('')
  }
}

export function makeGenerator(seed: number, context: FuzzContext) {
  const random = seededRandom(seed)
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!
  const chance = (p: number) => random() < p
  let n = 0

  /** A hostile string that carries the marker (except when it would not survive anyway). */
  function hostile(marker: string): string {
    const roll = random()
    if (roll < 0.12) return `${pick(SQL)} ${marker}`
    if (roll < 0.2) return `${pick(NOSQL)}${marker}`
    if (roll < 0.32) return `${marker} ${pick(FTS)}`
    if (roll < 0.4) return `${pick(TRAVERSAL)}${marker}`
    if (roll < 0.55) return `${marker}${pick(UNICODE)}${pick(UNICODE)}`
    if (roll < 0.63) return `${pick(HTML)}${marker}`
    if (roll < 0.68) return `${marker}${'x'.repeat(pick([1000, 70_000, 300_000]))}`
    if (roll < 0.74) return pick(['', ' ', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', String(2 ** 53 + 1)])
    if (roll < 0.8) return `${marker}@${pick(['', 'x', 'exemple..fr', '[::1]', 'a'.repeat(300) + '.fr'])}`
    return `${marker} ${pick([...SQL, ...FTS, ...UNICODE, ...HTML])}`
  }

  /** A JSON value of any type, possibly nested or hostile. */
  function value(marker: string, depth = 0): unknown {
    const roll = random()
    if (roll < 0.45 || depth > 3) return hostile(marker)
    if (roll < 0.55) return pick([null, true, false, 0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2])
    if (roll < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => value(marker, depth + 1))
    const object: Record<string, unknown> = {}
    for (let i = 0; i < 1 + Math.floor(random() * 3); i++) object[chance(0.3) ? pick(PROTO) : pick(['$gt', '$ne', 'equals', 'in', 'like', 'id', 'relationTo', 'value', 'root', 'children'])] = value(marker, depth + 1)
    return object
  }

  const FIELDS = ['name', 'title', 'body', 'description', 'email', 'password', 'status', 'roles', 'owners', 'author', 'territory', 'commune', 'categories', 'slug', 'siret', 'rna', 'phone', 'website', 'latitude', 'longitude', 'openingHours', 'content', 'alt', 'message', 'senderEmail', '_verified', 'id', 'createdAt']

  function jsonObject(marker: string): Record<string, unknown> {
    const object: Record<string, unknown> = {}
    const count = 1 + Math.floor(random() * 6)
    for (let i = 0; i < count; i++) object[chance(0.15) ? pick(PROTO) : pick(FIELDS)] = value(marker)
    return object
  }

  function brokenJson(marker: string): string {
    const good = JSON.stringify(jsonObject(marker))
    return pick([
      good.slice(0, Math.max(1, Math.floor(good.length * random()))),
      `${good},`,
      `{"name": "${marker}", }`,
      `{'name': '${marker}'}`,
      `{"name": "${marker}\\x00"}`,
      `{"__proto__": {"roles": ["superadmin"]}, "name": "${marker}"}`,
      `{"a":${'['.repeat(200)}1${']'.repeat(200)}, "name": "${marker}"}`,
      `"${marker}"`,
      `[${good}]`,
      `{"name": "${marker}", "name": "${marker}2"}`,
      `{"name": "\\ud800${marker}"}`,
      good,
    ])
  }

  function queryString(marker: string, keys = QUERY_KEYS): string {
    const params: string[] = []
    const count = 1 + Math.floor(random() * 4)
    for (let i = 0; i < count; i++) {
      const key = chance(0.15) ? `${pick(keys)}[${pick([...PROTO, '$gt', 'equals', '0', ''])}]` : pick(keys)
      const raw = hostile(marker)
      const encoded = chance(0.9) ? encode(raw.slice(0, 4000)) : raw.slice(0, 500).replace(/[#\s]/g, '')
      params.push(`${encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encoded}`)
    }
    return `?${params.join('&')}`
  }

  const detailPath = (marker: string) => {
    const section = pick(['entreprises', 'associations', 'services', 'annonces', 'categories', 'communes'] as const)
    const known = context.slugs[section]
    const slug = known.length && chance(0.4) ? pick(known) : encode(hostile(marker).slice(0, 300))
    return `/${section}/${slug}`
  }

  function formBody(fields: string[], marker: string, form: string): { body: string | Uint8Array; type: string } {
    const params = new URLSearchParams()
    if (context.formToken && chance(0.7)) params.append('_jeton', context.formToken(form))
    else if (chance(0.5)) params.append('_jeton', hostile(marker).slice(0, 200))
    for (const field of fields) if (chance(0.85)) params.append(field, chance(0.3) ? `Valeur ${marker}` : hostile(marker))
    if (chance(0.2)) params.append(pick(PROTO), marker)
    if (chance(0.1)) params.append(pick(FIELDS), hostile(marker))
    const roll = random()
    if (roll < 0.7) return { body: params.toString(), type: 'application/x-www-form-urlencoded' }
    if (roll < 0.8) return { body: `--b\r\nContent-Disposition: form-data; name="title"\r\n\r\n${marker}\r\n--b`, type: 'multipart/form-data; boundary=b' }
    if (roll < 0.88) return { body: JSON.stringify(Object.fromEntries(params)), type: 'application/json' }
    if (roll < 0.94) return { body: `${params.toString()}&%E0%A4%A=%&&==`, type: 'application/x-www-form-urlencoded' }
    return { body: `title=${marker}${'A'.repeat(80_000)}`, type: 'application/x-www-form-urlencoded' }
  }

  function graphqlQuery(marker: string): string {
    const collection = pick(['Businesses', 'Announcements', 'Users', 'Categories', 'Communes', 'Services'])
    return pick([
      `{ ${collection}(where: { name: { like: ${JSON.stringify(hostile(marker).slice(0, 200))} } }) { docs { id } } }`,
      `{ ${collection}(limit: -1, page: 99999999) { docs { id } } }`,
      `mutation { createBusiness(data: { name: ${JSON.stringify(marker)} }) { id } }`,
      `mutation { createUser(data: { email: "${marker}@exemple.fr", password: "x", roles: superadmin }) { id } }`,
      `{ ${'a { '.repeat(60)}id${' }'.repeat(60)} }`,
      `{ __schema { types { name fields { name } } } }`,
      `query ${marker} { ${collection} { docs { id ${'id '.repeat(500)} } } }`,
      marker,
    ])
  }

  function next(): FuzzRequest {
    n += 1
    const marker = `fz${seed}q${n}`
    const headers: Record<string, string> = { accept: pick(['text/html', 'application/json', '*/*']) }
    const roll = random()
    if (roll < 0.22) {
      return { n, marker, method: 'GET', path: `${pick(PAGES)}${queryString(marker)}`, headers, kind: 'page + query' }
    }
    if (roll < 0.32) {
      const path = chance(0.5) ? detailPath(marker) : `/${pick(['site', 'vendor', 'api/media/file', '_next/static', 'admin'])}/${pick(TRAVERSAL)}`
      return { n, marker, method: 'GET', path: `${path}${chance(0.3) ? queryString(marker) : ''}`, headers, kind: 'path' }
    }
    if (roll < 0.52) {
      const spec = pick(FORMS)
      const { body, type } = formBody(spec.fields, marker, spec.form)
      return { n, marker, method: 'POST', path: `${spec.path(context, pick)}${chance(0.2) ? queryString(marker) : ''}`, headers: { ...headers, accept: 'text/html', 'content-type': type, origin: 'SELF' }, body, kind: `form ${spec.form}` }
    }
    if (roll < 0.66) {
      const collection = pick(COLLECTIONS)
      return { n, marker, method: 'GET', path: `/api/${collection}${queryString(marker, ['where', 'where[name][like]', 'where[or][0][id][equals]', 'sort', 'limit', 'page', 'depth', 'select', 'populate', 'locale', 'draft', 'trash', 'joins'])}`, headers, kind: 'REST list' }
    }
    if (roll < 0.76) {
      const collection = pick(COLLECTIONS)
      const known = context.ids[collection] ?? []
      const id = known.length && chance(0.4) ? String(pick(known)) : encode(hostile(marker).slice(0, 300))
      const method = pick(['GET', 'PATCH', 'DELETE'] as const)
      const body = method === 'PATCH' ? (chance(0.7) ? JSON.stringify(jsonObject(marker)) : brokenJson(marker)) : undefined
      return { n, marker, method, path: `/api/${collection}/${id}`, headers: { ...headers, 'content-type': 'application/json' }, body, kind: `REST ${method} by id` }
    }
    if (roll < 0.9) {
      const path = pick([
        ...COLLECTIONS.map((c) => `/api/${c}`),
        '/api/users/login',
        '/api/users/forgot-password',
        '/api/users/reset-password',
        '/api/users/first-register',
        `/api/users/verify/${marker}`,
        '/api/users/unlock',
        '/api/users/refresh-token',
        '/api/users/logout',
      ])
      const roll2 = random()
      const body = roll2 < 0.6 ? JSON.stringify(jsonObject(marker)) : brokenJson(marker)
      const type = roll2 < 0.92 ? 'application/json' : pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', ''])
      return { n, marker, method: 'POST', path, headers: { ...headers, 'content-type': type }, body, kind: 'REST write' }
    }
    if (roll < 0.95) {
      const body = chance(0.8) ? JSON.stringify({ query: graphqlQuery(marker), variables: chance(0.3) ? value(marker) : undefined }) : brokenJson(marker)
      return { n, marker, method: 'POST', path: '/api/graphql', headers: { ...headers, 'content-type': 'application/json' }, body, kind: 'GraphQL' }
    }
    const path = pick([
      `/api/search${queryString(marker, ['q', 'territory', 'category', 'commune', 'kind', 'announcementKind', 'price', 'lat', 'lng', 'radiusKm', 'sort', 'limit', 'page', 'near'])}`,
      `/api/open-data/${encode(hostile(marker).slice(0, 100))}/${pick(['entreprises.csv', 'associations.json', `${marker}.csv`, '..%2f..%2fpackage.json'])}`,
      `/api/open-data/schema/${encode(hostile(marker).slice(0, 100))}`,
      `/api/sirene/${encode(hostile(marker).slice(0, 100))}`,
      `/api/rapports/bilan.csv${queryString(marker, ['from', 'to', 'territory', 'period'])}`,
    ])
    return { n, marker, method: 'GET', path, headers, kind: 'custom endpoint' }
  }

  return { next }
}
