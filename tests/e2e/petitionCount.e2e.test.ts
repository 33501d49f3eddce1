/**
 * A signer's journey on a petition page, in Chromium, against the site built from a real CMS's
 * snapshot (as tests/e2e/petitionsAndSignup.e2e.test.ts sets it up): the work-email warning, signing,
 * confirming from the email in the outbox, and the count, milestones and chart as the page opens.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
})

import { rollUpCounts } from '../../cms/campaigns/counts'
import { runAstroBuild } from '../../cms/publish/buildSite'
import { createStaticServer } from '../../cms/publish/staticServer'
import { exportSnapshot } from '../../cms/publish/exportSnapshot'
import { checkA11y } from '../helpers/a11y'
import { launchBrowser, recordRequests } from '../helpers/browser'
import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'
import { reserveAddress } from '../helpers/reservedAddress'
import { docxParagraphs } from '../helpers/docx'
import { LETTER_SLUG, openLetterWithSignatories } from './openLetterSteps'

let t: ServedHarness
let browser: Browser
let siteUrl: string
let cmsUrl: string
const closers: (() => Promise<unknown>)[] = []
const slug = 'safe-staffing-on-nights'

beforeAll(async () => {
  const site = await reserveAddress()
  closers.push(site.close)
  siteUrl = site.url
  process.env.SITE_URL = siteUrl
  process.env.FORM_MIN_FILL_SECONDS = '0'
  process.env.RATE_LIMIT_SIGN = 'off'
  t = await startHarness({ withServer: true })
  cmsUrl = t.url
  const petition = await make.petition(t.payload, {
    title: 'Safe staffing on nights',
    slug,
    summary: 'Two nurses on every night shift.',
    whatWeWant: 'Never fewer than two nurses on a night shift.',
    goal: 500,
    milestones: [
      { count: 9, whatHappens: 'The ward manager answers us in writing' },
      { count: 100, whatHappens: 'We hand it in to the board' },
    ],
  })
  // Eight signers already: six in London, two in Wales (too few to show on their own).
  for (let i = 0; i < 8; i++)
    await make.signature(t.payload, petition.id, {
      state: 'confirmed',
      ...(i < 6 ? { region: 'london', nation: 'england' } : { region: 'wales', nation: 'wales' }),
    })
  await openLetterWithSignatories(t.payload)
  await rollUpCounts(t.payload)
  const snapshotDir = await mkdtemp(path.join(os.tmpdir(), 'organise-count-snap-'))
  await mkdir(path.resolve('data'), { recursive: true })
  const outDir = await mkdtemp(path.resolve('data', 'e2e-petition-count-site-'))
  closers.push(
    () => rm(snapshotDir, { recursive: true, force: true }),
    () => rm(outDir, { recursive: true, force: true }),
  )
  await exportSnapshot(t.payload, snapshotDir)
  await runAstroBuild(snapshotDir, outDir, { CMS_URL: cmsUrl, SITE_URL: siteUrl })
  await site.serve(await createStaticServer({ root: outDir, cmsOrigin: cmsUrl }))
  browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  for (const close of closers.reverse()) await close().catch(() => {})
  await t?.close()
})

describe('the petition page, in Chromium', () => {
  it('a signer signs, confirms, and sees the signature counted when the page opens', async () => {
    const context = await browser.newContext()
    const requests = recordRequests(context)
    const page = await context.newPage()
    await page.goto(`${siteUrl}/petitions/${slug}/`)
    expect(await page.locator('[data-count]').textContent()).toBe('8')
    expect(await page.locator('.next-milestone').textContent()).toContain(
      'Next milestone: 9 signatures. The ward manager answers us in writing',
    )
    // The sign island starts when the reader reaches the form.
    await page.getByLabel('Your name').focus()
    await page.locator('form[data-enhanced="true"]').waitFor()

    // Tom starts with his work address: a gentle warning, not a block.
    await page.getByLabel('Your name').fill('Tom Walker')
    await page.getByLabel('Email address').fill('tom.walker@royal-infirmary.nhs.uk')
    await page.getByLabel('Postcode (optional)').focus()
    await expect.poll(() => page.locator('.sign-form .warning').textContent()).toContain('work email address')
    await page.getByLabel('Email address').fill('tom.walker@gmail.com')
    await page.getByLabel('Postcode (optional)').focus()
    await expect.poll(() => page.locator('.sign-form .warning').count()).toBe(0)
    const before = (await t.outbox()).length
    await page.getByRole('button', { name: 'Sign this petition' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Check your email')

    const mail = (await t.outbox()).slice(before)
    expect(mail).toHaveLength(1)
    await page.goto(linkIn(mail[0].text, `${cmsUrl}/api/public/confirm/signature/`))
    await page.getByRole('button', { name: 'Confirm my signature' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Confirmed')
    expect(await page.locator('main').textContent()).toContain('Your signature is confirmed and counted.')

    // Back to the petition: no roll-up has run, and the page's own number is from the build.
    await page.getByRole('link', { name: 'Back to the petition: Safe staffing on nights' }).click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/petitions/${slug}/`)
    // Well before the island's first 10-second interval.
    await expect.poll(() => page.locator('[data-count]').textContent(), { timeout: 4_000 }).toBe('9')
    expect(await page.locator('.petition-count').textContent()).toContain('9 signatures')
    // The milestone it crossed shows as reached, and the next one is what is left to go.
    await expect.poll(() => page.locator('.milestones-reached').textContent()).toContain('9 signatures')
    expect(await page.locator('.next-milestone').textContent()).toContain('91 more signatures to go')
    const region = page.getByRole('table', { name: 'Signatures by region' })
    expect(await region.getByRole('row').allTextContents()).toEqual([
      'PlaceSignatures',
      'London6',
      // Tom gave no postcode; the places follow at the next roll-up.
      'Other places (fewer than 5 each)2',
    ])
    await checkA11y(page, 'the petition page with milestones and the chart')
    // Nothing went to another website.
    const origins = new Set(requests.map((u) => new URL(u).origin))
    expect([...origins].sort()).toEqual([cmsUrl, siteUrl].sort())
    await context.close()
  })

  it('shows the chart, milestones, sharing links and preview tags with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/petitions/${slug}/`)
    const nation = page.getByRole('table', { name: 'Signatures by nation' })
    expect(await nation.getByRole('row').allTextContents()).toEqual([
      'PlaceSignatures',
      'England6',
      'Other places (fewer than 5 each)2',
    ])
    expect(await page.locator('main').textContent()).not.toContain('Wales')
    expect(await page.locator('.support-chart rect').count()).toBe(4)
    const url = `${siteUrl}/petitions/${slug}/`
    const og = (p: string) => page.locator(`meta[property="og:${p}"]`).getAttribute('content')
    expect(await og('title')).toBe('Safe staffing on nights')
    expect(await og('description')).toBe('Two nurses on every night shift.')
    expect(await og('url')).toBe(url)
    expect(await og('type')).toBe('website')
    const hrefs = await page
      .locator('.share-links a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(hrefs).toEqual([
      `https://wa.me/?text=${encodeURIComponent(`Safe staffing on nights ${url}`)}`,
      `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent('Safe staffing on nights')}`,
      expect.stringMatching(/^mailto:\?subject=Safe%20staffing%20on%20nights&body=/),
    ])
    expect(await page.getByLabel('Link to this petition').inputValue()).toBe(url)
    // No third-party script: every script is the site's own.
    const scripts = await page.locator('script[src]').evaluateAll((s) => s.map((e) => e.getAttribute('src')))
    expect(scripts.every((s) => s?.startsWith('/'))).toBe(true)
    await context.close()
  })

  it('a nurse signs an open letter with her role; the letter handed in names her', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteUrl}/open-letters/${LETTER_SLUG}/`)
    expect(await page.locator('.open-letter').textContent()).toContain(
      'We ask you to put two nurses on every ward',
    )
    expect(await page.locator('.signatory-list li').allTextContents()).toEqual([
      'Sam Lee, Porter, St James',
      'Amira Khan',
    ])
    await page.getByLabel('Your name').focus()
    await page.locator('form[data-enhanced="true"]').waitFor()
    await page.getByLabel('Your name').fill('Łucja Nowak')
    await page.getByLabel('Email address').fill('lucja@example.org')
    await page.getByLabel(/Show my name and role on the open letter/).check()
    await page.getByLabel('Your role (optional)').fill('Night-shift nurse, Leeds')
    const before = (await t.outbox()).length
    await page.getByRole('button', { name: 'Sign this open letter' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Check your email')
    const [mail] = (await t.outbox()).slice(before)
    await page.goto(linkIn(mail.text, `${cmsUrl}/api/public/confirm/signature/`))
    await page.getByRole('button', { name: 'Confirm my signature' }).click()
    await page.getByRole('link', { name: /^Back to the open letter/ }).click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/open-letters/${LETTER_SLUG}/`)
    await checkA11y(page, 'an open letter')
    // The letter to hand in, as the page links it, names her with her role (after the roll-up).
    await rollUpCounts(t.payload)
    const href = await page.getByRole('link', { name: 'Word (.docx)' }).getAttribute('href')
    const text = await docxParagraphs(Buffer.from(await (await fetch(href!)).arrayBuffer()))
    expect(text).toContain('Łucja Nowak, Night-shift nurse, Leeds')
    expect(text).toContain('And 1 more person who signed without showing their name.')
    await context.close()
  })
})
