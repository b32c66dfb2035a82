/**
 * Offers and needs, through the real route handlers (contactSuite.ts): a resident posts,
 * edits, closes and renews a need; contact details are refused from every path; a secrétaire
 * posts for a resident without internet; a published offer tells the authors of matching needs.
 */
import type { Payload } from 'payload'

import { DEMO_USERS } from '../support/fixtures'

import type { ContactHarness } from './contactHarness'
import { newEmails, outboxFiles } from './moderationOutbox'

/** Offers and needs: posting, editing, closing, contact details refused, matching offers and needs. */
export function offersAndNeedsTests(h: ContactHarness) {
  const { ids, sessionOf, submit, linkIn, deliverQueued } = h
  let payload: Payload
  let outbox: string
  // Set once the harness's own beforeAll, which runs first, has booted the database.
  beforeAll(() => {
    ;({ payload, outbox } = h)
  })

  describe('offers and needs', () => {
    it('a resident posts a need: pending, owned by them, text kept as text; can edit, renew and close it', async () => {
      const session = await sessionOf(DEMO_USERS.resident)
      const res = await submit('annonces/nouvelle/envoyer', 'announcement', {
        kind: 'need',
        title: 'Besoin d’aide <b>jardin</b>',
        body: 'Je cherche quelqu’un pour tondre ma pelouse <script>x()</script> le samedi.',
        category: String(ids.category),
        commune: String(ids.commune),
        priceType: 'cesu',
      }, { session })
      expect(res.headers.get('location')).toBe('/annonces/nouvelle?envoye=1')
      const doc = (await payload.find({ collection: 'announcements', where: { title: { equals: 'Besoin d’aide <b>jardin</b>' } }, overrideAccess: true, depth: 0 })).docs[0]!
      expect(doc.status).toBe('pending')
      expect(doc.author).toBe(ids.resident)
      expect(doc.body).toContain('<script>x()</script>')

      const invalid = await submit('annonces/nouvelle/envoyer', 'announcement', { kind: 'notice', title: 'x', body: '', category: '', commune: '', priceType: 'gratuit' }, { session })
      expect(invalid.headers.get('location')).toContain('erreur=1')

      const edit = await submit('mon-espace/annonces/[id]/modifier', 'announcement-edit', {
        kind: 'need', title: 'Tonte de pelouse le samedi', body: doc.body, category: String(ids.category), commune: String(ids.commune), priceType: 'cesu',
      }, { session, params: { id: String(doc.id) } })
      expect(edit.headers.get('location')).toBe('/mon-espace?ok=modifiee')
      const someoneElse = await sessionOf(DEMO_USERS.owner)
      const forbidden = await submit('mon-espace/annonces/[id]/cloturer', 'announcement-action', {}, { session: someoneElse, params: { id: String(doc.id) } })
      expect(forbidden.status).toBe(404)
      const close = await submit('mon-espace/annonces/[id]/cloturer', 'announcement-action', {}, { session, params: { id: String(doc.id) } })
      expect(close.headers.get('location')).toBe('/mon-espace?ok=cloturee')
      expect((await payload.findByID({ collection: 'announcements', id: doc.id, overrideAccess: true })).status).toBe('archived')
      const renew = await submit('mon-espace/annonces/[id]/renouveler', 'announcement-action', {}, { session, params: { id: String(doc.id) } })
      expect(renew.headers.get('location')).toBe('/mon-espace?ok=renouvelee')
      const renewed = await payload.findByID({ collection: 'announcements', id: doc.id, overrideAccess: true })
      expect(renewed.status).toBe('pending')
      expect(renewed.title).toBe('Tonte de pelouse le samedi')
    })

    it('refuses a phone number or an e-mail address in an offer or a need, from the form, the API and staff alike', async () => {
      const { CONTACT_DETAILS_MESSAGE } = await import('@/forms/contactDetails')
      const session = await sessionOf(DEMO_USERS.resident)
      const title = 'Tonte et taille de haies'
      const body = 'Appelez-moi au 06 11 22 33 44 ou jeanne.perso@free.fr'
      const count = async () => (await payload.count({ collection: 'announcements', where: { title: { equals: title } }, overrideAccess: true })).totalDocs
      // The public form: back to the form, everything typed kept, the relay explained on the field.
      const res = await submit('annonces/nouvelle/envoyer', 'announcement', {
        kind: 'offer', title, body, category: String(ids.category), commune: String(ids.commune), priceType: 'free',
      }, { session })
      expect(res.headers.get('location')).toBe('/annonces/nouvelle?erreur=1#formulaire')
      const { readFlash } = await import('@/forms/flash')
      const flash = readFlash(res.headers.get('set-cookie')!.split(';')[0]!.split('=').slice(1).join('='), 'announcement')!
      expect(flash.values.body).toBe(body)
      expect(flash.values.title).toBe(title)
      expect(flash.errors.body).toBe(CONTACT_DETAILS_MESSAGE)
      expect(await count()).toBe(0)

      // The collection itself (REST, GraphQL and the admin go through it), as the resident.
      const resident = (await payload.findByID({ collection: 'users', id: ids.resident, overrideAccess: true })) as never
      const data = { kind: 'offer', title, category: ids.category, commune: ids.commune, priceType: 'free' }
      const create = (fields: Record<string, unknown>, user: never) => payload.create({ collection: 'announcements', data: fields as never, user, overrideAccess: false })
      /** The field messages of the ValidationError the promise fails with. */
      const refusal = async (promise: Promise<unknown>): Promise<string[]> => {
        try {
          await promise
        } catch (error) {
          return ((error as { data?: { errors?: Array<{ message: string }> } }).data?.errors ?? []).map((e) => e.message)
        }
        throw new Error('Accepté alors qu’il devait être refusé')
      }
      for (const text of ['Écrivez à jeanne [at] free.fr', 'Tél. +33 6 11 22 33 44', 'Joignable au 0611223344']) {
        expect(await refusal(create({ ...data, body: text }, resident))).toEqual([CONTACT_DETAILS_MESSAGE])
      }
      expect(await refusal(create({ ...data, title: 'Tonte, appelez le 06.11.22.33.44', body: 'Je tonds les pelouses du village.' }, resident))).toEqual([CONTACT_DETAILS_MESSAGE])
      expect(await count()).toBe(0)
      const clean = await create({ ...data, body: 'Je tonds les pelouses du village le samedi.' }, resident)
      expect(await refusal(payload.update({ collection: 'announcements', id: clean.id, data: { body: 'Mon mail : jeanne.perso@free.fr' }, user: resident, overrideAccess: false }))).toEqual([CONTACT_DETAILS_MESSAGE])

      // A secrétaire posting for a resident is refused too; a municipal notice may give the mairie's number.
      const editor = await sessionOf(DEMO_USERS.editor)
      const onBehalf = await submit('annonces/nouvelle/envoyer', 'announcement', {
        kind: 'need', title: 'Courses pour M. Petit', body: 'M. Petit cherche de l’aide, appelez-le au 03 44 12 34 56.',
        category: String(ids.category), commune: String(ids.commune), priceType: 'free', residentName: 'M. Petit',
      }, { session: editor })
      expect(onBehalf.headers.get('location')).toContain('erreur=1')
      const editorUser = (await payload.findByID({ collection: 'users', id: ids.editor, overrideAccess: true })) as never
      expect(await refusal(create({ ...data, title: 'Pour Mme Roux', body: 'Mme Roux : 06 11 22 33 44', onBehalfOf: { enabled: true, residentName: 'Mme Roux' } }, editorUser))).toEqual([CONTACT_DETAILS_MESSAGE])
      const notice = await create({ ...data, kind: 'notice', title: 'Mairie fermée lundi', body: 'La mairie est fermée lundi ; urgences : 03 44 00 00 00.' }, editorUser)
      expect(notice.kind).toBe('notice')
    })

    it('a secrétaire posts for a resident without internet: replies reach the mairie', async () => {
      const session = await sessionOf(DEMO_USERS.editor)
      const res = await submit('annonces/nouvelle/envoyer', 'announcement', {
        kind: 'need', title: 'Courses pour Mme Martin', body: 'Mme Martin cherche quelqu’un pour ses courses du jeudi.',
        category: String(ids.category), commune: String(ids.commune), priceType: 'free', residentName: 'Mme Martin', residentPhone: '03 44 00 00 00',
      }, { session })
      expect(res.headers.get('location')).toBe('/annonces/nouvelle?envoye=publiee')
      const doc = (await payload.find({ collection: 'announcements', where: { title: { equals: 'Courses pour Mme Martin' } }, overrideAccess: true, depth: 0 })).docs[0]!
      expect(doc.onBehalfOf?.enabled).toBe(true)
      expect(doc.author).toBe(ids.editor)
      const before = outboxFiles(outbox)
      await submit('contacter/[kind]/[slug]/envoyer', 'contact', { senderName: 'Voisin', message: 'Je fais mes courses le jeudi aussi, je peux aider.' }, {
        params: { kind: 'annonces', slug: doc.slug! },
        session: await sessionOf(DEMO_USERS.owner),
      })
      await deliverQueued()
      const [mail] = newEmails(outbox, before)
      expect(mail!.to).toContain(DEMO_USERS.editor)
      expect(mail!.text).toContain('déposée par la mairie')
      // She can call the resident: the message names them and gives the phone number.
      expect(mail!.text).toContain('déposée par la mairie pour Mme Martin, qui n’a pas internet')
      expect(mail!.text).toContain('03 44 00 00 00')
    })

    it('publishing an offer tells the authors of matching needs (category, distance, price)', async () => {
      const need = await payload.create({
        collection: 'announcements',
        data: { kind: 'need', title: 'Cherche jardinier payé en CESU', body: 'Entretien de haie, paiement CESU.', category: ids.category as number, commune: ids.commune as number, priceType: 'cesu', status: 'published', author: ids.resident as number },
        overrideAccess: true,
      })
      const { findMatches } = await import('@/contributions/matching')
      const before = outboxFiles(outbox)
      const paidOffer = await payload.create({
        collection: 'announcements',
        data: { kind: 'offer', title: 'Jardinage payé en liquide', body: 'Je propose de tailler vos haies.', category: ids.category as number, commune: ids.otherCommune as number, priceType: 'paid', status: 'pending', author: ids.owner as number },
        overrideAccess: true,
      })
      expect((await findMatches(payload, paidOffer)).map((d) => d.id)).not.toContain(need.id)
      const offer = await payload.create({
        collection: 'announcements',
        data: { kind: 'offer', title: 'Jardinage en CESU', body: 'Je propose de tailler vos haies, en CESU.', category: ids.category as number, commune: ids.otherCommune as number, priceType: 'cesu', status: 'pending', author: ids.owner as number },
        overrideAccess: true,
      })
      await deliverQueued()
      expect(newEmails(outbox, before).filter((m) => m.subject.includes('correspond'))).toHaveLength(0)
      expect((await findMatches(payload, { ...offer, status: 'published' } as never)).map((d) => d.id)).toContain(need.id)
      await payload.update({ collection: 'announcements', id: offer.id, data: { status: 'published' }, overrideAccess: true })
      await deliverQueued()
      const mails = newEmails(outbox, before).filter((m) => m.subject.includes('correspond'))
      // One e-mail per person, naming their nearest matching need (the resident has two).
      expect(mails.filter((m) => m.to.includes(DEMO_USERS.resident))).toHaveLength(1)
      expect(mails.every((m) => !m.to.includes(DEMO_USERS.owner))).toBe(true)
      const link = linkIn(mails.find((m) => m.to.includes(DEMO_USERS.resident))!, '/annonces/')
      expect(link.pathname).toBe(`/annonces/${(await payload.findByID({ collection: 'announcements', id: offer.id, overrideAccess: true })).slug}`)
      expect((await findMatches(payload, need)).map((d) => d.id)).toContain(offer.id)
    })
  })
}
