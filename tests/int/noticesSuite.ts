/**
 * Municipal notices and announcements posted for a resident, on a real database: who may
 * attach a PDF, when a notice is public (home page, commune page, paper booklet), and who
 * sees « Pour un habitant sans internet » and may filter on it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload, Where } from 'payload'

import { entriesForAlert, sendAlertDigests } from '@/contributions/alerts'
import { submitContact } from '@/contributions/relay'
import { EXAMPLE_CONTACT_MESSAGE, findTarget } from '@/contributions/targets'
import { getSearchEngine } from '@/search'
import { frenchDay } from '@/search/shownFrom'
import { currentAnnouncementWhere } from '@collections/Announcements/current'
import { staffReadOrNewDocField } from '@/access/fieldAccess'
import { buildDirectoryBook, printedAddress } from '@/reports/directory'
import { directoryPdf } from '@/reports/directoryPdf'
import { DEMO_EPCI, DEMO_USERS, INSEE } from '../support/fixtures'
import { type TestDatabase, bootLocalPayload } from '../support/localPayload'
import { readPdf, samplePdf } from '../support/pdf'

const DAY = 86_400_000
/** The booklets are written here to be looked at (pdftoppm -png -r 60). */
const OUT = path.resolve('tests/.tmp/printouts')

/** The messages a refused write shows the person (Payload's ValidationError keeps them in `data.errors`). */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => ['accepté'],
    (error: { data?: { errors?: Array<{ message: string }> }; message: string }) => error.data?.errors?.map((e) => e.message) ?? [error.message],
  )

type User = NonNullable<Awaited<ReturnType<Payload['find']>>['docs'][number]> & { id: number | string }

