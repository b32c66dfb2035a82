/**
 * « Mon espace » for a business owner: opening hours and services of their profile, and the
 * hours of each service (walked from « Mon espace » on a 390 px phone), with JavaScript off
 * (plain forms, French messages that keep what was typed) and axe-core clean on the three
 * pages, error state included; an owner's edit of the published profile or service stays off
 * the public page until the secrétaire accepts it in the moderation queue.
 */
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'

import { axeViolations, launchBrowser, newContext } from '../support/browser'
import { DEMO_PASSWORD, DEMO_USERS } from '../support/fixtures'
import { api, login, postGrandvilliersBusiness } from '../support/rest'
import { sqliteServer } from '../support/servers'

const { baseUrl: base } = sqliteServer()
const SHOTS = process.env.TEST_SHOTS_DIR || join(tmpdir(), 'annuaire-shots')
mkdirSync(SHOTS, { recursive: true })
// Forms refuse what is sent faster than a person could (FORM_MIN_SECONDS, 2 s by default).
const HUMAN_PAUSE_MS = 2200

let browser: Browser
let profile: { id: number; name: string }

beforeAll(async () => {
  browser = await launchBrowser()
  // A published business of the demo owner, made for this run (the demo's own stays untouched).
  const admin = await login(base, 'admin')
  const owner = (await api(base, admin, 'GET', `/api/users?where[email][equals]=${encodeURIComponent(DEMO_USERS.owner)}&depth=0`)).json.docs[0]
  const name = `Cordonnerie Lefèvre ${Date.now().toString(36)}`
  const created = await postGrandvilliersBusiness(base, admin, {
    name,
    owners: [owner.id],
    status: 'published',
    openingHours: { weekly: [{ day: 'tuesday', opens: '09:00', closes: '12:00' }] },
  })
  if (created.status !== 201) throw new Error(`Fiche de test non créée : ${created.status} ${JSON.stringify(created.json)}`)
  profile = { id: created.json.doc.id, name }
})

afterAll(async () => {
  await browser?.close()
})

async function ownerContext(javaScript: boolean, mobile = false): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { javaScript, mobile })
  const page = await context.newPage()
  await page.goto(`${base}/connexion`)
  await page.getByLabel('Adresse e-mail').fill(DEMO_USERS.owner)
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
  await submitForm(page, 'Se connecter')
  return { context, page }
}

async function submitForm(page: Page, button: string) {
  await page.waitForTimeout(HUMAN_PAUSE_MS)
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: button }).click()])
}

async function readProfile() {
  return (await api(base, await login(base, 'admin'), 'GET', `/api/businesses/${profile.id}?depth=0`)).json
}

