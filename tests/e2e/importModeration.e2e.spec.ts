/**
 * The secrétaire's moderation and the intercommunality's spreadsheet import, at the pace of a
 * person (1.2 s before each click, 150 ms per key), counting clicks: approving is ≤ 2 clicks,
 * refusing ≤ 3 (« Refuser », type the reason, « Confirmer le refus »); an owner's edit says who
 * changed what, in words; a « ; » spreadsheet with « Alimentation > Boulangerie » categories is
 * checked then imported with one « Importer » button, the owner's text kept and reported, and
 * the owner's waiting edit left to the moderator (the card still says it is theirs).
 * With JavaScript at 1366 px, and without it on a 390 px phone.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { BrowserContext, Page } from 'playwright-core'

import { useBrowser, axeBuilder } from '../support/browser'
import { announcementStatus, pendingAnnouncement as createPendingAnnouncement } from '../support/announcements'
import { DEMO_PASSWORD, DEMO_USERS, type DemoRole } from '../support/fixtures'
import { api, login } from '../support/rest'
import { CLICK_PAUSE_MS, Person } from '../support/person'
import { sqliteServer } from '../support/servers'

const base = sqliteServer().baseUrl
const MAIRIE_CSV = path.resolve('tests/fixtures/imports/tableur-mairie.csv')
/** Her communes (Grandvilliers, Hanvoile) and one that is not hers (Songeons). */
const SECRETAIRE_CSV = path.resolve('tests/fixtures/imports/tableur-secretaire.csv')

const browser = useBrowser()

/** The demo account `role` logs in to the admin, typing like a person. */
async function adminLogin(person: Person, role: DemoRole) {
  await person.page.goto(`${base}/admin/login`)
  await person.type(DEMO_USERS[role], person.page.locator('input[name="email"]'))
  await person.type(DEMO_PASSWORD, person.page.locator('input[name="password"]'))
  await person.click(person.page.getByRole('button', { name: 'Se connecter' }))
  await person.page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })
}

async function context(javaScript: boolean, width: number): Promise<BrowserContext> {
  return browser().newContext({
    javaScriptEnabled: javaScript,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width, height: width < 500 ? 844 : 900 },
    ...(width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  })
}

/** A person logged in for the tests of a describe block, in their own browser context. */
function signedIn(role: DemoRole, javaScript: boolean, width: number): () => Person {
  let ctx: BrowserContext | undefined
  let person: Person | undefined
  beforeAll(async () => {
    ctx = await context(javaScript, width)
    person = new Person(await ctx.newPage())
    // Payload's login form needs JavaScript: without it, the session comes from the API.
    if (javaScript) await adminLogin(person, role)
    else await ctx.addCookies([{ name: 'payload-token', value: (await login(base, role)).token!, url: base }])
  })
  afterAll(async () => {
    await ctx?.close()
  })
  return () => person!
}

const pendingAnnouncement = (title: string) => createPendingAnnouncement(base, title, 'Je cherche quelqu’un pour tondre ma pelouse une fois par mois à Hanvoile, de mai à septembre.')
const statusOf = (id: number) => announcementStatus(base, id)

/** A new announcement waits; the person opens the queue on it (clicks counted from there). */
async function newCardInQueue(person: Person, prefix: string) {
  const title = `${prefix} ${Date.now()}`
  const id = await pendingAnnouncement(title)
  await person.page.goto(`${base}/admin/moderation`)
  const item = card(person.page, title)
  await item.waitFor({ timeout: 60_000 })
  person.clicks = 0
  return { title, id, item }
}

const card = (page: Page, title: string) => page.locator('li.mq-entry', { has: page.getByRole('heading', { name: title }) })

/** WCAG 2.1 A and AA rules on the page's own content (Payload's frame is not ours to fix here). */
async function axeOn(page: Page, selector: string) {
  const results = await axeBuilder(page).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))
}

/**
 * The same check on what a browser without JavaScript renders: the page loaded again, signed in,
 * with every script blocked (axe itself needs a scripting context to run).
 */
async function axeWithoutScripts(page: Page, role: DemoRole, selector: string) {
  const copyContext = await browser().newContext({ locale: 'fr-FR', viewport: page.viewportSize() })
  try {
    await copyContext.addCookies([{ name: 'payload-token', value: (await login(base, role)).token!, url: base }])
    await copyContext.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()))
    const copy = await copyContext.newPage()
    await copy.goto(page.url())
    return await axeOn(copy, selector)
  } finally {
    await copyContext.close()
  }
}

