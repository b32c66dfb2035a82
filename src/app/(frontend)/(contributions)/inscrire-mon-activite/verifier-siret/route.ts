import { viewerOf } from '@/contributions/session'
import { prefillFromSirene, SIRENE_NOTICE_FIELD } from '@/contributions/sirenePrefill'
import { flashCookie, secureCookies } from '@/forms/flash'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { siretCheckSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'
import { requestTerritory } from '@/territories/requestTerritory'

const PAGE = '/inscrire-mon-activite'

/**
 * « Vérifier le SIRET » (a second submit button of the registration form, so it works
 * without JavaScript): nothing is saved; the form comes back filled from the register.
 */
export async function POST(request: Request): Promise<Response> {
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther(`/connexion?suite=${PAGE}`)
  return handleForm({
    request,
    form: 'registration',
    page: PAGE,
    schema: siretCheckSchema,
    userId: viewer.id,
    // Checking a SIRET writes nothing: a quick click is fine, a foreign or forged form is not.
    tolerate: ['too-fast'],
    onValid: async (_data, values) => {
      const territory = await requestTerritory(payload, request)
      const outcome = await prefillFromSirene(payload, territory?.id ?? null, values)
      const headers = new Headers()
      const kept = outcome.notice ? { ...outcome.values, [SIRENE_NOTICE_FIELD]: outcome.notice } : outcome.values
      headers.append('Set-Cookie', flashCookie({ form: 'registration', values: kept, errors: outcome.errors }, secureCookies()))
      return seeOther(`${PAGE}?siret=verifie#formulaire`, headers)
    },
  })
}
