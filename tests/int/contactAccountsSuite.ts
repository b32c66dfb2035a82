/**
 * What the public does with an account or an address, through the real route handlers
 * (contactSuite.ts): sign-up, confirmation, login and password reset; reports; a business
 * registering itself and editing its profile with a photo; e-mail alerts.
 */
import type { Payload } from 'payload'

import { DEMO_USERS } from '../support/fixtures'

import { type ContactHarness, type Id, ORIGIN } from './contactHarness'
import { type CapturedEmail, newEmails, outboxFiles } from './moderationOutbox'

/** Accounts: sign-up, e-mail confirmation, login, forgotten password. */
export function accountTests(h: ContactHarness) {
  const { kind, submit, linkIn, deliverQueued } = h
  let payload: Payload
  let outbox: string
  // Set once the harness's own beforeAll, which runs first, has booted the database.
  beforeAll(() => {
    ;({ payload, outbox } = h)
  })

  describe('accounts', () => {
    const email = `nouveau.${kind}@exemple.fr`
    const password = 'Un-mot-de-passe-2026'

    it('signs up, confirms the address from the e-mail, logs in, resets a forgotten password', async () => {
      const before = outboxFiles(outbox)
      const res = await submit('inscription/envoyer', 'signup', { name: 'Nouvel Habitant', email, password, passwordConfirm: password })
      expect(res.headers.get('location')).toBe('/inscription?envoye=1')
      await deliverQueued()
      const [verify] = newEmails(outbox, before)
      expect(verify!.to).toContain(email)
      expect(verify!.subject).toMatch(/Confirmez votre adresse e-mail — Annuaire local — /)
      expect(verify!.text).toContain('Confirmer mon adresse e-mail')
      const unverified = await submit('connexion/envoyer', 'login', { email, password })
      expect(unverified.headers.get('location')).toContain('erreur=1')
      const { verifyAccount, requestPasswordReset } = await import('@/contributions/accounts')
      const token = linkIn(verify!, '/verifier-email').searchParams.get('jeton')!
      // Opening the link uses nothing; its page's button POSTs the token.
      const confirmed = await submit('verifier-email/envoyer', 'none', { jeton: token })
      expect(confirmed.headers.get('location')).toBe('/verifier-email?confirmee=1')
      const again = await submit('verifier-email/envoyer', 'none', { jeton: token })
      expect(again.headers.get('location')).toBe('/verifier-email?invalide=1')
      expect(await verifyAccount(payload, token)).toBe('invalid')
      const login = await submit('connexion/envoyer', 'login', { email, password }, { query: '?suite=%2Fannonces%2Fnouvelle' })
      expect(login.status).toBe(303)
      expect(login.headers.get('location')).toBe('/annonces/nouvelle')
      expect(login.headers.get('set-cookie')).toMatch(/^payload-token=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/)
      const wrong = await submit('connexion/envoyer', 'login', { email, password: 'mauvais-mot-de-passe' })
      expect(wrong.headers.get('location')).toContain('erreur=1')
      // A taken address gets the answer of a new one; its owner is told by e-mail (issue 17, enumeration).
      const beforeDuplicate = outboxFiles(outbox)
      const duplicate = await submit('inscription/envoyer', 'signup', { name: 'Doublon', email, password, passwordConfirm: password })
      expect(duplicate.status).toBe(res.status)
      expect(duplicate.headers.get('location')).toBe('/inscription?envoye=1')
      await deliverQueued()
      const attempt = newEmails(outbox, beforeDuplicate)
      expect(attempt.map((m) => m.to)).toEqual([expect.stringContaining(email)])
      expect(attempt[0]!.subject).toMatch(/^Tentative de création de compte avec votre adresse/)
      expect(attempt[0]!.text).toMatch(/Quelqu.un a tenté de créer un compte avec votre adresse/)
      expect(await payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).toEqual({ totalDocs: 1 })

      const beforeReset = outboxFiles(outbox)
      expect((await requestPasswordReset(payload, email, { origin: ORIGIN, territoryName: null })).ok).toBe(true)
      expect((await requestPasswordReset(payload, 'inconnu@exemple.fr', { origin: ORIGIN, territoryName: null })).ok).toBe(true)
      await deliverQueued()
      const resetMails = newEmails(outbox, beforeReset)
      expect(resetMails).toHaveLength(1)
      const resetToken = linkIn(resetMails[0]!, '/reinitialiser-mot-de-passe').searchParams.get('jeton')!
      const newPassword = 'Encore-un-autre-2026'
      const reset = await submit('reinitialiser-mot-de-passe/envoyer', 'reset', { token: resetToken, password: newPassword, passwordConfirm: newPassword }, { query: `?jeton=${resetToken}` })
      expect(reset.headers.get('location')).toBe('/connexion?reinitialise=1')
      const replay = await submit('reinitialiser-mot-de-passe/envoyer', 'reset', { token: resetToken, password: newPassword, passwordConfirm: newPassword }, { query: `?jeton=${resetToken}` })
      expect(replay.headers.get('location')).toContain('erreur=1')
      const relog = await submit('connexion/envoyer', 'login', { email, password: newPassword })
      expect(relog.headers.get('set-cookie')).toContain('payload-token=')

      // The form answers alike for a known and an unknown address; the e-mail is made after the answer.
      const beforeForm = outboxFiles(outbox)
      const known = await submit('mot-de-passe-oublie/envoyer', 'forgot', { email })
      const unknown = await submit('mot-de-passe-oublie/envoyer', 'forgot', { email: 'personne-ici@exemple.fr' })
      expect([unknown.status, unknown.headers.get('location')]).toEqual([known.status, known.headers.get('location')])
      expect(known.headers.get('location')).toBe('/mot-de-passe-oublie?envoye=1')
      let formMails: CapturedEmail[] = []
      for (let i = 0; i < 50 && formMails.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100))
        await deliverQueued()
        formMails = newEmails(outbox, beforeForm)
      }
      expect(formMails.map((m) => m.to)).toEqual([expect.stringContaining(email)])
    })
  })
}

