/**
 * The REST calls of the access table, answered in-process by Payload's local API with
 * `overrideAccess: false` and the actor's user, as Payload's own access-control tests do.
 * The same access functions, hooks and database run as behind the REST API, without the
 * HTTP round trip, the JWT check and the JSON encoding: the bulk of the table runs this way
 * and a small subset of the same cells still goes over HTTP (tests/access/tableSuite.ts).
 *
 * Only the calls the table and field cells make are understood: GET of one document, of a
 * list and of versions; POST, PATCH and DELETE of one document; POST /api/users/unlock; an
 * image upload. Answers have the shape and status the REST API gives (201 on create, 4xx
 * for Payload's errors, 500 for anything else).
 */
import type { CollectionSlug, Payload, SelectType, TypedUser, Where } from 'payload'
import { parse } from 'qs-esm'

import type { Id, Reply } from './client'

/** The user an actor's JWT stands for, as Payload's JWT strategy loads it. */
export async function userFor(payload: Payload, id: Id): Promise<TypedUser> {
  const users = payload.collections.users.config
  const user = await payload.findByID({ collection: 'users', id, depth: users.auth.depth, overrideAccess: true })
  return { ...user, collection: 'users', _strategy: 'local-jwt' } as TypedUser
}

/** REST query strings carry text: numbers for `depth`, booleans for `select`. */
function selectOf(raw: unknown): SelectType | undefined {
  if (raw === undefined || raw === null || typeof raw !== 'object') return undefined
  const walk = (value: unknown): unknown =>
    value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, walk(v)]))
      : value === 'true' || value === true
  return walk(raw) as SelectType
}

function reply(status: number, json: unknown): Reply {
  const text = JSON.stringify(json ?? null)
  return { status, json: JSON.parse(text), text }
}

/** Payload's errors carry the status the REST API answers with; anything else is a 500. */
function failure(error: unknown): Reply {
  const status = (error as { status?: unknown }).status
  const message = error instanceof Error ? error.message : String(error)
  return reply(typeof status === 'number' ? status : 500, { errors: [{ message }] })
}

export type LocalUpload = { data: Buffer; mimetype: string; name: string; alt: string }

/**
 * One REST call (`method`, `/api/…` path with its query string, JSON body) made by `user`
 * (null: an anonymous visitor) through the local API.
 */
export async function localCall(
  payload: Payload,
  user: TypedUser | null,
  method: string,
  url: string,
  body?: unknown,
  upload?: LocalUpload,
): Promise<Reply> {
  const [pathname, search = ''] = url.split('?')
  const params = parse(search, { depth: 10 }) as Record<string, unknown>
  const depth = params.depth === undefined ? undefined : Number(params.depth)
  const where = params.where as Where | undefined
  const select = selectOf(params.select)
  const parts = pathname!.replace(/^\/api\//, '').split('/')
  const collection = parts[0] as CollectionSlug
  const id = parts[1]
  const access = { overrideAccess: false, user: user ?? undefined } as const
  try {
    if (method === 'GET' && id === 'versions') {
      return reply(200, await payload.findVersions({ collection, where, depth, ...access }))
    }
    if (method === 'GET' && id !== undefined) {
      return reply(200, await payload.findByID({ collection, id, depth, select, ...access }))
    }
    if (method === 'GET') {
      return reply(200, await payload.find({ collection, where, depth, select, limit: Number(params.limit ?? 10), ...access }))
    }
    if (method === 'POST' && collection === 'users' && id === 'unlock') {
      // Payload's type asks for a password it does not use to unlock.
      const data = body as { email: string; password: string }
      await payload.unlock({ collection: 'users', data, overrideAccess: false, req: { user: user ?? undefined } })
      return reply(200, { message: 'Success' })
    }
    if (method === 'POST' && id === undefined) {
      const file = upload ? { data: upload.data, mimetype: upload.mimetype, name: upload.name, size: upload.data.length } : undefined
      const data = (upload ? { alt: upload.alt } : body) as Record<string, unknown>
      return reply(201, { doc: await payload.create({ collection, data: data as never, depth, file, ...access }) })
    }
    if (method === 'PATCH' && id !== undefined) {
      return reply(200, { doc: await payload.update({ collection, id, data: body as never, depth, ...access }) })
    }
    if (method === 'DELETE' && id !== undefined) {
      return reply(200, { doc: await payload.delete({ collection, id, depth, ...access }) })
    }
  } catch (error) {
    return failure(error)
  }
  throw new Error(`Appel non prévu par l'API locale des tests : ${method} ${url}`)
}
