/**
 * Bytes a reader's browser downloads from the site for a page: as it opens (until the network is
 * quiet), and after they point at and focus each island on it. Counted by Chromium's responses,
 * each body gzipped (level 9) so figures compare with the build's; only the site's own origin (other
 * requests are refused), service workers blocked (their precaching is the offline library's, not
 * the page's).
 */
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'

/** The places an island starts from, in the pages' markup (site/src/pages, islandLoader.ts). */
export const ISLAND_PLACES = [
  '[data-search-island]',
  '.signup-island',
  '[data-template-filler]',
  '.count-island',
  '.chart-island',
  '.sign-island',
  '.finder-island',
  '.training-register-island',
  '.ask-island',
  '.network-membership-island',
  // A member-only page's sign-in form, for a reader not signed in (site/src/lib/memberPage.ts).
  '.account-island-signed-out',
]

export type PageBytes = {
  page: string
  before: number
  after: number
  requestsBefore: number
  requestsAfter: number
}

const quiet = async (page: Page) => {
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(250)
}

/** Points at and focuses every island place on the page (a network page's membership starts from its main). */
const interact = async (page: Page) => {
  for (const selector of ISLAND_PLACES) {
    const place = page.locator(selector).first()
    if (!(await place.count())) continue
    const target = selector === '.network-membership-island' ? page.locator('main') : place
    await target.scrollIntoViewIfNeeded().catch(() => undefined)
    await target.hover({ force: true, position: { x: 5, y: 5 } }).catch(() => undefined)
    await target.dispatchEvent('focusin').catch(() => undefined)
    await quiet(page)
  }
}

/**
 * Measures one page of the site at `siteUrl` (its bytes; the CMS's answers at `cmsUrl` are let
 * through, uncounted, since what a page starts may depend on them; anything else is blocked).
 */
export const measurePage = async (
  browser: Browser,
  siteUrl: string,
  path: string,
  cmsUrl?: string,
): Promise<PageBytes> => {
  const context = await browser.newContext({ serviceWorkers: 'block' })
  await context.route('**/*', (route) => {
    const url = route.request().url()
    return url.startsWith(siteUrl) || (cmsUrl && url.startsWith(cmsUrl))
      ? route.continue()
      : route.abort('blockedbyclient')
  })
  let bytes = 0
  let requests = 0
  const pending: Promise<void>[] = []
  context.on('response', (response) => {
    if (!response.url().startsWith(siteUrl)) return
    pending.push(
      response.body().then(
        (body) => {
          bytes += gzipSync(body, { level: 9 }).length
          requests++
        },
        () => undefined,
      ),
    )
  })
  const page = await context.newPage()
  await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' })
  await quiet(page)
  await Promise.all(pending)
  const before = bytes
  const requestsBefore = requests
  await interact(page)
  await Promise.all(pending)
  await context.close()
  return { page: path, before, after: bytes, requestsBefore, requestsAfter: requests }
}
