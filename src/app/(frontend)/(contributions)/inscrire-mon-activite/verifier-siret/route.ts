import { requestTerritory } from '@/territories/requestTerritory'
import { viewerOf } from '@/contributions/session'
import { prefillFromSirene, SIRENE_NOTICE_FIELD } from '@/contributions/sirenePrefill'
import { flashCookie, secureCookies } from '@/forms/flash'
import { checkFormGuard } from '@/forms/guard'
import { formValues, readFormBody, seeOther } from '@/forms/http'
import { guardFailure } from '@/forms/respond'
import { sitePayload } from '@/site/payload'

const PAGE = '/inscrire-mon-activite'

/**
 * « Vérifier le SIRET » (a second submit button of the registration form, so it works
 * without JavaScript): nothing is saved; the form comes back filled from the register.
 */
export async function POST(request: Request): Promise<Response> {
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  if (!viewer) return seeOther(`/connexion?suite=${PAGE}`)
  const body = await readFormBody(request)
  if (!body.ok) return body.response
  const values = formValues(body.data)
  // Checking a SIRET writes nothing: a quick click is fine, a foreign or forged form is not.
  const failure = checkFormGuard(request, values, 'registration', viewer.id)
  if (failure && failure !== 'too-fast') return guardFailure(failure, PAGE, PAGE, 'registration', values)
  const territory = await requestTerritory(payload, request)
  const outcome = await prefillFromSirene(payload, territory?.id ?? null, values)
  const headers = new Headers()
  const kept = outcome.notice ? { ...outcome.values, [SIRENE_NOTICE_FIELD]: outcome.notice } : outcome.values
  headers.append('Set-Cookie', flashCookie({ form: 'registration', values: kept, errors: outcome.errors }, secureCookies()))
  return seeOther(`${PAGE}?siret=verifie#formulaire`, headers)
}
