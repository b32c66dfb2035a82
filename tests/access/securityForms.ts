/**
 * What the security suites share: the session cookie of an actor and the public forms posted
 * as a browser of the site under test posts them, with a signed form token.
 */
import { issueFormToken } from '@/forms/guard'

import type { World } from './world'

/** The secret of the shared test servers (scripts/test.mjs): form tokens are signed with it. */
export const TEST_SECRET = 'test-secret-not-for-production'

/** The session cookie and a form poster for the world `getWorld` gives once the suite has started. */
export function formPoster(getWorld: () => World) {
  const cookieOf = (actor: Parameters<World['session']>[0]) => `payload-token=${getWorld().session(actor)!.token}`

  /** POSTs a public form as a browser of this site would, with a token issued 5 s ago. */
  async function postForm(
    path: string,
    form: string,
    fields: Record<string, string | string[]>,
    options: { actor?: Parameters<World['session']>[0]; origin?: string | null; token?: string | null } = {},
  ): Promise<Response> {
    const world = getWorld()
    const userId = options.actor && options.actor !== 'anonymous' ? world.userId(options.actor as never) : null
    const body = new URLSearchParams()
    const token = options.token === undefined ? issueFormToken(form, userId, Date.now() - 5000) : options.token
    if (token !== null) body.append('_jeton', token)
    for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
    if (options.origin !== null) headers.origin = options.origin ?? world.baseUrl
    if (options.actor && options.actor !== 'anonymous') headers.cookie = cookieOf(options.actor)
    return fetch(`${world.baseUrl}${path}`, { method: 'POST', headers, body, redirect: 'manual' })
  }

  return { cookieOf, postForm }
}
