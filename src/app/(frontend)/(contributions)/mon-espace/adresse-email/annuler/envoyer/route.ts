import { cancelEmailChange, EMAIL_CHANGE_CANCEL_PATH } from '@/contributions/emailChange'
import { sameOrigin } from '@/forms/guard'
import { formValues, readFormBody, seeOther } from '@/forms/http'
import { sitePayload } from '@/site/payload'

/** The button of the cancellation page: the signed link is used here, never by a GET. */
export async function POST(request: Request): Promise<Response> {
  const body = await readFormBody(request)
  if (!body.ok) return body.response
  if (!sameOrigin(request)) return seeOther(`${EMAIL_CHANGE_CANCEL_PATH}?resultat=invalide`)
  const { compte, signature } = formValues(body.data)
  const outcome = await cancelEmailChange(await sitePayload(), compte, signature)
  return seeOther(`${EMAIL_CHANGE_CANCEL_PATH}?resultat=${outcome === 'cancelled' ? 'annule' : 'invalide'}`)
}
