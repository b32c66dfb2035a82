/**
 * The secrétaire de Grandvilliers, at a person's pace in Chromium (1366 px): from her
 * dashboard she publishes a municipal notice with a PDF, then posts a need for a resident
 * without internet. A visitor finds the notice from the home page and the commune page
 * through visible links; answering the resident's need sends the mairie an e-mail with the
 * resident's name and phone.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'

import { outboxFiles, waitForEmail } from '../int/moderationOutbox'
import { launchBrowser, newContext } from '../support/browser'
import { DEMO_PASSWORD, DEMO_USERS } from '../support/fixtures'
import { samplePdf } from '../support/pdf'
import { sqliteServer } from '../support/servers'

const { baseUrl: base, outboxDir } = sqliteServer()
const LAPTOP = { width: 1366, height: 768 }
/** The review's pace: 1.2 s before each click, 150 ms a key. */
const CLICK_PAUSE_MS = 1200
const KEY_DELAY_MS = 150
const SHOTS = path.resolve('tests/.tmp/notices')

let browser: Browser
let pdfPath: string

beforeAll(async () => {
  browser = await launchBrowser()
  fs.mkdirSync(SHOTS, { recursive: true })
  pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'notices-e2e-')), 'arrete-travaux-rue-de-la-gare.pdf')
  fs.writeFileSync(pdfPath, await samplePdf('Arrêté municipal : travaux rue de la Gare, circulation alternée.'))
})

afterAll(async () => {
  await browser?.close()
})

async function click(page: Page, target: ReturnType<Page['locator']>) {
  await page.waitForTimeout(CLICK_PAUSE_MS)
  await target.click()
}

async function type(page: Page, target: ReturnType<Page['locator']>, text: string) {
  await click(page, target)
  await target.pressSequentially(text, { delay: KEY_DELAY_MS })
}

async function adminAs(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: LAPTOP })
  const page = await context.newPage()
  await page.goto(`${base}/admin/login`)
  await type(page, page.locator('input[name="email"]'), email)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await click(page, page.getByRole('button', { name: 'Se connecter' }))
  await page.locator('section.quick-actions').waitFor({ timeout: 60_000 })
  return { context, page }
}

/** A visitor on the public site, logged out, on a laptop. */
async function visitorPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { javaScript: true })
  const page = await context.newPage()
  await page.setViewportSize(LAPTOP)
  return { context, page }
}

async function chooseCommune(page: Page, name: string) {
  await click(page, page.locator('#field-commune .rs__control'))
  await click(page, page.locator('.rs__option', { hasText: name }).first())
}

async function save(page: Page) {
  await page.locator('.drawer--is-open').waitFor({ state: 'detached', timeout: 30_000 }).catch(() => {})
  await click(page, page.locator('#action-save').first())
  await page.waitForURL(/\/collections\/announcements\/\d+/, { timeout: 60_000 })
}

const notice = `Travaux rue de la Gare ${Date.now().toString(36)}`
const need = `Courses du jeudi pour une voisine ${Date.now().toString(36)}`

/** Typed at the reviews' human pace (150 ms a key, 1.2 s a click): minutes, not seconds. */
const HUMAN_PACE_TIMEOUT_MS = 300_000

