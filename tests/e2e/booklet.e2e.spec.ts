/**
 * The paper booklet the footer promises (« Pas d'accès à internet ? »), reached as a visitor
 * from the home page through visible links only, without JavaScript on a phone: footer →
 * communes → a commune → « Annuaire papier de … » → a PDF of that commune, public.
 */
import type { Browser } from 'playwright-core'

import { launchBrowser, newContext } from '../support/browser'
import { readPdf } from '../support/pdf'
import { sqliteServer } from '../support/servers'

const base = sqliteServer().baseUrl

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

test('l’annuaire papier d’une commune se télécharge depuis sa page, sans compte', async () => {
  const context = await newContext(browser, { javaScript: false, mobile: true })
  const page = await context.newPage()
  try {
    await page.goto(base)
    await page.locator('footer').getByRole('link', { name: 'page de chaque commune' }).click()
    await page.getByRole('link', { name: 'Grandvilliers', exact: true }).first().click()
    await page.getByRole('heading', { level: 1, name: 'Grandvilliers' }).waitFor()
    const link = page.getByRole('link', { name: 'Annuaire papier de Grandvilliers (PDF à imprimer)' })
    const href = await link.getAttribute('href')
    expect(href).toBe('/communes/grandvilliers/annuaire.pdf')

    const res = await page.request.get(`${base}${href}`)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toBe('application/pdf')
    const text = (await readPdf(await res.body())).map((p) => p.text).join('\n')
    expect(text).toContain('Grandvilliers')
    expect(text).not.toMatch(/@\S+\.\w+/) // no e-mail address printed

    expect((await page.request.get(`${base}/communes/nulle-part/annuaire.pdf`)).status()).toBe(404)
  } finally {
    await context.close()
  }
})
