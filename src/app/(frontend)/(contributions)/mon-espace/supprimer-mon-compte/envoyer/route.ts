import { clearSessionCookie, viewerOf } from '@/contributions/session'
import { checkFormGuard } from '@/forms/guard'
import { formValues, readFormBody, seeOther } from '@/forms/http'
import { canDeleteOwnAccount, deleteAccount } from '@/privacy/accountData'
import { sitePayload } from '@/site/payload'

const PAGE = '/mon-espace/supprimer-mon-compte'

/** Deletes the signed-in account once its owner ticked the confirmation box (see the page). */
export async function POST(request: Request): Promise<Response> {
  const body = await readFormBody(request)
  if (!body.ok) return body.response
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther(`/connexion?suite=${PAGE}`)
  const values = formValues(body.data)
  // A deliberate click on a page already read: no minimum time, but the token bound to the account.
  const failure = checkFormGuard(request, values, 'account-delete', viewer.id, Date.now() + 60_000)
  if (failure) return seeOther(`${PAGE}?erreur=formulaire#erreur`)
  if (values.confirmation !== 'oui') return seeOther(`${PAGE}?erreur=confirmation#erreur`)
  if (!canDeleteOwnAccount(viewer)) return seeOther(PAGE)
  await deleteAccount(payload, viewer)
  payload.logger.info(`Compte ${viewer.id} supprimé à la demande de son titulaire.`)
  return seeOther('/compte-supprime', { 'Set-Cookie': clearSessionCookie() })
}
