/**
 * The world the access table runs in, built on one shared test server: the demo territory
 * (A) with its demo accounts, a second territory (B, CC des Portes de Sologne) with its own
 * staff, and one document per target of the table. Everything is written through the REST
 * API as the national administrator, except what only the server itself may write
 * (contact requests, reports, alerts): those go through the local API on the server's
 * own database. `destroy()` deletes everything this run created.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload, TypedUser } from 'payload'
import sharp from 'sharp'

import { withLuhnDigit } from '@/seed/luhn'
import { DEMO_EPCI, DEMO_PASSWORD, DEMO_USERS, INSEE } from '../support/fixtures'
import type { ServerTarget } from '../support/servers'
import { type Id, type Reply, type Session, call, idOf, login, query } from './client'
import { localCall, userFor } from './localApi'
import type { Actor, CreatePlace, DirectoryTarget, LoggedInActor } from './matrix'

export const EXTRA_PASSWORD = 'Acces-Essai-2026-long!'

/** Accounts created for the test besides the demo ones. */
export type ExtraAccount = 'adminB' | 'editorB' | 'viewerB' | 'owner2' | 'resident2' | 'ownerB'
export type Account = LoggedInActor | ExtraAccount

export type DirectorySlug = 'businesses' | 'associations' | 'services' | 'announcements'
export const DIRECTORY: readonly DirectorySlug[] = ['businesses', 'associations', 'services', 'announcements']

type Place = 'A1' | 'A2' | 'B1'
type DirectorySpec = { place: Place; status: 'published' | 'pending'; owner: 'primary' | 'other' | 'B' }

export const DIRECTORY_SPECS: Record<DirectoryTarget, DirectorySpec> = {
  'published-A1': { place: 'A1', status: 'published', owner: 'primary' },
  'pending-A1': { place: 'A1', status: 'pending', owner: 'primary' },
  'pending-A2': { place: 'A2', status: 'pending', owner: 'other' },
  'pending-B': { place: 'B1', status: 'pending', owner: 'B' },
  'published-B': { place: 'B1', status: 'published', owner: 'B' },
}

export const PLACE_OF_CREATE: Record<CreatePlace, Place> = { 'in-A1': 'A1', 'in-A2': 'A2', 'in-B1': 'B1' }

/** The provider a new service names, by place: the owner's own business in A1. */
const PROVIDER_BY_PLACE: Record<Place, DirectoryTarget> = { A1: 'published-A1', A2: 'pending-A2', B1: 'published-B' }

/** Private values written on every fixture, to look for in answers. */
export const PRIVATE = {
  moderationNote: (run: string) => `Note interne confidentielle ${run}`,
  residentName: (run: string) => `Mme Confidentielle ${run}`,
  residentPhone: '03 44 00 11 22',
  expiryWarningSentAt: '2026-01-15T10:00:00.000Z',
}

/** What only the server writes: the REST API refuses to create it for anyone. */
export const SERVER_ONLY = ['contact-requests', 'reports', 'alerts', 'usage-stats', 'import-runs'] as const
export type ServerOnlySlug = (typeof SERVER_ONLY)[number]

