import type { Payload } from 'payload'

import { bootLocalPayload } from '../support/localPayload'
import { createGrandvilliers } from '../support/smallTerritory'
import { type SireneReplay, sireneReplayServer } from '../support/sireneReplay'

const ORIGIN = 'http://annuaire.test'
const PASSWORD = 'Topinambour-Grange-Lavoir-73!'
type Handler = (request: Request) => Promise<Response>

/**
 * « Vérifier le SIRET » on the registration form, through the real route handlers on a real
 * database, the register replayed from recorded answers: the form comes back filled (name,
 * address, activity, commune), or with a French reason and what was typed kept.
 */
describe('SIRENE pre-fill of the registration form (SQLite)', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let sirene: SireneReplay
  let cookie: string
  let userId: number | string
  let grandvilliers: number | string
  let category: number | string
  let issueFormToken: (form: string, userId: number | string | null | undefined, now?: number) => string
  let readFlash: (raw: string | undefined, form: string) => { values: Record<string, string | string[]>; errors: Record<string, string> } | null

  beforeAll(async () => {
    sirene = await sireneReplayServer()
    process.env.SIRENE_API_URL = sirene.url
    process.env.JOBS_AUTORUN = '0'
    ;({ payload, cleanup } = await bootLocalPayload('sqlite'))
    ;({ issueFormToken } = await import('@/forms/guard'))
    ;({ readFlash } = await import('@/forms/flash'))
    const made = await createGrandvilliers(payload, 'Boulangerie')
    const territory = made.territory
    grandvilliers = made.commune.id
    category = made.category.id
    const user = await payload.create({
      collection: 'users',
      data: { email: 'artisan.siret@exemple.fr', password: PASSWORD, name: 'Thomas Martin', roles: ['resident'], territory: territory.id, _verified: true } as never,
      overrideAccess: true,
    })
    userId = user.id
    const login = await payload.login({ collection: 'users', data: { email: 'artisan.siret@exemple.fr', password: PASSWORD } })
    cookie = `payload-token=${login.token}`
  }, 300_000)

  afterAll(async () => {
    delete process.env.SIRENE_API_URL
    await sirene?.close()
    await cleanup?.()
  })

  async function post(path: string, fields: Record<string, string>): Promise<Response> {
    const { POST } = (await import(`@/app/(frontend)/(contributions)/inscrire-mon-activite/${path}/route`)) as { POST: Handler }
    const body = new URLSearchParams({ _jeton: issueFormToken('registration', userId, Date.now() - 5000), ...fields })
    return POST(
      new Request(`${ORIGIN}/inscrire-mon-activite/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, 'sec-fetch-site': 'same-origin', cookie },
        body,
      }),
    )
  }

  function flashOf(res: Response) {
    const raw = /annuaire-formulaire=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]
    const state = readFlash(raw, 'registration')
    if (!state) throw new Error('Pas d’état de formulaire renvoyé')
    return state
  }

  it('fills name, address, activity and commune from the register, then registers with them', async () => {
    const res = await post('verifier-siret', { kind: 'businesses', name: '', siret: '732 829 320 00074', category: String(category) })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toMatch(/\/inscrire-mon-activite\?siret=verifie#formulaire$/)
    const { values, errors } = flashOf(res)
    expect(errors).toEqual({})
    expect(values).toMatchObject({
      kind: 'businesses',
      siret: '73282932000074',
      name: 'Boulangerie du Marche',
      street: '12 rue de la Republique',
      activity: '10.71C',
      commune: String(grandvilliers),
      category: String(category),
    })
    expect(values._sirene).toMatch(/Établissement trouvé .*« Boulangerie du Marche » à Grandvilliers/)
    expect(sirene.requests.at(-1)).toBe('/search?q=73282932000074&page=1&per_page=1')

    // The person checks the form and sends it as it came back.
    const { _sirene: _notice, ...form } = values as Record<string, string>
    const registered = await post('envoyer', form)
    expect(registered.status).toBe(303)
    expect(registered.headers.get('location')).toContain('/mon-espace?ok=inscrite')
    const { docs } = await payload.find({ collection: 'businesses', where: { siret: { equals: '73282932000074' } }, overrideAccess: true, depth: 0 })
    expect(docs[0]).toMatchObject({ name: 'Boulangerie du Marche', street: '12 rue de la Republique', activity: '10.71C', commune: grandvilliers, status: 'pending' })
  })

  it('says in French when the SIRET is malformed or unknown, and keeps what was typed', async () => {
    const malformed = flashOf(await post('verifier-siret', { kind: 'businesses', name: 'Mon atelier', siret: '1234' }))
    expect(malformed.errors.siret).toMatch(/SIRET/)
    expect(malformed.values.name).toBe('Mon atelier')
    const { demoSiret } = await import('@/seed/luhn')
    const unknown = flashOf(await post('verifier-siret', { kind: 'businesses', name: 'Mon atelier', siret: demoSiret(4242), description: 'Menuiserie' }))
    expect(unknown.errors.siret).toMatch(/^Aucun établissement trouvé/)
    expect(unknown.values).toMatchObject({ name: 'Mon atelier', description: 'Menuiserie' })
    expect(unknown.values._sirene).toBeUndefined()
  })

  it('keeps the form usable by hand when the register cannot be reached', async () => {
    process.env.SIRENE_API_URL = 'http://127.0.0.1:9'
    try {
      const down = flashOf(await post('verifier-siret', { kind: 'businesses', name: 'Boulangerie Martin', siret: '73282932000074' }))
      expect(down.errors.siret).toMatch(/ne répond pas.*à la main/)
      expect(down.values.name).toBe('Boulangerie Martin')
    } finally {
      process.env.SIRENE_API_URL = sirene.url
    }
  })

  it('refuses a form that does not come from the site', async () => {
    const { POST } = (await import('@/app/(frontend)/(contributions)/inscrire-mon-activite/verifier-siret/route')) as { POST: Handler }
    const res = await POST(
      new Request(`${ORIGIN}/inscrire-mon-activite/verifier-siret`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie },
        body: new URLSearchParams({ siret: '73282932000074' }),
      }),
    )
    expect(flashOf(res).errors._form).toBeTruthy()
    expect(flashOf(res).values._sirene).toBeUndefined()
  })
})
