/**
 * A small HTTP client for the access tests: REST calls and GraphQL queries as one actor
 * (a JWT, or nobody), with the answer parsed whatever it is.
 */
export type Id = number | string

export type Session = { token: string; userId: Id; email: string }

export type Reply = { status: number; json: any; text: string }

/** Serialises nested query parameters the way Payload reads them: `where[a][equals]=b`. */
export function query(params: Record<string, unknown>): string {
  const parts: string[] = []
  const walk = (prefix: string, value: unknown) => {
    if (value === undefined) return
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) walk(`${prefix}[${key}]`, inner)
      return
    }
    parts.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`)
  }
  for (const [key, value] of Object.entries(params)) walk(key, value)
  return parts.length ? `?${parts.join('&')}` : ''
}

export type RequestOptions = {
  /** A raw body sent as is (malformed JSON, multipart…); `body` is JSON-encoded otherwise. */
  raw?: BodyInit
  contentType?: string
  headers?: Record<string, string>
}

export async function call(
  baseUrl: string,
  session: Session | null | undefined,
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'accept-language': 'fr', ...options.headers }
  if (session) headers.authorization = `JWT ${session.token}`
  let payload: BodyInit | undefined
  if (options.raw !== undefined) {
    payload = options.raw
    if (options.contentType) headers['content-type'] = options.contentType
  } else if (body !== undefined) {
    payload = JSON.stringify(body)
    headers['content-type'] = 'application/json'
  }
  const res = await fetchOnce(`${baseUrl}${path}`, { method, headers, body: payload })
  const text = await res.text()
  let json: any = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  return { status: res.status, json, text }
}

/**
 * Kept-alive sockets the server closed while this process was busy (Payload working in the
 * same process) fail before anything is sent: such a request is sent again, on another socket.
 */
async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init)
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause
      const staleSocket = cause?.code === 'UND_ERR_SOCKET' && /other side closed/.test(cause.message ?? '')
      if (!staleSocket || attempt >= 5) throw error
    }
  }
}

export async function graphql(baseUrl: string, session: Session | null, source: string): Promise<Reply> {
  return call(baseUrl, session, 'POST', '/api/graphql', { query: source })
}

export async function login(baseUrl: string, email: string, password: string): Promise<Session> {
  const reply = await call(baseUrl, null, 'POST', '/api/users/login', { email, password })
  if (reply.status !== 200 || !reply.json?.token) {
    throw new Error(`Connexion impossible pour ${email} : ${reply.status} ${reply.text.slice(0, 300)}`)
  }
  return { token: reply.json.token, userId: reply.json.user.id, email }
}

/** The id of a relationship value, whether populated or not. */
export function idOf(value: unknown): Id | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'object') return (value as { id?: Id }).id
  return value as Id
}

export const sameId = (a: unknown, b: unknown) => idOf(a) !== undefined && String(idOf(a)) === String(idOf(b))
