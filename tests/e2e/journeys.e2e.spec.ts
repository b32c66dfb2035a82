/**
 * Whole journeys as residents live them, from the home page and only through what the page
 * shows (visible links and buttons; the only addresses typed are the home page and the links
 * read from e-mails), with JavaScript off and on, on a desktop and on a 390 px phone. Each
 * variant runs four journeys in order, each step saved as a screenshot in tests/.tmp/journeys/:
 * 1. sign-up → link of the e-mail → « Se connecter » → « Déposer une annonce » → « Mon espace »
 *    shows it waiting; the demo secrétaire logs in the same way, opens « Espace de gestion »
 *    from the header and approves it; the board shows it.
 * 2. a neighbour answers that offer (confirmation link opened twice), the author gets the
 *    relayed mail, follows « Répondre » and answers through the site: nobody's address leaks.
 * 3. a business signs up, registers with its SIRET, is approved; its owner edits the
 *    description, which stays off the public page until the secrétaire accepts it.
 * 4. a resident creates an alert, confirms it (link opened twice), a matching offer is
 *    published, the daily digest task runs and its mail links to the offer.
 * The steps (follow, submit, …) and each variant's browsers are in tests/support/journeySteps.ts.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'

import { launchBrowser } from '../support/browser'
import { INSEE } from '../support/fixtures'
import { closeServerDatabase, runScheduledTaskNow } from '../support/jobs'
import { expectAccessible, follow, footer, h1, header, noHorizontalScroll, siretFor, submit, variantBrowsers } from '../support/journeySteps'
import { countEmails, linkIn, outboxFiles, waitForEmail } from '../support/outbox'
import { api, login } from '../support/rest'
import { sqliteServer } from '../support/servers'

const { baseUrl: base, outboxDir } = sqliteServer()
const SHOTS = path.resolve('tests/.tmp/journeys')
// A journey takes 40–80 s at rest and up to five times longer under the full suite's load.
const JOURNEY_MS = 600_000

let browser: Browser

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await closeServerDatabase()
})

const VARIANTS = [
  ['ordinateur sans JavaScript', { javaScript: false, mobile: false }],
  ['téléphone sans JavaScript', { javaScript: false, mobile: true }],
  ['ordinateur avec JavaScript', { javaScript: true, mobile: false }],
  ['téléphone avec JavaScript', { javaScript: true, mobile: true }],
] as const

describe.each(VARIANTS)('parcours, %s', (label, options) => {
  const slug = `${options.mobile ? 'telephone' : 'ordinateur'}-${options.javaScript ? 'js' : 'sans-js'}`
  const stamp = `${Date.now().toString(36)}${options.mobile ? 't' : 'o'}${options.javaScript ? 'js' : 'nojs'}`
  // The resident of journeys 1 and 2, and her offer.
  const author = { name: 'Jeannine Leclerc', email: `jeannine.${stamp}.${slug}@exemple.fr`, password: 'Mon-village-en-2026' }
  const offerTitle = `Je tricote des écharpes ${stamp}`
  let offerPublished = false
  let context: BrowserContext
  let page: Page
  let step = 0
  const shotOf = async (target: Page, name: string) => {
    step++
    await target.screenshot({ path: path.join(SHOTS, `${slug}-${String(step).padStart(2, '0')}-${name}.png`), fullPage: false })
  }
  const shot = (name: string) => shotOf(page, name)

  const { visitor, openModerationQueue, toModerationQueue } = variantBrowsers(() => browser, base, options, shotOf)

  beforeAll(async () => {
    page = await visitor()
    context = page.context()
  })

  afterAll(async () => {
    await context?.close()
  })

  test(`du compte à l’offre publiée (${label})`, async () => {
    const { email, password } = author
    // A 120-character word and a long link: they must wrap, never widen the page.
    const longWord = 'Anticonstitutionnellement'.repeat(5).slice(0, 120)
    const title = offerTitle

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
    await page.getByLabel('Votre nom').fill(author.name)
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByLabel(/^Mot de passe/).fill(password)
    await page.getByLabel('Confirmez le mot de passe').fill(password)
    await shot('inscription')
    await submit(page, 'Créer mon compte')
    expect(await page.locator('.success-box').innerText()).toContain('Votre compte est créé')

    // The link of the e-mail.
    const verify = await waitForEmail(outboxDir, before, { to: email, subject: 'Confirmez votre adresse e-mail' })
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
    // A resident has « Mon espace », not the admin.
    expect(await header(page).getByRole('link', { name: 'Espace de gestion' }).count()).toBe(0)
    expect(await page.locator('main').getByRole('link', { name: 'Espace de gestion' }).count()).toBe(0)
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

    // The secrétaire of Grandvilliers logs in the same way, finds « Espace de gestion » in the
    // header and approves the offer in the admin.
    const admin = await openModerationQueue(page)
    await admin.getByRole('button', { name: `Approuver « ${title} »` }).click()
    await admin.locator('#mq-notice').waitFor()
    await admin.screenshot({ path: path.join(SHOTS, `${slug}-${String(++step).padStart(2, '0')}-moderation-approuvee.png`) })
    await admin.context().close()

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
    offerPublished = true
  }, JOURNEY_MS)

  test(`un voisin répond à l’offre, l’autrice lui répond par le site (${label})`, async () => {
    expect(offerPublished).toBe(true)
    const neighbour = { name: 'Marcel Duval', email: `marcel.${stamp}.${slug}@exemple.fr` }
    const v = await visitor()
    await v.goto(`${base}/`)
    await follow(v, header(v).getByRole('link', { name: 'Offres et besoins' }))
    await follow(v, v.locator('main').getByRole('link', { name: offerTitle }))
    await follow(v, v.locator('main').getByRole('link', { name: 'Répondre à cette annonce' }))
    await v.getByLabel('Votre nom').fill(neighbour.name)
    await v.getByLabel('Votre adresse e-mail').fill(neighbour.email)
    await v.getByLabel('Votre message').fill(`Bonjour, j’aimerais une écharpe bleue pour cet hiver. ${stamp}`)
    await shotOf(v, 'contact-rempli')
    const before = outboxFiles(outboxDir)
    await submit(v, 'Envoyer le message')
    expect(await v.locator('.success-box').innerText()).toContain('Cliquez sur le lien')
    await expectAccessible(v, options.javaScript)

    // The confirmation link, opened twice (a mail scanner, Chromium asking again): still fine.
    const confirm = await waitForEmail(outboxDir, before, { to: neighbour.email, subject: 'Confirmez l’envoi de votre message' })
    const afterConfirm = outboxFiles(outboxDir)
    await v.goto(linkIn(confirm, '/contacter/confirmer'))
    expect(await h1(v)).toBe('Message envoyé')
    await v.goto(linkIn(confirm, '/contacter/confirmer'))
    expect(await h1(v)).toBe('Message déjà confirmé')
    expect(await v.locator('.success-box').innerText()).toContain('Déjà confirmé, merci')
    // Nothing to resend here: the message is on its way.
    expect(await v.locator('main').innerText()).not.toMatch(/Renvoyer/)
    await shotOf(v, 'contact-confirme-deux-fois')
    await expectAccessible(v, options.javaScript)

    // The author gets the message once, without the neighbour's address, and answers.
    const relayed = await waitForEmail(outboxDir, afterConfirm, { to: author.email, subject: `Nouveau message pour « ${offerTitle} »` })
    expect(relayed.text).toContain('une écharpe bleue')
    expect(fs.readFileSync(relayed.file, 'utf8')).not.toContain(neighbour.email)
    expect(countEmails(outboxDir, afterConfirm, { to: author.email, subject: 'Nouveau message pour' })).toBe(1)
    const a = await visitor()
    await a.goto(linkIn(relayed, '/contacter/repondre'))
    expect(await h1(a)).toBe(`Répondre à ${neighbour.name}`)
    expect(await a.content()).not.toContain(neighbour.email)
    await a.getByLabel('Votre nom').fill(author.name)
    await a.getByLabel('Votre réponse').fill(`Avec plaisir : passez jeudi, je vous la donnerai. ${stamp}`)
    await shotOf(a, 'reponse-remplie')
    await expectAccessible(a, options.javaScript)
    const beforeReply = outboxFiles(outboxDir)
    await submit(a, 'Envoyer ma réponse')
    expect(await h1(a)).toBe('Réponse envoyée')
    await shotOf(a, 'reponse-envoyee')

    const reply = await waitForEmail(outboxDir, beforeReply, { to: neighbour.email, subject: /^Réponse de / })
    expect(reply.text).toContain('passez jeudi')
    expect(reply.replyTo).not.toContain(author.email)
    expect(fs.readFileSync(reply.file, 'utf8')).not.toContain(author.email)
    await a.context().close()
    await v.context().close()
  }, JOURNEY_MS)

  test(`une entreprise s’inscrit avec son SIRET ; sa modification attend la mairie (${label})`, async () => {
    const owner = { name: 'Paul Lefèvre', email: `paul.${stamp}.${slug}@exemple.fr`, password: 'Atelier-du-village-2026' }
    const business = `Cordonnerie Lefèvre ${stamp}`
    const firstText = `Ressemelage, clés et petite maroquinerie. ${stamp}`
    const editedText = `Ressemelage, clés minute et cirage, nouveauté ${stamp}`
    const o = await visitor()
    await o.goto(`${base}/`)
    // « Inscrire mon activité » asks to log in first; the login page offers « Créer un compte ».
    await follow(o, o.locator('main').getByRole('link', { name: 'Inscrire mon activité' }))
    expect(new URL(o.url()).pathname).toBe('/connexion')
    await follow(o, o.locator('main').getByRole('link', { name: 'Créer un compte' }))
    await o.getByLabel('Votre nom').fill(owner.name)
    await o.getByLabel('Adresse e-mail').fill(owner.email)
    await o.getByLabel(/^Mot de passe/).fill(owner.password)
    await o.getByLabel('Confirmez le mot de passe').fill(owner.password)
    const before = outboxFiles(outboxDir)
    await submit(o, 'Créer mon compte')
    expect(await o.locator('.success-box').innerText()).toContain('Votre compte est créé')
    // Here a lost e-mail can be sent again: the form is offered.
    expect(await o.getByRole('button', { name: 'Renvoyer l’e-mail de confirmation' }).count()).toBe(1)
    const verify = await waitForEmail(outboxDir, before, { to: owner.email, subject: 'Confirmez votre adresse e-mail' })
    await o.goto(linkIn(verify, '/verifier-email'))
    await o.goto(linkIn(verify, '/verifier-email'))
    await submit(o, 'Confirmer mon adresse e-mail')
    expect(await h1(o)).toBe('Adresse e-mail confirmée')
    await follow(o, o.locator('main').getByRole('link', { name: 'Se connecter' }))
    await o.getByLabel('Adresse e-mail').fill(owner.email)
    await o.getByLabel('Mot de passe').fill(owner.password)
    await submit(o, 'Se connecter')

    await follow(o, header(o).getByRole('link', { name: /Mon espace/ }))
    await follow(o, o.locator('main').getByRole('link', { name: 'Inscrire mon entreprise ou mon association' }).first())
    await o.getByLabel(/Une entreprise/).check()
    await o.getByLabel(/^Nom/).fill(business)
    await o.getByLabel('SIRET').fill(siretFor(stamp))
    await o.getByLabel('Catégorie principale').selectOption({ index: 1 })
    const grandvilliers = await o.locator('select[name="commune"] option', { hasText: 'Grandvilliers' }).first().getAttribute('value')
    await o.getByLabel('Commune').selectOption(grandvilliers!)
    await o.getByLabel('Présentation').fill(firstText)
    await shotOf(o, 'inscription-activite')
    await submit(o, 'Inscrire')
    expect(o.url()).toContain('/mon-espace?ok=inscrite')
    expect(await o.locator('main').innerText()).toContain(`${business} — En attente de modération`)
    await shotOf(o, 'activite-en-attente')

    // The secrétaire approves the new profile.
    const staffSite = await visitor()
    await staffSite.goto(`${base}/`)
    const admin = await openModerationQueue(staffSite)
    await admin.getByRole('button', { name: `Approuver « ${business} »` }).click()
    await admin.locator('#mq-notice').waitFor()

    // The owner changes the description from « Mon espace ».
    await follow(o, header(o).getByRole('link', { name: /Mon espace/ }))
    await follow(o, o.locator('main').getByRole('link', { name: `Modifier « ${business} »` }))
    await o.getByLabel('Présentation').fill(editedText)
    await submit(o, 'Enregistrer')
    expect(await o.locator('.success-box').innerText()).toContain('dès que la mairie les aura vérifiées')
    await shotOf(o, 'modification-envoyee')

    // A visitor finds the profile from the home page: the approved text, not the new one.
    const v = await visitor()
    await v.goto(`${base}/`)
    await v.locator('#q-entete').fill(stamp)
    await Promise.all([v.waitForURL(/\/recherche\?/), header(v).getByRole('button', { name: 'Rechercher' }).click()])
    await follow(v, v.locator('#resultats').getByRole('link', { name: business }))
    expect(await h1(v)).toBe(business)
    expect(await v.locator('main').innerText()).toContain(firstText)
    expect(await v.locator('main').innerText()).not.toContain(editedText)
    await shotOf(v, 'fiche-publique-avant-accord')

    // The secrétaire accepts the change; then it is public.
    await toModerationQueue(admin)
    await admin.getByRole('button', { name: `Garder les modifications de « ${business} »` }).click()
    await admin.locator('#mq-notice', { hasText: 'sont en ligne' }).waitFor()
    await admin.context().close()
    await v.reload()
    expect(await v.locator('main').innerText()).toContain(editedText)
    await shotOf(v, 'fiche-publique-apres-accord')
    await expectAccessible(v, options.javaScript)
    for (const p of [o, v, staffSite]) await p.context().close()
  }, JOURNEY_MS)

  test(`une alerte confirmée envoie le résumé du jour avec des liens qui marchent (${label})`, async () => {
    const subscriber = `lucienne.${stamp}.${slug}@exemple.fr`
    const r = await visitor()
    await r.goto(`${base}/`)
    await follow(r, r.locator('main').getByRole('link', { name: 'Créer une alerte' }))
    await r.getByLabel('Votre adresse e-mail').fill(subscriber)
    await r.getByLabel('Mots recherchés').fill(stamp)
    await shotOf(r, 'alerte-remplie')
    const before = outboxFiles(outboxDir)
    await submit(r, 'Créer l’alerte')
    expect(await r.locator('.success-box').innerText()).toContain('cliquez sur le lien')
    expect(await r.locator('main').innerText()).not.toMatch(/Renvoyer/)

    const confirm = await waitForEmail(outboxDir, before, { to: subscriber, subject: 'Confirmez votre alerte' })
    await r.goto(linkIn(confirm, '/alertes/confirmer'))
    expect(await h1(r)).toBe('Alerte confirmée')
    await r.goto(linkIn(confirm, '/alertes/confirmer'))
    expect(await h1(r)).toBe('Alerte déjà confirmée')
    expect(await r.locator('main').innerText()).not.toMatch(/Renvoyer/)
    await shotOf(r, 'alerte-confirmee-deux-fois')
    await expectAccessible(r, options.javaScript)

    // A matching offer is published (the moderation flow itself is journey 1's).
    const title = `Confitures maison à donner ${stamp}`
    const editor = await login(base, 'editor')
    const commune = (await api(base, editor, 'GET', `/api/communes?where[inseeCode][equals]=${INSEE.grandvilliers}&depth=0`)).json.docs[0]
    const category = (await api(base, editor, 'GET', '/api/categories?limit=1&depth=0')).json.docs[0]
    const created = await api(base, editor, 'POST', '/api/announcements', {
      kind: 'offer',
      title,
      body: 'Des pots de confiture de prunes du jardin, à venir chercher.',
      category: category.id,
      commune: commune.id,
      priceType: 'free',
      status: 'published',
    })
    expect(created.status).toBe(201)

    // The daily digest, run as its schedule runs it.
    const beforeDigest = outboxFiles(outboxDir)
    await runScheduledTaskNow(base, 'sendAlertDigests')
    const digest = await waitForEmail(outboxDir, beforeDigest, { to: subscriber, subject: /^Nouveautés pour votre alerte/ })
    expect(digest.text).toContain(title)
    await r.goto(linkIn(digest, '/annonces/'))
    expect(await h1(r)).toBe(title)
    // The link uses the territory's own host name: its logo loads there too.
    expect(await r.locator('header.site-header img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    await shotOf(r, 'lien-du-resume')
    // Its unsubscribe link shows a page; only its button unsubscribes.
    await r.goto(linkIn(digest, '/alertes/desinscription'))
    expect(await r.getByRole('button', { name: /désinscri/i }).count()).toBeGreaterThan(0)
    await r.context().close()
  }, JOURNEY_MS)
})