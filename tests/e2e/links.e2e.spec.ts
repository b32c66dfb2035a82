/**
 * Links from e-mails in a real browser (chromium, JavaScript off like a careful visitor):
 * the contact confirmation link works on the first open and says « déjà confirmé » after;
 * a relayed message's « Répondre » link leads to a reply form whose answer reaches the
 * sender without the replier's address; the colour-scheme client hints, which made Chromium
 * ask every page twice, are gone from the public site; an offer giving a phone number is
 * refused with the relay explained. Every page added here is checked with axe.
 */
import fs from 'node:fs'

import type { Browser, Page } from 'playwright-core'

import { axeViolations, launchBrowser, newContext } from '../support/browser'
import { DEMO_PASSWORD, DEMO_USERS } from '../support/fixtures'
import { api, login } from '../support/rest'
import { countEmails, linkIn, outboxFiles, waitForEmail } from '../support/outbox'
import { sqliteServer } from '../support/servers'

const { baseUrl: base, outboxDir } = sqliteServer()
// Forms refuse what is sent faster than a person could (FORM_MIN_SECONDS, 2 s by default).
const HUMAN_PAUSE_MS = 2200
const SHOTS = 'tests/.tmp'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
  fs.mkdirSync(SHOTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
})

async function submitForm(page: Page, button: string) {
  await page.waitForTimeout(HUMAN_PAUSE_MS)
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: button }).click()])
}

async function heading(page: Page): Promise<string> {
  return page.getByRole('heading', { level: 1 }).innerText()
}

async function expectAccessible(page: Page) {
  expect(await axeViolations(page, { javaScript: false })).toEqual([])
}

