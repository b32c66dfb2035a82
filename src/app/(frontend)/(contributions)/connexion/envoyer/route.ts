import { logIn } from '@/contributions/accounts'
import { sessionCookie } from '@/contributions/session'
import { handleForm, safeNext } from '@/forms/handle'
import { seeOther } from '@/forms/http'
import { loginSchema } from '@/forms/schemas'
import { sitePayload } from '@/site/payload'

export async function POST(request: Request): Promise<Response> {
  const next = safeNext(new URL(request.url).searchParams.get('suite'))
  return handleForm({
    request,
    form: 'login',
    page: `/connexion?suite=${encodeURIComponent(next)}`,
    schema: loginSchema,
    // A password manager fills and sends the form at once: no minimum time here. Guessing is
    // held back by the login limit per address (src/server/rateLimits.ts) and Payload's
    // lock of the account after `maxLoginAttempts` (collections/Users).
    tolerate: ['too-fast'],
    onValid: async (data) => {
      const result = await logIn(await sitePayload(), data)
      if (!result.ok) return { errors: result.errors }
      return seeOther(next, { 'Set-Cookie': sessionCookie(result.token, result.maxAgeSeconds) })
    },
  })
}
