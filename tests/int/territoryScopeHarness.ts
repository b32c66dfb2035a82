/**
 * What the territory isolation suites share (territoryScopeSuite.ts): a database of its own
 * with the two demo territories, their accounts, the keys a hook reads with a value pointing
 * at territory B for each, and documents written as each role of territory A.
 */
import type { CollectionSlug, Payload, TypedUser } from 'payload'
import sharp from 'sharp'

import { DEMO_PASSWORD, DEMO_USERS, INSEE } from '../support/fixtures'
import { bootLocalPayload } from '../support/localPayload'

export type Id = number | string
export type Doc = Record<string, any>

/** Accounts of the demo territory (A, Picardie Verte) and of the second one (B, Portes de Sologne). */
export type RoleA = 'superadmin' | 'admin' | 'editor' | 'viewer' | 'owner' | 'resident'
const SOLOGNE = { adminB: 'admin.sologne@annuaire.example', editorB: 'mairie.laferte@annuaire.example', residentB: 'habitant.sologne@annuaire.example' } as const
export type RoleB = keyof typeof SOLOGNE

/**
 * Every key a shared hook (src/hooks, collections/∗/hooks) reads from `data` or
 * `originalDoc`, to be sent to every collection whatever it declares.
 */
export const HOOK_KEYS = [
  'commune',
  'territory',
  'owners',
  'author',
  'status',
  'reviewState',
  'roles',
  'communes',
  'uploadedBy',
  'provider',
  'kind',
  'postcode',
] as const
type HookKey = (typeof HOOK_KEYS)[number]

/** What the attack must never change: who a document belongs to and what it may do. */
const GUARDED = ['territory', 'owners', 'author', 'status', 'roles', 'uploadedBy', 'communes'] as const
/** Moderators of an entry's territory choose its owners or author (moderatorField): not an attack. */
export const MODERATOR_CHOICES: readonly string[] = ['owners', 'author']
export const isModerator = (role: string) => role === 'admin' || role === 'editor'

export type TerritoryScopeHarness = ReturnType<typeof territoryScopeHarness>

