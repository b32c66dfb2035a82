import { clearSessionCookie, viewerOf } from '@/contributions/session'
import { handleForm } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { guardRefusal } from '@/forms/respond'
import { actionSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'

export async function POST(request: Request): Promise<Response> {
  const viewer = await viewerOf(await sitePayload(), request.headers)
  return handleForm({
    request,
    form: 'logout',
    page: '/connexion',
    schema: actionSchema,
    userId: viewer?.id,
    // Logging out needs no minimum time and works from an old page; the token still proves
    // the form came from the site.
    tolerate: ['too-fast', 'expired'],
    onGuardFailure: guardRefusal,
    onValid: async () => seeOther('/connexion?deconnecte=1', { 'Set-Cookie': clearSessionCookie() }),
  })
}
