import type { Endpoint, PayloadRequest } from 'payload'

import { decide, ModerationError } from './decide'
import { errorNotice } from './notices'

export const DECIDE_PATH = '/moderation/decide'
/** The moderation queue's path inside the admin. */
export const QUEUE_VIEW_PATH = '/moderation'

async function readBody(req: PayloadRequest): Promise<Record<string, unknown>> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  try {
    if (type === 'application/json') return ((await req.json?.()) ?? {}) as Record<string, unknown>
    if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams((await req.text?.()) ?? ''))
    if (type === 'multipart/form-data') {
      const form = await req.formData?.()
      return form ? Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) : {}
    }
  } catch {
    throw new ModerationError(400, 'Demande illisible : renvoyez le formulaire depuis la file de modération.')
  }
  throw new ModerationError(415, 'Envoyez la décision en JSON ou par le formulaire de la file de modération.')
}

/** Where a plain form goes back to: a page of the admin only, never another site. */
export function safeReturnPath(adminRoute: string, value: unknown): string {
  const fallback = `${adminRoute}${QUEUE_VIEW_PATH}`
  if (typeof value !== 'string' || !value.startsWith(`${adminRoute}/`) || value.includes('//') || value.includes('\\')) return fallback
  try {
    const url = new URL(value, 'http://localhost')
    return url.host === 'localhost' ? `${url.pathname}${url.search}` : fallback
  } catch {
    return fallback
  }
}

function redirectTo(path: string, params: Record<string, string | undefined>): Response {
  const url = new URL(path, 'http://localhost')
  for (const key of ['notice', 'item', 'sent', 'tone', 'reason', 'open']) url.searchParams.delete(key)
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value)
  return new Response(null, { status: 303, headers: { Location: `${url.pathname}${url.search}`, 'Cache-Control': 'no-store' } })
}

/**
 * POST /api/moderation/decide — one decision of the moderation queue. Answers JSON to API
 * clients; a plain HTML form (no JavaScript needed) is redirected back to the queue with
 * the outcome, and on error with what was typed.
 */
export const decideEndpoint: Endpoint = {
  path: DECIDE_PATH,
  method: 'post',
  handler: async (req) => {
    const wantsJson =
      (req.headers.get('accept') ?? '').includes('application/json') ||
      (req.headers.get('content-type') ?? '').startsWith('application/json')
    let body: Record<string, unknown> = {}
    try {
      body = await readBody(req)
      const result = await decide(req.payload, req.user ?? null, body)
      if (wantsJson) return Response.json({ message: result.message, result })
      // A code, never text: see notices.ts.
      return redirectTo(safeReturnPath(req.payload.config.routes.admin, body.redirect), {
        notice: result.outcome ?? result.action,
        item: result.collection === 'reports' ? undefined : `${result.collection}:${result.id}`,
        sent: result.notified === undefined ? undefined : String(result.notified),
      })
    } catch (error) {
      if (!(error instanceof ModerationError)) {
        req.payload.logger.error({ err: error, msg: 'Décision de modération impossible' })
      }
      const status = error instanceof ModerationError ? error.status : 500
      const message =
        error instanceof ModerationError ? error.message : 'La décision n’a pas pu être enregistrée à cause d’une erreur du serveur. Réessayez dans un instant.'
      if (wantsJson) return Response.json({ errors: [{ message }] }, { status })
      const retry = body.action === 'reject' && typeof body.reason === 'string' ? body.reason.slice(0, 2000) : undefined
      return redirectTo(safeReturnPath(req.payload.config.routes.admin, body.redirect), {
        notice: errorNotice(status, body),
        reason: retry,
        open: retry !== undefined ? `${String(body.collection)}-${String(body.id)}` : undefined,
      })
    }
  },
}

export const moderationEndpoints: Endpoint[] = [decideEndpoint]
