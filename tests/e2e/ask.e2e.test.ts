/**
 * Ask an adviser in Chromium against the built site and a real CMS (SQLite): a worker asks about
 * holiday pay anonymously from a guide, and reads the adviser's reply at the private link; the
 * token never appears in a request the browser makes. axe over /ask/ and the reply page.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
})

import { runAstroBuild } from '../../cms/publish/buildSite'
import { createStaticServer } from '../../cms/publish/staticServer'
import { exportSnapshot } from '../../cms/publish/exportSnapshot'
import { checkA11y } from '../helpers/a11y'
import { launchBrowser } from '../helpers/browser'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { reserveAddress } from '../helpers/reservedAddress'

let t: ServedHarness
let browser: Browser
let siteUrl: string
const closers: (() => Promise<unknown>)[] = []

const REPLY =
  'You build up paid holiday from your first day, zero-hours or not. Ask your manager in writing how your holiday pay is worked out.'

beforeAll(async () => {
  const site = await reserveAddress()
  closers.push(site.close)
  siteUrl = site.url
  process.env.SITE_URL = siteUrl
  process.env.FORM_MIN_FILL_SECONDS = '0'
  t = await startHarness({ withServer: true })
  const pay = await make.topic(t.payload, { title: 'Pay', slug: 'pay' })
  await make.guide(t.payload, { title: 'Holiday pay', slug: 'holiday-pay', topics: [pay.id] })
  await make.template(t.payload, { title: 'Ask for your holiday pay', slug: 'ask-for-holiday-pay' })
  const snapshotDir = await mkdtemp(path.join(os.tmpdir(), 'organise-ask-snap-'))
  await mkdir(path.resolve('data'), { recursive: true })
  const outDir = await mkdtemp(path.resolve('data', 'e2e-ask-site-'))
  closers.push(
    () => rm(snapshotDir, { recursive: true, force: true }),
    () => rm(outDir, { recursive: true, force: true }),
  )
  await exportSnapshot(t.payload, snapshotDir)
  await runAstroBuild(snapshotDir, outDir, { CMS_URL: t.url, SITE_URL: siteUrl })
  await site.serve(await createStaticServer({ root: outDir, cmsOrigin: t.url }))
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  for (const close of closers.reverse()) await close().catch(() => {})
  await t?.close()
})

describe('ask an adviser, in Chromium', () => {
  it('a worker asks about holiday pay anonymously and reads the adviser’s reply at the private link', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const requested: string[] = []
    page.on('request', (r) => requested.push(`${r.url()} ${r.headers().referer ?? ''} ${r.postData() ?? ''}`))

    await page.goto(`${siteUrl}/guides/holiday-pay/`)
    await page.getByRole('link', { name: 'Ask an adviser about this' }).click()
    await page.locator('form[data-enhanced="true"]').waitFor()
    expect(page.url()).toBe(`${siteUrl}/ask/?guide=holiday-pay&topic=pay`)
    await expect.poll(() => page.getByLabel('Topic (optional)').inputValue()).toBe('pay')
    expect(await page.locator('main').textContent()).toContain('usually reply within 3 working days')
    await checkA11y(page, '/ask/')

    // Sent empty first: each field is named, nothing is stored.
    await page.getByRole('button', { name: 'Send my question' }).click()
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toContain('What happened: Say what happened.')
    expect((await t.payload.count({ collection: 'questions', overrideAccess: true })).totalDocs).toBe(0)

    await page
      .getByLabel('What happened?')
      .fill('I am on a zero-hours contract and my manager says I get no holiday pay.')
    await page.getByLabel('England and Wales').check()
    await page.getByLabel('Worker (for example zero-hours or casual)').check()
    await page.getByRole('button', { name: 'Send my question' }).click()
    await page.waitForURL(/\/ask\/reply\/#[A-Za-z0-9_-]{43}$/)
    const privateLink = page.url()
    const token = privateLink.split('#')[1]
    await expect.poll(() => page.getByRole('heading', { name: 'Your question is sent' }).count()).toBe(1)
    expect(await page.locator('main').textContent()).toContain('Waiting for an adviser')

    // An adviser claims it and replies in the admin (the same save, as a real adviser user).
    const [question] = (await t.payload.find({ collection: 'questions', overrideAccess: true })).docs
    expect(question).toMatchObject({ fromGuide: 'holiday-pay', state: 'open' })
    const adviser = await t.payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email: 'rep@example.org', password: 'a-long-test-password', roles: ['adviser'], name: 'Rep' },
    })
    const guide = (
      await t.payload.find({
        collection: 'guides',
        where: { slug: { equals: 'holiday-pay' } },
        overrideAccess: true,
      })
    ).docs[0]
    await t.payload.update({
      collection: 'questions',
      id: question.id,
      data: { reply: REPLY, replyAttachments: [{ relationTo: 'guides', value: guide.id }] },
      user: { ...adviser, collection: 'users' },
      overrideAccess: false,
    })

    await page.reload()
    await expect.poll(() => page.locator('.ask-entry-adviser').textContent()).toContain(REPLY)
    const main = (await page.locator('main').textContent()) ?? ''
    expect(main).toContain('general information, not legal advice')
    expect(main).toContain('Acas')
    expect(await page.getByRole('link', { name: 'Holiday pay' }).getAttribute('href')).toBe(
      `${siteUrl}/guides/holiday-pay/`,
    )
    await checkA11y(page, 'the reply page')

    // The token went only in a request body, never in an address or a Referer.
    const leaks = requested.filter((r) => r.split(' ').slice(0, 2).join(' ').includes(token))
    expect(leaks).toEqual([])
    expect(requested.some((r) => r.includes('/api/public/questions/read') && r.includes(token))).toBe(true)

    // A wrong link says so plainly.
    await page.goto(`${siteUrl}/ask/reply/#${'x'.repeat(43)}`)
    await page.reload()
    await expect
      .poll(() => page.getByRole('heading', { name: 'We cannot find this question' }).count())
      .toBe(1)
    await context.close()
  })

  it('with JavaScript off, Sam asks, lands on the private link, and reads his question on the CMS’s page by its code', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/ask/`)
    await page.getByLabel('What happened?').fill('My employer has not paid me for my last two weeks.')
    await page.getByLabel('Scotland').check()
    await page.getByLabel('Employee').check()
    await page.getByRole('button', { name: 'Send my question' }).click()
    await page.waitForURL(/\/ask\/reply\/#[A-Za-z0-9_-]{43}$/)
    const token = page.url().split('#')[1]
    await page.getByLabel('Your private code').fill(token)
    await page.getByRole('button', { name: 'Show my question' }).click()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your question to an adviser')
    expect(await page.locator('main').textContent()).toContain(
      'My employer has not paid me for my last two weeks.',
    )
    await page.getByLabel('Add a follow-up').fill('It was 60 hours in total.')
    await page.getByRole('button', { name: 'Send my follow-up' }).click()
    expect(await page.locator('main').textContent()).toContain('Your message is sent.')
    await context.close()
  })
})
