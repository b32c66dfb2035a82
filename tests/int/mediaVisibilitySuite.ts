/**
 * Who reads an image or a document (security finding M2): the national administrator, the
 * staff of its territory, the person who sent it, and the public only while a public
 * document shows it. Real database, local API as each account (access enforced), REST
 * (`/api/media`, `/api/media/file/<name>` and its sizes) and GraphQL in process.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { jest } from '@jest/globals'
import { handleEndpoints, type CollectionSlug, type Payload, type TypedUser } from 'payload'
import sharp from 'sharp'

import { decide } from '@/moderation/decide'

import { DEMO_PASSWORD, DEMO_USERS } from '../support/fixtures'
import { bootLocalPayload } from '../support/localPayload'
import { samplePdf } from '../support/pdf'

type Id = number | string
type Doc = Record<string, any>
type Actor = keyof typeof DEMO_USERS | 'adminB' | 'editorB'
type Reader = Actor | 'anonymous'

const EMAILS: Record<Actor, string> = { ...DEMO_USERS, adminB: 'admin.sologne@annuaire.example', editorB: 'mairie.laferte@annuaire.example' }
const DAY = 86_400_000
/** Everything but `Date` keeps running: the database drivers and Payload use real timers. */
const ONLY_DATE = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const

export function mediaVisibilitySuite(kind: 'sqlite' | 'postgres') {
  let payload: Payload
  let cleanup: () => Promise<void>
  const users = {} as Record<Actor, TypedUser>
  const tokens = {} as Record<Actor, string>
  let grandvilliers: Id

  beforeAll(async () => {
    process.env.JOBS_AUTORUN = '0'
    process.env.DEMO_PASSWORD ??= DEMO_PASSWORD
    process.env.MEDIA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-media-'))
    ;({ payload, cleanup } = await bootLocalPayload(kind, { demo: true }))
    const one = async (collection: CollectionSlug, where: Doc) => (await payload.find({ collection, where, limit: 1, depth: 0, overrideAccess: true })).docs[0] as Doc
    for (const actor of Object.keys(EMAILS) as Actor[]) {
      users[actor] = { ...(await one('users', { email: { equals: EMAILS[actor] } })), collection: 'users' } as TypedUser
      tokens[actor] = (await payload.login({ collection: 'users', data: { email: EMAILS[actor], password: process.env.DEMO_PASSWORD! } })).token!
    }
    grandvilliers = (await one('communes', { inseeCode: { equals: '60286' } })).id
  }, 600_000)

  afterAll(async () => {
    jest.useRealTimers()
    await cleanup?.()
  })

  const as = (actor: Actor) => ({ user: users[actor], overrideAccess: false, depth: 0, context: { skipNotify: true } }) as const

  async function rest(reader: Reader, urlPath: string) {
    const headers: Record<string, string> = reader === 'anonymous' ? {} : { Authorization: `JWT ${tokens[reader]}` }
    const response = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost/api${urlPath}`, { headers }) })
    const text = await response.text()
    return { status: response.status, text }
  }

  // Building the schema takes seconds: once per file.
  let schema: Awaited<ReturnType<typeof graphqlSchema>> | undefined
  async function graphqlSchema() {
    const { configToSchema } = await import('@payloadcms/graphql')
    return configToSchema(payload.config).schema
  }

  async function graphql(reader: Reader, source: string) {
    const [{ graphql: run }, { createLocalReq }] = await Promise.all([import('graphql'), import('payload')])
    schema ??= await graphqlSchema()
    const req = await createLocalReq({ user: reader === 'anonymous' ? undefined : users[reader] }, payload)
    req.payloadAPI = 'GraphQL'
    return run({ schema, source, contextValue: { req, headers: {} } })
  }

  /** Whether `reader` gets the media: by id, in the list, its file and each size (local API, REST, GraphQL). */
  async function reads(reader: Reader, media: Doc): Promise<Record<string, boolean>> {
    const access = reader === 'anonymous' ? { overrideAccess: false } : as(reader)
    const byId = await payload.findByID({ collection: 'media', id: media.id, ...access, disableErrors: true })
    const list = await payload.find({ collection: 'media', where: { id: { equals: media.id } }, ...access })
    const restOne = await rest(reader, `/media/${media.id}`)
    const restList = await rest(reader, '/media?limit=1000&depth=0')
    const files = [media.filename, ...Object.values((media.sizes ?? {}) as Record<string, { filename?: string | null }>).map((s) => s.filename)].filter(Boolean)
    const fileStatus = await Promise.all(files.map(async (name) => (await rest(reader, `/media/file/${encodeURIComponent(name)}`)).status))
    const gqlOne = await graphql(reader, `{ Media(id: ${JSON.stringify(media.id)}) { id filename } }`)
    const gqlList = await graphql(reader, '{ allMedia(limit: 1000) { docs { id } } }')
    const listed = (gqlList.data as Doc | null)?.allMedia?.docs?.map((d: Doc) => String(d.id)) ?? []
    // A hidden file answers as a missing one (404), never 403.
    for (const status of fileStatus) expect([200, 404]).toContain(status)
    return {
      byId: Boolean(byId),
      list: list.docs.length === 1,
      rest: restOne.status === 200,
      restList: JSON.parse(restList.text).docs.some((d: Doc) => String(d.id) === String(media.id)),
      file: fileStatus.every((s) => s === 200),
      anyFile: fileStatus.some((s) => s === 200),
      graphql: Boolean((gqlOne.data as Doc | null)?.Media),
      graphqlList: listed.includes(String(media.id)),
    }
  }
  const ALL = { byId: true, list: true, rest: true, restList: true, file: true, anyFile: true, graphql: true, graphqlList: true }
  const NONE = { byId: false, list: false, rest: false, restList: false, file: false, anyFile: false, graphql: false, graphqlList: false }

  async function image(actor: Actor, alt: string) {
    const data = await sharp({ create: { width: 900, height: 700, channels: 3, background: '#3a7d44' } }).png().toBuffer()
    return (await payload.create({ collection: 'media', data: { alt }, file: { data, mimetype: 'image/png', name: 'photo-atelier.png', size: data.length }, ...as(actor) })) as Doc
  }

  it('a notice’s PDF: hidden from the public and the other territory until its first day, shown until its expiry', async () => {
    const data = await samplePdf('Arrêté : fermeture de la rue de la Gare')
    const pdf = (await payload.create({
      collection: 'media',
      data: { alt: 'Arrêté fermeture rue de la Gare' },
      file: { data, mimetype: 'application/pdf', name: 'arrete-gare.pdf', size: data.length },
      ...as('editor'),
    })) as Doc
    // Sent, not attached yet: the secrétaire who sent it and her territory's staff only.
    expect(await reads('anonymous', pdf)).toEqual(NONE)

    const first = new Date(Date.now() + 3 * DAY)
    const notice = await payload.create({
      collection: 'announcements',
      data: { kind: 'notice', title: 'Fermeture de la rue de la Gare', body: 'La rue de la Gare sera fermée pour travaux.', commune: grandvilliers, attachment: pdf.id, displayFrom: first.toISOString() } as never,
      ...as('editor'),
    })
    expect(notice.status).toBe('published')
    for (const reader of ['anonymous', 'resident', 'owner', 'adminB', 'editorB'] as const) expect([reader, await reads(reader, pdf)]).toEqual([reader, NONE])
    for (const reader of ['editor', 'admin', 'viewer', 'superadmin'] as const) expect([reader, await reads(reader, pdf)]).toEqual([reader, ALL])

    // On its first day (the day in France, from midnight): public, on every path.
    jest.useFakeTimers({ doNotFake: [...ONLY_DATE], now: new Date(Date.parse(`${first.toISOString().slice(0, 10)}T09:00:00Z`)) })
    try {
      expect(await reads('anonymous', pdf)).toEqual(ALL)
      expect(await reads('editorB', pdf)).toEqual(ALL)
    } finally {
      jest.useRealTimers()
    }
    // The day before: not yet.
    jest.useFakeTimers({ doNotFake: [...ONLY_DATE], now: new Date(Date.parse(`${first.toISOString().slice(0, 10)}T09:00:00Z`) - DAY) })
    try {
      expect(await reads('anonymous', pdf)).toEqual(NONE)
    } finally {
      jest.useRealTimers()
    }

    // Shown now, then expired (the daily job has not archived it yet): hidden again.
    await payload.update({ collection: 'announcements', id: notice.id, data: { displayFrom: new Date(Date.now() - 9 * DAY).toISOString() } as never, overrideAccess: true })
    expect(await reads('anonymous', pdf)).toEqual(ALL)
    await payload.update({ collection: 'announcements', id: notice.id, data: { expiresAt: new Date(Date.now() - DAY).toISOString() } as never, overrideAccess: true })
    expect(await reads('anonymous', pdf)).toEqual(NONE)
    expect(await reads('editor', pdf)).toEqual(ALL)
  })

  it('an owner’s new photo waits for moderation: hidden, then public once approved, hidden when the entry is', async () => {
    const mine = (await payload.find({ collection: 'businesses', where: { and: [{ owners: { equals: users.owner.id } }, { status: { equals: 'published' } }] }, limit: 1, depth: 0, overrideAccess: true })).docs[0] as Doc
    expect(mine).toBeTruthy()
    const photo = await image('owner', 'La vitrine de la boulangerie')
    expect(Object.keys(photo.sizes ?? {})).toEqual(expect.arrayContaining(['thumbnail', 'card']))
    const before = (mine.photos ?? []).map((p: unknown) => (typeof p === 'object' ? (p as Doc).id : p))
    const edited = (await payload.update({ collection: 'businesses', id: mine.id, data: { photos: [...before, photo.id] } as never, ...as('owner') })) as Doc
    // The published entry keeps its approved photos; the new one is a proposal.
    expect(edited.reviewState).toBe('modified')
    for (const reader of ['anonymous', 'resident', 'adminB', 'editorB'] as const) expect([reader, await reads(reader, photo)]).toEqual([reader, NONE])
    for (const reader of ['owner', 'admin', 'editor', 'viewer', 'superadmin'] as const) expect([reader, await reads(reader, photo)]).toEqual([reader, ALL])
    // A published entry read with depth shows only public photos.
    const page = await payload.findByID({ collection: 'businesses', id: mine.id, depth: 2, overrideAccess: false })
    expect(JSON.stringify(page)).not.toContain(photo.filename)

    await decide(payload, users.admin, { action: 'approve', collection: 'businesses', id: mine.id })
    expect(await reads('anonymous', photo)).toEqual(ALL)
    expect(await reads('editorB', photo)).toEqual(ALL)

    // Taken offline: its photos with it.
    await payload.update({ collection: 'businesses', id: mine.id, data: { status: 'archived' } as never, ...as('admin') })
    expect(await reads('anonymous', photo)).toEqual(NONE)
    expect(await reads('owner', photo)).toEqual(ALL)
  })

  it('another territory’s page cannot make a file public, even one not sent yet (attack review)', async () => {
    const territoryB = users.adminB.territory as Id | { id: Id }
    const pageB = (await payload.find({ collection: 'pages', where: { territory: { equals: typeof territoryB === 'object' ? territoryB.id : territoryB } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] as Doc
    expect(pageB).toBeTruthy()
    const photo = await image('editor', 'Plan du marché de Grandvilliers')
    // Upload nodes for this file and for the next ids, in rich text (the editor checks only their form).
    const plant = (value: Id) => ({ type: 'upload', relationTo: 'media', value, fields: null, format: '', version: 3 })
    const content = pageB.content as { root: { children: unknown[] } }
    const planted = { ...content, root: { ...content.root, children: [...content.root.children, plant(photo.id), plant(Number(photo.id) + 1)] } }
    await payload.update({ collection: 'pages', id: pageB.id, data: { content: planted } as never, ...as('adminB') })
    expect(await reads('anonymous', photo)).toEqual(NONE)
    // The next file of territory A, attached to a notice still waiting: hidden too.
    const next = await image('editor', 'Affiche de la kermesse')
    await payload.create({
      collection: 'announcements',
      data: { kind: 'notice', status: 'pending', title: 'Kermesse de l’école', body: 'Affiche à venir.', commune: grandvilliers, attachment: next.id } as never,
      ...as('editor'),
    })
    for (const media of [photo, next]) expect(await reads('anonymous', media)).toEqual(NONE)
    expect(await reads('editorB', next)).toEqual(NONE)
    await payload.update({ collection: 'pages', id: pageB.id, data: { content } as never, overrideAccess: true })
  })

  it('a resident’s upload stays his and his territory staff’s; the territories’ logos stay public', async () => {
    const upload = await image('resident', 'Photo envoyée par un habitant')
    expect(await reads('anonymous', upload)).toEqual(NONE)
    expect(await reads('owner', upload)).toEqual(NONE)
    expect(await reads('adminB', upload)).toEqual(NONE)
    expect(await reads('resident', upload)).toEqual(ALL)
    expect(await reads('admin', upload)).toEqual(ALL)
    // Payload's storage folder parameter (these media have none) finds no file: 404, not 500.
    for (const reader of ['anonymous', 'resident'] as const) {
      const answer = await rest(reader, `/media/file/${encodeURIComponent(upload.filename)}?prefix=x`)
      expect([reader, answer.status, JSON.parse(answer.text).errors[0].message]).toEqual([reader, 404, 'Fichier introuvable.'])
    }

    const territories = (await payload.find({ collection: 'territories', where: { logo: { exists: true } }, depth: 0, overrideAccess: true })).docs
    expect(territories.length).toBeGreaterThan(0)
    for (const territory of territories) {
      const logo = (await payload.findByID({ collection: 'media', id: territory.logo as Id, overrideAccess: true })) as Doc
      expect(await reads('anonymous', logo)).toEqual(ALL)
    }
  })
}
