/**
 * Training, the union finder and peer networks, as readers use them: in Chromium against the site
 * built from the fixture snapshot (tests/fixtures/snapshot, made on 29 November 2026).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import ICAL from 'ical.js'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from '../helpers/browser'

const siteUrl = inject('siteUrl')
const siteDir = inject('siteDir')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

const warehouseUnionsInScotland = ['URTU', 'Usdaw', 'GMB', 'Unite']

describe('the union finder', () => {
  it('Amir finds a union for warehouse work in Scotland, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/unions/`)
    await page.getByRole('radio', { name: 'Scotland' }).check()
    await page.getByRole('button', { name: 'Warehouses and logistics' }).click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/unions/sector/warehouse-logistics/?nation=scotland`)
    await page.getByRole('link', { name: 'Scotland' }).click()
    const scotland = page.locator('section.nation-answer', {
      has: page.getByRole('heading', { name: 'If you work in Scotland' }),
    })
    const names = await scotland.locator('.finder-results > li > a').allTextContents()
    expect(names.map((n) => n.match(/\(([^)]+)\)$/)?.[1] ?? n)).toEqual(warehouseUnionsInScotland)
    // The TUC's order of preference is explained before the list.
    expect(await page.locator('.preference li').allTextContents()).toEqual([
      expect.stringContaining('The union your employer recognises'),
      expect.stringContaining('A union that already has members where you work'),
      expect.stringContaining('A union for your kind of job'),
    ])
    // A union only in England and Wales is not offered for Scotland.
    expect(await scotland.textContent()).not.toContain('United Voices of the World')
    await scotland.getByRole('link', { name: /GMB/ }).click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/unions/gmb/`)
    const website = page.getByRole('link', { name: 'GMB website' })
    expect(await website.getAttribute('href')).toBe('https://www.gmb.org.uk')
    expect(await website.getAttribute('rel')).toBe('noopener noreferrer')
    await context.close()
  })

  it('Amir finds a union for warehouse work in Scotland, with JavaScript, as he types', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(`${siteUrl}/unions/`)
    // The finder loads when Amir reaches for it (site/src/lib/islandLoader.ts).
    await page.getByRole('heading', { name: 'Find a union for your job' }).scrollIntoViewIfNeeded()
    await page.locator('.finder-island').hover()
    const job = page.getByRole('searchbox', { name: 'Your job' })
    await job.waitFor({ timeout: 10_000 }).catch(() => {
      throw new Error(`The finder island did not start. Browser errors: ${errors.join(' | ') || 'none'}`)
    })
    await page.getByRole('combobox', { name: 'Where do you work?' }).selectOption('scotland')
    await job.pressSequentially('forklift')
    const answer = page.locator('.finder-answer')
    await expect
      .poll(() => answer.locator('h3').allTextContents())
      .toEqual(['1. Unions for your kind of job'])
    const first = await answer.locator('.finder-results > li').allTextContents()
    expect(first.length).toBeGreaterThan(0)
    for (const line of first) expect(line).toMatch(/forklift/i)
    // His employer recognises Usdaw: that union now comes first, with the reason in plain words.
    await page.getByRole('combobox', { name: 'Does your employer recognise a union?' }).selectOption('usdaw')
    await expect
      .poll(() => answer.locator('h3').first().textContent())
      .toBe('1. The union your employer recognises')
    expect(await answer.locator('.finder-results > li').first().textContent()).toContain(
      'Your employer recognises Usdaw',
    )
    await context.close()
  })
})

describe('training sessions', () => {
  it('Jo adds a training session to her calendar, at the right UK time after the clocks go forward', async () => {
    const context = await browser.newContext({ acceptDownloads: true })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/training/`)
    await page.getByRole('link', { name: 'Raising a grievance, step by step (demo)' }).click()
    expect(await page.locator('.session-facts time').first().textContent()).toBe(
      'Tuesday 30 March 2027, 6:30pm to 8pm (UK time)',
    )
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Add this session to your calendar' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('raising-a-grievance-step-by-step-demo.ics')
    const text = await readFile((await download.path())!, 'utf8')
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!)
    // 17:30 UTC is 6:30pm in British Summer Time.
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-30T17:30:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-30T19:00:00.000Z')
    expect(event.summary).toBe('Raising a grievance, step by step (demo)')
    await context.close()
  })

  it('lists upcoming sessions only, and filters by format without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/training/`)
    const titles = await page.locator('.session-list h3').allTextContents()
    expect(titles).not.toContain('Payslips explained (past fixture)')
    expect(titles[0]).toBe('Sick pay: what you can get (demo)')
    await page.getByRole('link', { name: 'In person', exact: true }).click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/training/format/in-person/`)
    expect(await page.locator('.session-list h3').allTextContents()).toEqual([
      'Zero-hours and gig work: know your status (demo)',
    ])
    expect(await page.locator('.session-list .status').first().textContent()).toBe('Cancelled')
    await context.close()
  })

  it('keeps a past session page, marked as past, with no way to sign up', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/training/payslips-explained-past-fixture/`)
    expect(await page.locator('.notice-past').textContent()).toContain('This session has already happened.')
    expect(await page.getByRole('link', { name: 'Sign up for this session' }).count()).toBe(0)
    // October 2026 is still British Summer Time: 17:30 UTC is 6:30pm.
    expect(await page.locator('.session-facts time').first().textContent()).toBe(
      'Thursday 15 October 2026, 6:30pm to 8pm (UK time)',
    )
    await context.close()
  })

  it('marks a session past in the browser when it has ended since the build', async () => {
    const context = await browser.newContext()
    // Jump the browser's clock past the session's end (30 March 2027, 8pm UK time).
    await context.addInitScript(() => {
      const later = Date.parse('2027-04-01T00:00:00Z')
      Date.now = () => later
    })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/training/raising-a-grievance-step-by-step-demo/`)
    await expect.poll(() => page.locator('.notice-past').isVisible(), { timeout: 10_000 }).toBe(true)
    expect(await page.getByRole('link', { name: 'Sign up for this session' }).isVisible()).toBe(false)
    await context.close()
  })

  it('shows a cancelled session clearly, and as cancelled in the calendar feed', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/training/zero-hours-and-gig-work-know-your-status-demo/`)
    expect(await page.locator('.notice-cancelled').textContent()).toContain('This session is cancelled.')
    expect(await page.getByRole('link', { name: 'Sign up for this session' }).count()).toBe(0)
    await context.close()
    const feed = await (await fetch(`${siteUrl}/training/calendar.ics`)).text()
    const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent')
    const cancelled = events.find(
      (e) =>
        e.getFirstPropertyValue('uid') === 'training-zero-hours-and-gig-work-know-your-status-demo@localhost',
    )
    expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).not.toContain(
      'training-payslips-explained-past-fixture@localhost',
    )
  })

  it("signs up through our own form, or through the organiser's link", async () => {
    const own = await readFile(
      path.join(siteDir, 'training/know-your-rights-holiday-pay-demo/index.html'),
      'utf8',
    )
    // The register form is on the session page itself, posting to this session (see signupEverywhere.e2e).
    expect(own).toMatch(
      /<form[^>]+action="[^"]*\/api\/public\/training\/know-your-rights-holiday-pay-demo\/register"/,
    )
    const external = await readFile(
      path.join(siteDir, 'training/starting-a-union-at-your-workplace-demo/index.html'),
      'utf8',
    )
    expect(external).toMatch(
      /<a class="button" href="https:\/\/example\.org\/register\/starting-a-union-cardiff" rel="noopener noreferrer">/,
    )
  })
})

describe('peer support networks', () => {
  it('Kofi joins a warehouse network in Scotland, found by its sector, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/networks/`)
    await page.getByRole('link', { name: 'Warehouses and logistics' }).click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/networks/sector/warehouse-logistics/`)
    expect(await page.locator('.session-list h3').allTextContents()).toEqual([
      'Warehouse Workers Scotland (demo)',
    ])
    await page.getByRole('link', { name: 'Warehouse Workers Scotland (demo)' }).click()
    expect(await page.locator('dl').textContent()).toContain('Example Distribution Ltd (fixture)')
    // The join form is on the network page itself, with this network ticked (see signupEverywhere.e2e).
    expect(await page.getByRole('heading', { name: 'Join this network' }).count()).toBe(1)
    expect(await page.getByRole('checkbox', { name: 'Warehouse Workers Scotland (demo)' }).isChecked()).toBe(
      true,
    )
    await context.close()
  })

  it('never shows a hidden employer or any personal contact details', async () => {
    const html = await readFile(
      path.join(siteDir, 'networks/delivery-riders-together-demo/index.html'),
      'utf8',
    )
    expect(html).not.toContain('Employer')
    for (const page of [
      'networks/index.html',
      'networks/delivery-riders-together-demo/index.html',
      'networks/warehouse-workers-scotland-demo/index.html',
    ]) {
      const text = (await readFile(path.join(siteDir, page), 'utf8')).replace(/<[^>]+>/g, ' ')
      expect(text, page).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/)
      expect(text, page).not.toMatch(/(\+44|\b0)\s?\d{3,4}\s?\d{3}\s?\d{3,4}/)
    }
  })
  it("says what it knows of a union's groups, and claims nothing it has no source for", async () => {
    const text = async (slug: string) =>
      (await readFile(path.join(siteDir, `unions/${slug}/index.html`), 'utf8')).replace(/<[^>]+>/g, ' ')
    expect(await text('eis')).toMatch(/Belongs to\s+TUC and STUC \(Scotland\)/)
    // No affiliation on record is not a source for "not affiliated": the page says what we lack.
    const uvw = await text('uvw')
    expect(uvw).toContain('We have no checked record of it belonging to the TUC or another group of unions.')
    expect(uvw).not.toMatch(/Not part of/)
  })
})
