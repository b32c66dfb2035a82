import { viewerOf } from '@/contributions/session'
import { seeOther } from '@/forms/http'
import { exportAccountData } from '@/privacy/accountData'
import { sitePayload } from '@/site/payload'

export const dynamic = 'force-dynamic'

/** « Télécharger mes données » : every record about the signed-in account, as a JSON file. */
export async function GET(request: Request): Promise<Response> {
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther('/connexion?suite=/mon-espace')
  const data = await exportAccountData(payload, viewer)
  const day = new Date().toISOString().slice(0, 10)
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="mes-donnees-annuaire-${day}.json"`,
      'Cache-Control': 'no-store',
    },
  })
}
