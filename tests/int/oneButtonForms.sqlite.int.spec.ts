import type { Payload } from 'payload'

import { bootLocalPayload } from '../support/localPayload'
import { createGrandvilliers } from '../support/smallTerritory'

const ORIGIN = 'http://annuaire.test'
const PASSWORD = 'Topinambour-Grange-Lavoir-73!'
type Handler = (request: Request, context?: unknown) => Promise<Response>
type Id = number | string

/**
 * The one-button forms of the site (log out, close an announcement, delete one's account) and
 * the login form go through handleForm like every form: the token bound to the account is
 * required, a click right after the page opened is fine, and each answers a refusal in its own way.
 */
describe('one-button forms through handleForm (SQLite)', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let issueFormToken: (form: string, userId: Id | null | undefined, now?: number) => string
  let resident: { id: Id; cookie: string }
  let announcement: Id
  let territoryId: Id

  beforeAll(async () => {
    process.env.JOBS_AUTORUN = '0'
    ;({ payload, cleanup } = await bootLocalPayload('sqlite'))
    ;({ issueFormToken } = await import('@/forms/guard'))
    const { territory, commune, category } = await createGrandvilliers(payload, 'Jardinage')
    territoryId = territory.id
    const user = await payload.create({
      collection: 'users',
      data: { email: 'habitante.bouton@exemple.fr', password: PASSWORD, name: 'Claire Petit', roles: ['resident'], territory: territory.id, _verified: true } as never,
      overrideAccess: true,
    })
    const login = await payload.login({ collection: 'users', data: { email: 'habitante.bouton@exemple.fr', password: PASSWORD } })
    resident = { id: user.id, cookie: `payload-token=${login.token}` }
    const { createAnnouncement } = await import('@/contributions/announcements')
    const created = await createAnnouncement(payload, user as never, {
      kind: 'need', title: 'Tonte de pelouse le samedi', body: 'Je cherche quelqu’un pour tondre ma pelouse.', category: category.id, commune: commune.id, priceType: 'free',
    } as never)
    if (!created.ok) throw new Error(JSON.stringify(created.errors))
    announcement = created.doc.id
  }, 300_000)

  afterAll(async () => {
    await cleanup?.()
  })

  async function post(path: string, fields: Record<string, string>, params: Record<string, string> = {}): Promise<Response> {
    const { POST } = (await import(`@/app/(frontend)/(contributions)/${path}/route`)) as { POST: Handler }
    const url = `${ORIGIN}/${path.replace(/\[(\w+)\]/g, (_m, name: string) => params[name] ?? name)}`
    return POST(
      new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, 'sec-fetch-site': 'same-origin', cookie: resident.cookie },
        body: new URLSearchParams(fields),
      }),
      { params: Promise.resolve(params) },
    )
  }

  it('closes an announcement on a click right after the page opened, and refuses a forged token with 403', async () => {
    const params = { id: String(announcement) }
    const forged = await post('mon-espace/annonces/[id]/cloturer', { _jeton: '1.2.3' }, params)
    expect(forged.status).toBe(403)
    expect(await forged.text()).toContain('rechargez la page')
    const otherForm = await post('mon-espace/annonces/[id]/cloturer', { _jeton: issueFormToken('logout', resident.id) }, params)
    expect(otherForm.status).toBe(403)
    expect((await payload.findByID({ collection: 'announcements', id: announcement, overrideAccess: true })).status).not.toBe('archived')

    const now = await post('mon-espace/annonces/[id]/cloturer', { _jeton: issueFormToken('announcement-action', resident.id) }, params)
    expect(now.headers.get('location')).toBe('/mon-espace?ok=cloturee')
    expect((await payload.findByID({ collection: 'announcements', id: announcement, overrideAccess: true })).status).toBe('archived')
  })

  it('deletes nothing without the box ticked or with a foreign token, each with its own message', async () => {
    const page = 'mon-espace/supprimer-mon-compte/envoyer'
    const unconfirmed = await post(page, { _jeton: issueFormToken('account-delete', resident.id) })
    expect(unconfirmed.headers.get('location')).toBe('/mon-espace/supprimer-mon-compte?erreur=confirmation#erreur')
    const foreign = await post(page, { _jeton: issueFormToken('account-delete', 'quelqu-un-d-autre'), confirmation: 'oui' })
    expect(foreign.headers.get('location')).toBe('/mon-espace/supprimer-mon-compte?erreur=formulaire#erreur')
    const bot = await post(page, { _jeton: issueFormToken('account-delete', resident.id), confirmation: 'oui', site_web_confirmation: 'x' })
    expect(bot.headers.get('location')).toBe('/mon-espace/supprimer-mon-compte?erreur=formulaire#erreur')
    expect((await payload.count({ collection: 'users', where: { id: { equals: resident.id } }, overrideAccess: true })).totalDocs).toBe(1)
  })

  it('logs out from a page opened two days ago, never with a forged token', async () => {
    const forged = await post('deconnexion/envoyer', { _jeton: '1.2.3' })
    expect(forged.status).toBe(403)
    expect(forged.headers.get('set-cookie')).toBeNull()
    const old = await post('deconnexion/envoyer', { _jeton: issueFormToken('logout', resident.id, Date.now() - 2 * 24 * 3600 * 1000) })
    expect(old.status).toBe(303)
    expect(old.headers.get('location')).toBe('/connexion?deconnecte=1')
    expect(old.headers.get('set-cookie')).toMatch(/^payload-token=; Path=\/; Max-Age=0/)
  })

  it('logs in when a password manager sends the form at once, but keeps the honeypot and the token', async () => {
    const fields = { email: 'habitante.bouton@exemple.fr', password: PASSWORD }
    const now = await post('connexion/envoyer', { ...fields, _jeton: issueFormToken('login', null) })
    expect(now.status).toBe(303)
    expect(now.headers.get('location')).toBe('/mon-espace')
    expect(now.headers.get('set-cookie')).toMatch(/^payload-token=[^;]+;/)
    const forged = await post('connexion/envoyer', { ...fields, _jeton: '1.2.3' })
    expect(forged.headers.get('set-cookie') ?? '').not.toContain('payload-token=')
    const bot = await post('connexion/envoyer', { ...fields, _jeton: issueFormToken('login', null), site_web_confirmation: 'x' })
    expect(bot.headers.get('set-cookie') ?? '').not.toContain('payload-token=')
  })

  it('offers the communes in French order: « Élencourt » before « Wambez »', async () => {
    for (const [name, insee] of [['Wambez', '60700'], ['Élencourt', '60205']]) {
      await payload.create({ collection: 'communes', data: { name, slug: name.toLowerCase(), inseeCode: insee, postcodes: ['60210'], territory: territoryId } as never, overrideAccess: true })
    }
    const { communeOptions } = await import('@/contributions/options')
    const labels = (await communeOptions(payload, territoryId)).map((o) => o.label)
    expect(labels.indexOf('Élencourt (60210)')).toBeGreaterThanOrEqual(0)
    expect(labels.indexOf('Élencourt (60210)')).toBeLessThan(labels.indexOf('Grandvilliers (60210)'))
    expect(labels.indexOf('Grandvilliers (60210)')).toBeLessThan(labels.indexOf('Wambez (60210)'))
  })
})
