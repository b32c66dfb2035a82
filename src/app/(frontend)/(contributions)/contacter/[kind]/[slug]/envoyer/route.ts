import { submitContact } from '@/contributions/relay'
import { viewerOf } from '@/contributions/session'
import { findTarget } from '@/contributions/targets'
import { parseWith } from '@/forms/errors'
import { checkFormGuard } from '@/forms/guard'
import { formValues, readFormBody, seeOther } from '@/forms/http'
import { backToForm, guardFailure } from '@/forms/respond'
import { anonymousContactSchema, contactSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'
import { requestLinkBase } from '@/territories/publicOrigin'
import { requestTerritory } from '@/territories/requestTerritory'

type Context = { params: Promise<{ kind: string; slug: string }> }

export async function POST(request: Request, context: Context): Promise<Response> {
  const { kind, slug } = await context.params
  const page = `/contacter/${encodeURIComponent(kind)}/${encodeURIComponent(decodeURIComponent(slug))}`
  const body = await readFormBody(request)
  if (!body.ok) return body.response
  const values = formValues(body.data)
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  const failure = checkFormGuard(request, values, 'contact', viewer?.id)
  if (failure) return guardFailure(failure, page, `${page}?envoye=confirm`, 'contact', values)
  const parsed = parseWith(viewer ? contactSchema : anonymousContactSchema, values)
  if (!parsed.ok) return backToForm(page, 'contact', values, parsed.errors)
  const territory = await requestTerritory(payload, request)
  const target = await findTarget(payload, kind, decodeURIComponent(slug), territory?.id)
  if (!target) return new Response('Fiche introuvable.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const outcome = await submitContact({ payload, target, input: parsed.data, viewer, origin: await requestLinkBase(payload, request.headers) })
  if (outcome.status === 'refused') return backToForm(page, 'contact', values, outcome.errors)
  const code = outcome.status === 'awaiting-confirmation' ? 'confirm' : outcome.status
  return seeOther(`${page}?envoye=${code}`)
}
