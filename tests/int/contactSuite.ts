import type { Payload } from 'payload'

import { DEMO_PASSWORD, DEMO_USERS } from '../support/fixtures'
import { bootLocalPayload } from '../support/localPayload'
import { noReplyAddress } from '@/email/noReply'

import { type CapturedEmail, newEmails, outboxFiles } from './moderationOutbox'

type Id = number | string
type Params<T> = { params: Promise<T> }
type Handler<T> = (request: Request, context: Params<T>) => Promise<Response>

// The demo gives its first territory this host name: requests and e-mail links use it.
const ORIGIN = 'http://picardie-verte.localhost'

/**
 * The public's contributions through the real route handlers of the site (the same code the
 * production server runs) on a real database: contact relay, accounts, offers and needs,
 * matching, reports, alerts and self-registration, with every e-mail read from the outbox.
 */
export function contactSuite(kind: 'sqlite' | 'postgres') {
  let payload: Payload
  let cleanup: () => Promise<void>
  let outbox: string
  let issueFormToken: (form: string, userId: Id | null | undefined, now?: number) => string
  const routes: Record<string, Handler<never>> = {}
  const ids = { commune: 0 as Id, otherCommune: 0 as Id, category: 0 as Id, resident: 0 as Id, editor: 0 as Id, owner: 0 as Id }
  let business: { slug: string; email: string; name: string }

  async function route(path: string): Promise<Handler<never>> {
    routes[path] ??= (await import(`@/app/(frontend)/(contributions)/${path}/route`)).POST as Handler<never>
    return routes[path]!
  }

  async function sessionOf(email: string): Promise<{ cookie: string; id: Id }> {
    const result = await payload.login({ collection: 'users', data: { email, password: DEMO_PASSWORD } })
    return { cookie: `payload-token=${result.token}`, id: result.user!.id }
  }

  /** POSTs a form as a browser would: urlencoded, with a token issued 5 s earlier. */
  async function submit(
    path: string,
    form: string,
    fields: Record<string, string>,
    options: { params?: Record<string, string>; session?: { cookie: string; id: Id }; query?: string; token?: string | null } = {},
  ): Promise<Response> {
    const handler = await route(path.replace(/\?.*$/, ''))
    const body = new URLSearchParams({
      ...(options.token === null ? {} : { _jeton: options.token ?? issueFormToken(form, options.session?.id ?? null, Date.now() - 5000) }),
      ...fields,
    })
    const url = `${ORIGIN}/${path.replace(/\[(\w+)\]/g, (_m, name: string) => options.params?.[name] ?? name)}${options.query ?? ''}`
    const request = new Request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        ...(options.session ? { cookie: options.session.cookie } : {}),
      },
      body,
    })
    return handler(request, { params: Promise.resolve(options.params ?? {}) } as never)
  }

  function linkIn(mail: CapturedEmail, path: string): URL {
    const match = mail.text.match(new RegExp(`${ORIGIN.replace(/\./g, '\\.')}${path.replace(/\//g, '\\/')}[^\\s]*`))
    if (!match) throw new Error(`Pas de lien ${path} dans « ${mail.subject} »:\n${mail.text}`)
    return new URL(match[0])
  }

  /** E-mails sent after the answer (confirmations), then those queued (relayed messages, retries). */
  async function deliverQueued() {
    const { settleBackground } = await import('@/email/background')
    await settleBackground()
    await payload.jobs.run({ queue: 'default', limit: 100 })
  }

  beforeAll(async () => {
    process.env.JOBS_AUTORUN = '0'
    process.env.PUBLIC_URL = ORIGIN
    process.env.MEDIA_DIR ??= (await import('node:fs')).mkdtempSync(`${(await import('node:os')).tmpdir()}/annuaire-media-`)
    process.env.DEMO_PASSWORD ??= DEMO_PASSWORD
    ;({ payload, cleanup } = await bootLocalPayload(kind, { demo: true }))
    outbox = process.env.EMAIL_OUTBOX_DIR!
    const { seedDemoIfEmpty } = await import('@/seed/demo')
    await seedDemoIfEmpty(payload, () => {})
    ;({ issueFormToken } = await import('@/forms/guard'))
    const user = async (email: string) =>
      (await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })).docs[0]!.id
    ids.resident = await user(DEMO_USERS.resident)
    ids.editor = await user(DEMO_USERS.editor)
    ids.owner = await user(DEMO_USERS.owner)
    const communes = (await payload.find({ collection: 'communes', where: { inseeCode: { in: ['60286', '60298'] } }, overrideAccess: true, depth: 0, sort: 'inseeCode' })).docs
    ids.commune = communes[0]!.id
    ids.otherCommune = communes[1]!.id
    ids.category = (await payload.find({ collection: 'categories', where: { name: { equals: 'Jardinage, espaces verts' } }, overrideAccess: true, depth: 0 })).docs[0]!.id
    const picardie = (await payload.find({ collection: 'territories', where: { epciCode: { equals: '246000848' } }, overrideAccess: true, depth: 0 })).docs[0]!
    const b = (
      await payload.find({
        collection: 'businesses',
        where: { status: { equals: 'published' }, territory: { equals: picardie.id } },
        overrideAccess: true,
        depth: 0,
        limit: 1,
        sort: 'name',
      })
    ).docs[0]!
    business = { slug: b.slug!, email: b.email!, name: b.name }
  }, 300_000)

  afterAll(async () => {
    await cleanup?.()
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
