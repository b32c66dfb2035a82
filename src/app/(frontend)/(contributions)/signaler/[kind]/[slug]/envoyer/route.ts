import { submitReport } from '@/contributions/reports'
import { viewerOf } from '@/contributions/session'
import { findTarget } from '@/contributions/targets'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { reportSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'
import { requestTerritory } from '@/territories/requestTerritory'

type Context = { params: Promise<{ kind: string; slug: string }> }

export async function POST(request: Request, context: Context): Promise<Response> {
  const { kind, slug } = await context.params
  const page = `/signaler/${encodeURIComponent(kind)}/${encodeURIComponent(decodeURIComponent(slug))}`
  const payload = await sitePayload()
  const viewer = await viewerOf(payload, request.headers)
  return handleForm({
    request,
    form: 'report',
    page,
    decoy: `${page}?envoye=1`,
    userId: viewer?.id,
    schema: reportSchema,
    onValid: async (input) => {
      const territory = await requestTerritory(payload, request)
      const target = await findTarget(payload, kind, decodeURIComponent(slug), territory?.id)
      if (!target) return new Response('Fiche introuvable.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
      const result = await submitReport(payload, target, input)
      if (!result.ok) return { errors: result.errors }
      return seeOther(`${page}?envoye=1`)
    },
  })
}
