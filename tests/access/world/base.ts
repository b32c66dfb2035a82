/**
 * The access world's plumbing, under the fixtures world.ts builds: one session per account,
 * REST calls and image uploads as an actor, over HTTP or in-process through the local API
 * on the shared server's database, reads and writes as the national administrator, and the
 * clean-up of everything a run created.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload, TypedUser } from 'payload'
import sharp from 'sharp'

import type { ServerTarget } from '../../support/servers'
import { type Id, type Reply, type Session, call, query } from '../client'
import { localCall, userFor } from '../localApi'
import type { Actor } from '../matrix'
import type { Account } from './specs'

export class WorldBase {
  readonly server: ServerTarget
  readonly run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`
  private counter = 0
  protected readonly sessions = new Map<Account, Session>()
  protected readonly created: Array<{ collection: string; id: Id }> = []
  protected readonly ownedTerritory: Id[] = []
  protected readonly ownedCommunes: Id[] = []
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

  protected async localUser(actor: Actor | Account): Promise<TypedUser | null> {
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
  // The local API on the server's database
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

  protected async localPayload(): Promise<Payload> {
    if (this.local) return this.local
    process.env.DATABASE_URI = this.databaseUri()
    process.env.EMAIL_OUTBOX_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-access-outbox-'))
    process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'annuaire-access-media-'))
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    this.local = await getPayload({ config })
    return this.local
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
