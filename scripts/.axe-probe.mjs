import { chromium } from 'playwright-core'
import AxeBuilder from '@axe-core/playwright'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking'] })
const ctx = await browser.newContext({ javaScriptEnabled: false })
const page = await ctx.newPage()
console.time('goto'); await page.goto('http://127.0.0.1:3403/'); console.timeEnd('goto')
console.time('attr'); console.log(await page.locator('html').getAttribute('lang')); console.timeEnd('attr')
console.time('eval'); console.log(await Promise.race([page.evaluate(() => 1+1), new Promise(r => setTimeout(() => r('eval timeout'), 5000))])); console.timeEnd('eval')
console.time('axe'); const r = await Promise.race([new AxeBuilder({ page }).analyze(), new Promise(r => setTimeout(() => r('axe timeout'), 20000))]); console.timeEnd('axe'); console.log(typeof r === 'string' ? r : r.violations.length)
await browser.close()