describe('liens des e-mails et relais des réponses', () => {
  test('les pages publiques ne demandent plus d’indice client (Critical-CH), l’administration garde le sien', async () => {
    for (const path of ['/', '/contacter/confirmer?jeton=x', '/annonces']) {
      const res = await fetch(`${base}${path}`)
      expect(res.headers.get('critical-ch')).toBeNull()
      expect(res.headers.get('accept-ch')).toBeNull()
      expect(res.headers.get('vary') ?? '').not.toMatch(/sec-ch-/i)
    }
  })

  test('le lien de confirmation s’ouvre du premier coup, puis « déjà confirmé » ; la réponse passe par le site', async () => {
    const editor = await login(base, 'admin')
    const found = await api(base, editor, 'GET', '/api/businesses?where[status][equals]=published&limit=50&sort=name&depth=0')
    expect(found.status).toBe(200)
    const business = (found.json.docs as Array<{ slug: string; name: string; email?: string | null }>).find((b) => b.email) as { slug: string; name: string; email: string }
    expect(business).toBeTruthy()
    business.email = business.email.toLowerCase()

    const context = await newContext(browser, { javaScript: false })
    const page = await context.newPage()
    const senderEmail = `lien.${Date.now()}@exemple.fr`
    await page.goto(`${base}/contacter/entreprises/${business.slug}`)
    await page.getByLabel('Votre nom').fill('Lucie Martin')
    await page.getByLabel('Votre adresse e-mail').fill(senderEmail)
    await page.getByLabel('Votre message').fill('Bonjour, livrez-vous le pain à domicile le dimanche matin ?')
    const before = outboxFiles(outboxDir)
    await submitForm(page, 'Envoyer le message')
    const confirm = await waitForEmail(outboxDir, before, { to: senderEmail, subject: 'Confirmez l’envoi de votre message' })

    // First open in Chromium: success (the first request is no longer thrown away by a client-hint retry).
    const afterConfirm = outboxFiles(outboxDir)
    await page.goto(linkIn(confirm, '/contacter/confirmer'))
    expect(await heading(page)).toBe('Message envoyé')
    await page.screenshot({ path: `${SHOTS}/links-confirm-first.png`, fullPage: true })
    await page.goto(linkIn(confirm, '/contacter/confirmer'))
    expect(await heading(page)).toBe('Message déjà confirmé')
    expect(await page.locator('.success-box').innerText()).toContain('Déjà confirmé, merci')
    await page.screenshot({ path: `${SHOTS}/links-confirm-again.png`, fullPage: true })
    await expectAccessible(page)

    const relayed = await waitForEmail(outboxDir, afterConfirm, { to: business.email, subject: 'Nouveau message pour' })
    expect(relayed.text).toContain('livrez-vous le pain')
    expect(relayed.replyTo).not.toContain(senderEmail)
    expect(fs.readFileSync(relayed.file, 'utf8')).not.toContain(senderEmail)
    // Only one message went out, whatever the number of opens.
    await page.waitForTimeout(1500)
    expect(countEmails(outboxDir, afterConfirm, { to: business.email, subject: 'Nouveau message pour' })).toBe(1)

    // The business follows « Répondre » (no account), twice as a scanner would, then answers.
    const owner = await newContext(browser, { javaScript: false })
    const ownerPage = await owner.newPage()
    const replyUrl = linkIn(relayed, '/contacter/repondre')
    await ownerPage.goto(replyUrl)
    await ownerPage.goto(replyUrl)
    expect(await heading(ownerPage)).toBe('Répondre à Lucie Martin')
    expect(await ownerPage.locator('main').innerText()).toContain('livrez-vous le pain')
    expect(await ownerPage.content()).not.toContain(senderEmail)
    await ownerPage.screenshot({ path: `${SHOTS}/links-reply-form.png`, fullPage: true })
    await expectAccessible(ownerPage)
    // An empty answer comes back with the message tied to the field, the name kept.
    await ownerPage.getByLabel('Votre nom').fill('La boutique')
    await submitForm(ownerPage, 'Envoyer ma réponse')
    expect(await ownerPage.getByLabel('Votre nom').inputValue()).toBe('La boutique')
    expect(await ownerPage.getByLabel('Votre réponse').getAttribute('aria-invalid')).toBe('true')
    await ownerPage.getByLabel('Votre réponse').fill('Oui, le dimanche de 8 h à 10 h, dans tout le canton.')
    const beforeReply = outboxFiles(outboxDir)
    await submitForm(ownerPage, 'Envoyer ma réponse')
    expect(await heading(ownerPage)).toBe('Réponse envoyée')
    await ownerPage.screenshot({ path: `${SHOTS}/links-reply-sent.png`, fullPage: true })
    await expectAccessible(ownerPage)

    const reply = await waitForEmail(outboxDir, beforeReply, { to: senderEmail, subject: /^Réponse de / })
    expect(reply.text).toContain('le dimanche de 8 h à 10 h')
    expect(reply.replyTo).not.toContain(business.email)
    expect(fs.readFileSync(reply.file, 'utf8')).not.toContain(business.email)

    // Lucie answers back through her own « Répondre » link: it reaches the business without her address.
    const beforeBack = outboxFiles(outboxDir)
    await page.goto(linkIn(reply, '/contacter/repondre'))
    expect(await heading(page)).toBe('Répondre à La boutique')
    expect(await page.getByLabel('Votre nom').inputValue()).toBe('Lucie Martin')
    await page.getByLabel('Votre réponse').fill('Merci, je passerai commande dimanche.')
    await submitForm(page, 'Envoyer ma réponse')
    expect(await heading(page)).toBe('Réponse envoyée')
    const back = await waitForEmail(outboxDir, beforeBack, { to: business.email, subject: /^Réponse de / })
    expect(back.text).toContain('je passerai commande')
    expect(fs.readFileSync(back.file, 'utf8')).not.toContain(senderEmail)
    await owner.close()
    await context.close()
  })

  test('les pages des liens à usage unique n’agissent qu’au clic (vérification d’adresse, désinscription)', async () => {
    const context = await newContext(browser, { javaScript: false })
    const page = await context.newPage()
    await page.goto(`${base}/verifier-email?jeton=${'a'.repeat(40)}`)
    expect(await heading(page)).toBe('Confirmer votre adresse e-mail')
    await page.screenshot({ path: `${SHOTS}/links-verify.png`, fullPage: true })
    await expectAccessible(page)
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Confirmer mon adresse e-mail' }).click()])
    expect(await heading(page)).toBe('Lien de confirmation invalide')

    const opened = await fetch(`${base}/alertes/desinscription?alerte=1&signature=${'b'.repeat(32)}`, { redirect: 'manual' })
    expect(opened.status).toBe(303)
    await page.goto(`${base}/alertes/desinscription?alerte=1&signature=${'b'.repeat(32)}`)
    expect(await heading(page)).toBe('Se désinscrire de cette alerte')
    await page.screenshot({ path: `${SHOTS}/links-unsubscribe.png`, fullPage: true })
    await expectAccessible(page)
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Me désinscrire' }).click()])
    expect(await heading(page)).toBe('Lien de désinscription invalide')
    await context.close()
  })

  test('une offre qui donne un numéro ou un e-mail est refusée, le relais expliqué, le texte gardé ; l’API refuse aussi', async () => {
    const context = await newContext(browser, { javaScript: false })
    const page = await context.newPage()
    // Sent to the login page by « Déposer une annonce »: it says why and how to get an account.
    await page.goto(`${base}/annonces/nouvelle`)
    expect(page.url()).toContain('/connexion?suite=')
    expect(await page.locator('main').innerText()).toContain('Pour déposer une annonce, il faut un compte, gratuit')
    expect(await page.locator('main .notice-box').getByRole('link', { name: 'créez un compte' }).getAttribute('href')).toBe('/inscription')
    await page.goto(`${base}/connexion`)
    expect(await page.locator('main .notice-box').count()).toBe(0)
    await page.getByLabel('Adresse e-mail').fill(DEMO_USERS.resident)
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
    await submitForm(page, 'Se connecter')
    const title = `Tonte de pelouse ${Date.now().toString(36)}`
    const body = 'Appelez-moi au 06 11 22 33 44 ou jeanne.perso@free.fr'
    await page.goto(`${base}/annonces/nouvelle`)
    await page.getByLabel('Je propose mon aide').check()
    await page.getByLabel('Titre').fill(title)
    await page.getByLabel('Texte de l’annonce').fill(body)
    await page.getByLabel('Catégorie').selectOption({ index: 1 })
    await page.getByLabel('Commune').selectOption({ index: 1 })
    await page.getByLabel('Gratuit').check()
    await submitForm(page, 'Envoyer l’annonce')
    expect(await page.getByLabel('Titre').inputValue()).toBe(title)
    expect(await page.getByLabel('Texte de l’annonce').inputValue()).toBe(body)
    expect(await page.getByLabel('Texte de l’annonce').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('main').innerText()).toContain('ne publiez pas votre numéro ni votre e-mail')
    await page.screenshot({ path: `${SHOTS}/links-announcement-refused.png`, fullPage: true })
    await context.close()

    const resident = await login(base, 'resident')
    const category = (await api(base, resident, 'GET', '/api/categories?limit=1&depth=0')).json.docs[0].id
    const commune = (await api(base, resident, 'GET', '/api/communes?limit=1&depth=0')).json.docs[0].id
    const rest = await api(base, resident, 'POST', '/api/announcements', { kind: 'offer', title, body: 'Écrivez-moi : jeanne [at] free.fr', category, commune, priceType: 'free' })
    expect(rest.status).toBe(400)
    expect(JSON.stringify(rest.json)).toContain('ne publiez pas votre numéro ni votre e-mail')
    const search = await api(base, null, 'GET', `/api/announcements?where[title][equals]=${encodeURIComponent(title)}`)
    expect(search.json.docs ?? []).toHaveLength(0)
  })
})