/** « Signaler », and a business registering itself with its SIRET. */
export function reportsAndRegistrationTests(h: ContactHarness) {
  const { ids, sessionOf, submit } = h
  let payload: Payload
  let business: ContactHarness['business']
  // Set once the harness's own beforeAll, which runs first, has booted the database.
  beforeAll(() => {
    ;({ payload, business } = h)
  })

  describe('reports and registration', () => {
    it('« Signaler » puts a report in the moderation queue', async () => {
      const res = await submit('signaler/[kind]/[slug]/envoyer', 'report', { reason: 'closed', message: 'Le magasin a fermé en juin.' }, { params: { kind: 'entreprises', slug: business.slug } })
      expect(res.headers.get('location')).toContain('envoye=1')
      const reports = await payload.find({ collection: 'reports', where: { message: { equals: 'Le magasin a fermé en juin.' } }, overrideAccess: true, depth: 0 })
      expect(reports.docs[0]!.status).toBe('open')
      expect(reports.docs[0]!.territory).toBeTruthy()
      const other = await submit('signaler/[kind]/[slug]/envoyer', 'report', { reason: 'other' }, { params: { kind: 'entreprises', slug: business.slug } })
      expect(other.headers.get('location')).toContain('erreur=1')
      const missing = await submit('signaler/[kind]/[slug]/envoyer', 'report', { reason: 'spam' }, { params: { kind: 'entreprises', slug: 'n-existe-pas' } })
      expect(missing.status).toBe(404)
    })

    it('a business registers itself (SIRET checked): pending, owned by the account, which becomes owner', async () => {
      const session = await sessionOf(DEMO_USERS.resident)
      const bad = await submit('inscrire-mon-activite/envoyer', 'registration', { kind: 'businesses', name: 'Garage du Centre', siret: '12345678901234', category: String(ids.category), commune: String(ids.commune) }, { session })
      expect(bad.headers.get('location')).toContain('erreur=1')
      const res = await submit('inscrire-mon-activite/envoyer', 'registration', {
        kind: 'businesses', name: 'Garage du Centre', siret: '732 829 320 00074', category: String(ids.category), commune: String(ids.commune), description: 'Réparations <em>toutes marques</em>.',
      }, { session })
      expect(res.headers.get('location')).toBe('/mon-espace?ok=inscrite')
      const doc = (await payload.find({ collection: 'businesses', where: { name: { equals: 'Garage du Centre' } }, overrideAccess: true, depth: 0 })).docs[0]!
      expect(doc.status).toBe('pending')
      expect(doc.siret).toBe('73282932000074')
      expect(doc.owners).toEqual([ids.resident])
      expect((await payload.findByID({ collection: 'users', id: ids.resident, overrideAccess: true })).roles).toContain('owner')
      const again = await submit('inscrire-mon-activite/envoyer', 'registration', { kind: 'businesses', name: 'Garage bis', siret: '73282932000074', category: String(ids.category), commune: String(ids.commune) }, { session })
      expect(again.headers.get('location')).toContain('erreur=1')
    })
  })
}