export class World {
  readonly server: ServerTarget
  readonly run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`
  private counter = 0
  private readonly sessions = new Map<Account, Session>()
  private readonly created: Array<{ collection: string; id: Id }> = []
  private readonly ownedTerritory: Id[] = []
  private readonly ownedCommunes: Id[] = []
  private local: Payload | null = null
  /** Each actor's user as the JWT strategy loads it, kept until an account is written. */
  private readonly localUsers = new Map<Actor | Account, TypedUser>()

  /**
   * How cells and the national administrator's reads and writes reach Payload: over HTTP
   * (the shared server), or in-process through the local API on the same database
   * (localApi.ts). The world itself is always built and removed over HTTP, so that the
   * server's own caches and search index know every fixture.
   */
  get transport(): 'http' | 'local' {
    return this.via
  }

  set transport(value: 'http' | 'local') {
    // Accounts may have been written over HTTP meanwhile.
    this.localUsers.clear()
    this.via = value
  }

  private via: 'http' | 'local' = 'http'

  territory = { A: 0 as Id, B: 0 as Id }
  commune = { A1: 0 as Id, A2: 0 as Id, B1: 0 as Id, B2: 0 as Id }
  category = { national: 0 as Id }
  /** Shared documents by collection and target. */
  readonly docs = new Map<string, Id>()
  /** The private e-mail written on each business / association fixture. */
  readonly emails = new Map<string, string>()

  constructor(server: ServerTarget) {
    this.server = server
  }

  get baseUrl() {
    return this.server.baseUrl
  }

  /** A unique marker for one test. */
  marker(prefix = 'm'): string {
    this.counter += 1
    return `${prefix}${this.run}x${this.counter}`
  }

  session(actor: Actor | Account): Session | null {
    if (actor === 'anonymous') return null
    const session = this.sessions.get(actor)
    if (!session) throw new Error(`Pas de session pour ${actor}`)
    return session
  }

  userId(account: Account): Id {
    return this.session(account)!.userId
  }

  /** The territory an actor works for (the national administrator: none). */
  territoryOf(actor: Actor): 'A' | 'B' | null {
    if (actor === 'anonymous' || actor === 'superadmin') return null
    return actor.endsWith('B') ? 'B' : 'A'
  }

  as(actor: Actor | Account) {
    const session = this.session(actor)
    return (method: string, p: string, body?: unknown) => call(this.baseUrl, session, method, p, body)
  }

  /** A REST call (`/api/…`) as an actor, through the world's transport. */
  async call(actor: Actor | Account, method: string, p: string, body?: unknown): Promise<Reply> {
    if (this.transport === 'http') return call(this.baseUrl, this.session(actor), method, p, body)
    const payload = await this.localPayload()
    const reply = await localCall(payload, await this.localUser(actor), method, p, body)
    // A write on an account may change what its user may do: load the users again.
    if (method !== 'GET' && p.startsWith('/api/users')) this.localUsers.clear()
    return reply
  }

  private async localUser(actor: Actor | Account): Promise<TypedUser | null> {
    if (actor === 'anonymous') return null
    let user = this.localUsers.get(actor)
    if (!user) {
      user = await userFor(await this.localPayload(), this.userId(actor))
      this.localUsers.set(actor, user)
    }
    return user
  }

  /** Reads a document as the national administrator (404 when it no longer exists). */
  async readBack(collection: string, id: Id): Promise<Reply> {
    return this.call('superadmin', 'GET', `/api/${collection}/${id}${query({ depth: 0 })}`)
  }

  async findAsSuper(collection: string, where: Record<string, unknown>): Promise<any[]> {
    const reply = await this.call('superadmin', 'GET', `/api/${collection}${query({ where, depth: 0, limit: 10 })}`)
    if (reply.status !== 200) throw new Error(`Lecture ${collection} impossible : ${reply.status} ${reply.text.slice(0, 300)}`)
    return reply.json.docs
  }

  /** Creates a document as the national administrator and remembers it for the clean-up. */
  async createAsSuper(collection: string, data: Record<string, unknown>): Promise<any> {
    const reply = await this.call('superadmin', 'POST', `/api/${collection}${query({ depth: 0 })}`, data)
    if (reply.status !== 201) {
      throw new Error(`Création ${collection} impossible : ${reply.status} ${reply.text.slice(0, 500)}`)
    }
    this.track(collection, reply.json.doc.id)
    return reply.json.doc
  }

  track(collection: string, id: Id) {
    this.created.push({ collection, id })
  }

  // -------------------------------------------------------------------------------------
  // Set-up
  // -------------------------------------------------------------------------------------

  async setUp(): Promise<void> {
    // Booting Payload in this process first keeps it from stalling HTTP requests later.
    await this.localPayload()
    for (const role of Object.keys(DEMO_USERS) as Array<keyof typeof DEMO_USERS>) {
      this.sessions.set(role, await login(this.baseUrl, DEMO_USERS[role], DEMO_PASSWORD))
    }
    const [territoryA] = await this.findAsSuper('territories', { epciCode: { equals: DEMO_EPCI } })
    if (!territoryA) throw new Error('Territoire de démonstration introuvable')
    this.territory.A = territoryA.id
    this.commune.A1 = await this.communeId(INSEE.grandvilliers)
    this.commune.A2 = await this.communeId(INSEE.formerie)
    await this.setUpTerritoryB()
    await this.setUpAccounts()
    const [national] = await this.findAsSuper('categories', { territory: { exists: false } })
    this.category.national = national.id
    await this.setUpShared()
    await this.setUpServerOnly()
  }

  private async communeId(inseeCode: string): Promise<Id> {
    const [commune] = await this.findAsSuper('communes', { inseeCode: { equals: inseeCode } })
    if (!commune) throw new Error(`Commune ${inseeCode} introuvable`)
    return commune.id
  }

  /** CC des Portes de Sologne (EPCI 200005932) and two of its communes, unless they exist. */
  private async setUpTerritoryB() {
    const [existing] = await this.findAsSuper('territories', { epciCode: { equals: '200005932' } })
    if (existing) {
      this.territory.B = existing.id
    } else {
      const doc = await this.createAsSuper('territories', {
        name: 'CC des Portes de Sologne',
        epciCode: '200005932',
        slug: 'cc-des-portes-de-sologne',
      })
      this.created.pop()
      this.ownedTerritory.push(doc.id)
      this.territory.B = doc.id
    }
    const communes = [
      { key: 'B1', name: 'La Ferté-Saint-Aubin', slug: 'la-ferte-saint-aubin', inseeCode: '45146', latitude: 47.71215, longitude: 1.91288 },
      { key: 'B2', name: 'Marcilly-en-Villette', slug: 'marcilly-en-villette', inseeCode: '45193', latitude: 47.76262, longitude: 2.04113 },
    ] as const
    for (const c of communes) {
      const [found] = await this.findAsSuper('communes', { inseeCode: { equals: c.inseeCode } })
      if (found) {
        this.commune[c.key] = found.id
        continue
      }
      const { key, ...data } = c
      const doc = await this.createAsSuper('communes', { ...data, postcodes: ['45240'], epciCode: '200005932', territory: this.territory.B })
      this.created.pop()
      this.ownedCommunes.push(doc.id)
      this.commune[key] = doc.id
    }
  }

  private async setUpAccounts() {
    const accounts: Array<{ key: ExtraAccount; role: string; territory: 'A' | 'B'; communes?: Id[] }> = [
      { key: 'adminB', role: 'admin', territory: 'B' },
      { key: 'editorB', role: 'editor', territory: 'B', communes: [this.commune.B1] },
      { key: 'viewerB', role: 'viewer', territory: 'B' },
      { key: 'owner2', role: 'owner', territory: 'A' },
      { key: 'resident2', role: 'resident', territory: 'A' },
      { key: 'ownerB', role: 'owner', territory: 'B' },
    ]
    for (const account of accounts) {
      const email = `acces-${this.run}-${account.key.toLowerCase()}@annuaire.example`
      await this.createAsSuper('users', {
        email,
        password: EXTRA_PASSWORD,
        name: `Compte d'essai ${account.key}`,
        roles: [account.role],
        territory: this.territory[account.territory],
        communes: account.communes ?? [],
        _verified: true,
      })
      this.sessions.set(account.key, await login(this.baseUrl, email, EXTRA_PASSWORD))
    }
  }

  /** A fresh account of a territory, made by the national administrator. */
  async freshUser(territory: 'A' | 'B', role = 'resident'): Promise<{ id: Id; email: string }> {
    const email = `${this.marker('compte')}@annuaire.example`
    const doc = await this.createAsSuper('users', {
      email,
      password: EXTRA_PASSWORD,
      name: 'Compte jetable',
      roles: [role],
      territory: this.territory[territory],
      _verified: true,
    })
    return { id: doc.id, email }
  }

  private ownerFor(collection: DirectorySlug, owner: DirectorySpec['owner']): Account {
    if (owner === 'B') return 'ownerB'
    if (collection === 'announcements') return owner === 'primary' ? 'resident' : 'resident2'
    return owner === 'primary' ? 'owner' : 'owner2'
  }

  /** Valid data for a new entry of a directory collection, at a place. */
  entryData(collection: DirectorySlug, place: Place, marker: string): Record<string, unknown> {
    const commune = this.commune[place]
    switch (collection) {
      case 'businesses':
      case 'associations':
        return {
          name: `[essai accès] ${marker}`,
          categories: [this.category.national],
          commune,
          description: 'Fiche créée par les tests de droits d’accès.',
        }
      case 'services':
        return {
          title: `[essai accès] ${marker}`,
          provider: { relationTo: 'businesses', value: this.doc('businesses', PROVIDER_BY_PLACE[place]) },
          categories: [this.category.national],
          description: 'Service créé par les tests de droits d’accès.',
        }
      case 'announcements':
        return {
          kind: 'offer',
          title: `[essai accès] ${marker}`,
          body: 'Annonce créée par les tests de droits d’accès.',
          commune,
        }
    }
  }

  /** The text field that carries a create marker, per collection. */
  static markerField(collection: string): string {
    return (
      {
        businesses: 'name',
        associations: 'name',
        services: 'title',
        announcements: 'title',
        categories: 'name',
        territories: 'name',
        communes: 'name',
        'contact-requests': 'senderName',
        reports: 'message',
        alerts: 'email',
        'audit-log': 'documentTitle',
        'usage-stats': 'key',
        'import-runs': 'fileName',
        media: 'alt',
        pages: 'title',
        users: 'email',
      } as Record<string, string>
    )[collection]!
  }

  /** A directory document as the national administrator: status, owners and private data set. */
  async directoryDoc(collection: DirectorySlug, target: DirectoryTarget): Promise<any> {
    const spec = DIRECTORY_SPECS[target]
    const marker = this.marker(target)
    const data: Record<string, unknown> = {
      ...this.entryData(collection, spec.place, marker),
      status: spec.status,
      moderationNote: PRIVATE.moderationNote(this.run),
    }
    const owner = this.userId(this.ownerFor(collection, spec.owner))
    if (collection === 'businesses' || collection === 'associations') {
      const email = `prive.${marker}@exemple.fr`
      Object.assign(data, { owners: [owner], email })
    }
    if (collection === 'announcements') {
      Object.assign(data, {
        author: owner,
        onBehalfOf: { enabled: true, residentName: PRIVATE.residentName(this.run), residentPhone: PRIVATE.residentPhone },
      })
    }
    const doc = await this.createAsSuper(collection, data)
    if (typeof data.email === 'string') this.emails.set(`${collection}:${doc.id}`, data.email)
    return doc
  }

  doc(collection: string, target: string): Id {
    const id = this.docs.get(`${collection}:${target}`)
    if (id === undefined) throw new Error(`Pas de document ${collection} « ${target} »`)
    return id
  }

  private async setUpShared() {
    for (const collection of ['businesses', 'associations', 'services', 'announcements'] as const) {
      for (const target of Object.keys(DIRECTORY_SPECS) as DirectoryTarget[]) {
        const doc = await this.directoryDoc(collection, target)
        this.docs.set(`${collection}:${target}`, doc.id)
      }
    }
    this.docs.set('territories:A', this.territory.A)
    this.docs.set('territories:B', this.territory.B)
    this.docs.set('communes:A1', this.commune.A1)
    this.docs.set('communes:B1', this.commune.B1)
    this.docs.set('communes:spare-A', (await this.freshCommune('A')).id)
    this.docs.set('communes:spare-B', (await this.freshCommune('B')).id)
    this.docs.set('categories:national', this.category.national)
    this.docs.set('categories:A', (await this.freshCategory('A')).id)
    this.docs.set('categories:B', (await this.freshCategory('B')).id)
    this.docs.set('pages:A', (await this.freshPage('A')).id)
    this.docs.set('pages:B', (await this.freshPage('B')).id)
    this.docs.set('pages:global', (await this.freshPage('global')).id)
    this.docs.set('media:A', (await this.upload('resident')).id)
    this.docs.set('media:B', (await this.upload('adminB')).id)
    this.docs.set('users:resident-A', this.userId('resident2'))
    this.docs.set('users:user-B', this.userId('ownerB'))
    this.docs.set('users:national', this.userId('superadmin'))
  }

  async freshCommune(territory: 'A' | 'B'): Promise<any> {
    const marker = this.marker('commune')
    return this.createAsSuper('communes', {
      name: `[essai accès] ${marker}`,
      slug: marker,
      inseeCode: marker,
      territory: this.territory[territory],
    })
  }

  async freshCategory(territory: 'A' | 'B' | 'national'): Promise<any> {
    const marker = this.marker('categorie')
    return this.createAsSuper('categories', {
      name: `[essai accès] ${marker}`,
      ...(territory === 'national' ? {} : { territory: this.territory[territory] }),
    })
  }

  async freshPage(territory: 'A' | 'B' | 'global'): Promise<any> {
    return this.createAsSuper('pages', {
      title: `[essai accès] ${this.marker('page')}`,
      slug: 'a-propos',
      ...(territory === 'global' ? {} : { territory: this.territory[territory] }),
    })
  }

  async freshTerritory(): Promise<any> {
    const marker = this.marker('territoire')
    return this.createAsSuper('territories', { name: `[essai accès] ${marker}`, epciCode: randomSiren(), slug: marker })
  }

  /** Uploads a small image as an actor; returns the reply (the document is tracked). */
  async uploadAs(actor: Actor | Account, alt = this.marker('image')): Promise<Reply> {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#4a7' } }).png().toBuffer()
    if (this.transport === 'local') {
      const upload = { data: png, mimetype: 'image/png', name: `${alt}.png`, alt }
      const reply = await localCall(await this.localPayload(), await this.localUser(actor), 'POST', `/api/media${query({ depth: 0 })}`, undefined, upload)
      if (reply.status === 201) this.track('media', reply.json.doc.id)
      return reply
    }
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${alt}.png`)
    form.append('_payload', JSON.stringify({ alt }))
    const reply = await call(this.baseUrl, this.session(actor), 'POST', `/api/media${query({ depth: 0 })}`, undefined, { raw: form })
    if (reply.status === 201) this.track('media', reply.json.doc.id)
    return reply
  }

  async upload(actor: Actor | Account): Promise<any> {
    const reply = await this.uploadAs(actor)
    if (reply.status !== 201) throw new Error(`Envoi d'image impossible : ${reply.status} ${reply.text.slice(0, 300)}`)
    return reply.json.doc
  }

  // -------------------------------------------------------------------------------------
  // What only the server writes: through the local API on the server's database
  // -------------------------------------------------------------------------------------

  private databaseUri(): string {
    const uri = this.server.name === 'sqlite' ? process.env.TEST_DATABASE_URI : process.env.TEST_PG_DATABASE_URI
    if (!uri) {
      throw new Error(
        'TEST_DATABASE_URI / TEST_PG_DATABASE_URI manquent : lancez les tests avec « npm test » (scripts/test.mjs les fournit).',
      )
    }
    return uri
  }

  private async localPayload(): Promise<Payload> {
    if (this.local) return this.local
    process.env.DATABASE_URI = this.databaseUri()
    process.env.EMAIL_OUTBOX_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-access-outbox-'))
    process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-access-media-'))
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    this.local = await getPayload({ config })
    return this.local
  }

  /** A document only the server writes (contact request, report, alert, counter, import), for a territory. */
  async serverOnlyDoc(collection: ServerOnlySlug, territory: 'A' | 'B'): Promise<Id> {
    const payload = await this.localPayload()
    const business = this.doc('businesses', territory === 'A' ? 'published-A1' : 'published-B')
    const target = { relationTo: 'businesses' as const, value: business as number }
    const marker = this.marker(collection)
    const common = { territory: this.territory[territory] as number }
    let doc: { id: Id }
    if (collection === 'contact-requests') {
      doc = await payload.create({
        collection,
        data: {
          ...common,
          target,
          senderName: marker,
          senderEmail: `expediteur.${marker}@exemple.fr`,
          message: 'Bonjour, je voudrais un renseignement.',
          status: 'sent',
          recipients: [this.userId(territory === 'A' ? 'owner' : 'ownerB') as number],
          confirmationToken: `secret-${marker}`,
        },
        context: { skipAudit: true, skipEmail: true },
      })
    } else if (collection === 'reports') {
      doc = await payload.create({
        collection,
        data: { ...common, target, reason: 'spam', status: 'open', message: marker, reporterEmail: `signale.${marker}@exemple.fr` },
        context: { skipAudit: true, skipEmail: true },
      })
    } else if (collection === 'alerts') {
      doc = await payload.create({
        collection,
        data: { ...common, email: `alerte.${marker}@exemple.fr`, confirmed: true, token: `secret-${marker}` },
        context: { skipAudit: true, skipEmail: true },
      })
    } else if (collection === 'usage-stats') {
      doc = await payload.create({
        collection,
        data: { ...common, key: marker, month: '2026-01', metric: 'search', dimension: marker, count: 3 },
      })
    } else {
      doc = await payload.create({
        collection,
        data: { ...common, fileName: `${marker}.csv`, kind: 'businesses', state: 'done', user: this.userId(territory === 'A' ? 'editor' : 'adminB') as number },
      })
    }
    this.track(collection, doc.id)
    return doc.id
  }

  private async setUpServerOnly() {
    for (const collection of SERVER_ONLY) {
      this.docs.set(`${collection}:A`, await this.serverOnlyDoc(collection, 'A'))
      this.docs.set(`${collection}:B`, await this.serverOnlyDoc(collection, 'B'))
    }
    const payload = await this.localPayload()
    await payload.update({
      collection: 'announcements',
      id: this.doc('announcements', 'published-A1'),
      data: { expiryWarningSentAt: PRIVATE.expiryWarningSentAt },
      context: { skipAudit: true },
    })
    // The journal of each territory has entries: the fixtures above wrote them.
    for (const t of ['A', 'B'] as const) {
      const [entry] = await this.findAsSuper('audit-log', { territory: { equals: this.territory[t] } })
      if (!entry) throw new Error(`Aucune entrée de journal pour le territoire ${t}`)
      this.docs.set(`audit-log:${t}`, entry.id)
    }
  }

  // -------------------------------------------------------------------------------------
  // Clean-up
  // -------------------------------------------------------------------------------------

  async destroy(): Promise<void> {
    const superadmin = this.sessions.get('superadmin')
    if (superadmin) {
      // A few at a time: each deletion runs its hooks (journal, search index) on the server.
      const queue = [...this.created].reverse()
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          await call(this.baseUrl, superadmin, 'DELETE', `/api/${next.collection}/${next.id}`).catch(() => null)
        }
      }
      await Promise.all(Array.from({ length: 6 }, worker))
      for (const id of this.ownedCommunes) await call(this.baseUrl, superadmin, 'DELETE', `/api/communes/${id}`).catch(() => null)
      for (const id of this.ownedTerritory) await call(this.baseUrl, superadmin, 'DELETE', `/api/territories/${id}`).catch(() => null)
    }
    if (this.local) {
      const { closeDatabase } = await import('@/database/close')
      // Closing Payload's PostgreSQL pool can wait forever here (jest force-exits anyway).
      await Promise.race([closeDatabase(this.local).catch(() => {}), new Promise((resolve) => setTimeout(resolve, 10_000).unref())])
      this.local = null
    }
  }
}

/** A random SIREN with a valid Luhn key (for throw-away territories). */
export function randomSiren(): string {
  return withLuhnDigit(`9${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`)
}

