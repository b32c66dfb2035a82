import { clearSessionCookie, viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { accountDeletionSchema } from '@/forms/schemas'
import { canDeleteOwnAccount, deleteAccount } from '@/privacy/accountData'
import { sitePayload } from '@/site/payload'

const PAGE = '/mon-espace/supprimer-mon-compte'

/** Deletes the signed-in account once its owner ticked the confirmation box (see the page). */
export async function POST(request: Request): Promise<Response> {
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther(`/connexion?suite=${PAGE}`)
  return handleForm({
    request,
    form: 'account-delete',
    page: PAGE,
    schema: accountDeletionSchema,
    userId: viewer.id,
    // A deliberate click on a page already read: no minimum time, but the token bound to the account.
    tolerate: ['too-fast'],
    onGuardFailure: () => seeOther(`${PAGE}?erreur=formulaire#erreur`),
    onInvalid: () => seeOther(`${PAGE}?erreur=confirmation#erreur`),
    onValid: async () => {
      if (!canDeleteOwnAccount(viewer)) return seeOther(PAGE)
      await deleteAccount(payload, viewer)
      payload.logger.info(`Compte ${viewer.id} supprimé à la demande de son titulaire.`)
      return seeOther('/compte-supprime', { 'Set-Cookie': clearSessionCookie() })
    },
  })
}
