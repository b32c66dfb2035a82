import { unsubscribeAlert } from '@/contributions/alerts'
import { seeOther } from '@/forms/http'
import { sitePayload } from '@/site/payload'

/**
 * One-click unsubscribe: the link in each digest (GET, then a confirmation page) and the
 * List-Unsubscribe-Post of mail clients (RFC 8058, POST).
 */
async function unsubscribe(request: Request): Promise<'done' | 'invalid'> {
  const url = new URL(request.url)
  return unsubscribeAlert(await sitePayload(), url.searchParams.get('alerte') ?? undefined, url.searchParams.get('signature') ?? undefined)
}

export async function GET(request: Request): Promise<Response> {
  const outcome = await unsubscribe(request)
  return seeOther(outcome === 'done' ? '/alertes/desinscrite' : '/alertes/desinscrite?invalide=1')
}

export async function POST(request: Request): Promise<Response> {
  const outcome = await unsubscribe(request)
  return new Response(outcome === 'done' ? 'Désinscription enregistrée.\n' : 'Lien de désinscription invalide.\n', {
    status: outcome === 'done' ? 200 : 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
