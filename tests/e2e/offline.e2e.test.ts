/**
 * Reading without signal, in Chromium: the site built from the fixture snapshot by the real
 * pipeline (buildSite: render, share images, library manifest, the service worker Workbox makes),
 * served by the static server, and the browser's network turned off (context.setOffline).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite, sitePaths } from '../../cms/publish/buildSite'
import { startStaticServer } from '../../cms/publish/staticServer'
import { LIBRARY_FETCH_HEADER } from '../../content-models/offline'
import { launchBrowser } from '../helpers/browser'
import { deployNewStyle, readManifest } from '../helpers/offlineDeploy'

let root: string
let paths: ReturnType<typeof sitePaths>
let server: Awaited<ReturnType<typeof startStaticServer>>
let siteUrl: string
let browser: Browser

beforeAll(async () => {
  process.env.PROJECT_ROOT ||= process.cwd()
  root = await mkdtemp(path.join(os.tmpdir(), 'organise-offline-'))
  paths = sitePaths(root)
  await buildSite({ snapshotDir: path.resolve('tests/fixtures/snapshot'), paths })
  server = await startStaticServer({ root: paths.live })
  // localhost is a secure context, where service workers run.
  siteUrl = server.url.replace('127.0.0.1', 'localhost')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (root) await rm(root, { recursive: true, force: true })
})

/** Opens a page in a new browser (its own service worker and caches) and waits for the worker. */
const openOnline = async (address: string): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${siteUrl}${address}`)
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
  return { context, page }
}

/** The addresses (paths) kept in one of the site's caches. */
const cached = (page: Page, cache: string) =>
  page.evaluate(
    async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname),
    cache,
  )

/** A day as the offline banner says it. */
const dayOf = (time: number) =>
  new Date(time).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

describe('reading without signal', () => {
  it('a reader opens the holiday pay guide, loses signal, and reads it again', async () => {
    const { context, page } = await openOnline('/guides/holiday-pay/')
    // The first page was fetched before the worker ran: it is kept all the same.
    await expect.poll(() => cached(page, 'bw-pages')).toContain('/guides/holiday-pay/')
    // A member's page and a petition (it may show signers' names) are never kept.
    await page.goto(`${siteUrl}/account/`)
    await page.goto(`${siteUrl}/petitions/rota-two-weeks-ahead-demo/`)
    expect(await cached(page, 'bw-pages')).toEqual(['/guides/holiday-pay/'])

    // Signal goes while the petition is open: it says it cannot be signed now, and Sign sends nothing.
    await context.setOffline(true)
    const note = page.locator('#sign .offline-form-note')
    await expect.poll(() => note.textContent()).toContain('Nothing is kept to send later')
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.getByLabel('Email').first().fill('priya@example.org')
    await page.locator('#sign button[type="submit"]').first().click()
    expect(page.url()).toBe(`${siteUrl}/petitions/rota-two-weeks-ahead-demo/`)
    expect(requests.filter((u) => u.includes('/sign'))).toEqual([])
    expect(await page.getByLabel('Email').first().inputValue()).toBe('priya@example.org')

    await page.goto(`${siteUrl}/guides/holiday-pay/`)
    expect(await heading(page)).toBe('Holiday pay')
    expect(await page.locator('.offline-banner').textContent()).toContain('You are offline')
    // It says when this copy was saved (today: it was opened a moment ago).
    await expect
      .poll(() => page.locator('.offline-banner').textContent())
      .toContain(`This copy was saved on ${dayOf(Date.now())}.`)
    // Styled from the device too: the header has the site's colour from the kept stylesheet.
    expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
      'rgb(122, 31, 43)',
    )

    // A page never opened says what works without signal.
    await page.goto(`${siteUrl}/guides/unfair-dismissal/`)
    expect(await heading(page)).toBe('No signal: this page is not saved on this device')
    await context.close()
  })

  it("a reader saves the library, goes offline, searches 'sick pay' and opens the result", async () => {
    const { context, page } = await openOnline('/guides/')
    await page.getByRole('button', { name: 'Save all guides and letters for offline' }).click()
    // The size is shown before anything is saved.
    const status = page.locator('[data-save-status]')
    await expect.poll(() => status.textContent()).toMatch(/^This downloads about \d+ KB: 5 guides, 3 letters/)
    await page.getByRole('button', { name: 'Start saving' }).click()
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toMatch(/^Saved on this device: 5 guides and 3 letters/)
    // In the saved library's own cache, and only there: the worker kept no second copy.
    expect(await cached(page, 'bw-saved')).toContain('/templates/raise-a-grievance/raise-a-grievance.docx')
    expect(await cached(page, 'bw-files')).toEqual([])

    await context.setOffline(true)
    await page.goto(`${siteUrl}/search/`)
    const box = page.getByRole('searchbox')
    await box.click()
    await box.pressSequentially('sick pay')
    const result = page.locator('.search-results h3 a').filter({ hasText: /^Sick pay$/ })
    await result.first().waitFor({ timeout: 10_000 })
    await result.first().click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/guides/sick-pay/`)
    expect(await heading(page)).toBe('Sick pay')
    await context.close()
  })
})

