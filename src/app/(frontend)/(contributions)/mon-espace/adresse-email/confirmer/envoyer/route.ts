import { confirmEmailChange, EMAIL_CHANGE_CONFIRM_PATH } from '@/contributions/emailChange'
import { sameOrigin } from '@/forms/guard'
import { formValues, readFormBody, seeOther } from '@/forms/http'
import { sitePayload } from '@/site/payload'

const RESULT = { changed: 'change', taken: 'prise', invalid: 'invalide' } as const

/** The button of the confirmation page: the one-time token is used here, never by a GET. */
export async function POST(request: Request): Promise<Response> {
  const body = await readFormBody(request)
  if (!body.ok) return body.response
  if (!sameOrigin(request)) return seeOther(`${EMAIL_CHANGE_CONFIRM_PATH}?resultat=invalide`)
  const outcome = await confirmEmailChange(await sitePayload(), formValues(body.data).jeton)
  return seeOther(`${EMAIL_CHANGE_CONFIRM_PATH}?resultat=${RESULT[outcome]}`)
}
