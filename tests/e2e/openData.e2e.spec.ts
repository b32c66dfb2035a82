/**
 * « Données ouvertes » walked as a visitor from the home page, through the footer link only,
 * with JavaScript and without it, on a laptop and on a phone: the files with their licence,
 * formats and update date, links that download, no axe violation.
 */


import { axeViolations, useBrowser, newContext } from '../support/browser'
import { sqliteServer } from '../support/servers'

const base = sqliteServer().baseUrl

const browser = useBrowser()

describe('la page « Données ouvertes »', () => {
  test.each([
    ['avec JavaScript, 1366 px', true, false],
    ['sans JavaScript, 1366 px', false, false],
    ['avec JavaScript, téléphone 390 px', true, true],
    ['sans JavaScript, téléphone 390 px', false, true],
  ])('se trouve depuis le pied de page et liste les fichiers (%s)', async (_label, javaScript, mobile) => {
    const context = await newContext(browser(), { javaScript, mobile })
    const page = await context.newPage()
    if (!mobile) await page.setViewportSize({ width: 1366, height: 900 })
    try {
      await page.goto(base)
      await page.locator('footer').getByRole('link', { name: 'Données ouvertes' }).click()
      await page.getByRole('heading', { level: 1, name: 'Données ouvertes' }).waitFor({ timeout: 30_000 })
      const main = await page.locator('main').innerText()
      expect(main).toContain('Licence Ouverte / Open Licence version 2.0')
      expect(main).toContain('data.gouv.fr')
      const rows = page.locator('table.open-data-table tbody tr')
      expect(await rows.count()).toBe(3)
      for (const title of ['Entreprises, commerces et artisans', 'Associations']) {
        const row = rows.filter({ has: page.getByRole('rowheader', { name: title }) })
        const cells = await row.locator('td').allInnerTexts()
        expect(Number(cells[0])).toBeGreaterThan(0)
        expect(cells[1]).toMatch(/^\d{1,2} \S+ \d{4}$/) // « 5 décembre 2026 »
        for (const format of ['CSV', 'JSON', 'GeoJSON']) expect(await row.getByRole('link', { name: `${format} : ${title}`, exact: true }).count()).toBe(1)
      }
      // The links download the files.
      const csv = await rows.first().getByRole('link', { name: /^CSV/ }).getAttribute('href')
      const res = await page.request.get(`${base}${csv}`)
      expect(res.status()).toBe(200)
      expect(res.headers()['content-type']).toContain('text/csv')
      // Nothing wider than the screen but the table's own scroll box.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      expect(await axeViolations(page, { javaScript })).toEqual([])
    } finally {
      await context.close()
    }
  })
})
