/**
 * The words of the admin as a secrétaire de mairie meets them, in chromium at 1366 px: every
 * collection her menu offers, its list, its first document and its create page. It fails on
 * English left by Payload or its libraries (visible text, labels read by a screen reader,
 * tooltips) and on the awkward French of Payload's defaults. The élu's menu offers only what
 * he may use, and axe finds no violation in our own admin components.
 */
import type { Page } from 'playwright-core'

import { adminSession, useBrowser, axeBuilder } from '../support/browser'
import { DEMO_USERS } from '../support/fixtures'
import { sqliteServer } from '../support/servers'

const base = sqliteServer().baseUrl

/** What must not be read anywhere: English from Payload and dnd-kit, awkward French defaults. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/To pick up a draggable item/i, 'consignes de glisser-déposer en anglais'],
  [/draggable item/i, 'annonce de glisser-déposer en anglais'],
  [/\bEdit [A-ZÀ-Ýa-z]/, '« Edit … » en anglais'],
  [/select-all/, 'title="select-all"'],
  [/\bun\(e\)|\(e\)s?\b|\baucun\(e\)/i, 'accord « (e) »'],
  [/nouveau ou nouvelle/i, '« nouveau ou nouvelle »'],
  [/Par Page/, '« Par Page »'],
  [/\[Sans titre\]/, '« [Sans titre] »'],
  [/Bloc bascule/i, '« Bloc bascule »'],
  [/Ajouter Plage horaire/, '« Ajouter Plage horaire »'],
  [/\b(Create New|Filters|Columns|Search by|Loading|Untitled|Save Draft|Publish changes|Previously published|Per Page|Collections|Dashboard|Log out)\b/, 'mot anglais de Payload'],
]

type Finding = { page: string; where: string; text: string; why: string }

/** Visible text, then what assistive technology reads: aria-label, title, placeholder, alt, hidden instructions. */
async function wordsOf(page: Page): Promise<Array<{ where: string; text: string }>> {
  return page.evaluate(() => {
    const out: Array<{ where: string; text: string }> = [{ where: 'texte', text: document.body.innerText }]
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], img[alt], [aria-describedby]'))) {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(attr)
        if (value) out.push({ where: `${el.tagName.toLowerCase()}[${attr}]`, text: value })
      }
      for (const id of (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)) {
        const described = document.getElementById(id)
        if (described?.textContent) out.push({ where: `#${id} (aria-describedby)`, text: described.textContent })
      }
    }
    for (const el of Array.from(document.querySelectorAll('[id^="DndDescribedBy"], [id^="DndLiveRegion"]'))) out.push({ where: `#${el.id}`, text: el.textContent ?? '' })
    return out
  })
}

async function check(page: Page, label: string, findings: Finding[]) {
  // Payload fills lists and forms after hydration: let them settle.
  await page.waitForLoadState('networkidle').catch(() => {})
  await page.waitForTimeout(400)
  for (const { where, text } of await wordsOf(page)) {
    // A field or element name used as tooltip or label: « isExample », « select-all ».
    if (where !== 'texte' && /^[a-z]+([A-Z][a-z]+|-[a-z]+)+$/.test(text.trim())) findings.push({ page: label, where, why: 'nom technique', text })
    for (const [pattern, why] of FORBIDDEN) {
      const m = pattern.exec(text)
      if (m) findings.push({ page: label, where, why, text: text.slice(Math.max(0, m.index - 30), m.index + 50).replace(/\s+/g, ' ') })
    }
  }
}

const browser = useBrowser()

// At rest the walk takes 76 s and the page checks 14–18 s; under the full suite's load (three
// jest passes on two cores) admin pages render five to eight times slower.
const ADMIN_WALK_MS = 900_000
const ADMIN_PAGES_MS = 300_000

const loggedIn = (email: string) => adminSession(browser(), base, email)

/** The collections of the side menu, as links the user can follow. */
async function menuCollections(page: Page): Promise<Array<{ name: string; href: string }>> {
  const links = page.locator('nav.nav__wrap a[href*="/admin/collections/"]')
  const out: Array<{ name: string; href: string }> = []
  for (let i = 0; i < (await links.count()); i++) {
    const link = links.nth(i)
    out.push({ name: (await link.innerText()).trim(), href: (await link.getAttribute('href'))! })
  }
  return out
}

