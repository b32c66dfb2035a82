/**
 * The Payload admin under the strict Content-Security-Policy (nonces, no 'unsafe-inline'
 * script): the administrator logs in, lists the businesses, edits one and saves it, with no
 * CSP violation and no script error in the console. The login's `redirect` parameter never
 * leads to another site.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { launchBrowser, newContext } from '../support/browser'
import { DEMO_PASSWORD, DEMO_USERS } from '../support/fixtures'
import { login, postGrandvilliersBusiness } from '../support/rest'
import { sqliteServer } from '../support/servers'

const base = sqliteServer().baseUrl

let browser: Browser
let context: BrowserContext
let page: Page
const violations: string[] = []
const pageErrors: string[] = []

beforeAll(async () => {
  browser = await launchBrowser()
  context = await newContext(browser, { javaScript: true })
  page = await context.newPage()
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text())
  })
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`)
    })
  })
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

async function logIn(path: string) {
  await page.goto(`${base}${path}`)
  await page.locator('input[name="email"]').fill(DEMO_USERS.admin)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Se connecter' }).click()
}

test('login through a foreign `redirect` stays on this site', async () => {
  await logIn(`/admin/login?redirect=${encodeURIComponent('https://evil.example/')}`)
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/login'), { timeout: 60_000 })
  expect(new URL(page.url()).origin).toBe(base)
  await context.clearCookies()
  await logIn(`/admin/login?redirect=${encodeURIComponent('//evil.example/admin')}`)
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/login'), { timeout: 60_000 })
  expect(new URL(page.url()).origin).toBe(base)
})

test('the administrator lists and edits a business with no CSP violation', async () => {
  const admin = await login(base, 'admin')
  // A business of its own: the demo's (and its owner's edit waiting for the mairie) stay untouched
  // for the files that run after this one on the same server.
  const created = await postGrandvilliersBusiness(base, admin, { name: `Menuiserie Vasseur ${Date.now().toString(36)}`, status: 'published' })
  expect(created.status).toBe(201)
  const business = created.json.doc

  await page.goto(`${base}/admin/collections/businesses`)
  await page.locator('.collection-list, table').first().waitFor({ timeout: 60_000 })
  expect(await page.locator('tbody tr').count()).toBeGreaterThan(0)

  await page.goto(`${base}/admin/collections/businesses/${business.id}`)
  const name = page.locator('input[name="name"]')
  await name.waitFor({ timeout: 60_000 })
  const newName = `${business.name.replace(/ \(vérifié \d+\)$/, '')} (vérifié ${Date.now() % 1000})`
  await name.fill(newName)
  await page.keyboard.press('Control+s')
  await page.waitForFunction(
    async ([url, id, expected]) => {
      const res = await fetch(`${url}/api/businesses/${id}?depth=0`, { credentials: 'include' })
      return res.ok && (await res.json()).name === expected
    },
    [base, business.id, newName] as const,
    { timeout: 30_000, polling: 500 },
  )

  expect(violations).toEqual([])
  expect(pageErrors).toEqual([])
})
