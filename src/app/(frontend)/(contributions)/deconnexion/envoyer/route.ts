import { clearSessionCookie } from '@/contributions/session'
import { checkFormGuard, GUARD_MESSAGES } from '@/forms/guard'
import { formValues, readFormBody, seeOther } from '@/forms/http'
import { viewerOf } from '@/contributions/session'
import { sitePayload } from '@/site/payload'

export async function POST(request: Request): Promise<Response> {
  const body = await readFormBody(request)
  if (!body.ok) return body.response
  const viewer = await viewerOf(await sitePayload(), request.headers)
  const values = formValues(body.data)
  // Logging out needs no minimum time; the token still proves the form came from the site.
  const failure = checkFormGuard(request, values, 'logout', viewer?.id, Date.now() + 60_000)
  if (failure && failure !== 'expired') {
    return new Response(`${GUARD_MESSAGES[failure === 'honeypot' ? 'token' : failure]}\n`, {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  return seeOther('/connexion?deconnecte=1', { 'Set-Cookie': clearSessionCookie() })
}
