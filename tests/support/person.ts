import type { Locator, Page } from 'playwright-core'

/** The pace of the reviews: a pause of 1.2 s before each click, 150 ms between keys. */
export const CLICK_PAUSE_MS = 1200
export const KEY_DELAY_MS = 150

/** A person at the keyboard and mouse, at the reviews' pace; clicks and keys counted. */
export class Person {
  clicks = 0
  keys = 0
  constructor(readonly page: Page) {}

  async click(target: Locator) {
    await target.waitFor({ state: 'visible', timeout: 60_000 })
    await this.page.waitForTimeout(CLICK_PAUSE_MS)
    await target.click()
    this.clicks++
  }

  /** Types into the focused element, or clicks `target` first. */
  async type(text: string, target?: Locator) {
    if (target) await this.click(target)
    await this.page.keyboard.type(text, { delay: KEY_DELAY_MS })
    this.keys += text.length
  }
}
