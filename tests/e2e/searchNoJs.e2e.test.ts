/**
 * Search without JavaScript, in Chromium: the search page's form goes to the CMS (GET /search,
 * cms/search/), which answers from the built site's index with the island's ranking, in the site's
 * own page. The CMS here is the real route on Fastify over the e2e build; Chromium's requests to
 * the form's address are passed to it.
 */
import Fastify, { type FastifyInstance } from 'fastify'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { liveSearch, registerSearchRoute, searchRateLimit } from '../../cms/search'
import { launchBrowser } from '../helpers/browser'

const siteUrl = inject('siteUrl')
const siteDir = inject('siteDir')
let browser: Browser
let cms: FastifyInstance
let cmsUrl: string

beforeAll(async () => {
  browser = await launchBrowser()
  cms = Fastify()
  registerSearchRoute(cms, {
    build: liveSearch(siteDir),
    limit: searchRateLimit(null, {}),
    siteOrigin: siteUrl,
    cmsOrigin: 'http://localhost:3000',
  })
  await cms.listen({ port: 0, host: '127.0.0.1' })
  cmsUrl = `http://127.0.0.1:${(cms.server.address() as { port: number }).port}`
})
afterAll(async () => {
  await browser?.close()
  await cms?.close()
})

/** A context whose requests to the search form's address (the CMS the site was built for) reach the test's CMS. */
const contextFor = async (javaScriptEnabled: boolean): Promise<BrowserContext> => {
  const context = await browser.newContext({ javaScriptEnabled })
  await context.route(
    (url) => url.pathname === '/search' && url.origin !== new URL(siteUrl).origin,
    // Sent on to the test's CMS as the request it is (a page fulfilled by the test instead would
    // count as from no address, and Chromium would refuse it the site's loopback styles).
    (route) => {
      const asked = new URL(route.request().url())
      return route.continue({ url: `${cmsUrl}${asked.pathname}${asked.search}` })
    },
  )
  return context
}

const firstResult = (page: Page) => page.locator('.search-results h3 a').first()

describe('search without JavaScript', () => {
  it('with JavaScript off, a reader searches and gets the same top result as with it on', async () => {
    const off = await contextFor(false)
    const page = await off.newPage()
    await page.goto(`${siteUrl}/search/`)
    expect(await page.locator('form[role="search"]').getAttribute('action')).toMatch(/\/search$/)
    await page.getByRole('searchbox').fill('sacked for being off sick')
    await page.getByRole('combobox', { name: 'Show' }).selectOption('guide')
    await page.getByRole('searchbox').press('Enter')
    await firstResult(page).waitFor()
    const offTop = [await firstResult(page).textContent(), await firstResult(page).getAttribute('href')]
    expect(await page.getByRole('status').textContent()).toMatch(/results? for “sacked for being off sick”/)
    expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0)
    expect(await page.getByRole('searchbox').inputValue()).toBe('sacked for being off sick')
    expect(await page.getByRole('combobox', { name: 'Show' }).inputValue()).toBe('guide')
    // The site's styles apply (once loaded), and its result links lead back to the site.
    await page.waitForLoadState('load')
    expect(
      await page
        .locator('.search-result')
        .first()
        .evaluate((el) => getComputedStyle(el).borderTopStyle),
    ).toBe('solid')
    await firstResult(page).click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/guides/unfair-dismissal/`)
    // The header's box on any page goes to the CMS's results too.
    await page.getByRole('searchbox', { name: 'Search' }).fill('holiday pay')
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter')
    await firstResult(page).waitFor()
    expect(await page.getByRole('status').textContent()).toMatch(/results? for “holiday pay”/)
    await off.close()

    const on = await contextFor(true)
    const island = await on.newPage()
    // With JavaScript the header's box searches on the device, on the site's own page.
    await island.goto(`${siteUrl}/guides/unfair-dismissal/`)
    expect(await island.locator('form.header-search').getAttribute('action')).toBe('/search/')
    await island.goto(`${siteUrl}/search/?q=sacked+for+being+off+sick&type=guide`)
    await firstResult(island).waitFor()
    expect([await firstResult(island).textContent(), await firstResult(island).getAttribute('href')]).toEqual(
      offTop,
    )
    expect(offTop).toEqual(['Unfair dismissal', '/guides/unfair-dismissal/'])
    await on.close()
  })
})