/** The admin link the person can click (the header's or the navigation's, whichever is shown and not inert). */
const visibleLink = (page: Page, name: string | RegExp) =>
  page.locator('a:not([inert] *)').filter({ hasText: name }).filter({ visible: true }).first()

const SHOTS = path.join(process.env.TEST_TMP_DIR ?? os.tmpdir(), 'screenshots')
fs.mkdirSync(SHOTS, { recursive: true })
/** Screenshots to look at after a run (not compared). */
const shot = (name: string) => path.join(SHOTS, name)

describe('la secrétaire modère à son rythme (JavaScript, 1366 px)', () => {
  const current = signedIn('editor', true, 1366)

  test('approuve en un clic depuis la file ouverte par le tableau de bord', async () => {
    const title = `Tonte de pelouse ${Date.now()}`
    const id = await pendingAnnouncement(title)
    const person = current()
    const { page } = person
    await page.goto(`${base}/admin`)
    await person.click(visibleLink(page, /Ouvrir la file de modération/))
    await card(page, title).waitFor({ timeout: 60_000 })
    person.clicks = 0
    await person.click(card(page, title).getByRole('button', { name: `Approuver « ${title} »` }))
    await page.locator('#mq-notice').waitFor({ timeout: 60_000 })
    expect(await page.locator('#mq-notice').innerText()).toContain(`« ${title} » est publiée.`)
    expect(person.clicks).toBeLessThanOrEqual(2)
    expect(await statusOf(id)).toBe('published')
  })

  test('refuse en trois gestes au plus : « Refuser », taper le motif (le curseur y est déjà), confirmer', async () => {
    const person = current()
    const { page } = person
    const { title, id, item } = await newCardInQueue(person, 'Annonce à refuser')
    await person.click(item.locator('summary'))
    const reason = item.getByLabel(/Motif du refus/)
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA', null, { timeout: 10_000 })
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true)
    await person.type('Merci de préciser le hameau.')
    await person.click(item.getByRole('button', { name: `Confirmer le refus de « ${title} »` }))
    await page.locator('#mq-notice').waitFor({ timeout: 60_000 })
    expect(await page.locator('#mq-notice').innerText()).toContain(`« ${title} » est refusée.`)
    expect(person.clicks).toBeLessThanOrEqual(3)
    expect(await statusOf(id)).toBe('rejected')
  })

  test('une fiche modifiée par son propriétaire dit qui, quand, et ce qui change en mots', async () => {
    const person = current()
    const { page } = person
    await page.goto(`${base}/admin/moderation`)
    const item = card(page, 'Boulangerie Martin')
    await item.waitFor({ timeout: 60_000 })
    const text = await item.innerText()
    expect(text).toMatch(/Modifiée par Thomas Martin \(boulangerie\), propriétaire, le \d\d\/\d\d\/\d{4} à \d\d:\d\d/)
    expect(text).toContain('Description')
    expect(await item.locator('ins').allInnerTexts()).toEqual([expect.stringContaining('Nouveau : pain sans gluten le vendredi')])
    // Only what a visitor sees, and no internal vocabulary.
    expect(text).not.toMatch(/Ordre de modération|À revoir|Précédemment publié|reviewState|moderationRank/)
    await item.getByRole('button', { name: 'Garder les modifications de « Boulangerie Martin »' }).waitFor()
    await item.locator('summary', { hasText: 'Revenir à la version en ligne' }).waitFor()
    await item.screenshot({ path: shot('queue-modified-1366.png') })
    expect(await axeOn(page, '.mq')).toEqual([])
  })
})