describe('sharing and printing', () => {
  it('a guide shared in a chat app shows its title and its own picture, from this site only', async () => {
    const html = await (await fetch(`${siteUrl}/guides/holiday-pay/`)).text()
    const meta = (property: string) =>
      new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1]
    expect(meta('og:title')).toBe('Holiday pay')
    // The site's public address (SITE_URL) is where the build says the page lives.
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1]
    expect(canonical).toMatch(/^https?:\/\/[^/]+\/guides\/holiday-pay\/$/)
    expect(meta('og:url')).toBe(canonical)
    expect(meta('twitter:card')).toBe('summary_large_image')
    const image = new URL(meta('og:image')!)
    expect(image.pathname).toBe('/share/guides/holiday-pay.png')
    const png = await fetch(`${siteUrl}${image.pathname}`)
    expect(png.headers.get('content-type')).toBe('image/png')
    const bytes = Buffer.from(await png.arrayBuffer())
    // A PNG's header holds its width and height at bytes 16-23.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630])
  })

  it('an open letter shared in a chat app shows its own picture, named as an open letter', async () => {
    const html = await (await fetch(`${siteUrl}/open-letters/safe-staffing-night-shifts-demo/`)).text()
    const meta = (property: string) =>
      new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1]
    const image = new URL(meta('og:image')!)
    expect(image.pathname).toBe('/share/petitions/safe-staffing-night-shifts-demo.png')
    expect(meta('og:image:alt')).toMatch(/^Safe staffing on night shifts \(demo\): an open letter on /)
    const png = await fetch(`${siteUrl}${image.pathname}`)
    expect(png.status).toBe(200)
    expect(png.headers.get('content-type')).toBe('image/png')
  })

  it('a guide prints without the site’s navigation, with each link’s address after it', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteUrl}/guides/holiday-pay/`)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.site-header nav').isVisible()).toBe(false)
    expect(await page.locator('.header-search').isVisible()).toBe(false)
    const source = page.locator('.sources a').first()
    const after = await source.evaluate((a) => getComputedStyle(a, '::after').content)
    expect(after).toBe(`" (${await source.getAttribute('href')})"`)
    expect(await page.locator('.print-only').textContent()).toMatch(
      /^Printed from https?:\/\/[^/]+\/guides\/holiday-pay\/$/,
    )
    await context.close()
  })
})

/** Dates the copy of `address` in `cache` `days` ago, as if it had been kept then. */
const age = (page: Page, cache: string, address: string, days: number) =>
  page.evaluate(
    async ({ cache, address, days }) => {
      const c = await caches.open(cache)
      const old = await c.match(address)
      if (!old) throw new Error(`${address} is not in ${cache}`)
      const headers = new Headers(old.headers)
      headers.set('Date', new Date(Date.now() - days * 24 * 60 * 60 * 1000).toUTCString())
      await c.put(address, new Response(await old.blob(), { headers }))
    },
    { cache, address, days },
  )

const saveTheLibrary = async (page: Page) => {
  await page.getByRole('button', { name: 'Save all guides and letters for offline' }).click()
  await page.getByRole('button', { name: 'Start saving' }).click()
  await expect
    .poll(() => page.locator('[data-save-status]').textContent(), { timeout: 15_000 })
    .toMatch(/^Saved on this device/)
}

describe('what stays on the device', () => {
  it('a page opened long ago expires, a saved guide does not', async () => {
    const { context, page } = await openOnline('/guides/sick-pay/')
    await page.goto(`${siteUrl}/guides/holiday-pay/`)
    await expect.poll(() => cached(page, 'bw-pages')).toContain('/guides/sick-pay/')
    expect(await cached(page, 'bw-pages')).toContain('/guides/holiday-pay/')
    await age(page, 'bw-pages', '/guides/sick-pay/', 31)
    await age(page, 'bw-pages', '/guides/holiday-pay/', 29)
    await context.setOffline(true)
    await page.goto(`${siteUrl}/guides/sick-pay/`)
    expect(await heading(page)).toBe('No signal: this page is not saved on this device')
    await page.goto(`${siteUrl}/guides/holiday-pay/`)
    expect(await heading(page)).toBe('Holiday pay')
    await expect
      .poll(() => page.locator('.offline-banner').textContent())
      .toContain(`This copy was saved on ${dayOf(Date.now() - 29 * 24 * 60 * 60 * 1000)}.`)

    // Saved with the library, opened again (so the worker keeps a copy of its own too), then
    // both copies two months old: the reader's copy has expired, the library's has not.
    await context.setOffline(false)
    await page.goto(`${siteUrl}/guides/`)
    await saveTheLibrary(page)
    await page.goto(`${siteUrl}/guides/grievances/`)
    await expect.poll(() => cached(page, 'bw-pages')).toContain('/guides/grievances/')
    await age(page, 'bw-pages', '/guides/grievances/', 60)
    await age(page, 'bw-saved', '/guides/grievances/', 60)
    await context.setOffline(true)
    await page.goto(`${siteUrl}/guides/grievances/`)
    expect(await heading(page)).toBe('Raising a grievance')
    await context.close()
  })
})

// Last in the file: it deploys a new build under the others' server.
describe('after a deploy', () => {
  it('a saved library after a code deploy fetches only the changed assets', async () => {
    const { context, page } = await openOnline('/guides/')
    await saveTheLibrary(page)
    const fetched: string[] = []
    page.on('request', (r) => {
      if (r.headers()[LIBRARY_FETCH_HEADER]) fetched.push(new URL(r.url()).pathname)
    })

    // A deploy whose only change is the site's stylesheet (a new colour for the header).
    const deploy = await deployNewStyle(paths, 'rgb(0, 80, 60)')
    const manifest = await readManifest(paths)
    const style = manifest.files.find((f) => f.url === deploy.newStyle)!
    await page.goto(`${siteUrl}/guides/`)
    await expect
      .poll(
        () =>
          page.evaluate(async () =>
            (await (await caches.open('bw-library')).match('/offline/saved.json'))?.json(),
          ),
        {
          timeout: 15_000,
        },
      )
      .toMatchObject({ build: manifest.build })
    expect(fetched).toEqual([deploy.newStyle])
    expect(style.sent).toBeGreaterThan(1000)
    const saved = await cached(page, 'bw-saved')
    expect(saved).toContain(deploy.newStyle)
    expect(saved).not.toContain(deploy.oldStyle)
    // Every page the library lists is saved (no old page left to name the old stylesheet).
    expect(saved.length).toBe(manifest.files.length)

    await context.setOffline(true)
    await page.goto(`${siteUrl}/templates/raise-a-grievance/`)
    expect(await heading(page)).toBe('Raise a grievance')
    expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
      'rgb(0, 80, 60)',
    )
    await context.close()
  })
})
