/**
 * Territory isolation at its boundaries (territoryScopeSuite.ts): an owner moving an entry
 * to territory B, host names, another territory's commune given as a bare id, admin edit
 * locks, and the sessions ended by a password change.
 */
import { handleEndpoints, type CollectionSlug, type Payload } from 'payload'

import type { Doc, Id, RoleA, RoleB, TerritoryScopeHarness } from './territoryScopeHarness'

/** Moves between territories, host names, communes, edit locks and sessions. */
export function boundaryTests(h: TerritoryScopeHarness) {
  const { kind, users, territory, commune, norm, createAs, refusal, stored } = h
  let payload: Payload
  // Set once the harness's own beforeAll, which runs first, has booted the database.
  beforeAll(() => {
    payload = h.payload
  })

  it('lets an owner move his published entry to a commune of territory B only back into moderation there; staff of A cannot move it; the national administrator can', async () => {
    const { demoSiret } = await import('@/seed/luhn')
    const business = await createAs('businesses', 'owner', { siret: demoSiret(++h.siretSeq) })
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

    const staffEntry = await createAs('businesses', 'admin', { siret: demoSiret(++h.siretSeq) })
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
    const changed = await rest('PATCH', `/users/${account.id}`, first, { password: 'Sessions-Nouveau-2026-long!', currentPassword: password })
    expect(changed.status).toBe(200)
    expect((await rest('GET', '/users/me', second)).json.user).toBeNull()
    expect((await rest('GET', '/users/me', first)).json.user?.id).toBe(account.id)
    // A password set by an administrator ends every session of that account.
    await payload.update({ collection: 'users', id: account.id, data: { password: 'Sessions-Admin-2026-long!' }, user: users.admin, overrideAccess: false })
    expect((await rest('GET', '/users/me', first)).json.user).toBeNull()
  })
}