describe('l’intercommunalité importe le tableau d’une mairie (JavaScript, 1366 px)', () => {
  const current = signedIn('admin', true, 1366)

  test('vérifie le fichier, voit les colonnes et les catégories en français, puis importe en un bouton', async () => {
    const person = current()
    const { page } = person
    const admin = await login(base, 'admin')
    const martinBefore = (await api(base, admin, 'GET', '/api/businesses?where[name][equals]=Boulangerie%20Martin&depth=0')).json.docs[0]
    person.clicks = 0
    await person.click(visibleLink(page, 'Importer un tableau'))
    await page.getByRole('heading', { level: 1, name: /Importer un tableau/ }).waitFor({ timeout: 60_000 })
    await page.waitForTimeout(CLICK_PAUSE_MS)
    await page.getByLabel(/^Fichier/).setInputFiles(MAIRIE_CSV)
    person.clicks++
    await person.click(page.getByRole('button', { name: /Vérifier le fichier/ }))
    const report = page.locator('section[aria-labelledby="run-title"]')
    await page.getByRole('heading', { name: /Essai à blanc de « tableur-mairie\.csv »/ }).waitFor({ timeout: 90_000 })
    const text = await report.innerText()
    // French labels only: no internal field names.
    expect(text).toMatch(/Nom\s+Nom/)
    expect(text).toMatch(/Téléphone\s+Téléphone/)
    expect(text).toMatch(/Site web\s+Site web/)
    expect(text).toMatch(/E-mail\s+E-mail/)
    expect(text).not.toMatch(/→ name|(^|\s)(name|kind|street|postcode|phone|email|website|categories)(\s|$)/m)
    expect(text).toContain('« Alimentation > Boulangerie » → « Boulangerie, pâtisserie »')
    expect(text).toContain('« Entretien de la maison > Plomberie » → « Plomberie, chauffage »')
    expect(text).toMatch(/Téléphone : le propriétaire a écrit « 03 44 46 10 20 », le fichier dit « 03 44 46 99 99 »/)
    await page.screenshot({ path: shot('import-dry-run-1366.png'), fullPage: true })
    const create = page.getByRole('checkbox', { name: /Créer « Fromageries » dans « Alimentation »/ })
    expect(await create.isChecked()).toBe(true)
    // One button; the file is not chosen again and no box is unticked.
    await person.click(page.getByRole('button', { name: 'Importer' }))
    await page.getByRole('heading', { name: 'Import de « tableur-mairie.csv » terminé' }).waitFor({ timeout: 90_000 })
    const done = await report.innerText()
    expect(done).toMatch(/4\s+créées/)
    expect(done).toContain('Catégories créées : « Fromageries »')
    await page.screenshot({ path: shot('import-done-1366.png'), fullPage: true })
    expect(person.clicks).toBeLessThanOrEqual(4)

    const fournil = (await api(base, admin, 'GET', '/api/businesses?where[name][equals]=Au%20Fournil%20de%20Songeons&depth=1')).json.docs[0]
    expect(fournil).toMatchObject({ phone: '03 44 82 30 30', website: 'https://fournil-songeons.fr', status: 'published' })
    expect(fournil.categories.map((c: { name: string }) => c.name)).toEqual(['Boulangerie, pâtisserie'])
    const martinAfter = (await api(base, admin, 'GET', '/api/businesses?where[name][equals]=Boulangerie%20Martin&depth=0')).json.docs[0]
    expect(martinAfter.phone).toBe(martinBefore.phone)
    expect(await axeOn(page, '.stats')).toEqual([])
    // Its owner's edit waits: the import wrote nothing on it (see the next test for the card).
    expect(done).toContain('Modification du propriétaire en attente de validation : rien n’est modifié sur cette fiche')
    expect(martinAfter.postcode).toBe(martinBefore.postcode)
  })

  test('après l’import, la modification en attente reste celle du propriétaire dans la file', async () => {
    const { page } = current()
    await page.goto(`${base}/admin/moderation`)
    const martinCard = card(page, 'Boulangerie Martin')
    await martinCard.waitFor({ timeout: 60_000 })
    expect(await martinCard.innerText()).toMatch(/Modifiée par Thomas Martin \(boulangerie\), propriétaire/)
    await martinCard.screenshot({ path: shot('queue-modified-after-import-1366.png') })
  })
})

describe('sans JavaScript, sur un téléphone de 390 px : la secrétaire', () => {
  const current = signedIn('editor', false, 390)

  test('refuse en trois clics', async () => {
    const person = current()
    const { page } = person
    const { title, id, item } = await newCardInQueue(person, 'Sans JavaScript')
    await person.click(item.locator('summary'))
    await person.type('Merci de préciser le hameau.', item.getByLabel(/Motif du refus/))
    await person.click(item.getByRole('button', { name: `Confirmer le refus de « ${title} »` }))
    await page.locator('#mq-notice').waitFor({ timeout: 60_000 })
    expect(person.clicks).toBeLessThanOrEqual(3)
    expect(await statusOf(id)).toBe('rejected')
    await page.screenshot({ path: shot('queue-390-nojs.png'), fullPage: true })
  })
})