export function noticesSuite(kind: TestDatabase) {
  let payload: Payload
  let cleanup: () => Promise<void>
  let territory: number
  let grandvilliers: number
  const users: Partial<Record<keyof typeof DEMO_USERS | 'editorB', User>> = {}

  beforeAll(async () => {
    process.env.MEDIA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-media-'))
    ;({ payload, cleanup } = await bootLocalPayload(kind, { demo: true }))
    territory = (await payload.find({ collection: 'territories', where: { epciCode: { equals: DEMO_EPCI } }, overrideAccess: true })).docs[0]!.id as number
    grandvilliers = (await payload.find({ collection: 'communes', where: { inseeCode: { equals: INSEE.grandvilliers } }, overrideAccess: true })).docs[0]!.id as number
    for (const [role, email] of Object.entries(DEMO_USERS)) {
      users[role as keyof typeof DEMO_USERS] = (await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0] as User
    }
    users.editorB = (await payload.find({ collection: 'users', where: { email: { equals: 'mairie.laferte@annuaire.example' } }, overrideAccess: true })).docs[0] as User
  }, 600_000)
  afterAll(async () => {
    await cleanup?.()
  })

  const as = (role: keyof typeof users) => ({ user: users[role] as never, overrideAccess: false })

  async function uploadPdf(role: keyof typeof users) {
    const data = await samplePdf('Arrêté municipal : travaux rue de la Gare')
    return payload.create({
      collection: 'media',
      data: { alt: 'Arrêté travaux rue de la Gare' },
      file: { data, mimetype: 'application/pdf', name: 'arrete-travaux.pdf', size: data.length },
      ...as(role),
    })
  }

  function notice(title: string, extra: Record<string, unknown> = {}) {
    return payload.create({
      collection: 'announcements',
      data: { kind: 'notice', title, body: 'Information de la mairie de Grandvilliers pour les habitants.', commune: grandvilliers, ...extra } as never,
      ...as('editor'),
    })
  }

  it('the secrétaire attaches a PDF to a notice; residents and owners cannot send a PDF', async () => {
    const pdf = await uploadPdf('editor')
    expect(pdf.mimeType).toBe('application/pdf')
    const doc = await notice('Travaux rue de la Gare', { attachment: pdf.id })
    expect(doc).toMatchObject({ kind: 'notice', status: 'published' })
    expect(typeof doc.attachment === 'object' ? doc.attachment?.id : doc.attachment).toBe(pdf.id)
    for (const role of ['resident', 'owner'] as const) {
      expect(await refusal(uploadPdf(role))).toEqual(['Seule la mairie peut joindre un document PDF : envoyez une photo (JPEG, PNG ou WebP).'])
    }
    // A PDF is not a photo: a business cannot show it as one.
    const business = (await payload.find({ collection: 'businesses', where: { territory: { equals: territory } }, limit: 1, overrideAccess: true })).docs[0]!
    expect(await refusal(payload.update({ collection: 'businesses', id: business.id, data: { photos: [pdf.id] }, ...as('admin') }))).not.toEqual(['accepté'])
  })

  it('a notice dated far ahead lives its lifetime from its first day; an expiry before that day is refused', async () => {
    const now = Date.now()
    const start = new Date(now + 90 * DAY)
    const far = await notice('Fête de la moisson', { displayFrom: start.toISOString() })
    expect(Date.parse(String(far.expiresAt))).toBeGreaterThan(start.getTime())
    expect(await refusal(notice('Concert annulé', { displayFrom: start.toISOString(), expiresAt: new Date(now + 10 * DAY).toISOString() }))).toEqual([
      'Le jour d’expiration est avant le premier jour d’affichage : choisissez une date d’expiration plus tardive, ou laissez-la vide.',
    ])
  })

  it('a notice is public from its first day to its last, on the site and in the booklet', async () => {
    const now = new Date()
    await notice('Information en cours', { displayFrom: new Date(now.getTime() - DAY).toISOString(), expiresAt: new Date(now.getTime() + 5 * DAY).toISOString() })
    await notice('Information de ce jour', { displayFrom: now.toISOString() })
    await notice('Information à venir', { displayFrom: new Date(now.getTime() + 3 * DAY).toISOString() })
    const past = await notice('Information passée', { displayFrom: new Date(now.getTime() - 9 * DAY).toISOString() })
    await payload.update({ collection: 'announcements', id: past.id, data: { expiresAt: new Date(now.getTime() - DAY).toISOString() }, overrideAccess: true })

    // What the home page and the commune page list (src/site/directory.ts `listEntries`).
    const where: Where = { and: [{ territory: { equals: territory } }, { kind: { equals: 'notice' } }, { status: { equals: 'published' } }, ...currentAnnouncementWhere(now)] }
    const shown = (await payload.find({ collection: 'announcements', where, pagination: false, overrideAccess: false })).docs.map((d) => d.title)
    expect(shown).toEqual(expect.arrayContaining(['Information en cours', 'Information de ce jour']))
    expect(shown).not.toContain('Information à venir')
    expect(shown).not.toContain('Information passée')

    // The API and GraphQL (read access) hide the coming one from the public, not from the mairie.
    const readable = async (user: 'anonymous' | 'resident' | 'editor') =>
      (await payload.find({ collection: 'announcements', where: { kind: { equals: 'notice' } }, pagination: false, ...(user === 'anonymous' ? { overrideAccess: false } : as(user)) })).docs.map((d) => d.title)
    expect(await readable('anonymous')).not.toContain('Information à venir')
    expect(await readable('resident')).not.toContain('Information à venir')
    expect(await readable('anonymous')).toContain('Information en cours')
    expect(await readable('editor')).toContain('Information à venir')

    // The booklet is the edition of a month: what is on the site when printed, and what starts
    // later in that month (with its first day); not what has left the site, nor next month's.
    await notice('Information du mois prochain', { displayFrom: new Date(now.getTime() + 40 * DAY).toISOString() })
    const book = await buildDirectoryBook(payload, territory, grandvilliers, now)
    const printed = book.notices.map((n) => n.title)
    expect(printed).toEqual(expect.arrayContaining(['Information en cours', 'Information de ce jour']))
    expect(printed).not.toContain('Information passée')
    expect(printed).not.toContain('Information du mois prochain')
    const sameMonth = frenchDay(new Date(now.getTime() + 3 * DAY)).slice(0, 7) === frenchDay(now).slice(0, 7)
    const coming = book.notices.find((n) => n.title === 'Information à venir')
    if (sameMonth) expect(coming?.displayFrom).toBeTruthy()
    else expect(coming).toBeUndefined()
    // Three days later the coming one is there, as current.
    const later = await buildDirectoryBook(payload, territory, grandvilliers, new Date(now.getTime() + 3 * DAY + 60_000))
    expect(later.notices.map((n) => n.title)).toContain('Information à venir')
  })

  it('search (site, API, map) finds a notice from its first day, not before', async () => {
    const now = new Date()
    await notice('Kermesse annoncée à venir', { displayFrom: new Date(now.getTime() + 3 * DAY).toISOString() })
    await notice('Kermesse annoncée ce jour', { displayFrom: now.toISOString() })
    const engine = getSearchEngine(payload)
    const found = async (query: Record<string, unknown>) => (await engine.search({ territory, ...query })).hits.map((h) => h.title)
    const byWords = await found({ text: 'kermesse annoncée' })
    expect(byWords).toContain('Kermesse annoncée ce jour')
    expect(byWords).not.toContain('Kermesse annoncée à venir')
    // Without words (the map and the « Informations municipales » list) and after a rebuild alike.
    expect(await found({ announcementKinds: ['notice'], limit: 100 })).not.toContain('Kermesse annoncée à venir')
    await engine.rebuild()
    const rebuilt = (await engine.search({ territory, text: 'kermesse annoncée' })).hits
    expect(rebuilt.map((h) => h.title)).toEqual(['Kermesse annoncée ce jour'])
    // A notice has no tarif: never listed as « Gratuit », nor counted in that filter.
    expect(rebuilt[0]!.priceType ?? null).toBeNull()
  })

  it('alert digests mail a notice on its first day, not when it was written, and once', async () => {
    const day = (offset: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + offset, 12))
    const written = new Date()
    const alert = await payload.create({
      collection: 'alerts',
      data: { email: 'alerte.brocante@exemple.fr', query: { words: 'brocante' }, confirmed: true, lastSentAt: new Date(written.getTime() - 3_600_000).toISOString(), territory },
      overrideAccess: true,
    })
    await notice('Grande brocante de printemps', { displayFrom: day(3).toISOString() })
    const titles = async (since: Date, now: Date) => (await entriesForAlert(payload, alert, since, now)).map((e) => e.doc.title)
    // The day it is written: not yet public, not mailed.
    expect(await titles(new Date(alert.lastSentAt!), written)).not.toContain('Grande brocante de printemps')
    // The digest of the day before its first day: still nothing.
    expect(await titles(day(1), day(2))).not.toContain('Grande brocante de printemps')
    // On its first day: mailed, though written days before.
    expect(await titles(day(2), day(3))).toContain('Grande brocante de printemps')
    // The day after: not again.
    expect(await titles(day(3), day(4))).not.toContain('Grande brocante de printemps')

    // The daily job itself: nothing today, the digest on its day, then nothing more.
    await payload.update({ collection: 'alerts', id: alert.id, data: { lastSentAt: day(2).toISOString() }, overrideAccess: true })
    const lastSent = async () => (await payload.findByID({ collection: 'alerts', id: alert.id, overrideAccess: true })).lastSentAt
    await sendAlertDigests(payload, day(3))
    expect(await lastSent()).toBe(day(3).toISOString())
    await sendAlertDigests(payload, day(4))
    expect(await lastSent()).toBe(day(3).toISOString())
  })

  it('an example announcement relays no message to the demo account behind it', async () => {
    const example = (await payload.find({ collection: 'announcements', where: { and: [{ isExample: { equals: true } }, { status: { equals: 'published' } }, { territory: { equals: territory } }, { kind: { not_equals: 'notice' } }] }, limit: 1, overrideAccess: true })).docs[0]!
    expect(example.author).toBeTruthy()
    const target = await findTarget(payload, 'annonces', example.slug!, territory)
    expect(target).toMatchObject({ isExample: true })
    const requests = () => payload.count({ collection: 'contact-requests', overrideAccess: true }).then((r) => r.totalDocs)
    const before = await requests()
    const outcome = await submitContact({
      payload,
      target: target!,
      input: { senderName: 'Claire Martin', senderEmail: 'claire.martin@exemple.fr', message: 'Bonjour, votre annonce m’intéresse beaucoup.' },
      viewer: null,
      origin: 'http://picardie-verte.localhost',
    })
    expect(outcome).toEqual({ status: 'refused', errors: { _form: EXAMPLE_CONTACT_MESSAGE } })
    expect(EXAMPLE_CONTACT_MESSAGE).toContain('exemple')
    expect(await requests()).toBe(before)
    // A real announcement still relays.
    const real = (await payload.find({ collection: 'announcements', where: { and: [{ isExample: { not_equals: true } }, { status: { equals: 'published' } }, { kind: { not_equals: 'notice' } }, { territory: { equals: territory } }] }, limit: 1, overrideAccess: true })).docs[0]
    if (real?.slug) expect((await findTarget(payload, 'annonces', real.slug, territory))?.isExample).toBe(false)
  })

  it('the booklet: the demo mairie is filled in, no localhost address on the cover', async () => {
    const formerie = (await payload.find({ collection: 'communes', where: { inseeCode: { equals: INSEE.formerie } }, overrideAccess: true })).docs[0]!
    const book = await buildDirectoryBook(payload, territory, formerie.id)
    expect(book.contact).toMatchObject({ title: 'Mairie de Formerie', phone: expect.stringMatching(/^0\d( \d\d){4}$/), hours: expect.stringContaining('h') })
    expect(book.territory.hostname).toBeUndefined() // picardie-verte.localhost reaches nobody
    const buffer = await directoryPdf(book)
    fs.mkdirSync(OUT, { recursive: true })
    fs.writeFileSync(path.join(OUT, `annuaire-formerie-${kind}.pdf`), buffer)
    const cover = (await readPdf(buffer))[0]!.text
    expect(cover).toContain('Mairie de Formerie')
    expect(cover).toContain('03 53 01 60 22')
    expect(cover).not.toContain('localhost')
    const env = (vars: Record<string, string>) => ({ NODE_ENV: 'production', ...vars }) as NodeJS.ProcessEnv
    expect(printedAddress({ hostnames: ['annuaire.picardie-verte.fr'] }, env({}))).toBe('annuaire.picardie-verte.fr')
    expect(printedAddress({ slug: 'cc-des-portes-de-sologne' }, env({ PUBLIC_URL: 'https://annuaire.example.fr' }))).toBe('annuaire.example.fr/t/cc-des-portes-de-sologne')
    expect(printedAddress({ slug: 'cc-des-portes-de-sologne' }, env({}))).toBeUndefined()
  })

  it('« Pour un habitant sans internet »: on the secrétaire’s create form, never in a filter of others', async () => {
    // Payload asks a field's read access with `data` (no `doc`) when it builds an admin form.
    const form = (role: keyof typeof users, data: Record<string, unknown>) =>
      staffReadOrNewDocField({ req: { user: users[role] } as never, data, siblingData: data } as never)
    expect(form('editor', {})).toBe(true)
    expect(form('admin', { territory })).toBe(true)
    expect(form('editorB', { territory })).toBe(false)
    expect(form('resident', {})).toBe(false)
    expect(form('viewer', {})).toBe(false)
    // The create view asks with the form's data as `doc` (no id): shown to her, not to others.
    const createView = (role: keyof typeof users) =>
      staffReadOrNewDocField({ req: { user: users[role] } as never, doc: { _status: 'draft' }, data: { _status: 'draft' } } as never)
    expect(createView('editor')).toBe(true)
    expect(createView('resident')).toBe(false)
    // A stored document (with an id) of territory A: not for territory B's secrétaire.
    expect(staffReadOrNewDocField({ req: { user: users.editorB } as never, doc: { id: 1, territory } } as never)).toBe(false)
    // Checking a `where` gives neither `doc` nor `data`.
    expect(staffReadOrNewDocField({ req: { user: users.editor } } as never)).toBe(false)

    const posted = await payload.create({
      collection: 'announcements',
      data: {
        kind: 'need',
        title: 'Courses pour Mme Vasseur',
        body: 'Mme Vasseur cherche quelqu’un pour ses courses du mardi.',
        commune: grandvilliers,
        priceType: 'free',
        onBehalfOf: { enabled: true, residentName: 'Mme Vasseur', residentPhone: '06 12 34 56 78' },
      } as never,
      ...as('editor'),
    })
    expect(posted.onBehalfOf).toMatchObject({ enabled: true, residentName: 'Mme Vasseur' })
    expect(posted.author === users.editor!.id || (posted.author as { id?: unknown })?.id === users.editor!.id).toBe(true)
    // Without a name, the secrétaire is told what to fill in.
    const unnamed = payload.create({
      collection: 'announcements',
      data: { kind: 'need', title: 'Courses sans nom', body: 'Quelqu’un cherche de l’aide pour ses courses.', commune: grandvilliers, priceType: 'free', onBehalfOf: { enabled: true } } as never,
      ...as('editor'),
    })
    expect(await refusal(unnamed)).toEqual(['Indiquez le nom de l’habitant : la mairie en a besoin pour lui transmettre les réponses.'])

    const filtered = async (role: keyof typeof users | null, prefix: string) => {
      const where: Where = { and: [{ id: { equals: posted.id } }, { 'onBehalfOf.residentPhone': { like: prefix } }] }
      try {
        const { docs } = await payload.find({ collection: 'announcements', where, overrideAccess: false, user: role ? (users[role] as never) : undefined })
        return docs.map((d) => d.id)
      } catch (error) {
        return `refusé : ${(error as Error).name}`
      }
    }
    for (const role of [null, 'resident', 'owner', 'editorB'] as const) {
      const readable = await payload.find({ collection: 'announcements', where: { id: { equals: posted.id } }, overrideAccess: false, user: role ? (users[role] as never) : undefined })
      expect(readable.docs.map((d) => d.id)).toEqual([posted.id])
      expect(readable.docs[0]!.onBehalfOf?.residentPhone).toBeUndefined()
      // The filter answers the same whatever the digits: it tells nothing.
      expect({ role, answer: await filtered(role, '06') }).toEqual({ role, answer: await filtered(role, '03') })
      expect({ role, answer: await filtered(role, '06') }).not.toEqual({ role, answer: [posted.id] })
    }
  })
}
