import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Launches Debian's Chromium headless, with its background network traffic turned off. */
export const launchBrowser = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium", or set CHROMIUM_PATH.`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/** Records every URL a page requests, to prove nothing goes to another origin. */
export const recordRequests = (target: Page | BrowserContext) => {
  const urls: string[] = []
  target.on('request', (r) => urls.push(r.url()))
  return urls
}

/**
 * Picks an option of one of the admin's select fields (react-select). The field may be on the page
 * before React has hydrated it, and a relationship field fetches its options when the menu opens,
 * so a busy machine can swallow the first click or answer late: open the menu until the option
 * shows, for up to `timeout` ms, then click it.
 */
export const chooseAdminOption = async (page: Page, field: string, option: string, timeout = 90_000) => {
  const choice = page.locator('.rs__option', { hasText: option })
  const until = Date.now() + timeout
  for (;;) {
    await page.locator(field).click()
    try {
      await choice.first().waitFor({ timeout: 10_000 })
      break
    } catch (error) {
      if (Date.now() > until) throw error
      await page.keyboard.press('Escape')
    }
  }
  await choice.first().click()
}
