/**
 * The moderation queue in the admin, driven by chromium: the secrétaire de Grandvilliers
 * logs in, finds the queue from the dashboard, approves an entry in one click and refuses
 * another in two (with the keyboard only); the page also works with JavaScript off, and
 * axe-core finds nothing on it.
 */
import type { BrowserContext, Page } from 'playwright-core'

import { useBrowser, newContext, axeBuilder } from '../support/browser'
import { DEMO_PASSWORD, DEMO_USERS } from '../support/fixtures'
import { announcementStatus, pendingAnnouncement as createPendingAnnouncement } from '../support/announcements'
import { login } from '../support/rest'
import { sqliteServer } from '../support/servers'

const base = sqliteServer().baseUrl

const browser = useBrowser()

const pendingAnnouncement = (title: string) => createPendingAnnouncement(base, title)
const statusOf = (id: number) => announcementStatus(base, id)

function entry(page: Page, title: string) {
  return page.locator('li.mq-entry', { has: page.getByRole('heading', { name: title }) })
}

describe('file de modération (avec JavaScript)', () => {
  let context: BrowserContext
  let page: Page
  let clicks = 0

  beforeAll(async () => {
    context = await newContext(browser(), { javaScript: true })
    page = await context.newPage()
  })

  afterAll(async () => {
    await context?.close()
  })

  test('la secrétaire se connecte et trouve la file depuis le tableau de bord', async () => {
    await page.goto(`${base}/admin/login`)
    await page.locator('input[name="email"]').fill(DEMO_USERS.editor)
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    const summary = page.locator('section.mq-summary')
    await summary.waitFor({ timeout: 60_000 })
    expect(await summary.innerText()).toMatch(/nouve(l|aux) élément/)
    await expect(page.locator('#nav-moderation').innerText()).resolves.toContain('File de modération')
    await summary.getByRole('link', { name: /Ouvrir la file de modération/ }).click()
    await page.getByRole('heading', { level: 1, name: 'File de modération' }).waitFor({ timeout: 60_000 })
  })

  test('approuve une annonce en un clic', async () => {
    const title = `Montage de meubles ${Date.now()}`
    const id = await pendingAnnouncement(title)
    await page.goto(`${base}/admin/moderation`)
    const item = entry(page, title)
    await item.waitFor()
    clicks = 0
    await item.getByRole('button', { name: `Approuver « ${title} »` }).click()
    clicks++
    const notice = page.locator('#mq-notice')
    await notice.waitFor()
    expect(await notice.innerText()).toContain(`« ${title} » est publiée.`)
    expect(clicks).toBeLessThanOrEqual(2)
    expect(await entry(page, title).count()).toBe(0)
    // The outcome is announced: the focus moved to it.
    await page.waitForFunction(() => document.activeElement?.id === 'mq-notice', null, { timeout: 15_000 })
    expect(await statusOf(id)).toBe('published')
  })

  test('refuse une annonce en deux actions, au clavier seulement, avec un motif', async () => {
    const title = `Annonce à refuser ${Date.now()}`
    const id = await pendingAnnouncement(title)
    await page.goto(`${base}/admin/moderation`)
    const item = entry(page, title)
    await item.waitFor()
    await item.locator('summary').focus()
    await page.keyboard.press('Enter') // 1: opens the reason field
    const reason = item.getByLabel(/Motif du refus/)
    await reason.waitFor()
    // The cursor is already in the reason box.
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA', null, { timeout: 10_000 })
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('Merci de préciser le lieu exact.')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter') // 2: confirms
    const notice = page.locator('#mq-notice')
    await notice.waitFor()
    expect(await notice.innerText()).toContain(`« ${title} » est refusée.`)
    expect(await statusOf(id)).toBe('rejected')
  })

  test('les listes montrent d’abord ce qui attend une décision, avec des filtres par état', async () => {
    await page.goto(`${base}/admin/collections/businesses`)
    const filters = page.getByRole('navigation', { name: 'Filtrer par état' })
    await filters.waitFor({ timeout: 60_000 })
    expect(await filters.getByRole('link', { name: /^En attente \(\d+\)$/ }).count()).toBe(1)
    const firstRow = page.locator('table tbody tr').first()
    await firstRow.waitFor()
    expect(await firstRow.innerText()).toContain('En attente de modération')
    await filters.getByRole('link', { name: /^Modifiées par le propriétaire/ }).click()
    await page.waitForURL(/reviewState/)
    await page.locator('table tbody tr').first().waitFor()
    expect(await page.locator('table tbody').innerText()).toContain('Boulangerie Martin')
  })

  test('la page de la file est accessible (axe-core)', async () => {
    await page.goto(`${base}/admin/moderation`)
    await page.locator('.mq').waitFor()
    await page.locator('li.mq-entry details').first().evaluate((el) => el.setAttribute('open', ''))
    const results = await axeBuilder(page).include('.mq').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([])
  })
})

describe('file de modération (sans JavaScript)', () => {
  test('les formulaires fonctionnent sans JavaScript', async () => {
    const session = await login(base, 'editor')
    const context = await newContext(browser(), { javaScript: false })
    try {
      await context.addCookies([{ name: 'payload-token', value: session.token!, url: base }])
      const page = await context.newPage()
      const title = `Sans JavaScript ${Date.now()}`
      const id = await pendingAnnouncement(title)
      await page.goto(`${base}/admin/moderation`)
      await entry(page, title).getByRole('button', { name: `Approuver « ${title} »` }).click()
      await page.locator('#mq-notice').waitFor()
      expect(await page.locator('#mq-notice').innerText()).toContain(`« ${title} » est publiée.`)
      expect(await statusOf(id)).toBe('published')
    } finally {
      await context.close()
    }
  })
})
