/**
 * Headless Debian chromium through playwright-core (never a downloaded browser), and the
 * axe-core accessibility check used by the end-to-end suites.
 */
import AxeBuilder from '@axe-core/playwright'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

import { DEMO_PASSWORD } from './fixtures'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/**
 * Playwright waits 30 s by default for a click, a navigation or an element. In the full suite
 * an admin page that renders in 2 s at rest can take 20 s or more (three jest passes on two
 * cores): every context of the suite waits up to this long before it calls a step failed.
 */
export const STEP_TIMEOUT_MS = 90_000

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  const newContext = browser.newContext.bind(browser)
  browser.newContext = async (options) => {
    const context = await newContext(options)
    context.setDefaultTimeout(STEP_TIMEOUT_MS)
    context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS)
    return context
  }
  const newPage = browser.newPage.bind(browser)
  browser.newPage = async (options) => {
    const page = await newPage(options)
    page.setDefaultTimeout(STEP_TIMEOUT_MS)
    page.setDefaultNavigationTimeout(STEP_TIMEOUT_MS)
    return page
  }
  return browser
}

/** The laptop screen of the reviews (Payload closes its side menu below 1441 px). */
export const LAPTOP = { width: 1366, height: 768 }

/** A demo account logged in to the admin on a laptop, once its dashboard shows. */
export async function adminSession(browser: Browser, baseUrl: string, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: LAPTOP })
  const page = await context.newPage()
  await page.goto(`${baseUrl}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.locator('section.quick-actions, .dashboard').first().waitFor({ timeout: 60_000 })
  return { context, page }
}

export type ContextOptions = { javaScript: boolean; mobile?: boolean }

/** A French-speaking visitor, with or without JavaScript, on a desktop or a phone-sized screen. */
export function newContext(browser: Browser, { javaScript, mobile = false }: ContextOptions): Promise<BrowserContext> {
  return browser.newContext({
    javaScriptEnabled: javaScript,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  })
}

export type AxeViolation = { id: string; impact?: string | null; help: string; targets: string[] }

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules, and best practices) on the page. axe needs
 * timers, which a page with JavaScript disabled does not run: such a page is checked as a
 * copy loaded with every page script blocked, which renders exactly what a visitor without
 * JavaScript gets.
 */
export async function axeViolations(page: Page, { javaScript }: { javaScript: boolean }): Promise<AxeViolation[]> {
  if (javaScript) return analyze(page)
  const browser = page.context().browser()
  if (!browser) throw new Error('axeViolations : navigateur introuvable')
  const context = await browser.newContext({ locale: 'fr-FR', viewport: page.viewportSize() })
  try {
    await context.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()))
    const copy = await context.newPage()
    await copy.goto(page.url())
    return await analyze(copy)
  } finally {
    await context.close()
  }
}

/**
 * axe-core for `page`, run in the page itself (« legacy mode »). The default opens a blank page
 * in which to merge the results of cross-origin frames, which these pages do not have: same
 * rules, same results, 2.3 times less time (docs/benchmarks.md, « Durée des tests »).
 */
export function axeBuilder(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true)
}

async function analyze(page: Page): Promise<AxeViolation[]> {
  const results = await axeBuilder(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }))
}

/** One browser for a test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new Error('Navigateur pas encore lancé (useBrowser hors d’un test ?)')
    return browser
  }
}
