/**
 * The fixes met on the residents' way (issue 18, part 4), in chromium on the demo data:
 * served communes in a radius search, results before the filters on a phone, pages past the
 * last, « Cherche de l’aide », the map form's filters, closures in the hours, target sizes,
 * compressed Leaflet, demo legal text, and session pages kept out of shared caches.
 */
import type { Page } from 'playwright-core'

import { axeViolations, useBrowser, newContext, axeBuilder } from '../support/browser'
import { api, login } from '../support/rest'
import { sqliteServer } from '../support/servers'

const base = sqliteServer().baseUrl

const browser = useBrowser()

async function withPage<T>(options: { javaScript: boolean; mobile?: boolean }, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await newContext(browser(), options)
  try {
    return await run(await context.newPage())
  } finally {
    await context.close()
  }
}

async function searchFromHome(page: Page, words: string, commune: string, radius: string) {
  await page.goto(`${base}/`)
  await page.getByLabel('Que cherchez-vous ?').fill(words)
  await page.getByLabel('Où ?').selectOption({ value: commune })
  await page.getByLabel('Autour de la commune').selectOption(radius)
  await Promise.all([page.waitForURL(/\/recherche\?/), page.locator('form.home-search').getByRole('button', { name: 'Rechercher' }).click()])
}

describe.each([
  ['sans JavaScript', false],
  ['avec JavaScript', true],
])('recherche %s', (_label, javaScript) => {
  test('« pain » à 10 km de Formerie trouve la tournée du boulanger qui dessert Formerie', async () => {
    await withPage({ javaScript }, async (page) => {
      await searchFromHome(page, 'pain', 'formerie', '10')
      expect(await page.locator('#resultats').innerText()).toContain('Livraison de pain à domicile')
      // It lies farther than 10 km: its card says it serves Formerie, the count line says why it is listed.
      const card = page.locator('#resultats .card', { hasText: 'Livraison de pain à domicile' })
      expect(await card.locator('.card-meta').innerText()).toMatch(/intervient à Formerie · à \d+ km de Formerie/)
      expect(await page.locator('#nombre-resultats').innerText()).toMatch(/à moins de 10 km de Formerie ou qui y interviennent/)
    })
  })

  test('sur un téléphone, les résultats viennent avant les filtres, repliés derrière « Filtrer »', async () => {
    await withPage({ javaScript, mobile: true }, async (page) => {
      await searchFromHome(page, 'pain', 'formerie', '10')
      const firstResult = page.locator('#resultats .card').first()
      const box = await firstResult.boundingBox()
      expect(box!.y).toBeLessThan(844)
      expect(await page.locator('#filtres').isVisible()).toBe(false)
      await page.locator('summary', { hasText: 'Filtrer' }).click()
      expect(await page.locator('#filtres').isVisible()).toBe(true)
      const violations = await axeViolations(page, { javaScript })
      expect(violations).toEqual([])
    })
  })

  test('sur un ordinateur, les filtres restent affichés', async () => {
    await withPage({ javaScript }, async (page) => {
      await page.goto(`${base}/recherche?q=pain`)
      expect(await page.locator('#filtres').isVisible()).toBe(true)
    })
  })
})

