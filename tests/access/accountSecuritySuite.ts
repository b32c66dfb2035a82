/**
 * What an attacker tries on accounts, against the running product: weak passwords on every
 * path that sets one, the login lockout, and telling a taken address from a free one
 * (issue 17). Run by securitySuite.ts.
 */
import { createHash } from 'node:crypto'

import { readFlash } from '@/forms/flash'

import { newEmails, outboxFiles } from '../int/moderationOutbox'
import { call, graphql, login, type Session } from './client'
import { formPoster } from './securityForms'
import { EXTRA_PASSWORD, type World } from './world'

/** The password policy on every path that sets a password, and the login lockout. */
export function passwordPolicyTests(getWorld: () => World) {
  let world: World
  const { postForm } = formPoster(getWorld)

  describe('password policy, on every path that sets a password', () => {
    beforeAll(() => {
      world = getWorld()
    })

    const weak: Array<[string, string]> = [
      ['too short', 'Court-1!'],
      ['a common password', 'motdepasse123'],
      ['a keyboard row', 'azertyuiop1'],
    ]

    it.each(weak)('REST sign-up refuses %s with a French message on the field', async (_what, password) => {
      const email = `${world.marker('faible')}@annuaire.example`
      const reply = await call(world.baseUrl, null, 'POST', '/api/users', { email, password, name: 'Mot de passe faible' })
      expect(reply.status).toBe(400)
      const errors = reply.json.errors.flatMap((e: { data?: { errors?: Array<{ path: string; message: string }> } }) => e.data?.errors ?? [])
      expect(errors.find((e: { path: string }) => e.path === 'password')?.message).toMatch(/mot de passe/i)
      expect(await world.findAsSuper('users', { email: { equals: email } })).toEqual([])
    })

    it('a password containing the account’s own e-mail is refused, and a strong one accepted, when changed by REST', async () => {
      const user = await world.freshUser('A')
      const session = await login(world.baseUrl, user.email, EXTRA_PASSWORD)
      const local = user.email.split('@')[0]!
      const refused = await call(world.baseUrl, session, 'PATCH', `/api/users/${user.id}`, { password: `${local}-2026`, currentPassword: EXTRA_PASSWORD })
      expect(refused.status).toBe(400)
      expect(refused.text).toMatch(/votre adresse e-mail|trop facile/)
      const accepted = await call(world.baseUrl, session, 'PATCH', `/api/users/${user.id}`, { password: 'Hirondelle-violon-cadastre-81', currentPassword: EXTRA_PASSWORD })
      expect(accepted.status).toBe(200)
    })

    it('the site sign-up and reset forms say what to fix', async () => {
      const email = `${world.marker('faible')}@annuaire.example`
      const res = await postForm('/inscription/envoyer', 'signup', { name: 'Essai', email, password: 'motdepasse123', passwordConfirm: 'motdepasse123' })
      expect(res.headers.get('location')).toContain('erreur=1')
      const cookie = /^[^=]+=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1]
      expect(readFlash(cookie, 'signup')?.errors.password).toMatch(/trop facile à deviner/)
      expect(await world.findAsSuper('users', { email: { equals: email } })).toEqual([])
    })

    it('an admin login lockout answers in French after repeated failures', async () => {
      const user = await world.freshUser('A')
      let last = await call(world.baseUrl, null, 'POST', '/api/users/login', { email: user.email, password: 'mauvais' })
      for (let i = 0; i < 6; i++) last = await call(world.baseUrl, null, 'POST', '/api/users/login', { email: user.email, password: 'mauvais' })
      expect(last.status).toBe(401)
      // French, and worded like a wrong password: « bloqué » would tell a stranger the account exists (issue 17).
      expect(last.text).toMatch(/incorrect/i)
      const right = await call(world.baseUrl, null, 'POST', '/api/users/login', { email: user.email, password: EXTRA_PASSWORD })
      expect(right.status).toBe(401)
    })
  })
}

