import { verifyAccount } from '@/contributions/accounts'
import { sameOrigin } from '@/forms/guard'
import { formValues, readFormBody, seeOther } from '@/forms/http'
import { sitePayload } from '@/site/payload'

/** The button of the verification page: the one-time token is used here, never by a GET. */
export async function POST(request: Request): Promise<Response> {
  const body = await readFormBody(request)
  if (!body.ok) return body.response
  if (!sameOrigin(request)) return seeOther('/verifier-email?invalide=1')
  const outcome = await verifyAccount(await sitePayload(), formValues(body.data).jeton)
  return seeOther(outcome === 'verified' ? '/verifier-email?confirmee=1' : '/verifier-email?invalide=1')
}
