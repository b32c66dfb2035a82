/**
 * The contact relay, through the real route handlers (contactSuite.ts): an anonymous sender
 * confirms their address, the owner gets the message without it and answers through a signed
 * link; residents write to announcements; bad words are held, bots and bad bodies refused.
 */
import type { Payload } from 'payload'

import { DEMO_USERS } from '../support/fixtures'
import { noReplyAddress } from '@/email/noReply'

import { type ContactHarness, ORIGIN } from './contactHarness'
import { newEmails, outboxFiles } from './moderationOutbox'

/** The contact relay: confirmation by e-mail, replies through the site, messages held or refused. */
export function contactRelayTests(h: ContactHarness) {
  const { ids, route, sessionOf, submit, linkIn, deliverQueued } = h
  let payload: Payload
  let outbox: string
  let issueFormToken: ContactHarness['issueFormToken']
  let business: ContactHarness['business']
  // Set once the harness's own beforeAll, which runs first, has booted the database.
  beforeAll(() => {
    ;({ payload, outbox, issueFormToken, business } = h)
  })

  describe('contact relay', () => {
    it('an anonymous sender confirms their address, then the owner receives the message with Reply-To', async () => {
      const before = outboxFiles(outbox)
      const res = await submit('contacter/[kind]/[slug]/envoyer', 'contact', {
        senderName: 'Jeanne <b>Test</b>',
        senderEmail: 'jeanne.relay@exemple.fr',
        message: 'Bonjour, faites-vous des <script>alert(1)</script> livraisons à domicile ?',
      }, { params: { kind: 'entreprises', slug: business.slug } })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toContain('envoye=confirm')
      await deliverQueued()
      const confirm = newEmails(outbox, before)
      expect(confirm).toHaveLength(1)
      expect(confirm[0]!.to).toContain('jeanne.relay@exemple.fr')
      expect(confirm[0]!.subject).toContain('Confirmez')
      expect(confirm[0]!.html).not.toContain('<b>Test</b>')
      const link = linkIn(confirm[0]!, '/contacter/confirmer')
      const { confirmContact } = await import('@/contributions/relay')
      const afterConfirm = outboxFiles(outbox)
      expect(await confirmContact(payload, link.searchParams.get('jeton'), ORIGIN)).toBe('sent')
      await deliverQueued()
      const relayed = newEmails(outbox, afterConfirm)
      expect(relayed).toHaveLength(1)
      expect(relayed[0]!.to).toContain(business.email)
      // Nobody's address: answering the e-mail reaches no one, the « Répondre » link does.
      expect(relayed[0]!.replyTo).toBe(noReplyAddress())
      expect(relayed[0]!.text + relayed[0]!.html).not.toContain('jeanne.relay@exemple.fr')
      expect(relayed[0]!.text).not.toMatch(/répondez (simplement )?à cet e-mail/i)
      expect(relayed[0]!.text).toContain('Répondre : ')
      expect(relayed[0]!.text).toContain('<script>alert(1)</script>')
      expect(relayed[0]!.html).toContain('&lt;script&gt;')
      expect(relayed[0]!.html).not.toContain('<script>')
      // The same link again (a browser that asks twice, a mail scanner): « déjà confirmé », nothing more is sent.
      const afterRepeat = outboxFiles(outbox)
      expect(await confirmContact(payload, link.searchParams.get('jeton'), ORIGIN)).toBe('already-confirmed')
      await deliverQueued()
      expect(newEmails(outbox, afterRepeat)).toHaveLength(0)
      expect(await confirmContact(payload, 'x'.repeat(32), ORIGIN)).toBe('unknown')
    })

    it('replies go through the site: a signed « Répondre » link, no account, nobody’s address revealed, and back again', async () => {
      const before = outboxFiles(outbox)
      const res = await submit('contacter/[kind]/[slug]/envoyer', 'contact', {
        senderName: 'Marc Voisin',
        senderEmail: 'marc.voisin@exemple.fr',
        message: 'Bonjour, vendez-vous des œufs frais le samedi ?',
      }, { params: { kind: 'entreprises', slug: business.slug } })
      expect(res.headers.get('location')).toContain('envoye=confirm')
      await deliverQueued()
      const [confirm] = newEmails(outbox, before)
      const { confirmContact } = await import('@/contributions/relay')
      const afterConfirm = outboxFiles(outbox)
      expect(await confirmContact(payload, linkIn(confirm!, '/contacter/confirmer').searchParams.get('jeton'), ORIGIN)).toBe('sent')
      await deliverQueued()
      const [relayed] = newEmails(outbox, afterConfirm)
      expect(relayed!.to).toContain(business.email)
      const replyLink = linkIn(relayed!, '/contacter/repondre')
      const query = replyLink.search

      // A forged or altered link is refused and stores nothing.
      const count = async () => (await payload.count({ collection: 'contact-requests', overrideAccess: true })).totalDocs
      const stored = await count()
      const forged = await submit('contacter/repondre/envoyer', 'reply', { senderName: 'Pirate', message: 'Je réponds avec un faux lien.' }, {
        query: query.replace(/signature=[^&]+/, 'signature=' + 'A'.repeat(32)),
      })
      expect(forged.headers.get('location')).toContain('/contacter/repondre?')
      expect(await count()).toBe(stored)

      // The business answers through the link: the reply reaches Marc from the no-reply address.
      const beforeReply = outboxFiles(outbox)
      const reply = await submit('contacter/repondre/envoyer', 'reply', { senderName: business.name, message: 'Oui, tous les samedis matin, venez à partir de 8 h.' }, { query })
      expect(reply.headers.get('location')).toBe('/contacter/repondre?envoye=sent')
      await deliverQueued()
      const replies = newEmails(outbox, beforeReply)
      expect(replies).toHaveLength(1)
      expect(replies[0]!.to).toContain('marc.voisin@exemple.fr')
      expect(replies[0]!.to).not.toContain(business.email)
      expect(replies[0]!.replyTo).toBe(noReplyAddress())
      const raw = (await import('node:fs')).readFileSync(replies[0]!.file, 'utf8')
      expect(raw).not.toContain(business.email)
      expect(replies[0]!.text).toContain('Oui, tous les samedis matin')

      // Marc answers back from his own « Répondre » link: it reaches the business, without Marc's address.
      const back = linkIn(replies[0]!, '/contacter/repondre')
      expect(back.searchParams.get('message')).not.toBe(replyLink.searchParams.get('message'))
      const beforeBack = outboxFiles(outbox)
      const answer = await submit('contacter/repondre/envoyer', 'reply', { senderName: 'Marc Voisin', message: 'Parfait, à samedi alors !' }, { query: back.search })
      expect(answer.headers.get('location')).toBe('/contacter/repondre?envoye=sent')
      await deliverQueued()
      const answers = newEmails(outbox, beforeBack)
      expect(answers).toHaveLength(1)
      expect(answers[0]!.to).toContain(business.email)
      expect(answers[0]!.replyTo).toBe(noReplyAddress())
      expect((await import('node:fs')).readFileSync(answers[0]!.file, 'utf8')).not.toContain('marc.voisin@exemple.fr')

      // The conversation is kept: both replies belong to the first message's thread.
      const root = (await payload.find({ collection: 'contact-requests', where: { senderEmail: { equals: 'marc.voisin@exemple.fr' } }, overrideAccess: true, depth: 0, sort: 'createdAt' })).docs
      const thread = await payload.find({ collection: 'contact-requests', where: { thread: { equals: root[0]!.id } }, overrideAccess: true, depth: 0, sort: 'createdAt' })
      expect(thread.docs.map((d) => d.fromSide)).toEqual(['entry', 'visitor'])
      expect(thread.docs[0]!.senderEmail ?? null).toBeNull()

      // A conversation is limited like the contact form.
      process.env.CONTACT_LIMIT_PER_SENDER = '2'
      try {
        const limited = await submit('contacter/repondre/envoyer', 'reply', { senderName: business.name, message: 'Un message de trop.' }, { query })
        expect(limited.headers.get('location')).toContain('erreur=1')
        expect(thread.totalDocs).toBe(2)
        expect((await payload.count({ collection: 'contact-requests', where: { thread: { equals: root[0]!.id } }, overrideAccess: true })).totalDocs).toBe(2)
      } finally {
        delete process.env.CONTACT_LIMIT_PER_SENDER
      }
    })

    it('a logged-in resident writes to an announcement: sent at once to its author, never through the page', async () => {
      const session = await sessionOf(DEMO_USERS.owner)
      const target = (await payload.find({ collection: 'announcements', where: { and: [{ author: { equals: ids.resident } }, { status: { equals: 'published' } }] }, overrideAccess: true, depth: 0, limit: 1 })).docs[0]!
      // A real announcement (the demo's are examples, which relay nothing).
      await payload.update({ collection: 'announcements', id: target.id, data: { isExample: false }, overrideAccess: true })
      const before = outboxFiles(outbox)
      const res = await submit('contacter/[kind]/[slug]/envoyer', 'contact', { senderName: 'La boulangerie', message: 'Je peux vous aider pour cela, écrivez-moi.' }, {
        params: { kind: 'annonces', slug: target.slug! },
        session,
      })
      expect(res.headers.get('location')).toContain('envoye=sent')
      await deliverQueued()
      const mails = newEmails(outbox, before)
      expect(mails).toHaveLength(1)
      expect(mails[0]!.to).toContain(DEMO_USERS.resident)
      expect(mails[0]!.replyTo).toBe(noReplyAddress())
      expect(mails[0]!.text + mails[0]!.html).not.toContain(DEMO_USERS.owner)
      const stored = await payload.find({ collection: 'contact-requests', where: { recipients: { equals: ids.resident } }, overrideAccess: true })
      expect(stored.docs.some((d) => d.status === 'sent')).toBe(true)
    })

    it('a message with a bad word is held for moderation, not sent', async () => {
      const before = outboxFiles(outbox)
      const res = await submit('contacter/[kind]/[slug]/envoyer', 'contact', { senderName: 'Anonyme', senderEmail: 'grossier@exemple.fr', message: 'Espèce de C0NNARD, réponds-moi !' }, {
        params: { kind: 'entreprises', slug: business.slug },
      })
      expect(res.headers.get('location')).toContain('envoye=flagged')
      await deliverQueued()
      expect(newEmails(outbox, before)).toHaveLength(0)
      const held = await payload.find({ collection: 'contact-requests', where: { senderEmail: { equals: 'grossier@exemple.fr' } }, overrideAccess: true })
      expect(held.docs[0]!.status).toBe('flagged')
    })

    it('refuses bots and bad bodies without saving anything', async () => {
      const count = async () => (await payload.count({ collection: 'contact-requests', overrideAccess: true })).totalDocs
      const start = await count()
      const params = { kind: 'entreprises', slug: business.slug }
      const honeypot = await submit('contacter/[kind]/[slug]/envoyer', 'contact', { senderName: 'Bot', senderEmail: 'bot@exemple.fr', message: 'Achetez mes produits maintenant.', site_web_confirmation: 'http://spam' }, { params })
      expect(honeypot.status).toBe(303)
      const tooFast = await submit('contacter/[kind]/[slug]/envoyer', 'contact', { senderName: 'Rapide', senderEmail: 'vite@exemple.fr', message: 'Un message envoyé trop vite.' }, {
        params,
        token: issueFormToken('contact', null, Date.now()),
      })
      expect(tooFast.headers.get('location')).toContain('erreur=1')
      expect(tooFast.headers.get('set-cookie')).toContain('annuaire-formulaire=')
      const noToken = await submit('contacter/[kind]/[slug]/envoyer', 'contact', { senderName: 'Sans jeton', senderEmail: 'x@exemple.fr', message: 'Un message sans jeton.' }, { params, token: null })
      expect(noToken.headers.get('location')).toContain('erreur=1')
      const invalid = await submit('contacter/[kind]/[slug]/envoyer', 'contact', { senderName: 'J', senderEmail: 'pas-une-adresse', message: 'court' }, { params })
      expect(invalid.status).toBe(303)
      const { readFlash } = await import('@/forms/flash')
      const cookie = invalid.headers.get('set-cookie')!.split(';')[0]!.split('=').slice(1).join('=')
      const flash = readFlash(cookie, 'contact')!
      expect(flash.values.senderName).toBe('J')
      expect(flash.errors.senderName).toMatch(/au moins 2 caractères/)
      expect(flash.errors.message).toMatch(/au moins 10 caractères/)
      expect(flash.errors.senderEmail).toMatch(/n’est pas valide/)
      const handler = await route('contacter/[kind]/[slug]/envoyer')
      const json = await handler(new Request(`${ORIGIN}/x`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), { params: Promise.resolve(params) } as never)
      expect(json.status).toBe(415)
      const huge = await handler(
        new Request(`${ORIGIN}/x`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `message=${'a'.repeat(200_000)}` }),
        { params: Promise.resolve(params) } as never,
      )
      expect(huge.status).toBe(413)
      const crossSite = await handler(
        new Request(`${ORIGIN}/x`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', host: 'picardie-verte.localhost' }, body: 'senderName=Eve' }),
        { params: Promise.resolve(params) } as never,
      )
      expect(crossSite.headers.get('location')).toContain('erreur=1')
      expect(await count()).toBe(start)
    })
  })
}