describe('les mots de l’administration (1366 px)', () => {
  test('la secrétaire ne lit ni anglais ni « un(e) nouveau ou nouvelle » : listes, fiches et créations', async () => {
    const { context, page } = await loggedIn(DEMO_USERS.editor)
    const findings: Finding[] = []
    try {
      await check(page, 'tableau de bord', findings)
      const collections = await menuCollections(page)
      expect(collections.length).toBeGreaterThan(3)
      for (const { name, href } of collections) {
        await page.goto(`${base}${href}`)
        await page.locator('.collection-list, .list-header').first().waitFor({ timeout: 60_000 })
        await check(page, `${name} : liste`, findings)
        const firstRow = page.locator('table tbody tr td a[href*="/admin/collections/"]').first()
        if (await firstRow.count()) {
          await firstRow.click()
          await page.locator('form.collection-edit__form, .document-fields').first().waitFor({ timeout: 60_000 })
          await check(page, `${name} : fiche`, findings)
          // Technical fields stay out of her way: the page address of the directory's entries.
          if (/\/(businesses|associations|services|announcements|categories|communes|territories)$/.test(href)) expect({ name, slug: await page.locator('#field-slug').isVisible() }).toEqual({ name, slug: false })
          // Nor coordinates, the example flag, INSEE or SIREN codes (issue 19): kept, not shown.
          for (const field of ['latitude', 'longitude', 'isExample', 'inseeCode', 'epciCode']) {
            expect({ name, field, visible: await page.locator(`#field-${field}`).isVisible() }).toEqual({ name, field, visible: false })
          }
          expect(await page.getByRole('link', { name: 'API', exact: true }).count()).toBe(0)
        }
        await page.goto(`${base}${href}`)
        if (await page.locator(`a[href$="${href}/create"]`).count()) {
          await page.goto(`${base}${href}/create`)
          const form = page.locator('form.collection-edit__form, .document-fields').first()
          if (await form.waitFor({ timeout: 30_000 }).then(() => true, () => false)) await check(page, `${name} : création`, findings)
        }
      }
    } finally {
      await context.close()
    }
    expect(findings).toEqual([])
  }, ADMIN_WALK_MS)

  test('axe ne trouve rien dans nos écrans et nos composants de l’administration (secrétaire)', async () => {
    const { context, page } = await loggedIn(DEMO_USERS.editor)
    // Our views in their <main>; on Payload's pages, our components only (Payload's own frame is reported apart).
    const checks: Array<[string, string[]]> = [
      ['/admin', ['section.quick-actions', 'nav.tool-links']],
      ['/admin/collections/businesses', ['.quick-filters']],
      ['/admin/statistiques', ['main']],
      ['/admin/annuaire-papier', ['main']],
      ['/admin/moderation', ['main']],
    ]
    const violations: Array<{ page: string; id: string; targets: string[] }> = []
    try {
      for (const [path, parts] of checks) {
        await page.goto(`${base}${path}`)
        await page.waitForLoadState('networkidle').catch(() => {})
        await page.locator(parts[0]!).first().waitFor({ timeout: 60_000 })
        let builder = axeBuilder(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        for (const part of parts) builder = builder.include(part)
        const results = await builder.analyze()
        for (const v of results.violations) violations.push({ page: path, id: v.id, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })
      }
    } finally {
      await context.close()
    }
    expect(violations).toEqual([])
  }, ADMIN_PAGES_MS)

  test('l’administratrice à 1366 px : outils visibles, heure de Paris, cases vides en français, une région principale', async () => {
    const { context, page } = await loggedIn(DEMO_USERS.admin)
    try {
      // « Importer un tableau » is not under the account avatar: the link is what sits at its centre.
      const link = page.locator('nav.tool-links').getByRole('link', { name: 'Importer un tableau' })
      await link.waitFor()
      const box = (await link.boundingBox())!
      const account = (await page.locator('.app-header__account').boundingBox())!
      expect(box.x + box.width).toBeLessThanOrEqual(account.x)
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('a')?.textContent, [box.x + box.width / 2, box.y + box.height / 2])).toBe(
        'Importer un tableau',
      )
      await page.screenshot({ path: 'tests/.tmp/admin-1366-tableau-de-bord.png' })

      await page.goto(`${base}/admin/collections/users`)
      const dates = page.locator('table tbody time[datetime]')
      await dates.first().waitFor({ timeout: 60_000 })
      const shown = await dates.evaluateAll((els) => els.slice(0, 5).map((el) => [el.getAttribute('datetime')!, el.textContent!]))
      const paris = (iso: string) => {
        const p = Object.fromEntries(
          new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
            .formatToParts(new Date(iso))
            .map((x) => [x.type, x.value]),
        )
        return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`
      }
      expect(shown.length).toBeGreaterThan(0)
      for (const [iso, text] of shown) expect(text).toBe(paris(iso!))
      const body = await page.locator('body').innerText()
      expect(body).not.toMatch(/<Pas de/)
      expect(body).toContain('Non renseigné')
      await page.screenshot({ path: 'tests/.tmp/admin-1366-utilisateurs.png' })

      // Payload's own pages have one main region too (axe: landmark-one-main, region).
      for (const path of ['/admin', '/admin/collections/users', '/admin/statistiques']) {
        await page.goto(`${base}${path}`)
        await page.waitForLoadState('networkidle').catch(() => {})
        await page.waitForTimeout(300)
        const results = await axeBuilder(page).withRules(['landmark-one-main', 'landmark-no-duplicate-main']).analyze()
        expect({ path, violations: results.violations.map((v) => v.id) }).toEqual({ path, violations: [] })
      }
    } finally {
      await context.close()
    }
  }, ADMIN_PAGES_MS)

  test('l’élu ne voit dans son menu que ce qu’il peut utiliser', async () => {
    const { context, page } = await loggedIn(DEMO_USERS.viewer)
    try {
      const names = (await menuCollections(page)).map((c) => c.name)
      for (const hidden of ['Catégories', 'Territoires', 'Communes', 'Images', 'Pages', 'Utilisateurs']) expect(names).not.toContain(hidden)
      expect(names).toContain('Entreprises')
      expect(await page.locator('nav.nav__wrap').getByRole('link', { name: 'Statistiques et bilan' }).count()).toBe(1)
    } finally {
      await context.close()
    }
  })
})