/** The owner edits a profile and adds a photo. */
export function profileTests(h: ContactHarness) {
  const { ids, route, sessionOf } = h
  let payload: Payload
  let issueFormToken: ContactHarness['issueFormToken']
  // Set once the harness's own beforeAll, which runs first, has booted the database.
  beforeAll(() => {
    ;({ payload, issueFormToken } = h)
  })

  describe('profile and photos', () => {
    async function sendProfile(session: { cookie: string; id: Id }, id: Id, fields: Record<string, string>, photo?: { bytes: Uint8Array; name: string; type: string }) {
      const form = new FormData()
      form.set('_jeton', issueFormToken('profile', session.id, Date.now() - 5000))
      for (const [k, v] of Object.entries(fields)) form.set(k, v)
      if (photo) form.set('photo', new File([Buffer.from(photo.bytes)], photo.name, { type: photo.type }))
      const handler = await route('mon-espace/fiches/[kind]/[id]/modifier')
      const request = new Request(`${ORIGIN}/mon-espace/fiches/entreprises/${id}/modifier`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin', cookie: session.cookie },
        body: form,
      })
      return handler(request, { params: Promise.resolve({ kind: 'entreprises', id: String(id) }) } as never)
    }

    it('the owner edits the profile and adds a photo (checked by content, EXIF removed); forged files are refused', async () => {
      const session = await sessionOf(DEMO_USERS.owner)
      const own = (await payload.find({ collection: 'businesses', where: { owners: { equals: ids.owner } }, overrideAccess: true, depth: 0, limit: 1 })).docs[0]!
      const sharp = (await import('sharp')).default
      const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c84' } })
        .jpeg()
        .withMetadata({ exif: { IFD0: { Copyright: 'Secret GPS' } } })
        .toBuffer()
      expect(jpeg.includes(Buffer.from('Secret GPS'))).toBe(true)
      const noAlt = await sendProfile(session, own.id, { description: 'Pain au levain.' }, { bytes: jpeg, name: 'vitrine.jpg', type: 'image/jpeg' })
      expect(noAlt.headers.get('location')).toContain('erreur=1')
      const script = await sendProfile(session, own.id, { photoAlt: 'Vitrine' }, { bytes: Buffer.from('#!/bin/sh\nrm -rf /\n'), name: 'photo.jpg', type: 'image/jpeg' })
      expect(script.headers.get('location')).toContain('erreur=1')
      const svg = await sendProfile(session, own.id, { photoAlt: 'Logo' }, { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), name: 'logo.png', type: 'image/png' })
      expect(svg.headers.get('location')).toContain('erreur=1')
      const mediaBefore = (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs
      const ok = await sendProfile(session, own.id, { description: 'Pain au levain <b>bio</b>.', photoAlt: 'La vitrine de la boulangerie' }, { bytes: jpeg, name: 'vitrine.jpg', type: 'image/jpeg' })
      expect(ok.headers.get('location')).toBe('/mon-espace?ok=fiche')
      const updated = await payload.findByID({ collection: 'businesses', id: own.id, overrideAccess: true, depth: 1 })
      expect(updated.description).toBe('Pain au levain <b>bio</b>.')
      const photo = updated.photos!.at(-1) as { alt: string; mimeType: string; filename: string; width: number }
      expect(photo.alt).toBe('La vitrine de la boulangerie')
      expect(photo.mimeType).toBe('image/webp')
      expect((await payload.count({ collection: 'media', overrideAccess: true })).totalDocs).toBe(mediaBefore + 1)
      const fs = await import('node:fs')
      const path = await import('node:path')
      const stored = fs.readFileSync(path.join(process.env.MEDIA_DIR || 'data/media', photo.filename))
      expect(stored.includes(Buffer.from('Secret GPS'))).toBe(false)
      const intruder = await sessionOf(DEMO_USERS.resident)
      const denied = await sendProfile(intruder, own.id, { description: 'Piraté' })
      expect(denied.status).toBe(404)
    })
  })
}

