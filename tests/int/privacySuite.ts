import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { browserHeaders, formToken, postForm } from '../support/forms'
import { api, login, type Session } from '../support/rest'
import { allServers, type ServerTarget } from '../support/servers'

type Id = number | string

/**
 * RGPD on a running production server, as a person without JavaScript uses it: « Mon
 * espace » downloads all of one's data as JSON and deletes the account (announcements and
 * alerts deleted, messages sent anonymised); the nightly purge deletes what is past its
 * retention; the server log never holds a message body or a password.
 * What only the server writes (alerts, received messages) goes through the local API on
 * the server's database.
 */
export function privacySuite(kind: 'sqlite' | 'postgres') {
  const server = (process.env.TEST_BASE_URL ? allServers() : []).find((s) => s.name === kind) as ServerTarget | undefined
  const describeIf = server ? describe : describe.skip

  describeIf(`RGPD (${kind})`, () => {
    let payload: Payload
    let superadmin: Session
    let territory: Id
    const marker = `rgpd${Date.now()}`
    // Strong and unrelated to the address (the password policy refuses the others).
    const password = `${randomBytes(12).toString('base64url')}-Tq7!`
    const baseUrl = server?.baseUrl ?? ''

    beforeAll(async () => {
      process.env.DATABASE_URI = kind === 'sqlite' ? process.env.TEST_DATABASE_URI : process.env.TEST_PG_DATABASE_URI
      process.env.EMAIL_OUTBOX_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-rgpd-outbox-'))
      process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-rgpd-media-'))
      process.env.JOBS_AUTORUN = '0'
      // The shared servers' secret (scripts/test.mjs): sessions and form tokens are checked in-process too.
      process.env.PAYLOAD_SECRET ??= 'test-secret-not-for-production'
      const { getPayload } = await import('payload')
      const { default: config } = await import('@payload-config')
      payload = await getPayload({ config })
      superadmin = await login(baseUrl, 'superadmin')
      // The territory this host serves: the one of a business whose contact page answers here.
      territory = (await publishedBusinessSlug()).territory
    }, 120_000)

    afterAll(async () => {
      const { closeDatabase } = await import('@/database/close')
      await Promise.race([closeDatabase(payload), new Promise((r) => setTimeout(r, 10_000))])
    })

    async function freshResident(label: string, secret = password): Promise<{ id: Id; email: string; cookie: string }> {
      const email = `${marker}-${label}@annuaire.example`
      const created = await api(baseUrl, superadmin, 'POST', '/api/users', {
        email,
        password: secret,
        name: `Habitant ${label}`,
        roles: ['resident'],
        territory,
        _verified: true,
      })
      expect({ status: created.status, errors: created.json?.errors }).toEqual({ status: 201, errors: undefined })
      const res = await fetch(`${baseUrl}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: secret }),
      })
      const { token } = (await res.json()) as { token: string }
      return { id: created.json.doc.id, email, cookie: `payload-token=${token}` }
    }

    /** A published business of the territory this host serves (its contact page answers). */
    async function publishedBusinessSlug(): Promise<{ id: Id; slug: string; territory: Id }> {
      const { json } = await api(baseUrl, superadmin, 'GET', '/api/businesses?limit=30&depth=0&where[status][equals]=published')
      for (const doc of json.docs as Array<{ id: Id; slug: string; territory: Id }>) {
        if ((await fetch(`${baseUrl}/contacter/entreprises/${doc.slug}`)).status === 200) return { id: doc.id, slug: doc.slug, territory: doc.territory }
      }
      throw new Error('Aucune entreprise publiée joignable sur ce serveur')
    }

    it('downloads every datum of the account as JSON, then deletes the account after confirmation', async () => {
      const resident = await freshResident('titulaire')
      const other = await freshResident('autre')
      const business = await publishedBusinessSlug()
      const { commune } = (await payload.findByID({ collection: 'businesses', id: business.id, depth: 0, overrideAccess: true })) as { commune?: Id | null }
      const announcement = await payload.create({
        collection: 'announcements',
        data: { kind: 'offer', title: `Annonce ${marker}`, body: 'Je propose de tondre les pelouses du village.', author: resident.id, commune, territory, status: 'published' } as never,
        overrideAccess: true,
      })
      const sent = await payload.create({
        collection: 'contact-requests',
        data: { target: { relationTo: 'businesses', value: business.id }, senderName: 'Habitant titulaire', senderEmail: resident.email, message: `Bonjour ${marker}, êtes-vous ouverts ?`, status: 'sent', territory } as never,
        overrideAccess: true,
      })
      const received = await payload.create({
        collection: 'contact-requests',
        data: { target: { relationTo: 'announcements', value: announcement.id }, senderName: 'Voisin', senderEmail: other.email, message: 'Votre annonce m’intéresse beaucoup.', status: 'sent', recipients: [resident.id], territory } as never,
        overrideAccess: true,
      })
      await payload.create({ collection: 'alerts', data: { email: resident.email, confirmed: true, token: `${marker}-alerte`, territory } as never, overrideAccess: true })

      // « Mon espace » links to both, as plain links and forms.
      const account = await (await fetch(`${baseUrl}/mon-espace`, { headers: browserHeaders(resident.cookie) })).text()
      expect(account).toContain('href="/mon-espace/mes-donnees"')
      expect(account).toContain('href="/mon-espace/supprimer-mon-compte"')

      const download = await fetch(`${baseUrl}/mon-espace/mes-donnees`, { headers: browserHeaders(resident.cookie) })
      expect(download.status).toBe(200)
      expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="mes-donnees-annuaire-\d{4}-\d{2}-\d{2}\.json"$/)
      const text = await download.text()
      const data = JSON.parse(text)
      expect(data.account.email).toBe(resident.email)
      expect(data.announcements.map((a: { id: Id }) => a.id)).toEqual([announcement.id])
      expect(data.contactRequestsSent.map((r: { id: Id }) => r.id)).toEqual([sent.id])
      expect(data.contactRequestsReceived.map((r: { id: Id }) => r.id)).toEqual([received.id])
      expect(data.alerts).toHaveLength(1)
      for (const secret of ['"hash"', '"salt"', '"token"', password]) expect(text).not.toContain(secret)
      expect((await fetch(`${baseUrl}/mon-espace/mes-donnees`, { redirect: 'manual' })).status).toBe(303)

      // Without the box ticked, nothing happens.
      const page = `${baseUrl}/mon-espace/supprimer-mon-compte`
      const unconfirmed = await postForm(`${page}/envoyer`, { _jeton: await formToken(page, resident.cookie) }, resident.cookie)
      expect(unconfirmed.status).toBe(303)
      expect(unconfirmed.headers.get('location')).toContain('erreur=confirmation')
      expect((await payload.find({ collection: 'users', where: { id: { equals: resident.id } }, overrideAccess: true })).totalDocs).toBe(1)
      // Another person's token does not work (CSRF, bound to the account).
      const foreign = await postForm(`${page}/envoyer`, { _jeton: await formToken(page, other.cookie), confirmation: 'oui' }, resident.cookie)
      expect(foreign.headers.get('location')).toContain('erreur=formulaire')

      // The confirmed deletion runs the route handler of this checkout in-process (on the
      // server's database), so that it is always the current code whatever the build.
      const { POST } = await import('@/app/(frontend)/(contributions)/mon-espace/supprimer-mon-compte/envoyer/route')
      const deleted = await POST(
        new Request(`${page}/envoyer`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl, ...browserHeaders(resident.cookie) },
          body: new URLSearchParams({ _jeton: await formToken(page, resident.cookie), confirmation: 'oui' }),
        }),
      )
      expect(deleted.status).toBe(303)
      expect(deleted.headers.get('location')).toBe('/compte-supprime')
      expect(deleted.headers.get('set-cookie')).toMatch(/^payload-token=; Path=\/; Max-Age=0/)

      const count = async (collection: 'users' | 'announcements' | 'alerts', where: object) =>
        (await payload.count({ collection, where: where as never, overrideAccess: true })).totalDocs
      expect(await count('users', { id: { equals: resident.id } })).toBe(0)
      expect(await count('announcements', { id: { equals: announcement.id } })).toBe(0)
      expect(await count('alerts', { email: { equals: resident.email } })).toBe(0)
      const anonymised = await payload.findByID({ collection: 'contact-requests', id: sent.id, overrideAccess: true, depth: 0 })
      expect(anonymised).toMatchObject({ senderName: 'Compte supprimé', senderEmail: 'anonyme@invalid.example' })
      expect(anonymised.message).not.toContain(marker)
      const kept = await payload.findByID({ collection: 'contact-requests', id: received.id, overrideAccess: true, depth: 0 })
      expect(kept.recipients ?? []).not.toContain(resident.id)
      expect(kept.senderEmail).toBe(other.email)
      expect((await fetch(`${baseUrl}/compte-supprime`)).status).toBe(200)
    })

    it('purges contact messages and unconfirmed alerts past their retention, and nothing else', async () => {
      const { purgePersonalData } = await import('@/jobs/purgePersonalData')
      const business = await publishedBusinessSlug()
      const old = new Date(Date.now() - 400 * 24 * 3600 * 1000).toISOString()
      const weekOld = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString()
      const message = (createdAt?: string) =>
        payload.create({
          collection: 'contact-requests',
          data: { target: { relationTo: 'businesses', value: business.id }, senderName: 'Ancien', senderEmail: `${marker}-purge@annuaire.example`, message: 'Un message très ancien.', status: 'sent', territory, ...(createdAt ? { createdAt } : {}) } as never,
          overrideAccess: true,
        })
      const alert = (confirmed: boolean, createdAt?: string) =>
        payload.create({
          collection: 'alerts',
          data: { email: `${marker}-purge@annuaire.example`, confirmed, token: `${marker}-${confirmed}-${createdAt ?? 'now'}`, territory, ...(createdAt ? { createdAt } : {}) } as never,
          overrideAccess: true,
        })
      const oldMessage = await message(old)
      expect(oldMessage.createdAt).toBe(old)
      const freshMessage = await message()
      const oldUnconfirmed = await alert(false, weekOld)
      const oldConfirmed = await alert(true, old)
      const freshUnconfirmed = await alert(false)

      const result = await purgePersonalData(payload, { retention: { contactRequestDays: 365, unconfirmedAlertDays: 7 } })
      expect(result.contactRequests).toBeGreaterThanOrEqual(1)
      expect(result.unconfirmedAlerts).toBeGreaterThanOrEqual(1)
      const exists = async (collection: 'contact-requests' | 'alerts', id: Id) =>
        (await payload.count({ collection, where: { id: { equals: id } }, overrideAccess: true })).totalDocs === 1
      expect(await exists('contact-requests', oldMessage.id)).toBe(false)
      expect(await exists('contact-requests', freshMessage.id)).toBe(true)
      expect(await exists('alerts', oldUnconfirmed.id)).toBe(false)
      expect(await exists('alerts', oldConfirmed.id)).toBe(true)
      expect(await exists('alerts', freshUnconfirmed.id)).toBe(true)

      // Retention comes from the environment, with safe defaults.
      const { retention } = await import('@/privacy/retention')
      expect(retention({ RETENTION_CONTACT_REQUEST_DAYS: '30', RETENTION_UNCONFIRMED_ALERT_DAYS: '2' })).toEqual({ contactRequestDays: 30, unconfirmedAlertDays: 2 })
      expect(retention({ RETENTION_CONTACT_REQUEST_DAYS: 'abc' })).toEqual({ contactRequestDays: 365, unconfirmedAlertDays: 7 })
      // The privacy page shows the register with the configured periods.
      const privacy = await (await fetch(`${baseUrl}/confidentialite`)).text()
      expect(privacy).toContain('Registre des traitements')
      for (const heading of ['Base légale', 'Durée de conservation', 'Finalité']) expect(privacy).toContain(heading)
      expect(privacy).toContain('un an après l’envoi')
    })

    it('never writes a message body or a password to the server log', async () => {
      const logFile = server?.logFile || path.resolve(process.env.TEST_TMP_DIR || 'tests/.tmp', `server-${kind}.log`)
      const business = await publishedBusinessSlug()
      const contactPage = `${baseUrl}/contacter/entreprises/${business.slug}`
      const loginPage = `${baseUrl}/connexion`
      const [contactToken, loginToken] = [await formToken(contactPage), await formToken(loginPage)]
      await new Promise((r) => setTimeout(r, 2100))
      const body = `Corps-${marker}-secret du message`
      const secretPassword = `MotDePasse-${randomBytes(9).toString('base64url')}-Secret7!`
      const account = await freshResident('journal', secretPassword)
      const formLogins = () => fs.readFileSync(logFile, 'utf8').split('/connexion/envoyer').length - 1
      const loginsBefore = formLogins()
      const contact = await postForm(`${contactPage}/envoyer`, { _jeton: contactToken, senderName: 'Témoin', senderEmail: `${marker}-temoin@annuaire.example`, message: body })
      expect(contact.status).toBe(303)
      const formLogin = await postForm(`${loginPage}/envoyer`, { _jeton: loginToken, email: account.email, password: secretPassword })
      expect(formLogin.status).toBe(303)
      expect(formLogin.headers.get('set-cookie')).toContain('payload-token=')
      const wrongApiLogin = await fetch(`${baseUrl}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: account.email, password: `${secretPassword}-faux` }),
      })
      expect(wrongApiLogin.status).toBe(401)
      // Request lines are written in blocks, at the latest a second later (src/logging/logger.ts):
      // wait for this test's own login line (earlier tests' lines are already in the file).
      const deadline = Date.now() + 10_000
      while (formLogins() <= loginsBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
      expect(formLogins()).toBeGreaterThan(loginsBefore)
      await new Promise((r) => setTimeout(r, 1500))
      const log = fs.readFileSync(logFile, 'utf8')
      for (const secret of [body, `Corps-${marker}`, secretPassword]) expect(log).not.toContain(secret)
    })
  })
}
