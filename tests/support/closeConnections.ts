/**
 * Every fetch of a test opens its own connection and closes it after the answer. With
 * keep-alive, a request sent on a pooled connection at the moment the server drops it for
 * being idle (5 s) fails with « other side closed »: a browser silently retries it, Node's
 * fetch does not. Under the load of the whole suite the client's timers run late and it
 * happened (privacy.sqlite, 2026-12-06). On the loopback a new connection costs nothing.
 */
const nativeFetch = globalThis.fetch

globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))
  if (!headers.has('connection')) headers.set('connection', 'close')
  return nativeFetch(input, { ...init, headers })
}) as typeof fetch
