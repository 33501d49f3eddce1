/** The reader's side of the foundation: the static site built from the fixture snapshot, in Chromium. */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { cmsUrl } from '../../site/src/lib/config'
import { launchBrowser, recordRequests } from '../helpers/browser'

const siteUrl = inject('siteUrl')
const siteDir = inject('siteDir')
let browser: Browser

/** Every built page, as a site path. */
const builtPages = async () =>
  (await readdir(siteDir, { recursive: true }))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.replace(/index\.html$/, '').replace(/\\/g, '/')}`)
    .sort()

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

describe('the public site', () => {
  it('Priya finds out if she is owed holiday pay, from the home page, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/`)
    await page.getByRole('link', { name: 'Holidays and holiday pay' }).click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/topics/holidays/`)
    await page.getByRole('link', { name: 'Holiday pay', exact: true }).click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/guides/holiday-pay/`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Holiday pay')
    expect(await page.locator('.nations').textContent()).toContain(
      'This guide covers England, Wales and Scotland.',
    )
    expect(await page.locator('.meta').textContent()).toMatch(/Last reviewed\s*29 November 2026/)
    expect(await page.getByRole('heading', { name: 'Key facts' }).count()).toBe(1)
    expect(await page.getByRole('heading', { name: 'Where these facts come from' }).count()).toBe(1)
    // The contents list links to the body's headings.
    const firstEntry = page.locator('nav.contents a').first()
    const target = (await firstEntry.getAttribute('href'))!
    expect(await page.locator(target).count()).toBe(1)
    await context.close()
  })

  it("ships no island's JavaScript on reading pages, and never an inline script anywhere", async () => {
    const pages = await builtPages()
    expect(pages.length).toBeGreaterThan(10)
    // Reading pages are plain HTML with one small script every page has (the service worker and the
    // offline notices, site/src/lib/offline/register.ts); only pages with an island (letters,
    // search, finder, forms, saving the library) load another.
    const reading = pages.filter((p) => /^\/(guides\/[^/]+|topics|privacy)\//.test(p) || p === '/404.html')
    expect(reading.length).toBeGreaterThan(5)
    const everyPage = /src="\/assets\/Base\.astro_astro_type_script_index_0_lang\.[\w-]+\.js"/
    for (const p of pages) {
      const html = await readFile(path.join(siteDir, p, p.endsWith('.html') ? '' : 'index.html'), 'utf8')
      const scripts = html.match(/<script\b[^>]*>/gi) ?? []
      if (reading.includes(p))
        expect(
          scripts.filter((tag) => !everyPage.test(tag)),
          p,
        ).toEqual([])
      // The static server's CSP allows only same-origin script files, so an inline script would not run.
      for (const tag of html.match(/<script\b[^>]*>/gi) ?? [])
        expect(tag, `${p}: ${tag}`).toMatch(/\bsrc="\/[^/]/)
    }
  })

  it('loads nothing from another origin and sets no cookies, on every page', async () => {
    // The only other address a page may call is our own CMS's API (the network and training
    // islands ask it for counts and places); never a third party, and never with a cookie.
    const cmsApi = `${cmsUrl}/api/`
    const context = await browser.newContext()
    const requests = recordRequests(context)
    const setCookies: string[] = []
    context.on('response', async (r) => {
      const cookie = await r.headerValue('set-cookie')
      if (cookie) setCookies.push(`${r.url()}: ${cookie}`)
    })
    const page = await context.newPage()
    for (const p of await builtPages()) {
      const html = await readFile(path.join(siteDir, p, p.endsWith('.html') ? '' : 'index.html'), 'utf8')
      // A petition's old address sends the reader on at once (a meta refresh). Its visit ends when
      // the page it leads to has loaded: left pending, the refresh cut short the next visit, even
      // when that was retried (CI on 15c6f76).
      const movedTo = /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)?.[1]
      const visit = page.goto(`${siteUrl}${p}`)
      if (!movedTo) await visit
      else
        await Promise.all([
          page.waitForURL(`${siteUrl}${movedTo}`),
          visit.catch((error: unknown) => {
            if (!String(error).includes('interrupted by another navigation')) throw error
          }),
        ])
    }
    expect(requests.filter((u) => !u.startsWith(siteUrl) && !u.startsWith(cmsApi))).toEqual([])
    expect(setCookies).toEqual([])
    expect(await context.cookies()).toEqual([])
    await context.close()
  })

  it('searches from the header with a plain GET form that keeps the words in the address', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/guides/`)
    await page.getByRole('searchbox', { name: 'Search' }).fill('holiday pay')
    // Without JavaScript the box goes to the CMS's results (searchNoJs.e2e follows it there).
    const asked = page.waitForRequest((r) => new URL(r.url()).pathname === '/search')
    await page.getByRole('button', { name: 'Search' }).click()
    const url = new URL((await asked).url())
    expect(url.origin).not.toBe(new URL(siteUrl).origin)
    expect(url.search).toBe('?q=holiday+pay')
    await context.close()

    // With JavaScript it goes to the site's own search page, where the island searches on the device.
    const withJs = await browser.newContext()
    const js = await withJs.newPage()
    await js.goto(`${siteUrl}/guides/`)
    await js.getByRole('searchbox', { name: 'Search' }).fill('holiday pay')
    await js.getByRole('button', { name: 'Search' }).click()
    await expect.poll(() => js.url()).toBe(`${siteUrl}/search/?q=holiday+pay`)
    expect(await js.getByRole('heading', { level: 1 }).textContent()).toBe('Search')
    await withJs.close()
  })

  it('lets a keyboard user skip straight to the content', async () => {
    const page = await browser.newPage()
    await page.goto(`${siteUrl}/guides/holiday-pay/`)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    await page.close()
  })

  it('answers a missing page with status 404 and a search box', async () => {
    const page = await browser.newPage()
    const response = await page.goto(`${siteUrl}/guides/no-such-guide/`)
    expect(response?.status()).toBe(404)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found')
    expect(await page.getByRole('searchbox', { name: 'Search instead' }).count()).toBe(1)
    await page.close()
  })

  it('never serves files from outside the site folder, nor its dot-files', async () => {
    // Real builds hold a .fingerprint file; make sure there is one to refuse.
    await writeFile(path.join(siteDir, '.fingerprint'), 'organise-platform build fingerprint')
    for (const probe of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/.fingerprint',
      '/%2efingerprint',
    ]) {
      const res = await fetch(`${siteUrl}${probe}`)
      expect(res.status, probe).toBe(404)
      expect(await res.text()).not.toMatch(/"name": "organise-platform"|build fingerprint/)
    }
  })

  it('shows the privacy page from the footer of every page', async () => {
    const page = await browser.newPage()
    await page.goto(`${siteUrl}/`)
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: /Privacy/ })
      .click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/privacy/`)
    const text = await page.locator('main').textContent()
    expect(text).toContain('We set no cookies while you read.')
    expect(text).toContain('If you sign in to My account')
    await page.close()
  })
})
