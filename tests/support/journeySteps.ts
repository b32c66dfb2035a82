/**
 * The steps of the resident journeys (tests/e2e/journeys.e2e.spec.ts), done only through
 * what the page shows: follow a visible link or button, submit a form at a person's pace,
 * read the header, footer and title, check the page fits the screen and passes axe; a SIRET
 * of its own per run; and, per variant, new visitors' browsers and the demo secrétaire's way
 * to the moderation queue.
 */
import type { Browser, Page } from 'playwright-core'

import { axeViolations, type ContextOptions, newContext } from './browser'
import { DEMO_PASSWORD, DEMO_USERS } from './fixtures'

// Forms refuse what is sent faster than a person could (FORM_MIN_SECONDS, 2 s by default).
const HUMAN_PAUSE_MS = 2200

/** Clicks what a person would click and waits for the next page. */
export async function follow(page: Page, target: ReturnType<Page['getByRole']>) {
  await target.scrollIntoViewIfNeeded()
  expect(await target.isVisible()).toBe(true)
  await Promise.all([page.waitForLoadState('load'), page.waitForURL(() => true), target.click()])
  await page.waitForLoadState('load')
}

export async function submit(page: Page, button: string) {
  await page.waitForTimeout(HUMAN_PAUSE_MS)
  const target = page.getByRole('button', { name: button, exact: true })
  await target.scrollIntoViewIfNeeded()
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()])
}

export const header = (page: Page) => page.locator('header.site-header')
export const footer = (page: Page) => page.locator('footer.site-footer')
export const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText()

export async function noHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }))
  expect(widths.page).toBeLessThanOrEqual(widths.screen)
}

export async function expectAccessible(page: Page, javaScript: boolean) {
  const violations = await axeViolations(page, { javaScript })
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] })
}

/** `digits` followed by the key that makes the whole pass the Luhn check. */
function withLuhnKey(digits: string): string {
  const sum = [...`${digits}0`].reverse().reduce((total, d, i) => {
    const v = Number(d) * (i % 2 === 1 ? 2 : 1)
    return total + (v > 9 ? v - 9 : v)
  }, 0)
  return `${digits}${(10 - (sum % 10)) % 10}`
}

/** A valid SIRET (SIREN and SIRET keys) of its own for each run: a SIRET registers one business only. */
export function siretFor(seed: string): string {
  let n = 0
  for (const c of `${seed}${Date.now()}`) n = (n * 31 + c.charCodeAt(0)) % 10_000_000
  const siren = withLuhnKey(`8${String(n).padStart(7, '0')}`)
  return withLuhnKey(`${siren}0001`)
}

/**
 * The browsers of one variant of the journeys: `browser()` is the file's browser once
 * launched, `shotOf` saves a numbered screenshot of the variant.
 */
export function variantBrowsers(
  browser: () => Browser,
  base: string,
  options: ContextOptions,
  shotOf: (target: Page, name: string) => Promise<void>,
) {
  /** A new visitor's browser of this variant (desktop: 1366 × 768). */
  async function visitor(): Promise<Page> {
    const visitorContext = await newContext(browser(), options)
    const visitorPage = await visitorContext.newPage()
    if (!options.mobile) await visitorPage.setViewportSize({ width: 1366, height: 768 })
    return visitorPage
  }

  /**
   * The demo secrétaire logs in on the public site (« Se connecter ») in `page`, then opens the
   * header's « Espace de gestion » and the moderation queue in a JavaScript browser on a wide
   * screen (the admin needs both) sharing her session.
   */
  async function openModerationQueue(from: Page): Promise<Page> {
    if (await header(from).getByRole('button', { name: 'Se déconnecter' }).count()) await submit(from, 'Se déconnecter')
    await follow(from, header(from).getByRole('link', { name: 'Se connecter' }))
    await from.getByLabel('Adresse e-mail').fill(DEMO_USERS.editor)
    await from.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
    await submit(from, 'Se connecter')
    expect(await header(from).getByRole('link', { name: 'Espace de gestion' }).isVisible()).toBe(true)
    expect(await from.locator('main').getByRole('link', { name: 'Espace de gestion' }).isVisible()).toBe(true)
    await shotOf(from, 'secretaire-connectee')
    const staff = await newContext(browser(), { javaScript: true })
    await staff.addCookies(await from.context().cookies())
    const admin = await staff.newPage()
    await admin.setViewportSize({ width: 1366, height: 768 })
    await toModerationQueue(admin)
    return admin
  }

  /** Home page → header's « Espace de gestion » → dashboard → « Ouvrir la file de modération ». */
  async function toModerationQueue(admin: Page): Promise<void> {
    await admin.goto(`${base}/`)
    await follow(admin, header(admin).getByRole('link', { name: 'Espace de gestion' }))
    await admin.locator('section.mq-summary').waitFor({ timeout: 60_000 })
    await follow(admin, admin.getByRole('link', { name: /Ouvrir la file de modération/ }))
  }

  return { visitor, openModerationQueue, toModerationQueue }
}
