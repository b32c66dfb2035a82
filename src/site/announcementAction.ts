import type { Payload } from 'payload'

import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { guardRefusal } from '@/forms/respond'
import { actionSchema } from '@/forms/schemas'
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
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther('/connexion?suite=/mon-espace')
  return handleForm({
    request,
    form: 'announcement-action',
    page: '/mon-espace',
    schema: actionSchema,
    userId: viewer.id,
    // A deliberate click on a page already read: no minimum time, the token bound to the account.
    tolerate: ['too-fast'],
    onGuardFailure: guardRefusal,
    onValid: async () => {
      const ok = await action(payload, viewer, id)
      if (!ok) return new Response('Cette annonce n’existe pas ou n’est pas la vôtre.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
      return seeOther(`/mon-espace?ok=${done}`)
    },
  })
}