/** E-mail alerts: double opt-in, daily digest, one-click unsubscribe. */
export function alertTests(h: ContactHarness) {
  const { ids, submit, linkIn, deliverQueued } = h
  let payload: Payload
  let outbox: string
  // Set once the harness's own beforeAll, which runs first, has booted the database.
  beforeAll(() => {
    ;({ payload, outbox } = h)
  })

  describe('alerts', () => {
    it('double opt-in, a daily digest with the new entries, one-click unsubscribe', async () => {
      const before = outboxFiles(outbox)
      const res = await submit('alertes/envoyer', 'alert', { email: 'alerte@exemple.fr', words: 'verger', commune: String(ids.commune), radiusKm: '20' })
      expect(res.headers.get('location')).toBe('/alertes?envoye=1')
      const { confirmAlert, sendAlertDigests, unsubscribeAlert } = await import('@/contributions/alerts')
      expect((await sendAlertDigests(payload)).sent).toBe(0)
      await deliverQueued()
      const [confirm] = newEmails(outbox, before)
      expect(confirm!.to).toContain('alerte@exemple.fr')
      const token = linkIn(confirm!, '/alertes/confirmer').searchParams.get('jeton')
      expect(await confirmAlert(payload, token)).toBe('confirmed')
      expect(await confirmAlert(payload, token)).toBe('already-confirmed')
      await payload.create({
        collection: 'announcements',
        data: { kind: 'offer', title: 'Entretien de verger', body: 'Je taille les arbres fruitiers de votre verger.', category: ids.category as number, commune: ids.commune as number, priceType: 'free', status: 'published', author: ids.owner as number },
        overrideAccess: true,
      })
      const beforeDigest = outboxFiles(outbox)
      expect((await sendAlertDigests(payload)).sent).toBe(1)
      await deliverQueued()
      const digest = newEmails(outbox, beforeDigest).find((m) => m.to.includes('alerte@exemple.fr'))!
      expect(digest.text).toContain('Entretien de verger')
      const unsubscribe = digest.headers.get('list-unsubscribe')!
      expect(unsubscribe).toMatch(/^<http:\/\/picardie-verte\.localhost\/alertes\/desinscription\?alerte=/)
      const url = new URL(unsubscribe.slice(1, -1))
      // Opening the link (a mail scanner) only leads to a page with a button.
      const { GET: openUnsubscribe } = await import('@/app/(frontend)/(contributions)/alertes/desinscription/route')
      const opened = await openUnsubscribe(new Request(url))
      expect(opened.status).toBe(303)
      expect(opened.headers.get('location')).toBe(`/alertes/se-desinscrire${url.search}`)
      expect((await payload.count({ collection: 'alerts', where: { email: { equals: 'alerte@exemple.fr' } }, overrideAccess: true })).totalDocs).toBe(1)
      expect(await unsubscribeAlert(payload, url.searchParams.get('alerte')!, 'faux')).toBe('invalid')
      const pressed = await submit('alertes/desinscription', 'none', { depuis: 'page' }, { query: url.search })
      expect(pressed.headers.get('location')).toBe('/alertes/desinscrite')
      expect((await payload.count({ collection: 'alerts', where: { email: { equals: 'alerte@exemple.fr' } }, overrideAccess: true })).totalDocs).toBe(0)
      expect(await unsubscribeAlert(payload, url.searchParams.get('alerte')!, url.searchParams.get('signature')!)).toBe('done')
      expect((await payload.count({ collection: 'alerts', where: { email: { equals: 'alerte@exemple.fr' } }, overrideAccess: true })).totalDocs).toBe(0)
      expect((await sendAlertDigests(payload)).sent).toBe(0)
    })
  })
}
