/**
 * Search in Chromium against the site built from the fixture snapshot: workers type questions in
 * their own words and open the right guide; the query stays in the address and Back works.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { checkA11y } from '../helpers/a11y'
import { launchBrowser, recordRequests } from '../helpers/browser'

const siteUrl = inject('siteUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

const open = async (
  path: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; requests: string[] }> => {
  const context = await browser.newContext(options)
  const requests = recordRequests(context)
  const page = await context.newPage()
  await page.goto(`${siteUrl}${path}`)
  return { context, page, requests }
}

const resultLinks = (page: Page) => page.locator('.search-results h3 a')
const offSite = (requests: string[]) =>
  requests.filter((u) => !u.startsWith(`${siteUrl}/`) && !u.startsWith('data:'))

describe('search', () => {
  it('Dana types "can my boss stop my holiday pay" and opens the holiday pay guide', async () => {
    const { context, page, requests } = await open('/search/')
    const box = page.getByRole('searchbox')
    await box.click()
    await box.pressSequentially('can my boss stop my holiday pay', { delay: 20 })
    await resultLinks(page)
      .filter({ hasText: /^Holiday pay$/ })
      .first()
      .waitFor()
    // Matched words are highlighted, and each result says what it is.
    expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0)
    expect(await page.locator('.search-result-type').first().textContent()).toBe('Guide')
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('can my boss stop my holiday pay')

    await resultLinks(page)
      .filter({ hasText: /^Holiday pay$/ })
      .first()
      .click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/guides/holiday-pay/`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Holiday pay')

    await page.goBack()
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('can my boss stop my holiday pay')
    await resultLinks(page)
      .filter({ hasText: /^Holiday pay$/ })
      .first()
      .waitFor()
    expect(await page.getByRole('searchbox').inputValue()).toBe('can my boss stop my holiday pay')
    expect(offSite(requests)).toEqual([])
    await context.close()
  })

  it('Sam follows a shared link for "sacked for being off sick" and opens unfair dismissal', async () => {
    const { context, page, requests } = await open('/search/?q=sacked+for+being+off+sick')
    await resultLinks(page).first().waitFor()
    expect(await resultLinks(page).first().textContent()).toBe('Unfair dismissal')
    expect(await page.getByRole('status').textContent()).toMatch(/results? for “sacked for being off sick”/)
    await resultLinks(page).first().click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/guides/unfair-dismissal/`)
    expect(offSite(requests)).toEqual([])
    await context.close()
  })

  it('loads the index only once the search box is used', async () => {
    const { context, page, requests } = await open('/search/')
    await page.getByRole('searchbox').waitFor()
    await page.waitForTimeout(300)
    expect(requests.filter((u) => u.includes('/search-index/'))).toEqual([])
    await page.getByRole('searchbox').focus()
    await expect.poll(() => requests.filter((u) => u.includes('/search-index/manifest.json')).length).toBe(1)
    await context.close()
  })

  it('adds a history entry for each search submitted, so Back returns to the one before', async () => {
    const { context, page } = await open('/search/')
    // This test is about the island's history entries: wait until it has replaced the plain form
    // (on a busy machine the first Enter could otherwise still be a plain form submission). It
    // starts when the box is first used (site/src/lib/islandLoader.ts).
    await page.getByRole('searchbox').focus()
    await page.locator('[data-mounted="true"]').waitFor()
    const box = page.getByRole('searchbox')
    await box.fill('grievance')
    await box.press('Enter')
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('grievance')
    await box.fill('sick pay')
    await box.press('Enter')
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('sick pay')
    await page.goBack()
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('grievance')
    await expect.poll(() => box.inputValue()).toBe('grievance')
    await expect
      .poll(async () => (await resultLinks(page).first().textContent()) ?? '')
      .toBe('Raising a grievance')
    await context.close()
  })

  it('filters by type, and keeps the filter in the address', async () => {
    const { context, page } = await open('/search/?q=holiday')
    await resultLinks(page).first().waitFor()
    await page.getByLabel('Show').selectOption('template')
    await expect
      .poll(async () => [...new Set(await page.locator('.search-result-type').allTextContents())])
      .toEqual(['Letter'])
    await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe('template')
    await context.close()
  })

  it('still offers the form and the topics without JavaScript', async () => {
    const { context, page } = await open('/search/?q=holiday', { javaScriptEnabled: false })
    expect(await page.getByRole('searchbox').count()).toBe(1)
    expect(await page.getByRole('heading', { name: 'Topics' }).count()).toBe(1)
    expect(await page.getByRole('link', { name: 'Holidays and holiday pay' }).count()).toBe(1)
    await context.close()
  })

  it('axe finds no violations on the search page with results shown', async () => {
    const { context, page } = await open('/search/?q=holiday+pay')
    await resultLinks(page).first().waitFor()
    await checkA11y(page)
    await context.close()
  })
})