/** Boots the database and the demo before the suite, and gives the suite its helpers. */
export function territoryScopeHarness(kind: 'sqlite' | 'postgres') {
  let payload: Payload
  let cleanup: () => Promise<void>
  const users = {} as Record<RoleA | RoleB, TypedUser>
  const territory = { A: 0 as Id, B: 0 as Id }
  const commune = { A1: 0 as Id, B1: 0 as Id }
  let category: Id
  let businessB: Id
  let siretSeq = 900
  let seq = 0

  beforeAll(async () => {
    process.env.JOBS_AUTORUN = '0'
    process.env.DEMO_PASSWORD ??= DEMO_PASSWORD
    ;({ payload, cleanup } = await bootLocalPayload(kind, { demo: true }))
    const byEmail = async (email: string) => {
      const found = await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })
      return { ...found.docs[0]!, collection: 'users' } as TypedUser
    }
    for (const role of ['superadmin', 'admin', 'editor', 'viewer', 'owner', 'resident'] as const) users[role] = await byEmail(DEMO_USERS[role])
    for (const role of Object.keys(SOLOGNE) as RoleB[]) users[role] = await byEmail(SOLOGNE[role])
    const communeId = async (inseeCode: string) =>
      (await payload.find({ collection: 'communes', where: { inseeCode: { equals: inseeCode } }, overrideAccess: true, depth: 0 })).docs[0]!
    const a1 = await communeId(INSEE.grandvilliers)
    const b1 = await communeId('45146')
    commune.A1 = a1.id
    commune.B1 = b1.id
    territory.A = a1.territory as Id
    territory.B = b1.territory as Id
    category = (await payload.find({ collection: 'categories', where: { territory: { exists: false } }, limit: 1, overrideAccess: true })).docs[0]!.id
    businessB = (await payload.find({ collection: 'businesses', where: { territory: { equals: territory.B } }, limit: 1, overrideAccess: true })).docs[0]!.id
  }, 300_000)

  afterAll(async () => {
    await cleanup?.()
  })

  const idOf = (value: unknown): unknown => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)
  const norm = (value: unknown): unknown => (Array.isArray(value) ? value.map((v) => String(idOf(v))).sort() : value == null ? null : String(idOf(value)))
  const guarded = (doc: Doc) => Object.fromEntries(GUARDED.filter((k) => k in doc).map((k) => [k, norm(doc[k])]))

  /** A value for a key that points at the other territory (or grants more). */
  function foreignValue(key: HookKey): unknown {
    switch (key) {
      case 'commune':
        return commune.B1
      case 'territory':
        return territory.B
      case 'owners':
        return [users.adminB.id]
      case 'author':
      case 'uploadedBy':
        return users.adminB.id
      case 'status':
        return 'published'
      case 'reviewState':
        return 'ok'
      case 'roles':
        return ['superadmin']
      case 'communes':
        return [commune.B1]
      case 'provider':
        return { relationTo: 'businesses', value: businessB }
      case 'kind':
        return 'notice'
      case 'postcode':
        return '45240'
    }
  }

  async function png() {
    return sharp({ create: { width: 4, height: 4, channels: 3, background: '#357' } }).png().toBuffer()
  }

  /** Valid data for a new document of a collection, as the given role would write it. */
  function freshData(slug: string, role: RoleA): Doc {
    const marker = `portee-${kind}-${++seq}`
    switch (slug) {
      case 'users':
        return { name: `Compte ${marker}`, email: `${marker}@annuaire.example`, password: 'Portee-Essai-2026-long!', roles: ['resident'] }
      case 'pages':
        return { title: `Page ${marker}`, slug: 'a-propos' }
      case 'categories':
        return { name: `Catégorie ${marker}` }
      case 'media':
        return { alt: `Image ${marker}` }
      case 'businesses':
      case 'associations':
        return {
          name: `Fiche ${marker}`,
          categories: [category],
          commune: commune.A1,
          description: 'Fiche des essais de cloisonnement.',
          ...(slug === 'businesses' ? { siret: undefined } : {}),
        }
      case 'announcements':
        return { kind: role === 'owner' || role === 'resident' ? 'offer' : 'notice', title: `Annonce ${marker}`, body: 'Annonce des essais de cloisonnement.', commune: commune.A1 }
      default:
        throw new Error(slug)
    }
  }

  /** Who may create and who may update what (the access table), for territory A's accounts. */
  const WRITERS: Array<{ slug: CollectionSlug; create: RoleA[]; update: RoleA[] }> = [
    { slug: 'users', create: ['admin'], update: ['admin', 'editor', 'viewer', 'owner', 'resident'] },
    { slug: 'pages', create: ['admin'], update: ['admin'] },
    { slug: 'categories', create: ['admin', 'editor'], update: ['admin', 'editor'] },
    { slug: 'media', create: ['admin', 'editor', 'owner', 'resident'], update: ['admin', 'editor', 'owner', 'resident'] },
    { slug: 'businesses', create: ['admin', 'editor', 'owner'], update: ['admin', 'editor', 'owner'] },
    { slug: 'associations', create: ['admin', 'editor', 'owner'], update: ['admin', 'editor', 'owner'] },
    { slug: 'announcements', create: ['admin', 'editor', 'resident'], update: ['admin', 'editor', 'resident'] },
  ]

  /** Keys sent to a collection: every hook key but those it declares and a writer may legitimately set. */
  function keysFor(slug: string): HookKey[] {
    // The commune of an entry is its to choose (a move is the subject of its own test below).
    return HOOK_KEYS.filter((key) => !(key === 'commune' && ['businesses', 'associations', 'announcements', 'services'].includes(slug)))
  }

  async function createAs(slug: CollectionSlug, role: RoleA, extra: Doc = {}): Promise<Doc> {
    const data = { ...freshData(slug, role), ...extra }
    const file = slug === 'media' ? { data: await png(), mimetype: 'image/png', name: `${data.alt}.png`.replace(/\s/g, '-'), size: 0 } : undefined
    if (file) file.size = file.data.length
    return (await payload.create({
      collection: slug,
      data: data as never,
      user: users[role],
      overrideAccess: false,
      depth: 0,
      disableVerificationEmail: true,
      context: { skipNotify: true },
      ...(file ? { file } : {}),
    } as never)) as Doc
  }

  const targets = new Map<string, Doc>()

  /** The document an update attack targets, written by the role itself (or its own account); one per collection and role. */
  async function targetFor(slug: CollectionSlug, role: RoleA): Promise<Doc> {
    const key = `${slug}:${role}`
    if (!targets.has(key)) targets.set(key, await newTarget(slug, role))
    return targets.get(key)!
  }

  async function newTarget(slug: CollectionSlug, role: RoleA): Promise<Doc> {
    if (slug === 'users') return (await payload.findByID({ collection: 'users', id: users[role].id, depth: 0, overrideAccess: true })) as Doc
    const created = await createAs(slug, role)
    if (['businesses', 'associations', 'announcements'].includes(slug)) {
      // Published, as an owner's live entry: the attack must not unpublish or re-home it.
      return (await payload.update({ collection: slug, id: created.id, data: { status: 'published' } as never, overrideAccess: true, depth: 0, context: { skipNotify: true } })) as Doc
    }
    return created
  }

  /** The French messages of a refused write (Payload's ValidationError keeps them per field). */
  async function refusal(write: Promise<unknown>): Promise<string> {
    try {
      await write
    } catch (error) {
      const data = (error as { data?: { errors?: Array<{ message?: string }> } }).data
      return [(error as Error).message, ...(data?.errors ?? []).map((e) => e.message ?? '')].join(' | ')
    }
    return 'accepté'
  }

  const stored = async (slug: CollectionSlug, id: Id) => (await payload.findByID({ collection: slug, id, depth: 0, overrideAccess: true })) as Doc

  return {
    kind,
    users,
    territory,
    commune,
    norm,
    guarded,
    foreignValue,
    WRITERS,
    keysFor,
    createAs,
    targetFor,
    refusal,
    stored,
    get payload() {
      return payload
    },
    /** The last demo SIRET number used: each new entry takes the next one. */
    get siretSeq() {
      return siretSeq
    },
    set siretSeq(value: number) {
      siretSeq = value
    },
  }
}
