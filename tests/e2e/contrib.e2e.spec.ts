/**
 * The public's contributions, driven by chromium with JavaScript off (plain HTML forms):
 * a business signs up, confirms its address from the captured e-mail, registers itself,
 * the secrétaire approves it in the admin and it appears in search; a resident posts a need,
 * another person contacts them through the relay, and neither address appears in the HTML.
 */
import type { Browser, Page } from 'playwright-core'

import { launchBrowser, newContext } from '../support/browser'
import { DEMO_PASSWORD, DEMO_USERS } from '../support/fixtures'
import { api, login } from '../support/rest'
import { linkIn, outboxFiles, waitForEmail } from '../support/outbox'
import { sqliteServer } from '../support/servers'

const { baseUrl: base, outboxDir } = sqliteServer()
// Forms refuse what is sent faster than a person could (FORM_MIN_SECONDS, 2 s by default).
const HUMAN_PAUSE_MS = 2200

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

async function submitForm(page: Page, button: string) {
  await page.waitForTimeout(HUMAN_PAUSE_MS)
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: button }).click()])
}

async function logInOnSite(page: Page, email: string, password: string) {
  await page.goto(`${base}/connexion`)
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(password)
  await submitForm(page, 'Se connecter')
}

describe('contributions du public (sans JavaScript)', () => {
  test('une entreprise s’inscrit, la secrétaire l’approuve dans l’administration, elle apparaît dans la recherche', async () => {
    const context = await newContext(browser, { javaScript: false })
    const page = await context.newPage()
    const email = `artisan.${Date.now()}@exemple.fr`
    const password = 'Artisan-du-village-2026'
    const name = `Menuiserie Dupont ${Date.now().toString(36)}`

    const before = outboxFiles(outboxDir)
    await page.goto(`${base}/inscription`)
    await page.getByLabel('Votre nom').fill('Paul Dupont')
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByLabel(/^Mot de passe/).fill(password)
    await page.getByLabel('Confirmez le mot de passe').fill(password)
    await submitForm(page, 'Créer mon compte')
    expect(await page.locator('.success-box').innerText()).toContain('Votre compte est créé')

    const verify = await waitForEmail(outboxDir, before, { to: email, subject: 'Confirmez votre adresse e-mail' })
    expect(verify.subject).toContain('Confirmez votre adresse e-mail')
    // Opening the link uses nothing (a mail scanner, a browser that asks twice): its button does.
    await page.goto(linkIn(verify, '/verifier-email'))
    await page.goto(linkIn(verify, '/verifier-email'))
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Confirmer votre adresse e-mail')
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Confirmer mon adresse e-mail' }).click()])
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Adresse e-mail confirmée')
    await page.goto(linkIn(verify, '/verifier-email'))
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Confirmer mon adresse e-mail' }).click()])
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Lien de confirmation invalide')

    await logInOnSite(page, email, password)
    expect(page.url()).toContain('/mon-espace')
    await page.goto(`${base}/inscrire-mon-activite`)
    await page.getByLabel(/Une entreprise/).check()
    await page.getByLabel(/^Nom/).fill(name)
    await page.getByLabel('SIRET').fill('1234')
    await page.getByLabel('Catégorie principale').selectOption({ index: 1 })
    const grandvilliers = await page.locator('#commune option', { hasText: 'Grandvilliers' }).first().getAttribute('value')
    await page.getByLabel('Commune').selectOption(grandvilliers!)
    await submitForm(page, 'Inscrire')
    // Wrong SIRET: the form comes back with the values kept and the message tied to the field.
    expect(await page.getByLabel(/^Nom/).inputValue()).toBe(name)
    const siret = page.getByLabel('SIRET')
    expect(await siret.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await siret.getAttribute('aria-describedby'))!.split(' ')
    expect(await page.locator(`#${describedBy.at(-1)}`).innerText()).toContain('14 chiffres')
    await siret.fill('732 829 320 00074')
    await page.getByLabel('Catégorie principale').selectOption({ index: 1 })
    await submitForm(page, 'Inscrire')
    expect(page.url()).toContain('/mon-espace?ok=inscrite')
    expect(await page.locator('main').innerText()).toContain(name)

    const editor = await login(base, 'editor')
    const found = await api(base, editor, 'GET', `/api/businesses?where[name][equals]=${encodeURIComponent(name)}&depth=0`)
    expect(found.json.docs[0].status).toBe('pending')
    const id = found.json.docs[0].id

    const admin = await newContext(browser, { javaScript: true })
    const adminPage = await admin.newPage()
    await adminPage.goto(`${base}/admin/login`)
    await adminPage.locator('input[name="email"]').fill(DEMO_USERS.editor)
    await adminPage.locator('input[name="password"]').fill(DEMO_PASSWORD)
    await adminPage.getByRole('button', { name: 'Se connecter' }).click()
    await adminPage.locator('section.mq-summary').waitFor({ timeout: 60_000 })
    await adminPage.goto(`${base}/admin/moderation`)
    await adminPage.getByRole('button', { name: `Approuver « ${name} »` }).click()
    await adminPage.locator('#mq-notice').waitFor()
    await admin.close()
    expect((await api(base, editor, 'GET', `/api/businesses/${id}?depth=0`)).json.status).toBe('published')

    await page.goto(`${base}/recherche?q=${encodeURIComponent(name)}`)
    expect(await page.locator('main').innerText()).toContain(name)
    expect(await page.content()).not.toContain(email)

    // The owner changes the account's address from « Mon espace »: nothing changes until the
    // link sent to the new address is followed and its button pressed.
    const newEmail = `atelier.${Date.now()}@exemple.fr`
    await page.goto(`${base}/mon-espace`)
    await page.getByRole('link', { name: 'Changer mon adresse e-mail' }).click()
    await page.getByLabel('Nouvelle adresse e-mail').fill(newEmail)
    // It asks for the current password; a wrong one is said, and the new address stays typed.
    await page.getByLabel('Votre mot de passe actuel').fill('Pas-le-bon-2026!')
    await submitForm(page, 'Recevoir le lien de confirmation')
    expect(await page.locator('.error-summary').innerText()).toContain('n’est pas le bon')
    expect(await page.getByLabel('Nouvelle adresse e-mail').inputValue()).toBe(newEmail)
    expect(await page.getByLabel('Votre mot de passe actuel').inputValue()).toBe('')
    await page.getByLabel('Votre mot de passe actuel').fill(password)
    const beforeChange = outboxFiles(outboxDir)
    await submitForm(page, 'Recevoir le lien de confirmation')
    expect(await page.locator('.success-box').innerText()).toContain(newEmail)
    const change = await waitForEmail(outboxDir, beforeChange, { to: newEmail, subject: 'Confirmez votre nouvelle adresse e-mail' })
    await page.goto(linkIn(change, '/mon-espace/adresse-email/confirmer'))
    await page.goto(linkIn(change, '/mon-espace/adresse-email/confirmer'))
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Confirmer ma nouvelle adresse' }).click()])
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Nouvelle adresse e-mail enregistrée')
    await page.getByRole('link', { name: 'Aller à mon espace' }).click()
    expect(await page.locator('main').innerText()).toContain(newEmail)
    await context.close()
  })

  test('un habitant dépose un besoin, un autre le contacte par le relais ; aucune adresse n’apparaît', async () => {
    const residentContext = await newContext(browser, { javaScript: false })
    const page = await residentContext.newPage()
    const title = `Aide pour déménager ${Date.now().toString(36)}`
    await logInOnSite(page, DEMO_USERS.resident, DEMO_PASSWORD)
    await page.goto(`${base}/annonces/nouvelle`)
    await page.getByLabel('J’ai besoin d’aide').check()
    await page.getByLabel('Titre').fill(title)
    await page.getByLabel('Texte de l’annonce').fill('Je déménage samedi et cherche deux bras pour porter quelques cartons. <b>Merci</b> !')
    await page.getByLabel('Catégorie').selectOption({ index: 1 })
    await page.getByLabel('Commune').selectOption({ index: 1 })
    await page.getByLabel('Gratuit').check()
    await submitForm(page, 'Envoyer l’annonce')
    expect(await page.locator('.success-box').innerText()).toContain('vérifiée par la mairie')

    const editor = await login(base, 'admin')
    const found = await api(base, editor, 'GET', `/api/announcements?where[title][equals]=${encodeURIComponent(title)}&depth=0`)
    const announcement = found.json.docs[0]
    expect(announcement.status).toBe('pending')
    expect((await api(base, editor, 'PATCH', `/api/announcements/${announcement.id}`, { status: 'published' })).status).toBe(200)

    const visitor = await newContext(browser, { javaScript: false })
    const other = await visitor.newPage()
    const pageUrl = `${base}/annonces/${announcement.slug}`
    await other.goto(pageUrl)
    expect(await other.content()).toContain('&lt;b&gt;Merci&lt;/b&gt;')
    await other.goto(`${base}/contacter/annonces/${announcement.slug}`)
    const senderEmail = `voisin.${Date.now()}@exemple.fr`
    await other.getByLabel('Votre nom').fill('Un voisin')
    await other.getByLabel('Votre adresse e-mail').fill(senderEmail)
    await other.getByLabel('Votre message').fill('Bonjour, je suis libre samedi matin pour vous aider à porter les cartons.')
    const before = outboxFiles(outboxDir)
    await submitForm(other, 'Envoyer le message')
    expect(await other.locator('.success-box').innerText()).toContain('Cliquez sur le lien')
    const confirm = await waitForEmail(outboxDir, before, { to: senderEmail, subject: 'Confirmez l’envoi de votre message' })
    const afterConfirm = outboxFiles(outboxDir)
    await other.goto(linkIn(confirm, '/contacter/confirmer'))
    expect(await other.getByRole('heading', { level: 1 }).innerText()).toBe('Message envoyé')
    const relayed = await waitForEmail(outboxDir, afterConfirm, { to: DEMO_USERS.resident, subject: /^Nouveau message pour / })
    expect(relayed.replyTo).not.toContain(senderEmail)
    expect(relayed.text).not.toContain(senderEmail)
    expect(relayed.text).toContain('je suis libre samedi matin')
    await other.goto(linkIn(confirm, '/contacter/confirmer'))
    expect(await other.getByRole('heading', { level: 1 }).innerText()).toBe('Message déjà confirmé')

    for (const url of [pageUrl, `${base}/annonces`, `${base}/recherche?q=${encodeURIComponent(title)}`, `${base}/contacter/annonces/${announcement.slug}`]) {
      const html = await (await fetch(url)).text()
      expect(html).toContain(title.slice(0, 20))
      expect(html).not.toContain(DEMO_USERS.resident)
      expect(html).not.toContain(senderEmail)
    }
    await residentContext.close()
    await visitor.close()
  })

  test('les envois invalides sont refusés proprement (413, 415, champs en erreur)', async () => {
    const url = `${base}/contacter/annonces/n-importe/envoyer`
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(415)
    const huge = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `message=${'a'.repeat(300_000)}` })
    expect(huge.status).toBe(413)
    const emptyLogin = await fetch(`${base}/connexion/envoyer`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=x', redirect: 'manual' })
    expect(emptyLogin.status).toBe(303)
    expect(emptyLogin.headers.get('location')).toContain('erreur=1')
  })
})
