/**
 * Territory isolation through the keys a hook reads (territoryScopeSuite.ts): every
 * beforeValidate and beforeChange hook reads only the fields its collection declares, and
 * each key, pointed at territory B and sent to every collection as every role of territory A,
 * on create and on update, is ignored or refused.
 */
import { createLocalReq, type Payload, type TypedUser } from 'payload'

import { type Doc, isModerator, MODERATOR_CHOICES, type TerritoryScopeHarness } from './territoryScopeHarness'

/** Hooks read only declared fields; no key they read lets territory A write into territory B. */
export function hookKeyTests(h: TerritoryScopeHarness) {
  const { users, territory, commune, norm, guarded, foreignValue, keysFor, createAs, targetFor, stored, WRITERS } = h
  let payload: Payload
  // Set once the harness's own beforeAll, which runs first, has booted the database.
  beforeAll(() => {
    payload = h.payload
  })

  it('has every beforeValidate and beforeChange hook of every collection read only the fields that collection declares', async () => {
    const problems = new Set<string>()
    const actors: Array<TypedUser | null> = [null, users.superadmin, users.admin, users.editor, users.viewer, users.owner, users.resident]
    // Keys the runtime itself looks up on any object a hook returns or awaits.
    const runtime = new Set(['then', 'toJSON', 'constructor', 'id'])
    for (const collection of payload.config.collections) {
      const declared = new Set(collection.flattenedFields.map((field) => field.name))
      const hooks = [...(collection.hooks.beforeValidate ?? []), ...(collection.hooks.beforeChange ?? [])]
      for (const hook of hooks) {
        for (const operation of ['create', 'update'] as const) {
          for (const user of actors) {
            const read = new Set<string>()
            // Every read is recorded and answers `undefined`, as for a key the request did not send.
            const spy = () =>
              new Proxy({} as Doc, {
                get: (_target, key) => {
                  if (typeof key === 'string') read.add(key)
                  return undefined
                },
                has: (_target, key) => {
                  if (typeof key === 'string') read.add(key)
                  return false
                },
              })
            const req = await createLocalReq({ user: user ?? undefined }, payload)
            try {
              await (hook as (args: unknown) => unknown)({
                collection,
                context: {},
                data: spy(),
                originalDoc: operation === 'update' ? spy() : undefined,
                operation,
                req,
              })
            } catch {
              // A refusal is fine: only what was read before it matters.
            }
            for (const key of read) {
              if (!declared.has(key) && !runtime.has(key)) problems.add(`${collection.slug} : le hook « ${hook.name || 'anonyme'} » lit « ${key} », champ que la collection ne déclare pas`)
            }
          }
        }
      }
    }
    expect([...problems]).toEqual([])
  })

  it('ignores, on every collection and for every role of territory A, each key a hook reads when it points at territory B (create and update)', async () => {
    const failures: string[] = []
    for (const { slug, create, update } of WRITERS) {
      for (const key of keysFor(slug)) {
        for (const role of create) {
          let doc: Doc | null = null
          try {
            doc = await createAs(slug, role, { [key]: foreignValue(key) })
          } catch {
            continue // refused: nothing stored
          }
          const saved = await stored(slug, doc.id)
          const where = `${slug} créé par ${role} avec ${key}`
          if (norm(saved.territory) !== String(territory.A)) failures.push(`${where} : territoire ${norm(saved.territory)}`)
          if ('roles' in saved && (saved.roles as string[]).includes('superadmin')) failures.push(`${where} : rôle national`)
          if (Array.isArray(saved.communes) && (norm(saved.communes) as string[]).includes(String(commune.B1))) failures.push(`${where} : commune de B`)
          for (const field of ['owners', 'author', 'uploadedBy'] as const) {
            if (isModerator(role) && MODERATOR_CHOICES.includes(field)) continue
            const value = norm(saved[field])
            if (value !== null && JSON.stringify(value).includes(String(users.adminB.id))) failures.push(`${where} : ${field} ${JSON.stringify(value)}`)
          }
          if ('status' in saved && (role === 'owner' || role === 'resident') && saved.status !== 'pending') failures.push(`${where} : statut ${saved.status}`)
        }
        for (const role of update) {
          const target = await targetFor(slug, role)
          const keep = (doc: Doc) => Object.fromEntries(Object.entries(guarded(doc)).filter(([k]) => !(isModerator(role) && MODERATOR_CHOICES.includes(k))))
          const before = keep(await stored(slug, target.id))
          try {
            await payload.update({
              collection: slug,
              id: target.id,
              data: { [key]: foreignValue(key) } as never,
              user: users[role],
              overrideAccess: false,
              depth: 0,
              context: { skipNotify: true },
            })
          } catch {
            continue // refused
          }
          const after = keep(await stored(slug, target.id))
          // Territory staff may (re)state the values they own; none may re-home, re-own or promote.
          if (JSON.stringify(after) !== JSON.stringify(before)) {
            failures.push(`${slug} modifié par ${role} avec ${key} : ${JSON.stringify(before)} → ${JSON.stringify(after)}`)
          }
        }
      }
    }
    expect(failures).toEqual([])
  }, 600_000)
}
