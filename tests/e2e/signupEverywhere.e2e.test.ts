/**
 * The join form on the home page and network pages, the register form on training-session pages
 * (and recent signers on petition pages), in Chromium against the site built from the fixture snapshot. No CMS runs: the
 * form's POST is caught in the browser, so we can see exactly what a reader without JavaScript sends.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONSENT_VERSION } from '../../content-models/consent'
import type { SnapshotPetition } from '../../content-models/snapshot'
import { checkA11y } from '../helpers/a11y'
import { launchBrowser } from '../helpers/browser'
import { buildAndServe } from '../helpers/builtSite'

// The static server's CSP lets forms post only to this CMS origin, so the site is built for it.
const CMS = 'http://localhost:3000'
const JOIN = `${CMS}/api/public/join`
const NETWORK = 'warehouse-workers-scotland-demo'
const SESSION = 'know-your-rights-holiday-pay-demo'

let site: Awaited<ReturnType<typeof buildAndServe>>
let browser: Browser
let snapshotDir: string

beforeAll(async () => {
  process.env.PROJECT_ROOT ||= process.cwd()
  process.env.CMS_URL = CMS
  snapshotDir = await mkdtemp(path.join(os.tmpdir(), 'organise-signup-snap-'))
  await cp(path.resolve('tests/fixtures/snapshot'), snapshotDir, { recursive: true })
  // Recent signers as the export writes them; the closed petition does not allow names, so its
  // (wrongly present) signer must not be shown.
  const file = path.join(snapshotDir, 'petitions.json')
  const petitions = JSON.parse(await readFile(file, 'utf8')) as SnapshotPetition[]
  for (const p of petitions) {
    p.recentSigners = p.showSignerNames
      ? [
          { firstName: 'Tom', area: 'North West England' },
          { firstName: 'Priya', area: null },
        ]
      : [{ firstName: 'Blocked', area: 'Wales' }]
  }
  await writeFile(file, JSON.stringify(petitions))
  site = await buildAndServe(snapshotDir)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
  if (snapshotDir) await rm(snapshotDir, { recursive: true, force: true })
})

const openPage = async (url: string, javaScriptEnabled: boolean) => {
  const context = await browser.newContext({ javaScriptEnabled })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))
  // No CMS runs here: a network page's membership island is answered as for someone signed out.
  const cors = { 'Access-Control-Allow-Origin': site.url, 'Access-Control-Allow-Credentials': 'true' }
  await page.route(`${CMS}/api/account/networks`, (r) =>
    r.fulfill({
      status: 200,
      headers: cors,
      contentType: 'application/json',
      body: '{"status":"signed-out","networks":null}',
    }),
  )
  await page.route(`${CMS}/api/public/networks/*/count`, (r) =>
    r.fulfill({ status: 200, headers: cors, contentType: 'application/json', body: '{"count":3}' }),
  )
  await page.goto(`${site.url}${url}`)
  return { page, errors, close: () => context.close() }
}

const joinForm = (page: Page) => page.locator(`form[action="${JOIN}"]`)

/** The reader reaches for each island (they start on first interaction, site/src/lib/islandLoader.ts). */
const reach = async (page: Page, ...places: string[]) => {
  for (const place of places) await page.locator(place).first().hover()
}

/** The checked network checkboxes and the chosen session, as the plain HTML has them. */
const chosen = async (page: Page) => ({
  networks: await joinForm(page)
    .locator('input[name="networks"]:checked')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
  session: await joinForm(page).locator('select[name="session"]').inputValue(),
})

const headingProblems = (page: Page) =>
  page.evaluate(() => {
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((h) => !(h as HTMLElement).closest('[hidden]'))
      .map((h) => Number(h.tagName[1]))
    const problems: string[] = []
    if (levels.filter((l) => l === 1).length !== 1)
      problems.push(`${levels.filter((l) => l === 1).length} h1`)
    levels.forEach((l, i) => i > 0 && l > levels[i - 1] + 1 && problems.push(`h${levels[i - 1]} then h${l}`))
    return problems
  })

const duplicateIds = (page: Page) =>
  page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id)
    return ids.filter((id, i) => ids.indexOf(id) !== i)
  })

const PAGES = [
  { name: 'the home page', url: '/', expected: { networks: [], session: '' } },
  { name: 'a network page', url: `/networks/${NETWORK}/`, expected: { networks: [NETWORK], session: '' } },
]

describe('the join form on the home, network and training session pages', () => {
  it.each(PAGES)(
    '$name has the plain join form, with its own choice ticked, without JavaScript',
    async ({ url, expected }) => {
      const { page, close } = await openPage(url, false)
      const form = joinForm(page)
      expect(await form.count()).toBe(1)
      expect(await form.getAttribute('method')).toBe('post')
      expect(await chosen(page)).toEqual(expected)
      for (const name of ['firstName', 'email', 'consentEmail']) {
        expect(await form.locator(`[name="${name}"][required]`).count(), name).toBe(1)
      }
      // The union-interest consent is offered, and optional (issue 15).
      expect(await form.locator('[name="consentUnionInterest"]:not([required])').count()).toBe(1)
      expect(await form.locator('input[type="hidden"][name="consentVersion"]').inputValue()).toBe(
        CONSENT_VERSION,
      )
      expect(await form.getByRole('button', { name: 'Join the network' }).isEnabled()).toBe(true)
      expect(await duplicateIds(page)).toEqual([])
      expect(await headingProblems(page)).toEqual([])
      await close()
    },
  )

  it('Sara joins from the warehouse network page with JavaScript turned off, and the form sends her choices', async () => {
    const { page, close } = await openPage(`/networks/${NETWORK}/`, false)
    let sent: URLSearchParams | undefined
    await page.route(JOIN, async (route) => {
      sent = new URLSearchParams(route.request().postData() ?? '')
      await route.fulfill({ status: 303, headers: { Location: `${site.url}/join/check-your-email/` } })
    })
    await page.getByLabel('First name').fill('Sara')
    await page.getByLabel('Email address').fill('sara.khan@outlook.com')
    await page.getByLabel(/email me about the network/).check()
    await page.getByLabel(/keep a record that I am interested/).check()
    await page.getByRole('button', { name: 'Join the network' }).click()
    await expect.poll(() => page.url()).toBe(`${site.url}/join/check-your-email/`)
    expect(sent?.get('firstName')).toBe('Sara')
    expect(sent?.getAll('networks')).toEqual([NETWORK])
    expect(sent?.get('session')).toBe('')
    expect(sent?.get('consentEmail')).toBe('on')
    expect(sent?.get('consentUnionInterest')).toBe('on')
    expect(sent?.get('consentVersion')).toBe(CONSENT_VERSION)
    await close()
  })

  it('a training session page has the register form instead: a first name and an email address, posted to the session without JavaScript', async () => {
    const { page, close } = await openPage(`/training/${SESSION}/`, false)
    expect(await joinForm(page).count()).toBe(0)
    const register = `${CMS}/api/public/training/${SESSION}/register`
    let sent: URLSearchParams | undefined
    await page.route(register, async (route) => {
      sent = new URLSearchParams(route.request().postData() ?? '')
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Check your email</h1>' })
    })
    await page.getByLabel('First name').fill('Amir')
    await page.getByLabel('Email address').fill('amir@example.org')
    await page.getByRole('button', { name: 'Register for this session' }).click()
    await expect.poll(() => sent?.get('firstName')).toBe('Amir')
    expect(sent?.get('email')).toBe('amir@example.org')
    // No network and no consent to record union interest is asked (issue 15).
    expect([...(sent?.keys() ?? [])].sort()).toEqual(['email', 'firstName', 'startedAt', 'website'])
    await close()
  })

  it.each([
    ['full', 'sick-pay-what-you-can-get-demo'],
    ['cancelled', 'zero-hours-and-gig-work-know-your-status-demo'],
    ['signed up for on another website', 'starting-a-union-at-your-workplace-demo'],
    ['already over', 'payslips-explained-past-fixture'],
  ])('a session that is %s has no join form', async (_why, slug) => {
    const { page, close } = await openPage(`/training/${slug}/`, false)
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1)
    expect(await joinForm(page).count()).toBe(0)
    await close()
  })

  it.each(PAGES)(
    'the island starts on $name, keeping its own choice ticked, with no errors',
    async ({ url, expected }) => {
      const { page, errors, close } = await openPage(url, true)
      await reach(page, '.signup-island')
      await page.locator('form[data-enhanced="true"]').waitFor()
      expect(await chosen(page)).toEqual(expected)
      expect(errors).toEqual([])
      await close()
    },
  )

  it.each(PAGES)('axe finds no violations on $name with the island running', async ({ url }) => {
    const { page, close } = await openPage(url, true)
    await reach(page, '.signup-island')
    await page.locator('form[data-enhanced="true"]').waitFor()
    await checkA11y(page)
    await close()
  })
})

describe('recent signers on petition pages', () => {
  it('shows the first names and areas of recent signers when the petition allows it', async () => {
    const { page, close } = await openPage('/petitions/rota-two-weeks-ahead-demo/', false)
    expect(await page.locator('.recent-signers').textContent()).toBe(
      'Recent signers: Tom from North West England and Priya.',
    )
    await close()
  })

  it('starts the petition islands on their server-rendered HTML without a hydration mismatch', async () => {
    const { page, errors, close } = await openPage('/petitions/rota-two-weeks-ahead-demo/', true)
    await reach(page, '.count-island', '.chart-island', '.sign-island')
    await page.locator('form[data-enhanced="true"]').waitFor()
    // The count island also polls a CMS that is not running here; only React's complaints matter.
    expect(errors.filter((e) => /hydrat|did(n't| not) match/i.test(e))).toEqual([])
    await close()
  })

  it('shows no signers on a petition that does not allow names', async () => {
    const { page, close } = await openPage('/petitions/sick-pay-first-day-agency-demo/', false)
    expect(await page.locator('.recent-signers').count()).toBe(0)
    expect(await page.locator('main').textContent()).not.toContain('Blocked')
    await close()
  })
})
