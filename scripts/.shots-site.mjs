import { chromium } from 'playwright-core'
const base = 'http://127.0.0.1:3403'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking'] })
const [,, mode, ...paths] = process.argv
const mobile = mode.includes('mobile')
const ctx = await browser.newContext({ javaScriptEnabled: !mode.includes('nojs'), viewport: mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 }, locale: 'fr-FR' })
const page = await ctx.newPage()
page.on('console', m => console.log('console:', m.text()))
page.on('pageerror', e => console.log('pageerror:', e.message))
for (const p of paths) {
  const r = await page.goto(base + p); await page.waitForTimeout(800)
  const name = p.replace(/[^a-z0-9]+/gi, '_') || 'home'
  await page.screenshot({ path: `/tmp/site-dev/${mode}-${name}.png`, fullPage: !mode.includes('fold') })
  console.log(p, r.status())
}
await browser.close()
