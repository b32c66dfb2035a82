import { replyContext, submitReply } from '@/contributions/replies'
import { parseWith } from '@/forms/errors'
import { checkFormGuard } from '@/forms/guard'
import { formValues, readFormBody, seeOther } from '@/forms/http'
import { backToForm, guardFailure } from '@/forms/respond'
import { replySchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'
import { requestLinkBase } from '@/territories/publicOrigin'

/** A reply from the « Répondre » link's form, relayed by e-mail to the other party. */
export async function POST(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const link = new URLSearchParams({ message: url.searchParams.get('message') ?? '', signature: url.searchParams.get('signature') ?? '' })
  const page = `/contacter/repondre?${link}`
  const body = await readFormBody(request)
  if (!body.ok) return body.response
  const values = formValues(body.data)
  const failure = checkFormGuard(request, values, 'reply', null)
  if (failure) return guardFailure(failure, page, '/contacter/repondre?envoye=sent', 'reply', values)
  const parsed = parseWith(replySchema, values)
  if (!parsed.ok) return backToForm(page, 'reply', values, parsed.errors)
  const payload = await sitePayload()
  const context = await replyContext(payload, url.searchParams.get('message') ?? undefined, url.searchParams.get('signature') ?? undefined)
  if (!context) return seeOther(page)
  const outcome = await submitReply({ payload, context, input: parsed.data, origin: await requestLinkBase(payload, request.headers) })
  if (outcome.status === 'refused') return backToForm(page, 'reply', values, outcome.errors)
  return seeOther(`/contacter/repondre?envoye=${outcome.status}`)
}
