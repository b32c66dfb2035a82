/**
 * Whole journeys as a resident lives them, from the home page and only through what the page
 * shows (visible links and buttons; the only addresses typed are the home page and the links
 * read from e-mails), with JavaScript off and on, on a desktop and on a 390 px phone:
 * home → « Créer un compte » → sign-up → link of the e-mail → « Se connecter » → « Déposer une
 * annonce » → an offer → « Mon espace » shows it waiting; the footer's « Espace de gestion »
 * sends the resident to a French page pointing back to « Mon espace »; then the demo
 * secrétaire logs in through the same « Se connecter », opens the admin from the footer and
 * approves the offer, which the board then shows. Each step is saved as a screenshot in
 * tests/.tmp/journeys/.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'

import { type CapturedEmail, newEmails, outboxFiles } from '../int/moderationOutbox'
import { axeViolations, launchBrowser, newContext } from '../support/browser'
import { DEMO_PASSWORD, DEMO_USERS } from '../support/fixtures'
import { sqliteServer } from '../support/servers'

const { baseUrl: base, outboxDir } = sqliteServer()
const SHOTS = path.resolve('tests/.tmp/journeys')
// Forms refuse what is sent faster than a person could (FORM_MIN_SECONDS, 2 s by default).
const HUMAN_PAUSE_MS = 2200

let browser: Browser

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

async function waitForEmail(before: string[], test: (mail: CapturedEmail) => boolean): Promise<CapturedEmail> {
  for (let i = 0; i < 120; i++) {
    const found = newEmails(outboxDir, before).find(test)
    if (found) return found
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('E-mail attendu jamais écrit dans la boîte d’envoi')
}

function linkIn(mail: CapturedEmail, pathPart: string): string {
  const match = mail.text.match(new RegExp(`https?://[^\\s]*${pathPart.replace(/\//g, '\\/')}[^\\s]*`))
  if (!match) throw new Error(`Pas de lien ${pathPart} dans « ${mail.subject} »`)
  return match[0]
}

/** Clicks what a person would click and waits for the next page. */
async function follow(page: Page, target: ReturnType<Page['getByRole']>) {
  await target.scrollIntoViewIfNeeded()
  expect(await target.isVisible()).toBe(true)
  await Promise.all([page.waitForLoadState('load'), page.waitForURL(() => true), target.click()])
  await page.waitForLoadState('load')
}

async function submit(page: Page, button: string) {
  await page.waitForTimeout(HUMAN_PAUSE_MS)
  const target = page.getByRole('button', { name: button, exact: true })
  await target.scrollIntoViewIfNeeded()
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()])
}

const header = (page: Page) => page.locator('header.site-header')
const footer = (page: Page) => page.locator('footer.site-footer')
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText()

async function noHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }))
  expect(widths.page).toBeLessThanOrEqual(widths.screen)
}

async function expectAccessible(page: Page, javaScript: boolean) {
  const violations = await axeViolations(page, { javaScript })
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] })
}

const VARIANTS = [
  ['ordinateur sans JavaScript', { javaScript: false, mobile: false }],
  ['téléphone sans JavaScript', { javaScript: false, mobile: true }],
  ['ordinateur avec JavaScript', { javaScript: true, mobile: false }],
  ['téléphone avec JavaScript', { javaScript: true, mobile: true }],
] as const

