import type { Payload } from 'payload'

import { checkFormGuard, GUARD_MESSAGES } from '@/forms/guard'
import { formValues, readFormBody, seeOther } from '@/forms/http'
import type { User } from '@/payload-types'
import { sitePayload } from '@/site/payload'

import { viewerOf } from '@/contributions/session'

/** A one-button action of « Mon espace » on one's own announcement (renew, close). */
export async function announcementAction(
  request: Request,
  id: string,
  action: (payload: Payload, user: User, id: string) => Promise<boolean>,
  done: string,
): Promise<Response> {
  const body = await readFormBody(request)
  if (!body.ok) return body.response
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther('/connexion?suite=/mon-espace')
  const failure = checkFormGuard(request, formValues(body.data), 'announcement-action', viewer.id, Date.now() + 60_000)
  if (failure) {
    const message = failure === 'honeypot' ? GUARD_MESSAGES.token : GUARD_MESSAGES[failure]
    return new Response(`${message}\n`, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  const ok = await action(payload, viewer, id)
  if (!ok) return new Response('Cette annonce n’existe pas ou n’est pas la vôtre.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return seeOther(`/mon-espace?ok=${done}`)
}