describe('pages et formulaires', () => {
  test('une page au-delà de la dernière le dit et mène à la dernière', async () => {
    await withPage({ javaScript: false }, async (page) => {
      await page.goto(`${base}/recherche?q=boulangerie&page=99`)
      expect(await page.locator('#resultats').innerText()).toContain('La page 99 n’existe pas')
      await Promise.all([page.waitForURL(/page=|q=/), page.getByRole('link', { name: /Aller à la dernière page|Voir les résultats/ }).click()])
      expect(await page.locator('#resultats .card').count()).toBeGreaterThan(0)
      await page.goto(`${base}/annonces?page=99`)
      expect(await page.locator('main').innerText()).toContain('La page 99 n’existe pas')
    })
  })

  test('« Cherche de l’aide » ne montre que des annonces', async () => {
    await withPage({ javaScript: false }, async (page) => {
      await page.goto(`${base}/recherche`)
      await page.getByLabel('Cherche de l’aide').check()
      await Promise.all([page.waitForURL(/annonce=besoin/), page.getByRole('button', { name: 'Afficher les résultats' }).click()])
      const hrefs = await page.locator('#resultats .card a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
      expect(hrefs.length).toBeGreaterThan(0)
      expect(hrefs.every((href) => href.startsWith('/annonces/'))).toBe(true)
    })
  })

  test('une recherche sans résultat propose « Publier une demande » et une alerte déjà remplie', async () => {
    await withPage({ javaScript: false }, async (page) => {
      await page.goto(`${base}/recherche?q=rempailleur&commune=formerie`)
      expect(await page.getByRole('link', { name: 'Publier une demande' }).isVisible()).toBe(true)
      await Promise.all([page.waitForURL(/\/alertes/), page.getByRole('link', { name: 'Créer une alerte' }).click()])
      expect(await page.getByLabel('Mots recherchés').inputValue()).toBe('rempailleur')
      expect(await page.getByLabel('Commune', { exact: true }).locator('option:checked').innerText()).toMatch(/^Formerie/)
    })
  })

  test('le formulaire de la carte garde le type et le tarif', async () => {
    await withPage({ javaScript: false }, async (page) => {
      await page.goto(`${base}/carte?type=annonces&tarif=gratuit`)
      await page.getByLabel('Mots recherchés').fill('aide')
      await Promise.all([page.waitForURL(/q=aide/), page.getByRole('button', { name: 'Afficher' }).click()])
      const url = new URL(page.url())
      expect(url.searchParams.getAll('type')).toEqual(['annonces'])
      expect(url.searchParams.getAll('tarif')).toEqual(['gratuit'])
    })
  })

  test('les liens « Annuler et revenir » font au moins 24 × 24 px (axe target-size)', async () => {
    // axe needs timers: this check runs with JavaScript (the layout is the same without).
    await withPage({ javaScript: true }, async (page) => {
      const profile = `${base}/entreprises/boulangerie-martin-grandvilliers`
      for (const action of ['.actions a.button', '.actions a.report-link']) {
        await page.goto(profile)
        await Promise.all([page.waitForURL((url) => url.href !== profile, { timeout: 20_000 }), page.locator(action).first().click({ timeout: 10_000 })])
        const cancel = page.getByRole('link', { name: /Annuler et revenir/ })
        await cancel.waitFor({ timeout: 10_000 })
        const box = await cancel.boundingBox()
        expect(box!.height).toBeGreaterThanOrEqual(24)
        const result = await axeBuilder(page).withRules(['target-size']).analyze()
        expect(result.violations.map((v) => v.nodes.map((n) => n.target))).toEqual([])
      }
    })
  })
})

describe('horaires pendant des congés', () => {
  test('« Fermé pour congés du … au … », la semaine habituelle, le jour marqué et les horaires en JSON-LD', async () => {
    const admin = await login(base, 'admin')
    const found = await api(base, admin, 'GET', `/api/businesses?where[name][equals]=${encodeURIComponent('Boulangerie Martin')}&depth=0`)
    const shop = found.json.docs[0]
    expect(shop.openingHours?.weekly?.length).toBeGreaterThan(0)
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
    const original = shop.openingHours
    const patched = await api(base, admin, 'PATCH', `/api/businesses/${shop.id}`, {
      openingHours: { ...original, closures: [{ from: `${day(-1)}T00:00:00.000Z`, to: `${day(1)}T00:00:00.000Z`, label: 'congés' }] },
    })
    expect(patched.status).toBe(200)
    try {
      await withPage({ javaScript: false }, async (page) => {
        await page.goto(`${base}/entreprises/${shop.slug}`)
        const hours = page.locator('section.hours')
        expect(await hours.innerText()).toMatch(/Fermé pour congés du \d/)
        expect(await hours.locator('table tr').count()).toBe(7)
        expect(await hours.locator('tr[aria-current="date"]').count()).toBe(1)
        expect(await page.locator('header').first().innerText()).not.toContain('à compléter')
        const jsonLd = await page.locator('script[type="application/ld+json"]').allInnerTexts()
        expect(jsonLd.join('')).toContain('openingHoursSpecification')
      })
    } finally {
      await api(base, admin, 'PATCH', `/api/businesses/${shop.id}`, { openingHours: original })
    }
  })
})

describe('livraison', () => {
  test('Leaflet part compressé', async () => {
    const response = await fetch(`${base}/vendor/leaflet/leaflet.js`, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(response.headers.get('content-encoding')).toBe('br')
    const body = await response.arrayBuffer()
    expect(body.byteLength).toBeGreaterThan(1000)
    expect(await (await fetch(`${base}/vendor/leaflet/leaflet.js`, { headers: { 'accept-encoding': 'gzip' } })).headers.get('content-encoding')).toBe('gzip')
  })

  test('une page vue avec une session n’est jamais gardée par un cache partagé ; l’en-tête dit qui est connecté', async () => {
    const resident = await login(base, 'resident')
    const logged = await fetch(`${base}/recherche?q=pain`, {
      // What a browser sends on a navigation (Payload reads the cookie only from a browser).
      headers: { cookie: `payload-token=${resident.token}`, 'sec-fetch-site': 'none' },
    })
    expect(logged.headers.get('cache-control')).toBe('private, no-store')
    expect(logged.headers.get('vary')).toMatch(/Cookie/)
    const html = await logged.text()
    expect(html).toContain('Mon espace')
    expect(html).toContain('Se déconnecter')
    const anonymous = await fetch(`${base}/recherche?q=pain`)
    expect(anonymous.headers.get('cache-control')).not.toBe('private, no-store')
    expect(anonymous.headers.get('vary')).toMatch(/Cookie/)
    const anonymousHtml = await anonymous.text()
    expect(anonymousHtml).toContain('Se connecter')
    expect(anonymousHtml).not.toContain('Se déconnecter')
  })

  test('sur un téléphone, l’en-tête d’une secrétaire nomme son espace sans parenthèses imbriquées, et l’exemple de la recherche tient', async () => {
    const editor = await login(base, 'editor')
    await withPage({ javaScript: false, mobile: true }, async (page) => {
      await page.context().addCookies([{ name: 'payload-token', value: editor.token!, url: base }])
      await page.goto(`${base}/`)
      const banner = page.getByRole('banner')
      expect(await banner.getByRole('link', { name: 'Mon espace (Sophie Lefèvre, mairie de Grandvilliers)', exact: true }).count()).toBe(1)
      const search = banner.getByRole('searchbox', { name: 'Rechercher dans l’annuaire' })
      const fit = await search.evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input)
        const context = document.createElement('canvas').getContext('2d')!
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
        return { placeholder: input.placeholder, fits: context.measureText(input.placeholder).width <= room }
      })
      expect(fit).toEqual({ placeholder: 'Plombier, garage…', fits: true })
      // « Se déconnecter » is in every page's header: no form trap there, and any page's trap stays off screen.
      for (const path of ['/', '/communes', '/annonces']) {
        await page.goto(`${base}${path}`)
        expect({ path, inHeader: await banner.getByText('Ne remplissez pas ce champ').count() }).toEqual({ path, inHeader: 0 })
        const shown = await page.locator('.hp-field').evaluateAll((traps) => traps.filter((trap) => trap.getBoundingClientRect().right > 0).length)
        expect({ path, shown }).toEqual({ path, shown: 0 })
        const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }))
        expect({ path, sideways: widths.page > widths.screen }).toEqual({ path, sideways: false })
      }
    })
  })

  test('la connexion de l’administration dit à qui elle sert et mène les habitants à « Mon espace »', async () => {
    const html = await (await fetch(`${base}/admin/login`, { headers: { accept: 'text/html' } })).text()
    expect(html).toContain('Espace de gestion réservé aux mairies')
    // The link may arrive in the streamed React payload rather than as plain HTML.
    expect(html).toMatch(/href(?:=|\\?":)\\?"\/connexion/)
  })

  test('les pages légales de la démonstration sont rédigées, au nom du territoire', async () => {
    for (const pathName of ['/mentions-legales', '/confidentialite', '/accessibilite']) {
      const html = await (await fetch(`${base}${pathName}`)).text()
      expect(html).toContain('Picardie Verte')
      expect(html).not.toContain('compléter')
    }
  })
})
