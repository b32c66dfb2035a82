import { submitContact } from '@/contributions/relay'
import { viewerOf } from '@/contributions/session'
import { findTarget } from '@/contributions/targets'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { anonymousContactSchema, contactSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'
import { requestLinkBase } from '@/territories/publicOrigin'
import { requestTerritory } from '@/territories/requestTerritory'

type Context = { params: Promise<{ kind: string; slug: string }> }

export async function POST(request: Request, context: Context): Promise<Response> {
  const { kind, slug } = await context.params
  const page = `/contacter/${encodeURIComponent(kind)}/${encodeURIComponent(decodeURIComponent(slug))}`
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  return handleForm({
    request,
    form: 'contact',
    page,
    decoy: `${page}?envoye=confirm`,
    userId: viewer?.id,
    schema: viewer ? contactSchema : anonymousContactSchema,
    onValid: async (input) => {
      const territory = await requestTerritory(payload, request)
      const target = await findTarget(payload, kind, decodeURIComponent(slug), territory?.id)
      if (!target) return new Response('Fiche introuvable.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
      const outcome = await submitContact({ payload, target, input, viewer, origin: await requestLinkBase(payload, request.headers) })
      if (outcome.status === 'refused') return { errors: outcome.errors }
      return seeOther(`${page}?envoye=${outcome.status === 'awaiting-confirmation' ? 'confirm' : outcome.status}`)
    },
  })
}