describe('« Mon espace » : horaires et services d’une fiche (sans JavaScript)', () => {
  test('le propriétaire modifie ses horaires ; une erreur garde ce qu’il a saisi', async () => {
    const { context, page } = await ownerContext(false)
    await page.goto(`${base}/mon-espace/fiches/entreprises/${profile.id}`)
    await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Modifier les horaires d’ouverture' }).click()])
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Horaires de « ${profile.name} »`)
    // The stored hours are in the form, one line per day.
    const day = (name: string) => page.getByRole('textbox', { name, exact: true })
    expect(await day('Mardi').inputValue()).toBe('9h-12h')

    await day('Lundi').fill('8h30')
    await day('Samedi').fill('9h-12h30')
    await submitForm(page, 'Enregistrer les horaires')
    const summary = await page.locator('.error-summary').innerText()
    expect(summary).toContain('Lundi : « 8h30 » : indiquez l’ouverture et la fermeture séparées par un tiret')
    expect(await day('Lundi').getAttribute('aria-invalid')).toBe('true')
    expect(await day('Lundi').getAttribute('aria-describedby')).toBe('lundi-erreur')
    expect(await day('Lundi').inputValue()).toBe('8h30')
    expect(await day('Samedi').inputValue()).toBe('9h-12h30')
    expect((await readProfile()).openingHours.weekly).toHaveLength(1)

    // « Copier sur les jours cochés » works without JavaScript: the page comes back filled, nothing saved yet.
    await page.getByLabel('Horaires à copier').fill('8 h 30 - 12h, 14h-18h30')
    await page.getByRole('checkbox', { name: 'Lundi' }).check()
    await page.getByRole('checkbox', { name: 'Jeudi' }).check()
    await submitForm(page, 'Copier sur les jours cochés')
    expect(await page.getByRole('status').filter({ hasText: 'copiés' }).innerText()).toBe(
      'Horaires 8h30-12h, 14h-18h30 copiés sur lundi et jeudi. Vérifiez-les puis enregistrez.',
    )
    expect(await day('Lundi').inputValue()).toBe('8h30-12h, 14h-18h30')
    expect(await day('Jeudi').inputValue()).toBe('8h30-12h, 14h-18h30')
    expect(await day('Samedi').inputValue()).toBe('9h-12h30')
    expect(await page.getByRole('checkbox', { name: 'Lundi' }).isChecked()).toBe(false)
    expect(await page.locator('.error-summary').count()).toBe(0)
    // No « erreur » left in the address by the earlier mistake: the copy went well.
    expect(new URL(page.url()).search).toBe('?retour=1')
    expect((await readProfile()).pendingChanges?.openingHours ?? null).toBeNull()

    await page.getByLabel('Précision (facultatif)').fill('Sur rendez-vous le samedi')
    await submitForm(page, 'Enregistrer les horaires')
    expect(new URL(page.url()).pathname).toBe('/mon-espace')
    const saved = await readProfile()
    const proposed = saved.pendingChanges.openingHours
    expect(proposed.weekly.map((r: { day: string; opens: string; closes: string }) => `${r.day} ${r.opens}-${r.closes}`)).toEqual([
      'monday 08:30-12:00',
      'monday 14:00-18:30',
      'tuesday 09:00-12:00',
      'thursday 08:30-12:00',
      'thursday 14:00-18:30',
      'saturday 09:00-12:30',
    ])
    expect(proposed.note).toBe('Sur rendez-vous le samedi')
    // The approved hours stay online until the secrétaire accepts the change.
    expect(saved.openingHours.weekly).toHaveLength(1)
    expect({ status: saved.status, reviewState: saved.reviewState }).toEqual({ status: 'published', reviewState: 'modified' })
    // The owner's form shows what they proposed.
    await page.goto(`${base}/mon-espace/fiches/entreprises/${profile.id}/horaires`)
    expect(await day('Samedi').inputValue()).toBe('9h-12h30')
    await context.close()
  })

  test('le propriétaire ajoute puis modifie un service, en attente de la mairie', async () => {
    const { context, page } = await ownerContext(false)
    await page.goto(`${base}/mon-espace/fiches/entreprises/${profile.id}/services`)
    await page.getByLabel('Intitulé du service').fill('Ré')
    await submitForm(page, 'Ajouter le service')
    const summary = await page.locator('.error-summary').innerText()
    expect(summary).toMatch(/intitulé/i)
    expect(summary).toMatch(/tarif/i)
    expect(await page.getByLabel('Intitulé du service').inputValue()).toBe('Ré')

    await page.getByLabel('Intitulé du service').fill('Réparation de chaussures à domicile')
    await page.getByLabel('Payant').check()
    await page.getByLabel('Disponibilité').fill('Le mercredi après-midi')
    await submitForm(page, 'Ajouter le service')
    expect(await page.locator('.success-box').innerText()).toContain('la mairie le vérifie')
    expect(await page.locator('main').innerText()).toContain('Réparation de chaussures à domicile — En attente de modération')

    await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Modifier « Réparation de chaussures à domicile »' }).click()])
    await page.getByLabel('Payable en CESU (chèque emploi service universel)').check()
    await submitForm(page, 'Enregistrer le service')
    expect(await page.locator('.success-box').innerText()).toContain('Le service est modifié')
    const admin = await login(base, 'admin')
    const services = (await api(base, admin, 'GET', `/api/services?where[provider.value][equals]=${profile.id}&depth=0`)).json.docs
    expect(services.map((s: { title: string; priceType: string; status: string }) => [s.title, s.priceType, s.status])).toEqual([
      ['Réparation de chaussures à domicile', 'cesu', 'pending'],
    ])
    await context.close()
  })

  test('depuis « Mon espace », sur un téléphone, il donne ses horaires au service publié : en attente de la mairie', async () => {
    // The service added above, once the mairie published it.
    const admin = await login(base, 'admin')
    const service = (await api(base, admin, 'GET', `/api/services?where[provider.value][equals]=${profile.id}&depth=0`)).json.docs[0]
    expect((await api(base, admin, 'PATCH', `/api/services/${service.id}`, { status: 'published' })).status).toBe(200)
    const title = service.title as string

    const { context, page } = await ownerContext(false, true)
    const follow = (name: string) => Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name, exact: true }).click()])
    await page.goto(`${base}/mon-espace`)
    await follow(`Modifier « ${profile.name} »`)
    await follow('Gérer les services proposés')
    await follow(`Horaires de « ${title} »`)
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Horaires du service « ${title} »`)
    const day = (name: string) => page.getByRole('textbox', { name, exact: true })
    await page.getByLabel('Horaires à copier').fill('8h30-12h, 14h-18h30')
    for (const name of ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi']) await page.getByRole('checkbox', { name }).check()
    await submitForm(page, 'Copier sur les jours cochés')
    expect(await day('Vendredi').inputValue()).toBe('8h30-12h, 14h-18h30')
    // 390 px: the form fits without scrolling sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.screenshot({ path: `${SHOTS}/service-horaires-390.png`, fullPage: true })
    await submitForm(page, 'Enregistrer les horaires')
    expect(new URL(page.url()).pathname).toBe(`/mon-espace/fiches/entreprises/${profile.id}/services`)
    expect(await page.locator('.success-box').innerText()).toBe('Les horaires du service sont enregistrés : la mairie les vérifie avant de les publier.')
    expect(await page.locator('main').innerText()).toContain(`${title} — Publié (Modifications en attente de validation)`)
    await page.screenshot({ path: `${SHOTS}/service-liste-390.png`, fullPage: true })

    const saved = (await api(base, admin, 'GET', `/api/services/${service.id}?depth=0`)).json
    expect(saved.pendingChanges.openingHours.weekly.map((r: { day: string; opens: string; closes: string }) => `${r.day} ${r.opens}-${r.closes}`)).toEqual(
      ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].flatMap((d) => [`${d} 08:30-12:00`, `${d} 14:00-18:30`]),
    )
    expect({ status: saved.status, reviewState: saved.reviewState, public: saved.openingHours?.weekly ?? [] }).toEqual({ status: 'published', reviewState: 'modified', public: [] })
    await context.close()
  })

  test('la description modifiée par le propriétaire n’est publique qu’après l’accord de la secrétaire', async () => {
    const approved = (await readProfile()).description ?? ''
    const proposed = `Ressemelage et clés minute, nouveauté ${Date.now().toString(36)}`
    const { context, page } = await ownerContext(false)
    await page.goto(`${base}/mon-espace/fiches/entreprises/${profile.id}`)
    await page.getByLabel('Présentation').fill(proposed)
    await page.getByLabel('Téléphone (publié)').fill('06 12 34 56 78')
    await submitForm(page, 'Enregistrer')
    expect(new URL(page.url()).pathname).toBe('/mon-espace')
    await page.goto(`${base}/mon-espace/fiches/entreprises/${profile.id}`)
    expect(await page.getByLabel('Présentation').inputValue()).toBe(proposed)
    await context.close()

    // A visitor (no session) reads the approved page: neither the text nor the phone.
    const slug = (await readProfile()).slug as string
    const publicPage = async () => {
      const response = await fetch(`${base}/entreprises/${encodeURIComponent(slug)}`)
      expect(response.status).toBe(200)
      return response.text()
    }
    let html = await publicPage()
    expect(html).toContain(profile.name)
    expect(html).not.toContain(proposed)
    expect(html).not.toContain('06 12 34 56 78')
    if (approved) expect(html).toContain(approved)
    const anonymous = await api(base, null, 'GET', `/api/businesses/${profile.id}?depth=0`)
    expect(anonymous.json.description ?? '').toBe(approved)
    expect(anonymous.json.pendingChanges).toBeUndefined()

    // The secrétaire sees the change in the queue and accepts it (JavaScript off: plain forms).
    const session = await login(base, 'editor')
    const staff = await newContext(browser, { javaScript: false })
    try {
      await staff.addCookies([{ name: 'payload-token', value: session.token!, url: base }])
      const queue = await staff.newPage()
      await queue.goto(`${base}/admin/moderation?type=businesses`)
      const item = queue.locator('li.mq-entry', { has: queue.getByRole('heading', { name: profile.name }) })
      const changes = item.locator('table.mq-changes')
      expect(await changes.getByRole('row', { name: /Description/ }).innerText()).toContain(proposed)
      expect(await changes.getByRole('row', { name: /Téléphone/ }).innerText()).toContain('06 12 34 56 78')
      await Promise.all([queue.waitForLoadState('load'), item.getByRole('button', { name: `Garder les modifications de « ${profile.name} »` }).click()])
      expect(await queue.locator('#mq-notice').innerText()).toContain(`Les modifications de « ${profile.name} » sont en ligne.`)
    } finally {
      await staff.close()
    }
    html = await publicPage()
    expect(html).toContain(proposed)
    expect((await api(base, null, 'GET', `/api/businesses/${profile.id}?depth=0`)).json.description).toBe(proposed)
  })

  test('axe-core ne relève aucune violation sur les trois pages, erreurs comprises', async () => {
    const { context, page } = await ownerContext(true)
    const admin = await login(base, 'admin')
    const service = (await api(base, admin, 'GET', `/api/services?where[provider.value][equals]=${profile.id}&depth=0`)).json.docs[0]
    const pages = [
      `/mon-espace/fiches/entreprises/${profile.id}/horaires`,
      `/mon-espace/fiches/entreprises/${profile.id}/services`,
      `/mon-espace/fiches/entreprises/${profile.id}/services/${service.id}/horaires`,
    ]
    for (const path of pages) {
      await page.goto(`${base}${path}`)
      expect({ path, violations: await axeViolations(page, { javaScript: true }) }).toEqual({ path, violations: [] })
    }
    await page.goto(`${base}${pages[0]}`)
    await page.getByRole('textbox', { name: 'Mercredi', exact: true }).fill('17h')
    await submitForm(page, 'Enregistrer les horaires')
    expect(await page.locator('.error-summary').count()).toBe(1)
    // With JavaScript, focus starts at the summary of the errors (a screen reader reads it first).
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'))
    expect({ state: 'erreur horaires', violations: await axeViolations(page, { javaScript: true }) }).toEqual({ state: 'erreur horaires', violations: [] })
    await page.goto(`${base}${pages[1]}`)
    await submitForm(page, 'Ajouter le service')
    expect(await page.locator('.error-summary').count()).toBe(1)
    expect({ state: 'erreur services', violations: await axeViolations(page, { javaScript: true }) }).toEqual({ state: 'erreur services', violations: [] })
    await context.close()
  })
})