describe.each(VARIANTS)('parcours d’une habitante, %s', (label, options) => {
  const slug = `${options.mobile ? 'telephone' : 'ordinateur'}-${options.javaScript ? 'js' : 'sans-js'}`
  let context: BrowserContext
  let page: Page
  let step = 0
  const shot = async (name: string) => {
    step++
    await page.screenshot({ path: path.join(SHOTS, `${slug}-${String(step).padStart(2, '0')}-${name}.png`), fullPage: false })
  }

  beforeAll(async () => {
    context = await newContext(browser, options)
    page = await context.newPage()
  })

  afterAll(async () => {
    await context?.close()
  })

  test(`du compte à l’offre publiée (${label})`, async () => {
    const stamp = Date.now().toString(36)
    const email = `jeannine.${stamp}.${slug}@exemple.fr`
    const password = 'Mon-village-en-2026'
    // A 120-character word and a long link: they must wrap, never widen the page.
    const longWord = 'Anticonstitutionnellement'.repeat(5).slice(0, 120)
    const title = `Je tricote des écharpes ${stamp}`

    // Home: the header's doors and the invitation to take part.
    await page.goto(`${base}/`)
    expect(await header(page).getByRole('link', { name: 'Se connecter' }).isVisible()).toBe(true)
    expect(await header(page).getByRole('link', { name: 'Déposer une annonce' }).isVisible()).toBe(true)
    expect(await header(page).getByRole('link', { name: /Mon espace/ }).count()).toBe(0)
    for (const invite of ['Déposer une annonce', 'Inscrire mon activité', 'Créer une alerte', 'Créer un compte']) {
      expect(await page.locator('main').getByRole('link', { name: invite }).count()).toBeGreaterThan(0)
    }
    await shot('accueil')
    await expectAccessible(page, options.javaScript)

    // « Créer un compte »
    const before = outboxFiles(outboxDir)
    await follow(page, page.locator('main').getByRole('link', { name: 'Créer un compte' }))
    expect(page.url()).toContain('/inscription')
    await page.getByLabel('Votre nom').fill('Jeannine Leclerc')
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByLabel(/^Mot de passe/).fill(password)
    await page.getByLabel('Confirmez le mot de passe').fill(password)
    await shot('inscription')
    await submit(page, 'Créer mon compte')
    expect(await page.locator('.success-box').innerText()).toContain('Votre compte est créé')

    // The link of the e-mail.
    const verify = await waitForEmail(before, (m) => m.to.includes(email))
    // Opened twice, as a mail scanner would: the link only shows the page, the button confirms.
    await page.goto(linkIn(verify, '/verifier-email'))
    await page.goto(linkIn(verify, '/verifier-email'))
    expect(await h1(page)).toBe('Confirmer votre adresse e-mail')
    await submit(page, 'Confirmer mon adresse e-mail')
    expect(await h1(page)).toBe('Adresse e-mail confirmée')
    await shot('adresse-confirmee')

    // « Se connecter » (the header's).
    await follow(page, header(page).getByRole('link', { name: 'Se connecter' }))
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByLabel('Mot de passe').fill(password)
    await submit(page, 'Se connecter')
    expect(page.url()).toContain('/mon-espace')
    // Logged in: the header says so, on the server, and the page is never shared by a cache.
    expect(await header(page).getByRole('link', { name: /Mon espace/ }).isVisible()).toBe(true)
    expect(await header(page).getByRole('button', { name: 'Se déconnecter' }).isVisible()).toBe(true)
    expect(await header(page).getByRole('link', { name: 'Se connecter' }).count()).toBe(0)
    await shot('mon-espace-vide')

    // The alert form knows my address.
    await follow(page, footer(page).getByRole('link', { name: 'Alertes e-mail' }))
    expect(await page.getByLabel('Votre adresse e-mail').inputValue()).toBe(email)

    // « Déposer une annonce » (the header's button).
    await follow(page, header(page).getByRole('link', { name: 'Déposer une annonce' }))
    expect(await h1(page)).toBe('Déposer une annonce')
    await page.getByLabel('Je propose mon aide').check()
    await page.getByLabel('Titre').fill(title)
    await page
      .getByLabel('Texte de l’annonce')
      .fill(`Je tricote des écharpes et des bonnets pour les voisins qui ont froid. ${longWord} Voir https://exemple.fr/${'tricot-'.repeat(16)}modeles`)
    await page.getByLabel('Catégorie').selectOption({ index: 1 })
    const grandvilliers = await page.locator('select[name="commune"] option', { hasText: 'Grandvilliers' }).first().getAttribute('value')
    await page.getByLabel('Commune').selectOption(grandvilliers!)
    await page.getByLabel('Gratuit').check()
    await shot('annonce-remplie')
    await submit(page, 'Envoyer l’annonce')
    expect(await page.locator('.success-box').innerText()).toContain('vérifiée par la mairie')
    await shot('annonce-envoyee')

    // « Mon espace »: the offer, waiting.
    await follow(page, header(page).getByRole('link', { name: /Mon espace/ }))
    const row = page.locator('table.account-table tr', { hasText: title })
    expect(await row.innerText()).toContain('En attente de modération')
    for (const section of ['Mes annonces', 'Mes fiches (entreprise, association)', 'Mes alertes e-mail', 'Messages reçus']) {
      expect(await page.getByRole('heading', { level: 2, name: section }).count()).toBe(1)
    }
    await noHorizontalScroll(page)
    await shot('mon-espace-annonce-en-attente')
    await expectAccessible(page, options.javaScript)

    // The footer's « Espace de gestion »: a resident gets a French page, not « Non autorisé ».
    await follow(page, footer(page).getByRole('link', { name: /Espace de gestion/ }))
    expect(await h1(page)).toBe('L’espace de gestion est réservé aux mairies')
    await shot('gestion-reservee')
    await expectAccessible(page, options.javaScript)
    await follow(page, page.locator('main').getByRole('link', { name: 'Aller à Mon espace' }))
    expect(page.url()).toContain('/mon-espace')

    // « Se déconnecter »
    await submit(page, 'Se déconnecter')
    expect(await header(page).getByRole('link', { name: 'Se connecter' }).isVisible()).toBe(true)

    // The secrétaire of Grandvilliers logs in the same way and approves the offer in the admin.
    await follow(page, header(page).getByRole('link', { name: 'Se connecter' }))
    await page.getByLabel('Adresse e-mail').fill(DEMO_USERS.editor)
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
    await submit(page, 'Se connecter')
    expect(await header(page).getByRole('link', { name: /Mon espace/ }).isVisible()).toBe(true)
    // The admin needs JavaScript and a wide screen: the same session in such a browser.
    const staff = await newContext(browser, { javaScript: true })
    await staff.addCookies(await context.cookies())
    const admin = await staff.newPage()
    await admin.goto(`${base}/`)
    await follow(admin, footer(admin).getByRole('link', { name: /Espace de gestion/ }))
    await admin.locator('section.mq-summary').waitFor({ timeout: 60_000 })
    await follow(admin, admin.getByRole('link', { name: /Ouvrir la file de modération/ }))
    await admin.getByRole('button', { name: `Approuver « ${title} »` }).click()
    await admin.locator('#mq-notice').waitFor()
    await admin.screenshot({ path: path.join(SHOTS, `${slug}-${String(++step).padStart(2, '0')}-moderation-approuvee.png`) })
    await staff.close()

    // The board shows it.
    await follow(page, header(page).getByRole('link', { name: 'Offres et besoins' }))
    expect(await page.getByRole('link', { name: 'Publier une demande' }).isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: 'Créer une alerte' }).isVisible()).toBe(true)
    await shot('tableau-des-annonces')
    await follow(page, page.locator('main').getByRole('link', { name: title }))
    expect(await h1(page)).toBe(title)
    expect(await page.locator('main').innerText()).toContain(longWord)
    await noHorizontalScroll(page)
    await shot('annonce-publiee')
    await expectAccessible(page, options.javaScript)
  }, 300_000)
})
