import type { Payload, TypedUser } from 'payload'

import { bootLocalPayload } from '../support/localPayload'
import { createGrandvilliers } from '../support/smallTerritory'

const ORIGIN = 'http://annuaire.test'
const PASSWORD = 'Rutabaga-Moulin-Lavoir-48!'
const ROUTE = 'mon-espace/fiches/[kind]/[id]/services/[service]/horaires/enregistrer'
type Handler = (request: Request, context?: unknown) => Promise<Response>
type Id = number | string
type Range = { day: string; opens: string; closes: string }

/**
 * « Mon espace » › services › Horaires (issue 19): the owner of a business writes his service's
 * week as a person does (« 8h30-12h, 14h-18h30 », copied on Monday–Friday) through the real
 * form handler; the hours are stored as 08:30-12:00 / 14:00-18:30 and, the service being
 * published, wait for the mairie like his other edits of it. Another account cannot.
 */
describe('owner’s hours of a service through the « Mon espace » form (SQLite)', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let issueFormToken: (form: string, userId: Id | null | undefined, now?: number) => string
  const accounts = {} as Record<'owner' | 'other' | 'admin', { user: TypedUser; cookie: string }>
  let business: Id
  let otherBusiness: Id
  let service: Id

  beforeAll(async () => {
    process.env.JOBS_AUTORUN = '0'
    ;({ payload, cleanup } = await bootLocalPayload('sqlite'))
    ;({ issueFormToken } = await import('@/forms/guard'))
    const { territory, commune, category } = await createGrandvilliers(payload, 'Plomberie')
    const people = { owner: ['plombier.horaires@exemple.fr', 'owner'], other: ['voisin.horaires@exemple.fr', 'owner'], admin: ['admin.horaires@exemple.fr', 'admin'] } as const
    for (const [key, [email, role]] of Object.entries(people) as Array<[keyof typeof people, (typeof people)[keyof typeof people]]>) {
      const user = await payload.create({
        collection: 'users',
        data: { email, password: PASSWORD, name: `Compte ${key}`, roles: [role], territory: territory.id, _verified: true } as never,
        overrideAccess: true,
      })
      const login = await payload.login({ collection: 'users', data: { email, password: PASSWORD } })
      accounts[key] = { user: { ...user, collection: 'users' } as TypedUser, cookie: `payload-token=${login.token}` }
    }
    const profile = (name: string, owner: Id) =>
      payload.create({
        collection: 'businesses',
        data: { name, categories: [category.id], commune: commune.id, owners: [owner as number], status: 'published' },
        overrideAccess: true,
        context: { skipNotify: true },
      } as never)
    business = (await profile('Plomberie Caron', accounts.owner.user.id)).id
    otherBusiness = (await profile('Chauffage Vasseur', accounts.other.user.id)).id
    const created = await payload.create({
      collection: 'services',
      data: {
        title: 'Dépannage de chaudière',
        provider: { relationTo: 'businesses', value: business as number },
        categories: [category.id],
        commune: commune.id,
        priceType: 'paid',
        status: 'published',
        openingHours: { weekly: [{ day: 'saturday', opens: '09:00', closes: '12:00' }] },
      },
      overrideAccess: true,
      context: { skipNotify: true },
    } as never)
    service = created.id
  }, 300_000)

  afterAll(async () => {
    await cleanup?.()
  })

  /** POSTs the form as `who`, with a token issued 5 s ago (a person's pace). */
  async function post(who: 'owner' | 'other', params: { id: Id; service: Id }, fields: Record<string, string>): Promise<Response> {
    const { POST } = (await import(`@/app/(frontend)/(contributions)/${ROUTE}/route`)) as { POST: Handler }
    const path = `mon-espace/fiches/entreprises/${params.id}/services/${params.service}/horaires/enregistrer`
    const token = issueFormToken('service-hours', accounts[who].user.id, Date.now() - 5000)
    return POST(
      new Request(`${ORIGIN}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, 'sec-fetch-site': 'same-origin', cookie: accounts[who].cookie },
        body: new URLSearchParams({ _jeton: token, ...fields }),
      }),
      { params: Promise.resolve({ kind: 'entreprises', id: String(params.id), service: String(params.service) }) },
    )
  }

  /** What the handler sends back to the form (the signed flash cookie): values typed and messages. */
  async function flashOf(response: Response) {
    const { FLASH_COOKIE, readFlash } = await import('@/forms/flash')
    const raw = (response.headers.get('set-cookie') ?? '').match(new RegExp(`${FLASH_COOKIE}=([^;]+)`))?.[1]
    return readFlash(raw, 'service-hours')
  }

  const stored = () => payload.findByID({ collection: 'services', id: service, depth: 0, overrideAccess: true })
  const lines = (weekly: Range[] | null | undefined) => (weekly ?? []).map((r) => `${r.day} ${r.opens}-${r.closes}`)
  const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi']

  it('copies « 8h30-12h, 14h-18h30 » on the ticked days, then saves them as 08:30-12:00 / 14:00-18:30, waiting for the mairie', async () => {
    // « Copier sur les jours cochés »: back to the form filled in, nothing saved yet.
    const copy = await post('owner', { id: business, service }, {
      action: 'copier',
      modele: '8h30-12h, 14h-18h30',
      ...Object.fromEntries(WEEKDAYS.map((day) => [`copier-${day}`, '1'])),
      samedi: '9h-12h',
    })
    expect(copy.status).toBe(303)
    expect(copy.headers.get('location')).toBe(`/mon-espace/fiches/entreprises/${business}/services/${service}/horaires?retour=1#formulaire`)
    const filled = (await flashOf(copy))!.values as Record<string, string>
    expect(WEEKDAYS.map((day) => filled[day])).toEqual(Array(5).fill('8h30-12h, 14h-18h30'))
    expect(filled.samedi).toBe('9h-12h')
    expect((await stored()).pendingChanges ?? null).toBeNull()

    // A mistake comes back with the values, nothing stored.
    const wrong = await post('owner', { id: business, service }, { lundi: '8h30', samedi: '9h-12h' })
    expect(wrong.headers.get('location')).toBe(`/mon-espace/fiches/entreprises/${business}/services/${service}/horaires?erreur=1#formulaire`)
    const back = (await flashOf(wrong))!
    expect(back.errors.lundi).toMatch(/^Lundi : « 8h30 » : /)
    expect(back.values).toMatchObject({ lundi: '8h30', samedi: '9h-12h' })
    expect((await stored()).pendingChanges ?? null).toBeNull()

    // He then saves the form as it came back (its inputs, not the button or status line), with a note.
    const inputs = Object.fromEntries(Object.entries(filled).filter(([name]) => name !== 'action' && !name.startsWith('_')))
    const saved = await post('owner', { id: business, service }, { ...inputs, note: 'Urgences le samedi matin' })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`/mon-espace/fiches/entreprises/${business}/services?ok=horaires`)

    const doc = await stored()
    const expected = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].flatMap((day) => [`${day} 08:30-12:00`, `${day} 14:00-18:30`])
    const proposed = (doc.pendingChanges as { openingHours: { weekly: Range[]; note: string } }).openingHours
    expect(lines(proposed.weekly)).toEqual([...expected, 'saturday 09:00-12:00'])
    expect(proposed.note).toBe('Urgences le samedi matin')
    // As his other edits of a published service: flagged « modifié », the approved hours stay public.
    expect(doc).toMatchObject({ status: 'published', reviewState: 'modified' })
    expect(Object.keys(doc.pendingChanges as object)).toEqual(['openingHours'])
    expect(lines(doc.openingHours?.weekly as Range[])).toEqual(['saturday 09:00-12:00'])
    const { loadModerationQueue } = await import('@/moderation/queue')
    expect((await loadModerationQueue(payload, accounts.admin.user)).modified.map((e) => e.title)).toContain('Dépannage de chaudière')

    // The same path as an edit of its description by « Mes services »: both wait together.
    const { saveService } = await import('@/contributions/services')
    const profile = await payload.findByID({ collection: 'businesses', id: business, depth: 0, overrideAccess: true })
    const edited = await saveService(payload, accounts.owner.user as never, 'businesses', profile, {
      service: String(service),
      title: 'Dépannage de chaudière',
      description: 'Toutes marques, sous 24 h.',
      priceType: 'paid',
    } as never)
    expect(edited).toEqual({ ok: true, created: false })
    const both = await stored()
    expect(Object.keys(both.pendingChanges as object).sort()).toEqual(['description', 'openingHours'])
    expect(both.reviewState).toBe('modified')

    // The owner's form shows what he proposed.
    const { findOwnService } = await import('@/contributions/services')
    const own = await findOwnService(payload, 'businesses', business, String(service))
    expect(lines(own?.openingHours?.weekly as Range[])).toEqual([...expected, 'saturday 09:00-12:00'])
  })

  it('refuses another account: not through someone else’s profile, not through his own, not through the API', async () => {
    const before = (await stored()).pendingChanges
    const foreignProfile = await post('other', { id: business, service }, { lundi: '7h-20h' })
    expect(foreignProfile.status).toBe(404)
    const ownProfile = await post('other', { id: otherBusiness, service }, { lundi: '7h-20h' })
    expect(ownProfile.status).toBe(404)
    expect(await ownProfile.text()).toContain('Ce service n’existe pas ou n’appartient pas à cette fiche.')
    const { saveServiceHours } = await import('@/contributions/services')
    const direct = saveServiceHours(payload, accounts.other.user as never, (await stored()) as never, { weekly: [{ day: 'monday', opens: '07:00', closes: '20:00' }] })
    await expect(direct).rejects.toMatchObject({ name: 'Forbidden' })
    expect((await stored()).pendingChanges).toEqual(before)
  })
})