describe('sans JavaScript, sur un téléphone de 390 px : l’intercommunalité', () => {
  const current = signedIn('admin', false, 390)

  test('vérifie le même fichier, la page se mettant à jour seule : rien à refaire, le texte du propriétaire signalé', async () => {
    const person = current()
    const { page } = person
    await page.goto(`${base}/admin/import`)
    await page.getByLabel(/^Fichier/).setInputFiles(MAIRIE_CSV)
    await person.click(page.getByRole('button', { name: /Vérifier le fichier/ }))
    await page.getByRole('heading', { name: /Essai à blanc de « tableur-mairie\.csv »/ }).waitFor({ timeout: 90_000 })
    // Imported above: the same file changes nothing, and the owner's phone is still reported.
    const text = await page.locator('section[aria-labelledby="run-title"]').innerText()
    expect(text).toMatch(/Téléphone : le propriétaire a écrit/)
    // Imported by the test above (4 already there), or not yet (4 to create).
    expect(text).toMatch(/4\s+(déjà à jour|à créer)/)
    await page.screenshot({ path: shot('import-dry-run-390-nojs.png'), fullPage: true })
    expect(await axeWithoutScripts(page, 'admin', '.stats')).toEqual([])
  })
})

describe('la secrétaire importe le tableau de ses communes (JavaScript, 1366 px)', () => {
  const current = signedIn('editor', true, 1366)

  test('un fichier trop long est refusé avec le nombre de lignes ; le sien est importé, sauf la ligne d’une autre commune', async () => {
    const person = current()
    const { page } = person
    await person.click(visibleLink(page, 'Importer un tableau'))
    await page.getByRole('heading', { level: 1, name: /Importer un tableau/ }).waitFor({ timeout: 60_000 })
    expect(await page.locator('.stats').innerText()).toContain('Vous importez pour vos communes : « Grandvilliers », « Hanvoile »')

    const big = path.join(SHOTS, 'trop-long.csv')
    fs.writeFileSync(big, ['Nom;Catégorie;Commune', ...Array.from({ length: 5200 }, (_, i) => `Structure ${i};Serrurerie;Grandvilliers`)].join('\n'))
    await page.getByLabel(/^Fichier/).setInputFiles(big)
    await person.click(page.getByRole('button', { name: /Vérifier le fichier/ }))
    const alert = page.getByRole('alert').filter({ hasText: 'Le fichier compte' })
    await alert.waitFor({ timeout: 60_000 })
    expect(await alert.innerText()).toContain('Le fichier compte 5\u202f200 lignes de données : 5\u202f000 au plus par fichier.')
    await page.screenshot({ path: shot('import-secretaire-trop-long-1366.png'), fullPage: true })

    await page.getByLabel(/^Fichier/).setInputFiles(SECRETAIRE_CSV)
    await person.click(page.getByRole('button', { name: /Vérifier le fichier/ }))
    await page.getByRole('heading', { name: /Essai à blanc de « tableur-secretaire\.csv »/ }).waitFor({ timeout: 90_000 })
    const report = page.locator('section[aria-labelledby="run-title"]')
    expect(await report.innerText()).toContain('Commune « Songeons » : vous importez seulement pour « Grandvilliers », « Hanvoile ».')
    await page.screenshot({ path: shot('import-secretaire-essai-1366.png'), fullPage: true })
    await person.click(page.getByRole('button', { name: 'Importer' }))
    await page.getByRole('heading', { name: 'Import de « tableur-secretaire.csv » terminé' }).waitFor({ timeout: 90_000 })
    const done = await report.innerText()
    expect(done).toMatch(/2\s+créées/)
    expect(done).toMatch(/1\s+refusée/)
    await page.screenshot({ path: shot('import-secretaire-fait-1366.png'), fullPage: true })
    expect(await axeOn(page, '.stats')).toEqual([])
    const editor = await login(base, 'editor')
    const mine = (await api(base, editor, 'GET', '/api/import-runs?depth=0&limit=50')).json.docs as Array<{ fileName: string }>
    expect(mine.map((r) => r.fileName)).toContain('tableur-secretaire.csv')
    expect(mine.map((r) => r.fileName)).not.toContain('tableur-mairie.csv') // the intercommunality's
    const admin = await login(base, 'admin')
    expect((await api(base, admin, 'GET', '/api/businesses?where[name][equals]=Menuiserie%20Carpentier&depth=0')).json.docs).toHaveLength(0)
  })
})
