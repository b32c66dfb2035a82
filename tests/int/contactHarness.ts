/**
 * What the contribution suites share (contactSuite.ts): a database of its own with the demo,
 * the real route handlers of the site, forms posted as a browser would, sessions of the demo
 * accounts, and the e-mails read from the outbox.
 */
import type { Payload } from 'payload'

import { DEMO_PASSWORD, DEMO_USERS } from '../support/fixtures'
import { bootRoutesPayload } from '../support/localPayload'

import type { CapturedEmail } from './moderationOutbox'

export type Id = number | string
type Params<T> = { params: Promise<T> }
type Handler<T> = (request: Request, context: Params<T>) => Promise<Response>

// The demo gives its first territory this host name: requests and e-mail links use it.
export const ORIGIN = 'http://picardie-verte.localhost'

export type ContactHarness = ReturnType<typeof contactHarness>

/** Boots the database and the demo before the suite, and gives the suite its helpers. */
export function contactHarness(kind: 'sqlite' | 'postgres') {
  let payload: Payload
  let cleanup: () => Promise<void>
  let outbox: string
  let issueFormToken: (form: string, userId: Id | null | undefined, now?: number) => string
  const routes: Record<string, Handler<never>> = {}
  const ids = { commune: 0 as Id, otherCommune: 0 as Id, category: 0 as Id, resident: 0 as Id, editor: 0 as Id, owner: 0 as Id }
  let business: { slug: string; email: string; name: string }

  async function route(path: string): Promise<Handler<never>> {
    routes[path] ??= (await import(`@/app/(frontend)/(contributions)/${path}/route`)).POST as Handler<never>
    return routes[path]!
  }

  async function sessionOf(email: string): Promise<{ cookie: string; id: Id }> {
    const result = await payload.login({ collection: 'users', data: { email, password: DEMO_PASSWORD } })
    return { cookie: `payload-token=${result.token}`, id: result.user!.id }
  }

  /** POSTs a form as a browser would: urlencoded, with a token issued 5 s earlier. */
  async function submit(
    path: string,
    form: string,
    fields: Record<string, string>,
    options: { params?: Record<string, string>; session?: { cookie: string; id: Id }; query?: string; token?: string | null } = {},
  ): Promise<Response> {
    const handler = await route(path.replace(/\?.*$/, ''))
    const body = new URLSearchParams({
      ...(options.token === null ? {} : { _jeton: options.token ?? issueFormToken(form, options.session?.id ?? null, Date.now() - 5000) }),
      ...fields,
    })
    const url = `${ORIGIN}/${path.replace(/\[(\w+)\]/g, (_m, name: string) => options.params?.[name] ?? name)}${options.query ?? ''}`
    const request = new Request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        ...(options.session ? { cookie: options.session.cookie } : {}),
      },
      body,
    })
    return handler(request, { params: Promise.resolve(options.params ?? {}) } as never)
  }

  function linkIn(mail: CapturedEmail, path: string): URL {
    const match = mail.text.match(new RegExp(`${ORIGIN.replace(/\./g, '\\.')}${path.replace(/\//g, '\\/')}[^\\s]*`))
    if (!match) throw new Error(`Pas de lien ${path} dans « ${mail.subject} »:\n${mail.text}`)
    return new URL(match[0])
  }

  /** E-mails sent after the answer (confirmations), then those queued (relayed messages, retries). */
  async function deliverQueued() {
    const { settleBackground } = await import('@/email/background')
    await settleBackground()
    await payload.jobs.run({ queue: 'default', limit: 100 })
  }

  beforeAll(async () => {
    process.env.DEMO_PASSWORD ??= DEMO_PASSWORD
    ;({ payload, cleanup, outbox } = await bootRoutesPayload(kind, ORIGIN, { demo: true }))
    ;({ issueFormToken } = await import('@/forms/guard'))
    const user = async (email: string) =>
      (await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })).docs[0]!.id
    ids.resident = await user(DEMO_USERS.resident)
    ids.editor = await user(DEMO_USERS.editor)
    ids.owner = await user(DEMO_USERS.owner)
    const communes = (await payload.find({ collection: 'communes', where: { inseeCode: { in: ['60286', '60298'] } }, overrideAccess: true, depth: 0, sort: 'inseeCode' })).docs
    ids.commune = communes[0]!.id
    ids.otherCommune = communes[1]!.id
    ids.category = (await payload.find({ collection: 'categories', where: { name: { equals: 'Jardinage, espaces verts' } }, overrideAccess: true, depth: 0 })).docs[0]!.id
    const picardie = (await payload.find({ collection: 'territories', where: { epciCode: { equals: '246000848' } }, overrideAccess: true, depth: 0 })).docs[0]!
    const b = (
      await payload.find({
        collection: 'businesses',
        where: { status: { equals: 'published' }, territory: { equals: picardie.id } },
        overrideAccess: true,
        depth: 0,
        limit: 1,
        sort: 'name',
      })
    ).docs[0]!
    business = { slug: b.slug!, email: b.email!, name: b.name }
  }, 300_000)

  afterAll(async () => {
    await cleanup?.()
  })

  return {
    kind,
    ids,
    route,
    sessionOf,
    submit,
    linkIn,
    deliverQueued,
    get payload() {
      return payload
    },
    get outbox() {
      return outbox
    },
    get issueFormToken() {
      return issueFormToken
    },
    get business() {
      return business
    },
  }
}
