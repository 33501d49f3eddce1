/**
 * The search island starting late (a slow connection): what someone typed into the page's plain
 * box before the script arrived is kept, answered, and the box keeps focus.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from '../helpers/browser'

const siteUrl = inject('siteUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

describe('search before its script has loaded', () => {
  it('keeps what Ali typed into the plain box, answers it, and leaves the box focused', async () => {
    const context = await browser.newContext()
    let release!: () => void
    const scriptsHeld = new Promise<void>((r) => (release = r))
    // Hold the page's scripts back until Ali has typed, as a slow connection would.
    await context.route(
      (url) => url.pathname.endsWith('.js'),
      async (route) => {
        await scriptsHeld
        await route.continue()
      },
    )
    const page = await context.newPage()
    await page.goto(`${siteUrl}/search/`, { waitUntil: 'commit' })
    const box = page.getByRole('searchbox')
    await box.click()
    await box.pressSequentially('grievance', { delay: 10 })
    expect(await page.locator('.search-island').count()).toBe(0)
    release()

    await expect
      .poll(async () => (await page.locator('.search-results h3 a').first().textContent()) ?? '')
      .toBe('Raising a grievance')
    expect(await page.getByRole('searchbox').inputValue()).toBe('grievance')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q')
    await context.close()
  })
})