describe('la secrétaire publie une information municipale et dépose une annonce pour un habitant', () => {
  test('information municipale avec un PDF : accueil, page de la commune, document téléchargeable', async () => {
    const { context, page } = await adminAs(DEMO_USERS.editor)
    try {
      await click(page, page.locator('section.quick-actions').getByRole('link', { name: /Publier une information municipale/ }))
      await page.locator('#field-title').waitFor({ timeout: 60_000 })
      expect(await page.locator('#field-kind-notice').isChecked()).toBe(true)
      // Titled for what she writes, not « Sans nom ».
      await page.locator('.render-title', { hasText: 'Nouvelle information municipale' }).first().waitFor({ timeout: 10_000 })
      expect(await page.getByText('Sans nom', { exact: true }).count()).toBe(0)
      // No tarif, category, address or coordinates on a notice; no « pour un habitant », no
      // example box, no owner's changes to review either.
      const hiddenFields = ['#field-priceType', '#field-category', '#field-street', '#field-latitude', '#field-onBehalfOf__enabled', '#field-isExample', '#field-reviewState']
      for (const hidden of hiddenFields) expect({ hidden, count: await page.locator(hidden).count() }).toEqual({ hidden, count: 0 })
      // One clear menu group: « Vie locale › Annonces et informations », not « Annonces › Annonces ».
      const nav = page.locator('nav.nav, aside.nav').first()
      expect(await nav.getByText('Vie locale', { exact: true }).count()).toBeGreaterThan(0)
      expect(await nav.getByText('Annonces', { exact: true }).count()).toBe(0)
      await type(page, page.locator('#field-title'), notice)
      await type(page, page.locator('#field-body'), 'Circulation alternée du 8 au 19 décembre. Arrêté joint.')
      await chooseCommune(page, 'Grandvilliers')
      // The PDF: « Créer un(e) nouveau ou nouvelle » opens a drawer; the file is chosen, described, saved.
      await click(page, page.locator('#field-attachment').getByRole('button', { name: /Créer/ }))
      const drawer = page.locator('.drawer--is-open')
      await drawer.locator('input[type="file"]').setInputFiles(pdfPath)
      await drawer.locator('#field-alt').waitFor({ timeout: 60_000 })
      await type(page, drawer.locator('#field-alt'), 'Arrêté travaux rue de la Gare')
      await page.screenshot({ path: path.join(SHOTS, 'notice-pdf-drawer.png') })
      await click(page, drawer.locator('#action-save'))
      await page.locator('#field-attachment').getByText('arrete-travaux-rue-de-la-gare', { exact: false }).first().waitFor({ timeout: 60_000 })
      await page.screenshot({ path: path.join(SHOTS, 'notice-form.png'), fullPage: true })
      await save(page)
    } finally {
      await context.close()
    }

    // A visitor, from the home page, through visible links only.
    const { context: visitor, page: site } = await visitorPage()
    try {
      await site.goto(`${base}/`)
      const infos = site.locator('section[aria-labelledby="titre-infos"]')
      // A notice has no tarif: its card never says « Gratuit ».
      const card = infos.locator('article', { has: site.getByRole('link', { name: notice }) })
      expect(await card.innerText()).not.toContain('Gratuit')
      await click(site, infos.getByRole('link', { name: notice }))
      await site.getByRole('heading', { level: 1, name: notice }).waitFor()
      const download = site.getByRole('link', { name: /Télécharger le document : Arrêté travaux rue de la Gare \(PDF, \d+ Ko\)/ })
      const href = await download.getAttribute('href')
      const file = await fetch(new URL(href!, base))
      expect({ status: file.status, type: file.headers.get('content-type') }).toEqual({ status: 200, type: 'application/pdf' })
      await site.screenshot({ path: path.join(SHOTS, 'notice-page.png'), fullPage: true })
      await click(site, site.getByRole('link', { name: 'Grandvilliers' }).first())
      const communeInfos = site.locator('section[aria-labelledby="titre-infos-commune"]')
      expect(await communeInfos.getByRole('link', { name: notice }).isVisible()).toBe(true)
    } finally {
      await visitor.close()
    }
    // On a 390 px phone without JavaScript: the same way in, the same link to the PDF.
    const phone = await newContext(browser, { javaScript: false, mobile: true })
    try {
      const site = await phone.newPage()
      await site.goto(`${base}/`)
      await click(site, site.locator('section[aria-labelledby="titre-infos"]').getByRole('link', { name: notice }))
      const download = site.getByRole('link', { name: /Télécharger le document : Arrêté travaux rue de la Gare/ })
      expect(await download.isVisible()).toBe(true)
      const box = await download.boundingBox()
      expect(box!.x + box!.width).toBeLessThanOrEqual(390)
      await site.screenshot({ path: path.join(SHOTS, 'notice-page-390-nojs.png'), fullPage: true })
    } finally {
      await phone.close()
    }
  }, HUMAN_PACE_TIMEOUT_MS)

  test('une annonce d’exemple ne transmet aucun message', async () => {
    const { context, page: site } = await visitorPage()
    try {
      await site.goto(`${base}/`)
      await click(site, site.getByRole('link', { name: 'Offres et besoins' }).first())
      await site.waitForURL(/\/annonces$/)
      const example = site.locator('article.card-offer, article.card-need').filter({ hasText: 'Exemple' }).first()
      await click(site, example.locator('.card-title a'))
      await site.locator('.notice-box', { hasText: 'Fiche d’exemple' }).waitFor()
      expect(await site.locator('.notice-box', { hasText: 'Fiche d’exemple' }).innerText()).toContain('Aucun message ne lui est transmis')
      expect(await site.getByRole('link', { name: 'Répondre à cette annonce' }).count()).toBe(0)
      await site.screenshot({ path: path.join(SHOTS, 'example-announcement.png'), fullPage: true })
      // Even by its address, the contact page says why and offers no form.
      await site.goto(`${site.url().replace(/\/annonces\//, '/contacter/annonces/')}`)
      expect(await site.locator('.notice-box').innerText()).toContain('Cette annonce est un exemple : elle n’existe pas')
      expect(await site.getByRole('button', { name: 'Envoyer le message' }).count()).toBe(0)
      await site.screenshot({ path: path.join(SHOTS, 'example-contact.png'), fullPage: true })
    } finally {
      await context.close()
    }
  }, HUMAN_PACE_TIMEOUT_MS)

  test('annonce pour un habitant sans internet : choix dès la création, mention publique, relais avec nom et téléphone', async () => {
    const { context, page } = await adminAs(DEMO_USERS.editor)
    try {
      await click(page, page.locator('section.quick-actions').getByRole('link', { name: /Déposer une annonce pour un habitant/ }))
      const forResident = page.getByLabel('Je dépose cette annonce pour un habitant sans internet')
      await forResident.waitFor({ timeout: 60_000 })
      expect(await forResident.isChecked()).toBe(true)
      await click(page, page.getByText("J’ai besoin d’aide", { exact: true }))
      expect(await page.locator('#field-kind-need').isChecked()).toBe(true)
      await type(page, page.locator('#field-title'), need)
      await type(page, page.locator('#field-body'), 'Une habitante de Grandvilliers cherche quelqu’un pour ses courses du jeudi matin.')
      await chooseCommune(page, 'Grandvilliers')
      await type(page, page.getByLabel('Nom de l’habitant (jamais publié)'), 'Mme Caron')
      await type(page, page.getByLabel('Téléphone de l’habitant (jamais publié)'), '03 44 46 00 11')
      await page.screenshot({ path: path.join(SHOTS, 'resident-form.png'), fullPage: true })
      await save(page)
      expect(await page.getByLabel('Nom de l’habitant (jamais publié)').inputValue()).toBe('Mme Caron')
    } finally {
      await context.close()
    }

    // A neighbour answers from the site; the mairie gets the name and number to call.
    const { context: visitor, page: site } = await visitorPage()
    try {
      await site.goto(`${base}/connexion`)
      // Typed, not pasted: a form sent within 3 s of its display is refused as a robot's.
      await type(site, site.getByLabel('Adresse e-mail'), DEMO_USERS.resident)
      await site.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
      await click(site, site.getByRole('button', { name: 'Se connecter' }))
      await site.waitForURL(/\/mon-espace/)
      await site.goto(`${base}/`)
      await click(site, site.getByRole('link', { name: need }).first())
      await site.getByRole('heading', { level: 1, name: need }).waitFor()
      expect(await site.locator('.notice-box').innerText()).toContain('Déposée par la mairie pour un habitant')
      expect(await site.content()).not.toContain('Mme Caron')
      expect(await site.content()).not.toContain('03 44 46 00 11')
      await click(site, site.getByRole('link', { name: 'Répondre à cette annonce' }))
      await type(site, site.getByLabel('Votre message'), 'Bonjour, je fais mes courses le jeudi, je peux l’emmener.')
      const before = outboxFiles(outboxDir)
      await click(site, site.getByRole('button', { name: 'Envoyer le message' }))
      const relayed = await waitForEmail(outboxDir, before, (m) => m.to.includes(DEMO_USERS.editor) && m.subject.startsWith('Nouveau message pour'))
      expect(relayed.text).toContain('déposée par la mairie pour Mme Caron, qui n’a pas internet')
      expect(relayed.text).toContain('03 44 46 00 11')
      expect(relayed.text).toContain('je peux l’emmener')
    } finally {
      await visitor.close()
    }
  }, HUMAN_PACE_TIMEOUT_MS)
})
