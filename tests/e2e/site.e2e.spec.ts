/**
 * The public site on the demo data, driven by chromium with JavaScript and without it:
 * search near a commune, filters, a profile, the printed view, and axe-core on every page
 * type. Map tiles cannot load here (no network): pages must stay usable anyway.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { axeViolations, launchBrowser, newContext } from '../support/browser'
import { sqliteServer } from '../support/servers'

const base = sqliteServer().baseUrl
const origin = new URL(base).origin

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** Requests to other hosts than ours, except map tiles (which are expected to fail here). */
function watchThirdParty(page: Page): string[] {
  const seen: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin !== origin && !/^(data|blob):/.test(request.url()) && !url.hostname.includes('tile')) seen.push(request.url())
  })
  return seen
}

async function expectAccessible(page: Page, javaScript: boolean) {
  const violations = await axeViolations(page, { javaScript })
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] })
}

const text = (page: Page, selector = 'main') => page.locator(selector).innerText()

describe.each([
  ['avec JavaScript', true],
  ['sans JavaScript', false],
])('site public %s', (_label, javaScript) => {
  let context: BrowserContext
  let page: Page
  let thirdParty: string[]

  beforeAll(async () => {
    context = await newContext(browser, { javaScript })
    page = await context.newPage()
    thirdParty = watchThirdParty(page)
  })

  afterAll(async () => {
    await context?.close()
  })

  test('accueil : recherche, catégories, annonces, communes', async () => {
    const response = await page.goto(`${base}/`)
    expect(response?.status()).toBe(200)
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    await expect(page.locator('h1').innerText()).resolves.toMatch(/Picardie Verte/)
    expect(await page.getByRole('link', { name: /Alimentation/ }).count()).toBeGreaterThan(0)
    expect(await page.getByRole('link', { name: 'Grandvilliers', exact: true }).count()).toBeGreaterThan(0)
    expect(await text(page)).toMatch(/Fermeture exceptionnelle de la mairie/)
    // The public pages ship no framework runtime: only our own small script.
    const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((e) => e.getAttribute('src')))
    expect(scripts).toEqual(['/site/site.js'])
    await expectAccessible(page, javaScript)
  })

  test('« boulangerie » à moins de 10 km de Grandvilliers, puis filtre par catégorie et commune', async () => {
    await page.goto(`${base}/`)
    await page.getByLabel('Que cherchez-vous ?').fill('boulangerie')
    await page.getByLabel('Où ?').selectOption({ value: 'grandvilliers' })
    await page.getByLabel('Autour de la commune').selectOption('10')
    await Promise.all([page.waitForURL(/\/recherche\?/), page.getByRole('button', { name: 'Rechercher' }).last().click()])
    const url = new URL(page.url())
    expect(url.searchParams.get('q')).toBe('boulangerie')
    expect(url.searchParams.get('commune')).toBe('grandvilliers')
    expect(url.searchParams.get('rayon')).toBe('10')
    const results = page.locator('#resultats')
    await expect(results.innerText()).resolves.toMatch(/Boulangerie Martin/)
    await expect(page.locator('#nombre-resultats').innerText()).resolves.toMatch(/à moins de 10 km de Grandvilliers/)
    await expectAccessible(page, javaScript)

    // Category and commune filters through the form (plain GET without JavaScript).
    await page.getByLabel('Catégorie', { exact: true }).selectOption({ value: 'boulangerie-patisserie' })
    await page.getByLabel('Distance').selectOption('')
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('categorie') === 'boulangerie-patisserie' && !u.searchParams.get('rayon')),
      page.getByRole('button', { name: 'Afficher les résultats' }).click(),
    ])
    await page.waitForLoadState('load')
    await expect(text(page, '#resultats')).resolves.toMatch(/Boulangerie Martin/)
    await expect(text(page, '#resultats')).resolves.not.toMatch(/Cabinet médical/)
    await expect(page.locator('#nombre-resultats').innerText()).resolves.toMatch(/dans « Boulangerie, pâtisserie » à Grandvilliers/)
  })

  test('facettes avec leur nombre, et pages de résultats sans résultat utiles', async () => {
    await page.goto(`${base}/recherche?q=pharmacie`)
    // No commune chosen yet: the distance offered is the home page's, so choosing a commune searches around it.
    expect(await page.getByLabel('Distance').inputValue()).toBe('10')
    const facets = page.locator('.facets')
    await expect(facets.innerText()).resolves.toMatch(/Formerie\s*\(1\)/)
    // A word no other test file adds in Songeons (the import e2e adds a boulangerie there).
    await page.goto(`${base}/recherche?q=pharmacie&commune=songeons`)
    await expect(text(page, '#resultats')).resolves.toMatch(/Aucun résultat/)
    const suggestion = page.locator('.suggestions a').first()
    expect(await suggestion.count()).toBe(1)
    await Promise.all([page.waitForURL(/rayon=|commune=/), suggestion.click()])
    await expect(text(page, '#resultats')).resolves.toMatch(/Pharmacie de Formerie/)
    await expectAccessible(page, javaScript)
  })

  test('fiche d’une entreprise : horaires, contact, données structurées, jamais d’e-mail', async () => {
    await page.goto(`${base}/recherche?q=boulangerie`)
    await Promise.all([page.waitForURL(/\/entreprises\//), page.getByRole('link', { name: 'Boulangerie Martin' }).first().click()])
    expect(new URL(page.url()).pathname).toBe('/entreprises/boulangerie-martin-grandvilliers')
    await expect(page.locator('h1').innerText()).resolves.toBe('Boulangerie Martin')
    const main = await text(page)
    expect(main).toMatch(/Exemple/i)
    expect(main).toMatch(/Ouvert maintenant|Fermé/)
    expect(main).toMatch(/Mardi\s+6 h 30 – 13 h 00, 15 h 30 – 19 h 30/)
    expect(main).toMatch(/03 44 46 10 20/)
    expect(main).toMatch(/Livraison de pain à domicile/)
    const html = await page.content()
    expect(html).not.toMatch(/[\w.+-]+@annuaire\.example/)
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/\/entreprises\/boulangerie-martin-grandvilliers$/)
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toMatch(/Boulangerie Martin/)
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}')
    expect(jsonLd['@type']).toBe('LocalBusiness')
    expect(jsonLd.openingHoursSpecification.length).toBeGreaterThan(0)
    expect(await page.getByRole('link', { name: 'Écrire à Boulangerie Martin' }).getAttribute('href')).toBe(
      '/contacter/entreprises/boulangerie-martin-grandvilliers',
    )
    expect(await page.getByRole('link', { name: /Signaler un problème/ }).getAttribute('href')).toBe(
      '/signaler/entreprises/boulangerie-martin-grandvilliers',
    )
    await expectAccessible(page, javaScript)
  })

  test('vue imprimable d’une fiche et de l’annuaire d’une commune', async () => {
    await page.goto(`${base}/entreprises/boulangerie-martin-grandvilliers`)
    await page.emulateMedia({ media: 'print' })
    try {
      expect(await page.locator('.main-nav').isVisible()).toBe(false)
      expect(await page.locator('.actions').isVisible()).toBe(false)
      expect(await page.locator('.hours-table').isVisible()).toBe(true)
      expect(await page.getByText('03 44 46 10 20').first().isVisible()).toBe(true)
      await page.goto(`${base}/communes/grandvilliers`)
      expect(await page.locator('.print-only').first().isVisible()).toBe(true)
      const printed = await text(page)
      expect(printed).toMatch(/Boulangerie Martin/)
      expect(printed).toMatch(/mar\. à sam\. : 6 h 30 – 13 h 00, 15 h 30 – 19 h 30/)
      expect(await page.locator('.site-footer nav').isVisible()).toBe(false)
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
  })

  test('axe-core ne relève aucune violation sur chaque type de page', async () => {
    const pages = [
      '/',
      '/recherche',
      '/recherche?q=zzzzzz',
      '/recherche?q=aide&type=services&tarif=cesu',
      '/categories',
      '/categories/alimentation',
      '/categories/boulangerie-patisserie',
      '/communes',
      '/communes/grandvilliers',
      '/entreprises/plomberie-chauffage-lemaire-formerie',
      '/associations/comite-des-fetes-de-songeons',
      '/services/livraison-de-pain-a-domicile-grandvilliers',
      '/annonces',
      '/annonces?annonce=besoin',
      '/carte',
      '/carte?categorie=alimentation',
      '/mentions-legales',
      '/confidentialite',
      '/accessibilite',
      '/a-propos',
      '/plan-du-site',
      '/page-qui-n-existe-pas',
      '/entreprises/fiche-qui-n-existe-pas',
      // A page that calls Next's notFound(): the site's page replaces Next's empty shell.
      '/contacter/entreprises/fiche-qui-n-existe-pas',
    ]
    const announcement = await firstLink(page, '/annonces', '/annonces/')
    pages.push(announcement)
    for (const path of pages) {
      const response = await page.goto(`${base}${path}`)
      const missing = path.includes('qui-n-existe-pas')
      expect({ path, status: response?.status() }).toEqual({ path, status: missing ? 404 : 200 })
      if (missing) await expect(page.locator('h1').innerText()).resolves.toBe('Page introuvable')
      if (javaScript && path.startsWith('/carte')) await page.waitForSelector('.leaflet-marker-icon')
      await expectAccessible(page, javaScript)
    }
  }, 600_000)

  test('carte : la liste reste l’alternative, la carte ne dépend pas des tuiles', async () => {
    await page.goto(`${base}/carte`)
    const list = page.locator('main .cards')
    expect(await list.locator('li').count()).toBeGreaterThan(5)
    const map = page.locator('[data-map]')
    if (javaScript) {
      await page.waitForSelector('.leaflet-marker-icon')
      expect(await map.isVisible()).toBe(true)
      expect(await page.locator('.leaflet-marker-icon').count()).toBeGreaterThan(0)
    } else {
      expect(await map.isVisible()).toBe(false)
    }
  })

  test('navigation au clavier : lien d’évitement et focus visible', async () => {
    await page.goto(`${base}/`)
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement!).outlineStyle }))
    expect(focused.text).toBe('Aller au contenu')
    expect(focused.outline).not.toBe('none')
    await page.keyboard.press('Enter')
    expect(new URL(page.url()).hash).toBe('#contenu')
    // Reach and use the search box with the keyboard only.
    await page.goto(`${base}/`)
    await page.locator('#q-accueil').focus()
    await page.keyboard.type('garage')
    await Promise.all([page.waitForURL(/q=garage/), page.keyboard.press('Enter')])
    await expect(text(page, '#resultats')).resolves.toMatch(/Garage du Thérain/)
  })

  test('aucune requête vers un tiers (hors tuiles de carte)', () => {
    expect(thirdParty).toEqual([])
  })
})

