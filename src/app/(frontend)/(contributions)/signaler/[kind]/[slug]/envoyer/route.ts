import { submitReport } from '@/contributions/reports'
import { viewerOf } from '@/contributions/session'
import { findTarget } from '@/contributions/targets'
import { parseWith } from '@/forms/errors'
import { checkFormGuard } from '@/forms/guard'
import { formValues, readFormBody, seeOther } from '@/forms/http'
import { backToForm, guardFailure } from '@/forms/respond'
import { reportSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'
import { requestTerritory } from '@/territories/requestTerritory'

type Context = { params: Promise<{ kind: string; slug: string }> }

export async function POST(request: Request, context: Context): Promise<Response> {
  const { kind, slug } = await context.params
  const page = `/signaler/${encodeURIComponent(kind)}/${encodeURIComponent(decodeURIComponent(slug))}`
  const body = await readFormBody(request)
  if (!body.ok) return body.response
  const values = formValues(body.data)
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  const failure = checkFormGuard(request, values, 'report', viewer?.id)
  if (failure) return guardFailure(failure, page, `${page}?envoye=1`, 'report', values)
  const parsed = parseWith(reportSchema, values)
  if (!parsed.ok) return backToForm(page, 'report', values, parsed.errors)
  const territory = await requestTerritory(payload, request)
  const target = await findTarget(payload, kind, decodeURIComponent(slug), territory?.id)
  if (!target) return new Response('Fiche introuvable.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const result = await submitReport(payload, target, parsed.data)
  if (!result.ok) return backToForm(page, 'report', values, result.errors)
  return seeOther(`${page}?envoye=1`)
}
