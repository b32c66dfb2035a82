/**
 * What residents and owners read in the e-mails (issue 19, « public » part), on the captured
 * outbox of a real demo database, with PUBLIC_URL naming a host that is none of the demo's
 * `*.localhost` territory names — as on a demo served from another machine:
 *  - every link of every mail (the moderation decision included) starts with the one
 *    configured public origin: a `picardie-verte.localhost` link reaches nobody there;
 *  - one true instruction about replying: « répondez à cet e-mail » only when the Reply-To
 *    is a mailbox someone reads (the territory's contact), « ne pas y répondre » otherwise,
 *    and relayed messages point to their « Répondre » link;
 *  - the subject of a relayed reply reads well: no title twice, no « Re : ».
 */
import type { Payload } from 'payload'

import { DEMO_PASSWORD, DEMO_USERS } from '../support/fixtures'
import { bootLocalPayload } from '../support/localPayload'
import { type CapturedEmail, newEmails, outboxFiles } from '../support/outbox'
import { noReplyAddress } from '@/email/noReply'

type Id = number | string
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>

const PUBLIC_URL = 'http://annuaire.exemple.test:4305'

const LINK = /https?:\/\/[^\s<>"]+/g

function linksOf(mail: CapturedEmail): string[] {
  return [...new Set([...(mail.text.match(LINK) ?? []), ...(mail.html.match(LINK) ?? [])].map((l) => l.replace(/&amp;/g, '&')))]
}

describe('e-mails as residents and owners read them (SQLite)', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let outbox: string
  let issueFormToken: (form: string, userId: Id | null | undefined, now?: number) => string
  let business: { id: Id; slug: string; name: string; email: string }
  let territory: { id: Id; name: string }
  const captured: CapturedEmail[] = []

  async function submit(path: string, form: string, fields: Record<string, string>, options: { params?: Record<string, string>; query?: string } = {}) {
    const handler = (await import(`@/app/(frontend)/(contributions)/${path}/route`)).POST as Handler
    const body = new URLSearchParams({ _jeton: issueFormToken(form, null, Date.now() - 5000), ...fields })
    const url = `${PUBLIC_URL}/${path.replace(/\[(\w+)\]/g, (_m, name: string) => options.params?.[name] ?? name)}${options.query ?? ''}`
    const request = new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PUBLIC_URL, host: new URL(PUBLIC_URL).host, 'sec-fetch-site': 'same-origin' },
      body,
    })
    return handler(request, { params: Promise.resolve(options.params ?? {}) })
  }

  async function deliver(before: string[]): Promise<CapturedEmail[]> {
    const { settleBackground } = await import('@/email/background')
    await settleBackground()
    await payload.jobs.run({ queue: 'default', limit: 100, silent: true })
    const mails = newEmails(outbox, before)
    captured.push(...mails)
    return mails
  }

  /** A business its owner submits: pending until a moderator publishes it. */
  async function ownerEntry(name: string, siretSeq: number) {
    const owner = (await payload.find({ collection: 'users', where: { email: { equals: DEMO_USERS.owner } }, overrideAccess: true, depth: 0 })).docs[0]!
    const category = (await payload.find({ collection: 'categories', where: { name: { equals: 'Jardinage, espaces verts' } }, overrideAccess: true, depth: 0 })).docs[0]!
    const commune = (await payload.find({ collection: 'communes', where: { inseeCode: { equals: '60286' } }, overrideAccess: true, depth: 0 })).docs[0]!
    const { demoSiret } = await import('@/seed/luhn')
    return payload.create({
      collection: 'businesses',
      data: { name, siret: demoSiret(siretSeq), categories: [category.id], commune: commune.id, description: 'Une fiche à vérifier.', status: 'published' },
      user: { ...owner, collection: 'users' },
      overrideAccess: false,
    })
  }

  beforeAll(async () => {
    process.env.JOBS_AUTORUN = '0'
    process.env.PUBLIC_URL = PUBLIC_URL
    process.env.DEMO_PASSWORD ??= DEMO_PASSWORD
    ;({ payload, cleanup } = await bootLocalPayload('sqlite', { demo: true }))
    outbox = process.env.EMAIL_OUTBOX_DIR!
    ;({ issueFormToken } = await import('@/forms/guard'))
    const picardie = (await payload.find({ collection: 'territories', where: { epciCode: { equals: '246000848' } }, overrideAccess: true, depth: 0 })).docs[0]!
    territory = { id: picardie.id, name: picardie.name }
    // The demo's territories answer on `*.localhost` names: a reader elsewhere cannot reach them.
    expect(picardie.hostnames?.[0]).toMatch(/\.localhost$/)
    const b = (
      await payload.find({
        collection: 'businesses',
        where: { status: { equals: 'published' }, territory: { equals: picardie.id }, email: { exists: true } },
        overrideAccess: true,
        depth: 0,
        limit: 1,
        sort: 'name',
      })
    ).docs[0]!
    business = { id: b.id, slug: b.slug!, name: b.name, email: b.email! }
  }, 300_000)

  afterAll(async () => {
    await cleanup?.()
  })

  it('the moderation decision links to the configured public origin, as every other mail', async () => {
    const entry = await ownerEntry('Pépinière des Liens', 771)
    const before = outboxFiles(outbox)
    await payload.update({ collection: 'businesses', id: entry.id, data: { status: 'published' }, overrideAccess: true })
    const [approved] = await deliver(before)
    expect(approved!.subject).toContain('« Pépinière des Liens » est publiée')
    const links = linksOf(approved!)
    expect(links.length).toBeGreaterThanOrEqual(2)
    for (const link of links) expect(link.startsWith(`${PUBLIC_URL}/`)).toBe(true)
    // « Voir la fiche en ligne » opens the fiche on the public site of its territory.
    expect(links.some((l) => /\/entreprises\/pepiniere-des-liens/.test(l))).toBe(true)

    const beforeRefusal = outboxFiles(outbox)
    await payload.update({ collection: 'businesses', id: entry.id, data: { status: 'rejected', rejectionReason: 'Adresse incomplète.' }, overrideAccess: true })
    const [refused] = await deliver(beforeRefusal)
    expect(refused!.subject).toContain('n’a pas été publiée')
    for (const link of linksOf(refused!)) expect(link.startsWith(`${PUBLIC_URL}/`)).toBe(true)
  })

  it('a relayed conversation: links on the public origin, « Répondre » as the only way to answer, subjects without repetition', async () => {
    const before = outboxFiles(outbox)
    const sent = await submit('contacter/[kind]/[slug]/envoyer', 'contact', {
      senderName: 'Lucie Lien',
      senderEmail: 'lucie.lien@exemple.fr',
      message: 'Bonjour, livrez-vous le samedi ?',
    }, { params: { kind: 'entreprises', slug: business.slug } })
    expect(sent.headers.get('location')).toContain('envoye=confirm')
    const [confirm] = await deliver(before)
    const confirmUrl = new URL(linksOf(confirm!).find((l) => l.includes('/contacter/confirmer'))!)
    const { confirmContact } = await import('@/contributions/relay')
    const afterConfirm = outboxFiles(outbox)
    expect(await confirmContact(payload, confirmUrl.searchParams.get('jeton'), PUBLIC_URL)).toBe('sent')
    const [relayed] = await deliver(afterConfirm)
    expect(relayed!.to).toContain(business.email)
    const replyUrl = new URL(linksOf(relayed!).find((l) => l.includes('/contacter/repondre'))!)

    // The business answers under its own name, twice back and forth.
    const beforeReply = outboxFiles(outbox)
    await submit('contacter/repondre/envoyer', 'reply', { senderName: business.name, message: 'Oui, le samedi matin.' }, { query: replyUrl.search })
    const [reply] = await deliver(beforeReply)
    expect(reply!.to).toContain('lucie.lien@exemple.fr')
    const count = (text: string, part: string) => text.split(part).length - 1
    // Its name once, not « Réponse de Boulangerie X au sujet de « Boulangerie X » ».
    expect(count(reply!.subject, business.name)).toBe(1)
    expect(reply!.subject).toMatch(/^Réponse de /)
    expect(reply!.subject).not.toMatch(/\bRe ?:/i)

    const back = new URL(linksOf(reply!).find((l) => l.includes('/contacter/repondre'))!)
    const beforeBack = outboxFiles(outbox)
    await submit('contacter/repondre/envoyer', 'reply', { senderName: 'Lucie Lien', message: 'Merci, à samedi.' }, { query: back.search })
    const [answer] = await deliver(beforeBack)
    expect(answer!.to).toContain(business.email)
    expect(answer!.subject).toMatch(/^Réponse de Lucie Lien au sujet de « /)
    expect(count(answer!.subject, business.name)).toBe(1)

    for (const mail of [relayed!, reply!, answer!]) {
      expect(mail.replyTo).toBe(noReplyAddress())
      expect(mail.text).toMatch(/lien « Répondre »/)
      expect(mail.text).not.toMatch(/répondez (simplement )?à cet e-mail/i)
    }
    for (const mail of [confirm!, relayed!, reply!, answer!]) {
      for (const link of linksOf(mail)) expect(link.startsWith(`${PUBLIC_URL}/`)).toBe(true)
    }
  })

  it('an account e-mail says the same thing about replying as the others, and it is true', async () => {
    const before = outboxFiles(outbox)
    const password = 'un-mot-de-passe-solide-42'
    await submit('inscription/envoyer', 'signup', { name: 'Paul Lien', email: 'paul.lien@exemple.fr', password, passwordConfirm: password })
    const [verify] = await deliver(before)
    expect(verify!.subject).toContain('Confirmez votre adresse')
    for (const link of linksOf(verify!)) expect(link.startsWith(`${PUBLIC_URL}/`)).toBe(true)
  })

  it('every mail captured: « répondez à cet e-mail » only when the answer reaches the territory’s contact', async () => {
    // With a contact address on the territory, the moderation decision invites a reply that reaches it.
    await payload.update({ collection: 'territories', id: territory.id, data: { contactEmail: 'contact@cc-exemple.fr' }, overrideAccess: true })
    try {
      const before = outboxFiles(outbox)
      const entry = await ownerEntry('Jardins du Contact', 772)
      await payload.update({ collection: 'businesses', id: entry.id, data: { status: 'published' }, overrideAccess: true })
      const [approved] = await deliver(before)
      expect(approved!.replyTo).toBe('contact@cc-exemple.fr')
      expect(approved!.text).toMatch(/répondez à cet e-mail/i)
      expect(approved!.text).toContain('contact@cc-exemple.fr')
    } finally {
      await payload.update({ collection: 'territories', id: territory.id, data: { contactEmail: null }, overrideAccess: true })
    }
    expect(captured.length).toBeGreaterThanOrEqual(8)
    for (const mail of captured) {
      const invitesReply = /répondez (simplement )?à cet e-mail/i.test(mail.text)
      const readBySomeone = Boolean(mail.replyTo) && mail.replyTo !== noReplyAddress()
      expect({ subject: mail.subject, invitesReply }).toEqual({ subject: mail.subject, invitesReply: readBySomeone })
      // Exactly one instruction about replying, the same words in every mail that has none to offer.
      if (!readBySomeone) expect(mail.text).toMatch(/merci de ne pas y répondre/)
      expect(/répondez (simplement )?à cet e-mail/i.test(mail.html)).toBe(invitesReply)
    }
  })
})
