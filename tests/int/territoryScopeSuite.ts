import { createLocalReq, handleEndpoints, type CollectionSlug, type Payload, type TypedUser } from 'payload'
import sharp from 'sharp'

import { DEMO_PASSWORD, DEMO_USERS, INSEE } from '../support/fixtures'
import { bootLocalPayload } from '../support/localPayload'

type Id = number | string
type Doc = Record<string, any>

/** Accounts of the demo territory (A, Picardie Verte) and of the second one (B, Portes de Sologne). */
type RoleA = 'superadmin' | 'admin' | 'editor' | 'viewer' | 'owner' | 'resident'
const SOLOGNE = { adminB: 'admin.sologne@annuaire.example', editorB: 'mairie.laferte@annuaire.example', residentB: 'habitant.sologne@annuaire.example' } as const
type RoleB = keyof typeof SOLOGNE

/**
 * Every key a shared hook (src/hooks, collections/∗/hooks) reads from `data` or
 * `originalDoc`, to be sent to every collection whatever it declares.
 */
export const HOOK_KEYS = [
  'commune',
  'territory',
  'owners',
  'author',
  'status',
  'reviewState',
  'roles',
  'communes',
  'uploadedBy',
  'provider',
  'kind',
  'postcode',
] as const
type HookKey = (typeof HOOK_KEYS)[number]

/** What the attack must never change: who a document belongs to and what it may do. */
const GUARDED = ['territory', 'owners', 'author', 'status', 'roles', 'uploadedBy', 'communes'] as const
/** Moderators of an entry's territory choose its owners or author (moderatorField): not an attack. */
const MODERATOR_CHOICES: readonly string[] = ['owners', 'author']
const isModerator = (role: string) => role === 'admin' || role === 'editor'

/**
 * Territory isolation (issue 17), run once per database on the two demo territories:
 * keys a hook reads sent to every collection as every role, an owner moving an entry to
 * another territory, host names, admin edit locks and sessions after a password change.
 */