/** Taken and free addresses get the same answers (issue 17). */
export function accountEnumerationTests(getWorld: () => World) {
  let world: World

  describe('account enumeration (issue 17): the same answer for a taken and a free address', () => {
    beforeAll(() => {
      world = getWorld()
    })

    /** An answer with the address replaced, to compare two answers about two addresses. */
    const shape = (reply: { status: number; json: unknown }, email: string) => ({
      status: reply.status,
      body: JSON.parse(JSON.stringify(reply.json ?? null).split(email).join('<adresse>')),
    })

    it('REST sign-up: a taken address answers like a new one, creates nothing, and its owner is told', async () => {
      const taken = await world.freshUser('A')
      const free = `${world.marker('libre')}@annuaire.example`
      const before = world.server.outboxDir ? outboxFiles(world.server.outboxDir) : []
      const fresh = await call(world.baseUrl, null, 'POST', '/api/users', { email: free, password: EXTRA_PASSWORD, name: 'Nouvelle' })
      const again = await call(world.baseUrl, null, 'POST', '/api/users', { email: taken.email, password: EXTRA_PASSWORD, name: 'Doublon' })
      for (const doc of await world.findAsSuper('users', { email: { equals: free } })) world.track('users', doc.id)
      expect(fresh.status).toBe(201)
      expect(shape(again, taken.email)).toEqual(shape(fresh, free))
      expect(JSON.stringify(fresh.json)).not.toMatch(/"id"/)
      expect(await world.findAsSuper('users', { email: { equals: taken.email } })).toHaveLength(1)
      // A weak password is refused alike too.
      const weakFree = await call(world.baseUrl, null, 'POST', '/api/users', { email: `${world.marker('faible')}@annuaire.example`, password: 'motdepasse123', name: 'X' })
      const weakTaken = await call(world.baseUrl, null, 'POST', '/api/users', { email: taken.email, password: 'motdepasse123', name: 'X' })
      expect([weakTaken.status, weakTaken.json]).toEqual([weakFree.status, weakFree.json])
      if (world.server.outboxDir) {
        let told: Array<{ to: string; subject: string }> = []
        for (let i = 0; i < 60 && told.length === 0; i++) {
          told = newEmails(world.server.outboxDir, before).filter((m) => m.to.includes(taken.email))
          if (told.length === 0) await new Promise((r) => setTimeout(r, 500))
        }
        expect(told.map((m) => m.subject)).toEqual([expect.stringMatching(/^Tentative de création de compte avec votre adresse/)])
      }
    })

    it('REST sign-up: what Payload would refuse is refused alike for both, other keys are dropped alike', async () => {
      const taken = await world.freshUser('A')
      const bodies: Array<[string, Record<string, unknown>]> = [
        ['no password', { name: 'Essai' }],
        ['a name of 101 characters', { name: 'n'.repeat(101), password: EXTRA_PASSWORD }],
        ['no name', { password: EXTRA_PASSWORD }],
        ['a territory that does not exist', { name: 'Essai', password: EXTRA_PASSWORD, territory: 999_999 }],
        ['a commune and a phone', { name: 'Essai', password: EXTRA_PASSWORD, communes: [world.commune.A1], phone: '0612345678' }],
      ]
      for (const [what, body] of bodies) {
        const free = `${world.marker('libre')}@annuaire.example`
        const a = await call(world.baseUrl, null, 'POST', '/api/users', { ...body, email: free })
        const b = await call(world.baseUrl, null, 'POST', '/api/users', { ...body, email: taken.email })
        for (const doc of await world.findAsSuper('users', { email: { equals: free } })) world.track('users', doc.id)
        expect({ what, ...shape(b, taken.email) }).toEqual({ what, ...shape(a, free) })
        expect({ what, serverError: a.status >= 500 }).toEqual({ what, serverError: false })
      }
    })

    it('GraphQL login: a locked account answers like a wrong password', async () => {
      const known = await world.freshUser('A')
      const attempt = (email: string, password: string) =>
        graphql(world.baseUrl, null, `mutation { loginUser(email: "${email}", password: "${password}") { token } }`)
      const wrong = await attempt(known.email, 'Pas-Le-Bon-2026-x')
      for (let i = 0; i < 5; i++) await attempt(known.email, `Mauvais-${i}-2026-x`)
      const locked = await attempt(known.email, EXTRA_PASSWORD)
      const unknown = await attempt(`${world.marker('inconnu')}@annuaire.example`, EXTRA_PASSWORD)
      const answer = (reply: { json: { errors?: Array<{ message: string; extensions?: { name?: string } }> } }) => ({
        message: reply.json.errors?.[0]?.message,
        name: reply.json.errors?.[0]?.extensions?.name,
      })
      expect(answer(wrong).name).toBe('AuthenticationError')
      expect(answer(locked)).toEqual(answer(wrong))
      expect(answer(unknown)).toEqual(answer(wrong))
    })

    it('GraphQL sign-up by a stranger is refused alike for both', async () => {
      const taken = await world.freshUser('A')
      const free = `${world.marker('libre')}@annuaire.example`
      const mutation = (email: string) => `mutation { createUser(data: { email: "${email}", password: "${EXTRA_PASSWORD}", name: "Essai", roles: [resident] }) { id } }`
      const a = await graphql(world.baseUrl, null, mutation(free))
      const b = await graphql(world.baseUrl, null, mutation(taken.email))
      expect(shape(b, taken.email)).toEqual(shape(a, free))
      expect(a.json.errors[0].message).toMatch(/Inscription : utilisez le formulaire/)
      expect(await world.findAsSuper('users', { email: { equals: free } })).toEqual([])
    })

    it('changing one’s own address: REST and GraphQL answer alike for a taken and a free one, and change nothing until confirmed', async () => {
      const other = await world.freshUser('A')
      const free = `${world.marker('nouvelle')}@annuaire.example`
      // One account per request: a second request within a minute is refused (each sends two e-mails).
      const [a, b, c, d] = await Promise.all([0, 1, 2, 3].map(() => world.freshUser('A')))
      const sessions = await Promise.all([a, b, c, d].map((u) => login(world.baseUrl, u!.email, EXTRA_PASSWORD)))
      const before = world.server.outboxDir ? outboxFiles(world.server.outboxDir) : []
      const asked = (reply: { status: number; json: { doc?: Record<string, unknown>; message?: string } }, email: string, own: string) => ({
        status: reply.status,
        message: reply.json.message,
        email: reply.json.doc?.email === own ? '<adresse actuelle>' : reply.json.doc?.email,
        pendingEmail: reply.json.doc?.pendingEmail === email ? '<adresse demandée>' : reply.json.doc?.pendingEmail,
        keys: Object.keys(reply.json.doc ?? {}).sort(),
      })
      const toFree = await call(world.baseUrl, sessions[0]!, 'PATCH', `/api/users/${a!.id}`, { email: free, currentPassword: EXTRA_PASSWORD })
      const toTaken = await call(world.baseUrl, sessions[1]!, 'PATCH', `/api/users/${b!.id}`, { email: other.email, currentPassword: EXTRA_PASSWORD })
      expect(asked(toFree, free, a!.email)).toMatchObject({ status: 200, email: '<adresse actuelle>', pendingEmail: '<adresse demandée>' })
      expect(asked(toTaken, other.email, b!.email)).toEqual(asked(toFree, free, a!.email))
      expect(toFree.text).not.toMatch(/pendingEmailToken|unique/i)
      const gql = (user: { id: unknown }, session: Session, email: string) =>
        graphql(world.baseUrl, session, `mutation { updateUser(id: ${JSON.stringify(user.id)}, data: { email: "${email}", currentPassword: "${EXTRA_PASSWORD}" }) { email pendingEmail } }`)
      expect((await gql(c!, sessions[2]!, free)).json).toEqual({ data: { updateUser: { email: c!.email, pendingEmail: free } } })
      expect((await gql(d!, sessions[3]!, other.email)).json).toEqual({ data: { updateUser: { email: d!.email, pendingEmail: other.email } } })
      for (const user of [a, b, c, d]) expect((await world.findAsSuper('users', { id: { equals: user!.id } }))[0]?.email).toBe(user!.email)
      // A second request within the minute is refused, before any lookup.
      const again = await call(world.baseUrl, sessions[0]!, 'PATCH', `/api/users/${a!.id}`, { email: other.email, currentPassword: EXTRA_PASSWORD })
      expect([again.status, again.text]).toEqual([400, expect.stringContaining('attendez une minute')])
      if (world.server.outboxDir) {
        let mails: Array<{ to: string; subject: string }> = []
        for (let i = 0; i < 60 && mails.length < 2; i++) {
          mails = newEmails(world.server.outboxDir, before).filter((m) => m.to.includes(free) || m.to.includes(a!.email))
          if (mails.length < 2) await new Promise((r) => setTimeout(r, 500))
        }
        expect(mails.filter((m) => m.to.includes(free)).map((m) => m.subject)).toContainEqual(expect.stringMatching(/^Confirmez votre nouvelle adresse e-mail/))
        expect(mails.filter((m) => m.to.includes(a!.email)).map((m) => m.subject)).toContainEqual(expect.stringMatching(/^Demande de changement d’adresse e-mail/))
      }
    })

    it('changing one’s own address: the token, its expiry and the verified state cannot be written, odd addresses are refused alike', async () => {
      const me = await world.freshUser('A')
      const other = await world.freshUser('A')
      const session = await login(world.baseUrl, me.email, EXTRA_PASSWORD)
      const wanted = `${world.marker('convoitee')}@annuaire.example`
      expect((await call(world.baseUrl, session, 'PATCH', `/api/users/${me.id}`, { email: wanted, currentPassword: EXTRA_PASSWORD })).status).toBe(200)
      // Who knows a token's hash cannot plant it: a chosen token then confirms nothing.
      const chosen = 'A'.repeat(32)
      const planted = await call(world.baseUrl, session, 'PATCH', `/api/users/${me.id}`, {
        pendingEmailToken: createHash('sha256').update(chosen).digest('hex'),
        pendingEmailExpiresAt: '2099-01-01T00:00:00.000Z',
        _verified: false,
      })
      expect(planted.status).toBe(200)
      const viaGraphql = await graphql(world.baseUrl, session, `mutation { updateUser(id: ${JSON.stringify(me.id)}, data: { pendingEmailToken: "x" }) { id } }`)
      expect(viaGraphql.status).toBeLessThan(500)
      const confirm = await fetch(`${world.baseUrl}/mon-espace/adresse-email/confirmer/envoyer`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: world.baseUrl, 'sec-fetch-site': 'same-origin' },
        body: new URLSearchParams({ jeton: chosen }),
        redirect: 'manual',
      })
      expect(confirm.headers.get('location')).toMatch(/resultat=invalide$/)
      const [mine] = await world.findAsSuper('users', { id: { equals: me.id } })
      expect({ email: mine?.email, verified: mine?._verified }).toEqual({ email: me.email, verified: true })
      // Addresses Payload would take but the site's rule refuses: refused, alike for a taken-looking and a free one.
      const odd = async (email: string) => {
        const user = await world.freshUser('A')
        const reply = await call(world.baseUrl, await login(world.baseUrl, user.email, EXTRA_PASSWORD), 'PATCH', `/api/users/${user.id}`, { email, currentPassword: EXTRA_PASSWORD })
        const [after] = await world.findAsSuper('users', { id: { equals: user.id } })
        return { status: reply.status, text: reply.text.split(email).join('<adresse>'), unchanged: after?.email === user.email }
      }
      // An administrator may give someone else such an address at once: it is then taken.
      const oddTaken = `${world.marker('prise')}{x}@annuaire.example`
      expect((await world.call('superadmin', 'PATCH', `/api/users/${other.id}`, { email: oddTaken })).status).toBe(200)
      const free = await odd(`${world.marker('libre')}{x}@annuaire.example`)
      expect(free).toMatchObject({ status: 400, unchanged: true })
      expect(await odd(oddTaken)).toEqual(free)
    })

    it('changing one’s own password or address asks for the current password: REST, bulk PATCH and GraphQL alike', async () => {
      const me = await world.freshUser('A')
      const session = await login(world.baseUrl, me.email, EXTRA_PASSWORD)
      const wanted = `${world.marker('volee')}@annuaire.example`
      const newPassword = 'Session-Volee-Cadenas-2026'
      const refusedOn = (reply: { status: number; json: { errors?: Array<{ data?: { errors?: Array<{ path: string; message: string }> } }> } }) => ({
        status: reply.status,
        paths: (reply.json.errors ?? []).flatMap((e) => e.data?.errors ?? []).map((e) => e.path),
      })
      const attempts = [
        await call(world.baseUrl, session, 'PATCH', `/api/users/${me.id}`, { password: newPassword }),
        await call(world.baseUrl, session, 'PATCH', `/api/users/${me.id}`, { email: wanted }),
        await call(world.baseUrl, session, 'PATCH', `/api/users/${me.id}`, { email: wanted, currentPassword: 'Pas-Le-Bon-2026-x' }),
        await call(world.baseUrl, session, 'PATCH', `/api/users?where[id][equals]=${me.id}`, { password: newPassword }),
      ]
      for (const reply of attempts.slice(0, 3)) expect(refusedOn(reply)).toEqual({ status: 400, paths: ['currentPassword'] })
      // A bulk update sums its refusals up by field name.
      expect([attempts[3]!.status, attempts[3]!.json.docs]).toEqual([400, []])
      expect(attempts[3]!.text).toContain('currentPassword')
      const viaGraphql = await graphql(world.baseUrl, session, `mutation { updateUser(id: ${JSON.stringify(me.id)}, data: { password: "${newPassword}" }) { id } }`)
      expect(JSON.stringify(viaGraphql.json.errors)).toContain('mot de passe actuel')
      const [after] = await world.findAsSuper('users', { id: { equals: me.id } })
      expect({ email: after?.email, pendingEmail: after?.pendingEmail ?? null }).toEqual({ email: me.email, pendingEmail: null })
      expect((await login(world.baseUrl, me.email, EXTRA_PASSWORD)).token).toBeTruthy()
      // Never read back, whoever asks.
      const mine = await call(world.baseUrl, session, 'GET', `/api/users/${me.id}`)
      expect(Object.keys(mine.json)).not.toContain('currentPassword')
      // Other fields need nothing; the right current password lets the change through.
      expect((await call(world.baseUrl, session, 'PATCH', `/api/users/${me.id}`, { name: 'Nom changé' })).status).toBe(200)
      const accepted = await graphql(
        world.baseUrl,
        session,
        `mutation { updateUser(id: ${JSON.stringify(me.id)}, data: { password: "${newPassword}", currentPassword: "${EXTRA_PASSWORD}" }) { id } }`,
      )
      expect(accepted.json.errors).toBeUndefined()
      expect((await login(world.baseUrl, me.email, newPassword)).token).toBeTruthy()
    })

    it('login: a wrong password, an unknown address and a locked account get the same answer', async () => {
      const known = await world.freshUser('A')
      const wrong = await call(world.baseUrl, null, 'POST', '/api/users/login', { email: known.email, password: 'Pas-Le-Bon-2026-x' })
      const unknown = await call(world.baseUrl, null, 'POST', '/api/users/login', { email: `${world.marker('inconnu')}@annuaire.example`, password: 'Pas-Le-Bon-2026-x' })
      expect(wrong.status).toBe(401)
      expect([unknown.status, unknown.json]).toEqual([wrong.status, wrong.json])
      for (let i = 0; i < 5; i++) await call(world.baseUrl, null, 'POST', '/api/users/login', { email: known.email, password: `Mauvais-${i}-2026-x` })
      const locked = await call(world.baseUrl, null, 'POST', '/api/users/login', { email: known.email, password: EXTRA_PASSWORD })
      expect([locked.status, locked.json]).toEqual([wrong.status, wrong.json])
    })

    it('forgotten password: REST and GraphQL answer alike, the e-mail still goes to the owner', async () => {
      const known = await world.freshUser('A')
      const unknownEmail = `${world.marker('inconnu')}@annuaire.example`
      const before = world.server.outboxDir ? outboxFiles(world.server.outboxDir) : []
      const a = await call(world.baseUrl, null, 'POST', '/api/users/forgot-password', { email: known.email })
      const b = await call(world.baseUrl, null, 'POST', '/api/users/forgot-password', { email: unknownEmail })
      expect(a.status).toBe(200)
      expect([b.status, b.json]).toEqual([a.status, a.json])
      const c = await graphql(world.baseUrl, null, `mutation { forgotPasswordUser(email: "${known.email}") }`)
      const d = await graphql(world.baseUrl, null, `mutation { forgotPasswordUser(email: "${unknownEmail}") }`)
      expect([c.status, c.json]).toEqual([200, { data: { forgotPasswordUser: true } }])
      expect([d.status, d.json]).toEqual([c.status, c.json])
      if (world.server.outboxDir) {
        let mails: Array<{ to: string }> = []
        for (let i = 0; i < 60 && mails.length < 2; i++) {
          mails = newEmails(world.server.outboxDir, before).filter((m) => m.to.includes(known.email) || m.to.includes(unknownEmail))
          if (mails.length < 2) await new Promise((r) => setTimeout(r, 500))
        }
        expect(mails.map((m) => m.to)).toEqual([expect.stringContaining(known.email), expect.stringContaining(known.email)])
      }
    })
  })
}
