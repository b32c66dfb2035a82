/**
 * Performance budget of the public site, measured in a real browser (Debian chromium through
 * playwright-core) against a running server:
 *   - home page ≤ 80 KB, a search results page with 20 results ≤ 60 KB, counting what is
 *     transferred (compressed) for HTML + CSS + JS; map tiles are not counted;
 *   - no request to another host than the site's own, except map tiles.
 * Usage: node scripts/budget.mjs [base URL]   (or BASE_URL=…). Exit code 1 only when over budget.
 */
import { chromium } from 'playwright-core'

const KB = 1000
const BUDGETS = [
  { name: 'Accueil', path: '/', limit: 80 * KB },
  // A broad search: every entry of the territory, first page of 20.
  { name: 'Résultats de recherche', path: '/recherche?tri=date', limit: 60 * KB, expectResults: 20 },
]
const COUNTED = new Set(['document', 'stylesheet', 'script'])

const baseUrl = (process.argv[2] || process.env.BASE_URL || process.env.TEST_BASE_URL || '').replace(/\/$/, '')
if (!baseUrl) {
  console.error('Indiquez l’adresse du serveur : node scripts/budget.mjs http://127.0.0.1:3000 (ou BASE_URL=…).')
  process.exit(2)
}
const origin = new URL(baseUrl).origin
const tileHost = (() => {
  try {
    return new URL((process.env.MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png').replace(/\{[a-z]\}/g, '0')).host
  } catch {
    return ''
  }
})()

const format = (bytes) => `${(bytes / KB).toFixed(1).replace('.', ',')} Ko`

async function measure(browser, { path, expectResults }) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const requests = []
  page.on('requestfinished', (request) => requests.push(request))
  page.on('requestfailed', (request) => requests.push(request))
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' })
  await page.waitForLoadState('networkidle').catch(() => {})
  const byType = {}
  const thirdParty = []
  let total = 0
  for (const request of requests) {
    const url = new URL(request.url())
    if (url.protocol === 'data:' || url.protocol === 'blob:') continue
    if (url.origin !== origin) {
      if (url.host !== tileHost) thirdParty.push(request.url())
      continue
    }
    const type = request.resourceType()
    if (!COUNTED.has(type)) continue
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }))
    byType[type] = (byType[type] ?? 0) + sizes.responseBodySize
    total += sizes.responseBodySize
  }
  const results = expectResults ? await page.locator('#resultats .cards > li').count() : undefined
  await context.close()
  return { status: response?.status(), total, byType, thirdParty, results }
}

let browser
let over = false
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  console.log(`▶ Budget de poids des pages (${baseUrl}) — HTML + CSS + JS transférés, compressés`)
  for (const budget of BUDGETS) {
    const m = await measure(browser, budget)
    const ok = m.total <= budget.limit
    if (!ok) over = true
    const detail = ['document', 'stylesheet', 'script'].map((t) => `${t === 'document' ? 'HTML' : t === 'stylesheet' ? 'CSS' : 'JS'} ${format(m.byType[t] ?? 0)}`).join(', ')
    console.log(`  ${ok ? '✔' : '✖'} ${budget.name.padEnd(24)} ${format(m.total).padStart(9)} / ${format(budget.limit)}  (${detail}; HTTP ${m.status})`)
    if (budget.expectResults !== undefined) {
      if (m.results < budget.expectResults) {
        console.log(`    ℹ ${m.results} résultats seulement sur cette page (moins de ${budget.expectResults} fiches dans la base) : poids mesuré tel quel.`)
      } else {
        console.log(`    ${m.results} résultats sur la page.`)
      }
    }
    if (m.thirdParty.length) {
      over = true
      console.log(`    ✖ Requêtes vers des tiers : ${m.thirdParty.join(', ')}`)
    } else {
      console.log('    Aucune requête vers un tiers (hors tuiles de carte).')
    }
  }
  console.log(over ? '✖ Budget dépassé.' : '✔ Budget respecté.')
} catch (error) {
  console.error(`✖ Mesure impossible : ${error.message}`)
  process.exitCode = 3
} finally {
  await browser?.close()
}
if (over) process.exitCode = 1
