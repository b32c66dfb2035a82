import { unsubscribeAlert } from '@/contributions/alerts'
import { formValues, readFormBody, seeOther } from '@/forms/http'
import { sitePayload } from '@/site/payload'

/**
 * Unsubscribing from an alert. The link in each digest (GET) only leads to a page with a
 * button: a mail scanner that opens links must not unsubscribe anyone. The button and the
 * one-click List-Unsubscribe-Post of mail clients (RFC 8058) POST here.
 */
async function unsubscribe(request: Request): Promise<'done' | 'invalid'> {
  const url = new URL(request.url)
  return unsubscribeAlert(await sitePayload(), url.searchParams.get('alerte') ?? undefined, url.searchParams.get('signature') ?? undefined)
}

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const query = new URLSearchParams({ alerte: url.searchParams.get('alerte') ?? '', signature: url.searchParams.get('signature') ?? '' })
  return seeOther(`/alertes/se-desinscrire?${query}`)
}

export async function POST(request: Request): Promise<Response> {
  const body = await readFormBody(request)
  const fromPage = body.ok && formValues(body.data).depuis === 'page'
  const outcome = await unsubscribe(request)
  if (fromPage) return seeOther(outcome === 'done' ? '/alertes/desinscrite' : '/alertes/desinscrite?invalide=1')
  return new Response(outcome === 'done' ? 'Désinscription enregistrée.\n' : 'Lien de désinscription invalide.\n', {
    status: outcome === 'done' ? 200 : 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
