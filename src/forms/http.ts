/**
 * Reading a form's body in a route handler: size limit (413), content type (415), then the
 * standard FormData. Shared by every public form; nothing here throws to the caller.
 */

export const FORM_LIMIT_BYTES = 64 * 1024
export const UPLOAD_LIMIT_BYTES = 6 * 1024 * 1024

const URLENCODED = 'application/x-www-form-urlencoded'
const MULTIPART = 'multipart/form-data'

export type FormBody = { ok: true; data: FormData } | { ok: false; response: Response }

function plain(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

/** The body of a POSTed form, or the 413/415/400 response to send instead. */
export async function readFormBody(
  request: Request,
  options: { maxBytes?: number; multipart?: boolean } = {},
): Promise<FormBody> {
  const maxBytes = options.maxBytes ?? (options.multipart ? UPLOAD_LIMIT_BYTES : FORM_LIMIT_BYTES)
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== URLENCODED && type !== MULTIPART) {
    return { ok: false, response: plain(415, 'Type de contenu refusé : envoyez le formulaire depuis la page du site.') }
  }
  const declared = Number(request.headers.get('content-length') ?? '0')
  const tooLarge = () => ({
    ok: false as const,
    response: plain(413, `Envoi trop volumineux : la limite est de ${Math.round(maxBytes / 1024)} Ko.`),
  })
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge()
  const bytes = await readLimited(request, maxBytes).catch(() => null)
  if (bytes === null) return tooLarge()
  try {
    const data = await new Response(Buffer.from(bytes), { headers: { 'Content-Type': request.headers.get('content-type')! } }).formData()
    return { ok: true, data }
  } catch {
    return { ok: false, response: plain(400, 'Formulaire illisible : rechargez la page et recommencez.') }
  }
}

/** Text values of a form (files left out), each trimmed of a trailing CR. */
export function formValues(data: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of data.entries()) {
    if (typeof value === 'string' && !(key in values)) values[key] = value
  }
  return values
}

/** All values of a repeated field (checkboxes, multiple selects). */
export function formList(data: FormData, key: string): string[] {
  return data.getAll(key).filter((v): v is string => typeof v === 'string' && v !== '')
}

/** POST, then redirect: 303 so that the browser follows with GET. */
export function seeOther(location: string, headers?: HeadersInit): Response {
  const h = new Headers(headers)
  h.set('Location', location)
  return new Response(null, { status: 303, headers: h })
}
