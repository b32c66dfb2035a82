import { replyContext, submitReply } from '@/contributions/replies'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { replySchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'
import { requestLinkBase } from '@/territories/publicOrigin'

/** A reply from the « Répondre » link's form, relayed by e-mail to the other party. */
export async function POST(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const message = url.searchParams.get('message') ?? undefined
  const signature = url.searchParams.get('signature') ?? undefined
  const page = `/contacter/repondre?${new URLSearchParams({ message: message ?? '', signature: signature ?? '' })}`
  return handleForm({
    request,
    form: 'reply',
    page,
    decoy: '/contacter/repondre?envoye=sent',
    userId: null,
    schema: replySchema,
    onValid: async (input) => {
      const payload = await sitePayload()
      const context = await replyContext(payload, message, signature)
      if (!context) return seeOther(page)
      const outcome = await submitReply({ payload, context, input, origin: await requestLinkBase(payload, request.headers) })
      if (outcome.status === 'refused') return { errors: outcome.errors }
      return seeOther(`/contacter/repondre?envoye=${outcome.status}`)
    },
  })
}
