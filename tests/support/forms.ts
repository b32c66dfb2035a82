/**
 * Posting the public site's forms as a browser without JavaScript does: read the signed
 * token from the page, then POST urlencoded fields with the same origin, not following
 * the 303 answer.
 */
export async function formToken(url: string, cookie?: string): Promise<string> {
  const res = await fetch(url, { headers: cookie ? browserHeaders(cookie) : {} })
  const html = await res.text()
  // The page's own form, inside <main>: a logged-in header carries the logout form's token first.
  const main = html.indexOf('<main')
  const match = html.slice(main >= 0 ? main : 0).match(/name="_jeton" value="([^"]+)"/)
  if (!match) throw new Error(`Pas de jeton de formulaire sur ${url} (${res.status})`)
  return match[1]!
}

/** What a browser sends with a same-site navigation (Payload reads the session cookie only then). */
export function browserHeaders(cookie: string): Record<string, string> {
  return { cookie, 'sec-fetch-site': 'same-origin' }
}

export async function postForm(url: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  const origin = new URL(url).origin
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin,
      'sec-fetch-site': 'same-origin',
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields),
  })
}

/** Extra ports for the servers a test starts itself: TEST_EXTRA_PORT_BASE, +1, +2… */
export function extraPort(offset: number): number {
  return Number(process.env.TEST_EXTRA_PORT_BASE || 3930) + offset
}
