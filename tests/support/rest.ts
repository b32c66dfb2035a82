import { DEMO_PASSWORD, DEMO_USERS, type DemoRole, INSEE } from './fixtures'

export type Session = { role: DemoRole | 'anonymous'; token?: string }

/** Logs a demo account in through the REST API and returns its JWT. */
export async function login(baseUrl: string, role: DemoRole): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_USERS[role], password: DEMO_PASSWORD }),
  })
  if (!res.ok) throw new Error(`login ${role} → ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { token: string }
  return { role, token: body.token }
}

export async function api(
  baseUrl: string,
  session: Session | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = {}
  if (session?.token) headers.authorization = `JWT ${session.token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  let json: any = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = { raw: text }
  }
  return { status: res.status, json }
}

/**
 * A business of the demo's Grandvilliers in its first category, posted through REST as
 * `session`, with `fields` (name, status, hours…): a browser file's own entry, so that the
 * demo's stay as the other files on the same server expect them.
 */
export async function postGrandvilliersBusiness(baseUrl: string, session: Session, fields: Record<string, unknown>) {
  const commune = (await api(baseUrl, session, 'GET', `/api/communes?where[inseeCode][equals]=${INSEE.grandvilliers}&depth=0`)).json.docs[0]
  const category = (await api(baseUrl, session, 'GET', '/api/categories?limit=1&depth=0')).json.docs[0]
  return api(baseUrl, session, 'POST', '/api/businesses', { categories: [category.id], commune: commune.id, ...fields })
}