export function territoryScopeSuite(kind: 'sqlite' | 'postgres') {
  let payload: Payload
  let cleanup: () => Promise<void>
  const users = {} as Record<RoleA | RoleB, TypedUser>
  const territory = { A: 0 as Id, B: 0 as Id }
  const commune = { A1: 0 as Id, B1: 0 as Id }
  let category: Id
  let businessB: Id
  let siretSeq = 900
  let seq = 0

  beforeAll(async () => {
    process.env.JOBS_AUTORUN = '0'
    process.env.DEMO_PASSWORD ??= DEMO_PASSWORD
    ;({ payload, cleanup } = await bootLocalPayload(kind, { demo: true }))
    const { seedDemoIfEmpty } = await import('@/seed/demo')
    await seedDemoIfEmpty(payload, () => {})
    const byEmail = async (email: string) => {
      const found = await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })
      return { ...found.docs[0]!, collection: 'users' } as TypedUser
    }
    for (const role of ['superadmin', 'admin', 'editor', 'viewer', 'owner', 'resident'] as const) users[role] = await byEmail(DEMO_USERS[role])
    for (const role of Object.keys(SOLOGNE) as RoleB[]) users[role] = await byEmail(SOLOGNE[role])
    const communeId = async (inseeCode: string) =>
      (await payload.find({ collection: 'communes', where: { inseeCode: { equals: inseeCode } }, overrideAccess: true, depth: 0 })).docs[0]!
    const a1 = await communeId(INSEE.grandvilliers)
    const b1 = await communeId('45146')
    commune.A1 = a1.id
    commune.B1 = b1.id
    territory.A = a1.territory as Id
    territory.B = b1.territory as Id
    category = (await payload.find({ collection: 'categories', where: { territory: { exists: false } }, limit: 1, overrideAccess: true })).docs[0]!.id
    businessB = (await payload.find({ collection: 'businesses', where: { territory: { equals: territory.B } }, limit: 1, overrideAccess: true })).docs[0]!.id
  }, 300_000)

  afterAll(async () => {
    await cleanup?.()
  })

  const idOf = (value: unknown): unknown => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)
  const norm = (value: unknown): unknown => (Array.isArray(value) ? value.map((v) => String(idOf(v))).sort() : value == null ? null : String(idOf(value)))
  const guarded = (doc: Doc) => Object.fromEntries(GUARDED.filter((k) => k in doc).map((k) => [k, norm(doc[k])]))

  /** A value for a key that points at the other territory (or grants more). */
  function foreignValue(key: HookKey): unknown {
    switch (key) {
      case 'commune':
        return commune.B1
      case 'territory':
        return territory.B
      case 'owners':
        return [users.adminB.id]
      case 'author':
      case 'uploadedBy':
        return users.adminB.id
      case 'status':
        return 'published'
      case 'reviewState':
        return 'ok'
      case 'roles':
        return ['superadmin']
      case 'communes':
        return [commune.B1]
      case 'provider':
        return { relationTo: 'businesses', value: businessB }
      case 'kind':
        return 'notice'
      case 'postcode':
        return '45240'
    }
  }

  async function png() {
    return sharp({ create: { width: 4, height: 4, channels: 3, background: '#357' } }).png().toBuffer()
  }

  /** Valid data for a new document of a collection, as the given role would write it. */
  function freshData(slug: string, role: RoleA): Doc {
    const marker = `portee-${kind}-${++seq}`
    switch (slug) {
      case 'users':
        return { name: `Compte ${marker}`, email: `${marker}@annuaire.example`, password: 'Portee-Essai-2026-long!', roles: ['resident'] }
      case 'pages':
        return { title: `Page ${marker}`, slug: 'a-propos' }
      case 'categories':
        return { name: `Catégorie ${marker}` }
      case 'media':
        return { alt: `Image ${marker}` }
      case 'businesses':
      case 'associations':
        return {
          name: `Fiche ${marker}`,
          categories: [category],
          commune: commune.A1,
          description: 'Fiche des essais de cloisonnement.',
          ...(slug === 'businesses' ? { siret: undefined } : {}),
        }
      case 'announcements':
        return { kind: role === 'owner' || role === 'resident' ? 'offer' : 'notice', title: `Annonce ${marker}`, body: 'Annonce des essais de cloisonnement.', commune: commune.A1 }
      default:
        throw new Error(slug)
    }
  }

  /** Who may create and who may update what (the access table), for territory A's accounts. */
  const WRITERS: Array<{ slug: CollectionSlug; create: RoleA[]; update: RoleA[] }> = [
    { slug: 'users', create: ['admin'], update: ['admin', 'editor', 'viewer', 'owner', 'resident'] },
    { slug: 'pages', create: ['admin'], update: ['admin'] },
    { slug: 'categories', create: ['admin', 'editor'], update: ['admin', 'editor'] },
    { slug: 'media', create: ['admin', 'editor', 'owner', 'resident'], update: ['admin', 'editor', 'owner', 'resident'] },
    { slug: 'businesses', create: ['admin', 'editor', 'owner'], update: ['admin', 'editor', 'owner'] },
    { slug: 'associations', create: ['admin', 'editor', 'owner'], update: ['admin', 'editor', 'owner'] },
    { slug: 'announcements', create: ['admin', 'editor', 'resident'], update: ['admin', 'editor', 'resident'] },
  ]

  /** Keys sent to a collection: every hook key but those it declares and a writer may legitimately set. */
  function keysFor(slug: string): HookKey[] {
    // The commune of an entry is its to choose (a move is the subject of its own test below).
    return HOOK_KEYS.filter((key) => !(key === 'commune' && ['businesses', 'associations', 'announcements', 'services'].includes(slug)))
  }

  async function createAs(slug: CollectionSlug, role: RoleA, extra: Doc = {}): Promise<Doc> {
    const data = { ...freshData(slug, role), ...extra }
    const file = slug === 'media' ? { data: await png(), mimetype: 'image/png', name: `${data.alt}.png`.replace(/\s/g, '-'), size: 0 } : undefined
    if (file) file.size = file.data.length
    return (await payload.create({
      collection: slug,
      data: data as never,
      user: users[role],
      overrideAccess: false,
      depth: 0,
      disableVerificationEmail: true,
      context: { skipNotify: true },
      ...(file ? { file } : {}),
    } as never)) as Doc
  }

  const targets = new Map<string, Doc>()

  /** The document an update attack targets, written by the role itself (or its own account); one per collection and role. */
  async function targetFor(slug: CollectionSlug, role: RoleA): Promise<Doc> {
    const key = `${slug}:${role}`
    if (!targets.has(key)) targets.set(key, await newTarget(slug, role))
    return targets.get(key)!
  }

  async function newTarget(slug: CollectionSlug, role: RoleA): Promise<Doc> {
    if (slug === 'users') return (await payload.findByID({ collection: 'users', id: users[role].id, depth: 0, overrideAccess: true })) as Doc
    const created = await createAs(slug, role)
    if (['businesses', 'associations', 'announcements'].includes(slug)) {
      // Published, as an owner's live entry: the attack must not unpublish or re-home it.
      return (await payload.update({ collection: slug, id: created.id, data: { status: 'published' } as never, overrideAccess: true, depth: 0, context: { skipNotify: true } })) as Doc
    }
    return created
  }

  /** The French messages of a refused write (Payload's ValidationError keeps them per field). */
  async function refusal(write: Promise<unknown>): Promise<string> {
    try {
      await write
    } catch (error) {
      const data = (error as { data?: { errors?: Array<{ message?: string }> } }).data
      return [(error as Error).message, ...(data?.errors ?? []).map((e) => e.message ?? '')].join(' | ')
    }
    return 'accepté'
  }

  const stored = async (slug: CollectionSlug, id: Id) => (await payload.findByID({ collection: slug, id, depth: 0, overrideAccess: true })) as Doc

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

  it('lets an owner move his published entry to a commune of territory B only back into moderation there; staff of A cannot move it; the national administrator can', async () => {
    const { demoSiret } = await import('@/seed/luhn')
    const business = await createAs('businesses', 'owner', { siret: demoSiret(++siretSeq) })
    await payload.update({ collection: 'businesses', id: business.id, data: { status: 'published' }, overrideAccess: true, context: { skipNotify: true } })
    const moved = await payload.update({
      collection: 'businesses',
      id: business.id,
      data: { commune: commune.B1 as number, postcode: '45240' },
      user: users.owner,
      overrideAccess: false,
      depth: 0,
    })
    expect({ territory: norm(moved.territory), status: moved.status }).toEqual({ territory: String(territory.B), status: 'pending' })
    // Territory B's moderators now see it in their queue, territory A's do not.
    const queueB = await payload.find({ collection: 'businesses', where: { id: { equals: business.id } }, user: users.adminB, overrideAccess: false })
    expect(queueB.docs).toHaveLength(1)
    const readA = await payload.find({ collection: 'businesses', where: { id: { equals: business.id } }, user: users.admin, overrideAccess: false })
    expect(readA.docs).toHaveLength(0)

    const staffEntry = await createAs('businesses', 'admin', { siret: demoSiret(++siretSeq) })
    await expect(
      payload.update({ collection: 'businesses', id: staffEntry.id, data: { commune: commune.B1 as number }, user: users.admin, overrideAccess: false }),
    ).rejects.toThrow()
    expect(norm((await stored('businesses', staffEntry.id)).territory)).toBe(String(territory.A))

    const national = await payload.update({
      collection: 'businesses',
      id: staffEntry.id,
      data: { commune: commune.B1 as number, postcode: '45240' },
      user: users.superadmin,
      overrideAccess: false,
      depth: 0,
    })
    expect({ territory: norm(national.territory), status: national.status }).toEqual({ territory: String(territory.B), status: 'published' })
  })

  it('refuses, in French, a host name that already serves another territory (any case or port); keeps a new one, normalised', async () => {
    const hostB = ((await stored('territories', territory.B)).hostnames as string[])[0]!
    expect(hostB).toBeTruthy()
    for (const attempt of [hostB, hostB.toUpperCase(), `${hostB}:3000`, `https://${hostB}/`]) {
      expect(
        await refusal(payload.update({ collection: 'territories', id: territory.A, data: { hostnames: ['annuaire.picardie.example', attempt] }, user: users.superadmin, overrideAccess: false })),
      ).toMatch(/Le nom de domaine « .+ » sert déjà le territoire « .+ »/)
    }
    expect((await stored('territories', territory.B)).hostnames).toEqual([hostB])
    const ownHosts = (await stored('territories', territory.A)).hostnames as string[]
    // A territory administrator sets none at all: e-mail links of every account trust these hosts.
    for (const attempt of [hostB, 'piege.example']) {
      await payload.update({ collection: 'territories', id: territory.A, data: { hostnames: [...ownHosts, attempt] }, user: users.admin, overrideAccess: false }).catch(() => null)
      expect((await stored('territories', territory.A)).hostnames).toEqual(ownHosts)
    }
    const updated = await payload.update({
      collection: 'territories',
      id: territory.A,
      data: { hostnames: [...ownHosts, 'Annuaire.Picardie-Verte.EXAMPLE'] },
      user: users.superadmin,
      overrideAccess: false,
    })
    expect(updated.hostnames).toEqual([...ownHosts, 'annuaire.picardie-verte.example'])
    // Saving the territory again with its own host names is fine.
    await payload.update({ collection: 'territories', id: territory.A, data: { name: updated.name }, user: users.admin, overrideAccess: false })
  })

  it('refuses another territory’s commune given as a bare id rather than a list', async () => {
    const before = await stored('users', users.editor.id)
    const outcome = await refusal(payload.update({ collection: 'users', id: users.editor.id, data: { communes: commune.B1 } as never, user: users.admin, overrideAccess: false }))
    expect(outcome).toMatch(/n’appartient pas au territoire/)
    expect((await stored('users', users.editor.id)).communes).toEqual(before.communes)
  })

  it('keeps admin edit locks to staff of the document’s territory: residents and owners create none, other territories read none', async () => {
    const locks = 'payload-locked-documents' as CollectionSlug
    const pageA = await createAs('pages', 'admin')
    const pageB = (await payload.find({ collection: 'pages', where: { territory: { equals: territory.B } }, limit: 1, overrideAccess: true })).docs[0]!
    const lockData = (role: RoleA | RoleB, collection: string, id: Id) => ({
      document: { relationTo: collection, value: id },
      globalSlug: null,
      user: { relationTo: 'users', value: users[role].id },
    })
    for (const role of ['resident', 'owner', 'viewer'] as const) {
      await expect(payload.create({ collection: locks, data: lockData(role, 'pages', pageA.id) as never, user: users[role], overrideAccess: false })).rejects.toThrow()
    }
    // In someone else's name, or on another territory's document: refused.
    await expect(payload.create({ collection: locks, data: lockData('editor', 'pages', pageA.id) as never, user: users.admin, overrideAccess: false })).rejects.toThrow()
    await expect(payload.create({ collection: locks, data: lockData('admin', 'pages', pageB.id) as never, user: users.admin, overrideAccess: false })).rejects.toThrow()
    const lock = await payload.create({ collection: locks, data: lockData('admin', 'pages', pageA.id) as never, user: users.admin, overrideAccess: false })

    const visible = async (role: RoleA | RoleB) =>
      (await payload.find({ collection: locks, where: { id: { equals: lock.id } }, user: users[role], overrideAccess: false, depth: 0 })).docs.length
    expect({ admin: await visible('admin'), editor: await visible('editor'), viewer: await visible('viewer'), superadmin: await visible('superadmin') }).toEqual({
      admin: 1,
      editor: 1,
      viewer: 1,
      superadmin: 1,
    })
    expect({ adminB: await visible('adminB'), editorB: await visible('editorB'), resident: await visible('resident'), owner: await visible('owner') }).toEqual({
      adminB: 0,
      editorB: 0,
      resident: 0,
      owner: 0,
    })
    // A colleague takes the lock over in his own name; another territory cannot release it.
    await expect(payload.delete({ collection: locks, id: lock.id, user: users.adminB, overrideAccess: false })).rejects.toThrow()
    await expect(
      payload.update({ collection: locks, id: lock.id, data: { user: { relationTo: 'users', value: users.admin.id } } as never, user: users.editor, overrideAccess: false }),
    ).rejects.toThrow()
    const taken = await payload.update({
      collection: locks,
      id: lock.id,
      data: { user: { relationTo: 'users', value: users.editor.id } } as never,
      user: users.editor,
      overrideAccess: false,
      depth: 0,
    })
    expect(norm((taken as Doc).user?.value)).toBe(String(users.editor.id))
  })

  it('ends every other session of an account whose password is changed by PATCH, keeping the one that changed it', async () => {
    const email = `sessions-${kind}-${Date.now()}@annuaire.example`
    const password = 'Sessions-Essai-2026-long!'
    const account = await payload.create({
      collection: 'users',
      data: { email, name: 'Compte des sessions', password, roles: ['resident'], territory: territory.A as number, _verified: true },
      overrideAccess: true,
      disableVerificationEmail: true,
    })
    const first = (await payload.login({ collection: 'users', data: { email, password } })).token!
    const second = (await payload.login({ collection: 'users', data: { email, password } })).token!
    const rest = async (method: string, path: string, token: string, body?: unknown) => {
      const request = new Request(`http://localhost/api${path}`, {
        method,
        headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const response = await handleEndpoints({ config: payload.config, request })
      return { status: response.status, json: (await response.json().catch(() => null)) as any }
    }
    expect((await rest('GET', '/users/me', second)).json.user?.id).toBe(account.id)
    const changed = await rest('PATCH', `/users/${account.id}`, first, { password: 'Sessions-Nouveau-2026-long!' })
    expect(changed.status).toBe(200)
    expect((await rest('GET', '/users/me', second)).json.user).toBeNull()
    expect((await rest('GET', '/users/me', first)).json.user?.id).toBe(account.id)
    // A password set by an administrator ends every session of that account.
    await payload.update({ collection: 'users', id: account.id, data: { password: 'Sessions-Admin-2026-long!' }, user: users.admin, overrideAccess: false })
    expect((await rest('GET', '/users/me', first)).json.user).toBeNull()
  })
}