async function firstLink(page: Page, path: string, prefix: string): Promise<string> {
  await page.goto(`${base}${path}`)
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute('href')
  if (!href) throw new Error(`Aucun lien ${prefix} sur ${path}`)
  return href
}

describe('sur un téléphone sans JavaScript', () => {
  test('un habitant de Feuquières trouve un plombier et ouvre sa fiche', async () => {
    const context = await newContext(browser, { javaScript: false, mobile: true })
    try {
      const page = await context.newPage()
      await page.goto(`${base}/`)
      await page.getByLabel('Que cherchez-vous ?').fill('plombier')
      await page.getByLabel('Où ?').selectOption({ value: 'feuquieres' })
      await page.getByLabel('Autour de la commune').selectOption('10')
      await Promise.all([page.waitForURL(/\/recherche\?/), page.getByRole('button', { name: 'Rechercher' }).last().click()])
      await Promise.all([page.waitForURL(/\/entreprises\//), page.getByRole('link', { name: 'Plomberie Chauffage Lemaire' }).click()])
      await expect(page.locator('h1').innerText()).resolves.toBe('Plomberie Chauffage Lemaire')
      await expect(text(page)).resolves.toMatch(/03 44 46 22 31/)
      expect(await page.getByRole('link', { name: /Écrire à Plomberie/ }).isVisible()).toBe(true)
      await expectAccessible(page, false)
    } finally {
      await context.close()
    }
  })
})

describe('en-tête compact, formulaires et informations municipales sur un téléphone de 390 px (issue 19)', () => {
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    context = await newContext(browser, { javaScript: false, mobile: true })
    page = await context.newPage()
  })

  afterAll(async () => {
    await context?.close()
  })

  test('l’en-tête tient en moins de 30 % du premier écran (43 % avant) : la recherche de l’accueil y est visible', async () => {
    await page.goto(`${base}/`)
    const header = (await page.locator('.site-header').boundingBox())!
    expect(header.height).toBeLessThan(844 * 0.3)
    // Logo and name on one line.
    const name = (await page.locator('.brand-name').boundingBox())!
    const logo = (await page.locator('.brand img').boundingBox())!
    expect(name.height).toBeLessThanOrEqual(logo.height + 8)
    // The home page's search box, whole, in the first screen; the header's one too.
    const search = (await page.getByLabel('Que cherchez-vous ?').boundingBox())!
    expect(search.y + search.height).toBeLessThanOrEqual(844)
    expect(await page.locator('#q-entete').isVisible()).toBe(true)
    // The menu: every entry present, in one list, reachable without JavaScript.
    const menu = page.getByRole('navigation', { name: 'Menu principal' })
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(['Accueil', 'Rechercher', 'Catégories', 'Communes', 'Offres et besoins', 'Carte'])
    for (const link of await menu.getByRole('link').all()) {
      await link.scrollIntoViewIfNeeded()
      expect(await link.isVisible()).toBe(true)
    }
    expect(await page.getByRole('banner').getByRole('link', { name: 'Se connecter' }).isVisible()).toBe(true)
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await expectAccessible(page, false)
  })

  test('une information municipale donne les coordonnées de la mairie', async () => {
    await page.goto(`${base}/annonces?annonce=information`)
    // « Toutes les informations municipales » leads to a page that says so, without the residents' buttons.
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Informations municipales')
    expect(await page.getByRole('link', { name: 'Publier une demande' }).count()).toBe(0)
    await Promise.all([page.waitForURL(/\/annonces\/[^?]/), page.locator('main a[href^="/annonces/"]').filter({ hasText: 'Fermeture exceptionnelle de la mairie' }).first().click()])
    const box = page.locator('.mairie-box')
    expect(await box.isVisible()).toBe(true)
    const shown = await box.innerText()
    expect(shown).toMatch(/Mairie de /)
    expect(shown).toMatch(/Téléphone : 0\d( \d\d){4}/)
    expect(shown).toMatch(/Horaires d’ouverture/)
    expect(await box.locator('a[href^="tel:+33"]').count()).toBe(1)
    const right = await box.evaluate((el) => el.getBoundingClientRect().right)
    expect(right).toBeLessThanOrEqual(390)
    await expectAccessible(page, false)
  })

  test('les champs des formulaires publics se ressemblent : « Votre nom » comme « Votre adresse e-mail »', async () => {
    const looks = async (selector: string) =>
      page.locator(selector).evaluate((el) => {
        const style = getComputedStyle(el)
        return { background: style.backgroundColor, border: style.borderBottom, left: style.borderLeftWidth, padding: style.padding, width: Math.round(el.getBoundingClientRect().width) }
      })
    await page.goto(`${base}/contacter/entreprises/plomberie-chauffage-lemaire-formerie`)
    const name = await looks('#senderName')
    expect(await looks('#senderEmail')).toEqual(name)
    expect(await looks('#message')).toEqual({ ...name, width: name.width })
    await page.goto(`${base}/inscription`)
    expect(await looks('#name')).toEqual(await looks('#email'))
    expect(await looks('#email')).toEqual(await looks('#password'))
  })
})

describe('référencement', () => {
  test('sitemap.xml et robots.txt', async () => {
    const sitemap = await fetch(`${base}/sitemap.xml`)
    expect(sitemap.status).toBe(200)
    const xml = await sitemap.text()
    expect(xml).toMatch(/<loc>[^<]*\/entreprises\/boulangerie-martin-grandvilliers<\/loc>/)
    expect(xml).toMatch(/<loc>[^<]*\/communes\/grandvilliers<\/loc>/)
    const robots = await (await fetch(`${base}/robots.txt`)).text()
    expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/)
    expect(robots).toMatch(/Disallow: \/admin/)
  })

  test('les fichiers de Leaflet sont servis localement', async () => {
    const js = await fetch(`${base}/vendor/leaflet/leaflet.js`)
    expect(js.status).toBe(200)
    expect(await js.text()).toMatch(/Leaflet/)
    // Only the listed files: nothing else of node_modules or of the project.
    expect((await fetch(`${base}/vendor/leaflet/package.json`)).status).toBe(404)
    expect((await fetch(`${base}/vendor/leaflet/..%2F..%2Fpackage.json`)).status).toBe(404)
    expect((await fetch(`${base}/package.json`)).status).toBe(404)
  })
})
