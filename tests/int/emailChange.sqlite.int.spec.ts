import type { Payload } from 'payload'

import { bootRoutesPayload } from '../support/localPayload'

import { newEmails, outboxFiles } from './moderationOutbox'

const ORIGIN = 'http://annuaire.localhost'
const PASSWORD = 'Topinambour-Grange-Lavoir-73!'
type Handler = (request: Request) => Promise<Response>

/**
 * « Changer mon adresse e-mail » through the real route handlers on SQLite: the account keeps
 * its address until the link sent to the new one is used by its button; the link works once
 * and for 24 hours; an address that became another account's meanwhile is not taken; the
 * current address is told at the request and after the change.
 */
describe('changing one’s own e-mail address (SQLite)', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let outbox: string
  let issueFormToken: (form: string, userId: number | string | null | undefined, now?: number) => string
  const stamp = Date.now()

  beforeAll(async () => {
    ;({ payload, cleanup, outbox } = await bootRoutesPayload('sqlite', ORIGIN))
    ;({ issueFormToken } = await import('@/forms/guard'))
  }, 180_000)

  afterAll(async () => {
    await cleanup?.()
  })

  async function account(local: string) {
    const email = `${local}-${stamp}@exemple.fr`
    const user = await payload.create({
      collection: 'users',
      data: { email, password: PASSWORD, name: 'Claire Petit', roles: ['resident'], _verified: true } as never,
      overrideAccess: true,
      disableVerificationEmail: true,
    })
    const { token } = await payload.login({ collection: 'users', data: { email, password: PASSWORD } })
    return { id: user.id, email, password: PASSWORD, cookie: `payload-token=${token}` }
  }

  async function post(path: string, fields: Record<string, string>, cookie = ''): Promise<Response> {
    const { POST } = (await import(`@/app/(frontend)/(contributions)/${path}/route`)) as { POST: Handler }
    const { settleBackground } = await import('@/email/background')
    const response = await POST(
      new Request(`${ORIGIN}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, 'sec-fetch-site': 'same-origin', cookie },
        body: new URLSearchParams(fields),
      }),
    )
    await settleBackground()
    await payload.jobs.run({ queue: 'default', limit: 100 })
    return response
  }

  const ask = (me: { id: number | string; cookie: string; password: string }, newEmail: string, currentPassword = me.password) =>
    post('mon-espace/adresse-email/envoyer', { _jeton: issueFormToken('email-change', me.id, Date.now() - 5000), newEmail, currentPassword }, me.cookie)
  const confirm = (jeton: string) => post('mon-espace/adresse-email/confirmer/envoyer', { jeton })
  const emailOf = async (id: number | string) => (await payload.findByID({ collection: 'users', id, overrideAccess: true, depth: 0 })).email
  /** Requests are paced one a minute per account, whatever became of the last one. */
  const allowNewRequest = (id: number | string) =>
    payload.update({ collection: 'users', id, data: { emailChangeRequestedAt: new Date(Date.now() - 61_000).toISOString() } as never, overrideAccess: true })
  const flashOf = async (response: Response, field = 'newEmail') => {
    const { readFlash } = await import('@/forms/flash')
    return readFlash(/^[^=]+=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1], 'email-change')?.errors[field]
  }
  const linkIn = (text: string) => /\/mon-espace\/adresse-email\/confirmer\?jeton=([\w-]+)/.exec(text)?.[1]

  it('keeps the address until the link’s button is used, tells the old address, and works once', async () => {
    const me = await account('claire')
    const wanted = `claire.nouvelle-${stamp}@exemple.fr`
    const before = outboxFiles(outbox)
    const asked = await ask(me, ` ${wanted.toUpperCase()} `)
    expect(asked.status).toBe(303)
    expect(asked.headers.get('location')).toBe('/mon-espace/adresse-email?envoye=1')
    expect(await emailOf(me.id)).toBe(me.email)
    const mails = newEmails(outbox, before)
    const toNew = mails.find((m) => m.to.includes(wanted))
    expect(toNew?.subject).toMatch(/^Confirmez votre nouvelle adresse e-mail/)
    expect(toNew?.text).toContain(`${ORIGIN}/mon-espace/adresse-email/confirmer?jeton=`)
    expect(mails.find((m) => m.to.includes(me.email))?.text).toContain(wanted)
    const token = linkIn(toNew!.text)!

    const afterAsk = outboxFiles(outbox)
    const done = await confirm(token)
    expect(done.headers.get('location')).toBe('/mon-espace/adresse-email/confirmer?resultat=change')
    expect(await emailOf(me.id)).toBe(wanted)
    expect(newEmails(outbox, afterAsk).map((m) => [m.to.includes(me.email), m.subject])).toEqual([[true, expect.stringMatching(/^Adresse e-mail de votre compte changée/)]])
    // The new address logs in; the token is spent.
    await expect(payload.login({ collection: 'users', data: { email: wanted, password: PASSWORD } })).resolves.toHaveProperty('token')
    expect((await confirm(token)).headers.get('location')).toBe('/mon-espace/adresse-email/confirmer?resultat=invalide')
  })

  it('does not take an address that became another account’s, and refuses an expired link', async () => {
    const me = await account('paul')
    const wanted = `paul.convoitee-${stamp}@exemple.fr`
    const before = outboxFiles(outbox)
    await ask(me, wanted)
    const token = linkIn(newEmails(outbox, before).find((m) => m.to.includes(wanted))!.text)!
    await account(`paul.convoitee`)
    expect((await confirm(token)).headers.get('location')).toBe('/mon-espace/adresse-email/confirmer?resultat=prise')
    expect(await emailOf(me.id)).toBe(me.email)

    const refused = await ask(me, `paul.tard-${stamp}@exemple.fr`)
    expect(await flashOf(refused)).toMatch(/attendez une minute/)
    await allowNewRequest(me.id)
    const later = outboxFiles(outbox)
    await ask(me, `paul.tard-${stamp}@exemple.fr`)
    const late = linkIn(newEmails(outbox, later).find((m) => m.to.includes('paul.tard'))!.text)!
    await payload.update({ collection: 'users', id: me.id, data: { pendingEmailExpiresAt: new Date(Date.now() - 1000).toISOString() } as never, overrideAccess: true })
    expect((await confirm(late)).headers.get('location')).toBe('/mon-espace/adresse-email/confirmer?resultat=invalide')
    expect(await emailOf(me.id)).toBe(me.email)
  })

  it('the notice’s « Annuler cette demande » drops the waiting change; so does a new password', async () => {
    const me = await account('louise')
    const pirate = `pirate-${stamp}@exemple.fr`
    const before = outboxFiles(outbox)
    await ask(me, pirate)
    const mails = newEmails(outbox, before)
    const token = linkIn(mails.find((m) => m.to.includes(pirate))!.text)!
    const notice = mails.find((m) => m.to.includes(me.email))!
    expect(mails.find((m) => m.to.includes(pirate))!.text).not.toContain('Claire Petit')
    const cancel = new URL(/https?:\/\/\S*\/mon-espace\/adresse-email\/annuler\?\S+/.exec(notice.text)![0])
    const forged = await post('mon-espace/adresse-email/annuler/envoyer', { compte: cancel.searchParams.get('compte')!, signature: 'x'.repeat(32) })
    expect(forged.headers.get('location')).toBe('/mon-espace/adresse-email/annuler?resultat=invalide')
    const cancelled = await post('mon-espace/adresse-email/annuler/envoyer', { compte: cancel.searchParams.get('compte')!, signature: cancel.searchParams.get('signature')! })
    expect(cancelled.headers.get('location')).toBe('/mon-espace/adresse-email/annuler?resultat=annule')
    expect((await confirm(token)).headers.get('location')).toBe('/mon-espace/adresse-email/confirmer?resultat=invalide')
    // Cancelling does not reset the pace: the next request still waits its minute.
    expect(await flashOf(await ask(me, `pirate3-${stamp}@exemple.fr`))).toMatch(/attendez une minute/)

    // A password chosen through « mot de passe oublié » voids a waiting change too.
    await allowNewRequest(me.id)
    const later = outboxFiles(outbox)
    await ask(me, `pirate2-${stamp}@exemple.fr`)
    const second = linkIn(newEmails(outbox, later).find((m) => m.to.includes('pirate2'))!.text)!
    const resetToken = await payload.forgotPassword({ collection: 'users', data: { email: me.email }, disableEmail: true })
    await payload.resetPassword({ collection: 'users', data: { token: resetToken, password: 'Nouveau-Mot-De-Passe-2026!' }, overrideAccess: true })
    expect((await confirm(second)).headers.get('location')).toBe('/mon-espace/adresse-email/confirmer?resultat=invalide')
    // And a password changed by the account itself (REST, admin); the reset ended the session.
    const { token: again } = await payload.login({ collection: 'users', data: { email: me.email, password: 'Nouveau-Mot-De-Passe-2026!' } })
    me.cookie = `payload-token=${again}`
    me.password = 'Nouveau-Mot-De-Passe-2026!'
    await allowNewRequest(me.id)
    const third = outboxFiles(outbox)
    await ask(me, `pirate3b-${stamp}@exemple.fr`)
    const thirdToken = linkIn(newEmails(outbox, third).find((m) => m.to.includes('pirate3b'))!.text)!
    const self = { ...(await payload.findByID({ collection: 'users', id: me.id, overrideAccess: true, depth: 0 })), collection: 'users' as const }
    await payload.update({ collection: 'users', id: me.id, data: { password: 'Autre-Mot-De-Passe-2026!', currentPassword: me.password }, user: self, overrideAccess: false })
    expect((await confirm(thirdToken)).headers.get('location')).toBe('/mon-espace/adresse-email/confirmer?resultat=invalide')
    expect(await emailOf(me.id)).toBe(me.email)
  })

  it('asks again, in French, for its own address or a malformed one, and needs the account’s form token', async () => {
    const me = await account('jeanne')
    expect(await flashOf(await ask(me, me.email))).toMatch(/déjà l’adresse de votre compte/)
    expect(await flashOf(await ask(me, 'pas-une-adresse'))).toMatch(/n’est pas valide/)
    const forged = await post('mon-espace/adresse-email/envoyer', { _jeton: issueFormToken('email-change', 'quelqu-un', Date.now() - 5000), newEmail: `x-${stamp}@exemple.fr` }, me.cookie)
    expect(forged.headers.get('location')).toMatch(/^\/mon-espace\/adresse-email\?/)
    expect((await payload.findByID({ collection: 'users', id: me.id, overrideAccess: true, depth: 0 })).pendingEmail ?? null).toBeNull()
    const stranger = await post('mon-espace/adresse-email/envoyer', { newEmail: `y-${stamp}@exemple.fr` })
    expect(stranger.headers.get('location')).toBe('/connexion?suite=/mon-espace/adresse-email')
  })

  it('asks for the current password, says in French when it is missing or wrong, and stops guesses after five', async () => {
    const me = await account('marc')
    const wanted = `marc.nouvelle-${stamp}@exemple.fr`
    expect(await flashOf(await ask(me, wanted, ''), 'currentPassword')).toBe('Indiquez votre mot de passe actuel.')
    expect(await flashOf(await ask(me, wanted, 'x'.repeat(201)), 'currentPassword')).toMatch(/^Un mot de passe ne dépasse pas 200 caractères/)
    const wrong = await ask(me, wanted, 'Pas-Le-Bon-2026!')
    expect(wrong.headers.get('location')).toMatch(/^\/mon-espace\/adresse-email\?/)
    expect(await flashOf(wrong, 'currentPassword')).toMatch(/n’est pas le bon/)
    const pending = async () => (await payload.findByID({ collection: 'users', id: me.id, overrideAccess: true, depth: 0 })).pendingEmail ?? null
    expect(await pending()).toBeNull()
    // The same check guards the password, through the local API as a signed-in account.
    const self = { ...(await payload.findByID({ collection: 'users', id: me.id, overrideAccess: true, depth: 0 })), collection: 'users' as const }
    const changePassword = (currentPassword?: string) =>
      payload.update({ collection: 'users', id: me.id, data: { password: 'Encore-Un-Autre-2026!', ...(currentPassword ? { currentPassword } : {}) }, user: self, overrideAccess: false })
    await expect(changePassword()).rejects.toMatchObject({ data: { errors: [{ path: 'currentPassword', message: expect.stringMatching(/saisissez votre mot de passe actuel/) }] } })
    for (let i = 0; i < 4; i++) await expect(changePassword(`Mauvais-${i}-2026!`)).rejects.toMatchObject({ data: { errors: [{ path: 'currentPassword' }] } })
    // Five wrong tries in a quarter of an hour: even the right one waits.
    expect(await flashOf(await ask(me, wanted), 'currentPassword')).toMatch(/Trop d’essais de mot de passe actuel : réessayez dans 15 minutes/)
    await expect(payload.login({ collection: 'users', data: { email: me.email, password: PASSWORD } })).resolves.toHaveProperty('token')
    // « Mot de passe oublié », as the message says: the new password may be given at once.
    const resetToken = await payload.forgotPassword({ collection: 'users', data: { email: me.email }, disableEmail: true })
    await payload.resetPassword({ collection: 'users', data: { token: resetToken, password: 'Apres-Oubli-Marc-2026!' }, overrideAccess: true })
    const { token: fresh } = await payload.login({ collection: 'users', data: { email: me.email, password: 'Apres-Oubli-Marc-2026!' } })
    const renewed = { ...me, cookie: `payload-token=${fresh}`, password: 'Apres-Oubli-Marc-2026!' }
    expect((await ask(renewed, wanted)).headers.get('location')).toBe('/mon-espace/adresse-email?envoye=1')
    const other = await account('marc.autre')
    const asked = await ask(other, `marc.autre.nouvelle-${stamp}@exemple.fr`)
    expect(asked.headers.get('location')).toBe('/mon-espace/adresse-email?envoye=1')
    // An administrator changing someone else's account is not asked for a password.
    await payload.update({ collection: 'users', id: me.id, data: { name: 'Marc Petit' }, user: self, overrideAccess: false })
    const admin = await payload.create({
      collection: 'users',
      data: { email: `national-${stamp}@exemple.fr`, password: PASSWORD, name: 'Équipe nationale', roles: ['superadmin'], _verified: true } as never,
      overrideAccess: true,
      disableVerificationEmail: true,
    })
    await payload.update({ collection: 'users', id: me.id, data: { password: 'Par-L-Administrateur-2026!' }, user: { ...admin, collection: 'users' }, overrideAccess: false })
    await expect(payload.login({ collection: 'users', data: { email: me.email, password: 'Par-L-Administrateur-2026!' } })).resolves.toHaveProperty('token')
  })
})
