/**
 * Persona journeys through the whole path: content in a real Payload (SQLite), exported to a
 * snapshot, built into the static site, read and used in Chromium, with the forms posting to the
 * real CMS endpoints (served by cms/edge/serve.ts) and emails read from the outbox.
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
import { launchBrowser } from '../helpers/browser'
import { make, richText } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'
import { reserveAddress } from '../helpers/reservedAddress'

let t: ServedHarness
let browser: Browser
let siteUrl: string
let cmsUrl: string
let outDir: string
const closers: (() => Promise<unknown>)[] = []
const outbox = () => t.outbox()

beforeAll(async () => {
  // Each server needs the other's address before it is built: the site's listens first (served
  // once built), then the CMS's starts on a port of its own and sets CMS_URL.
  const site = await reserveAddress()
  closers.push(site.close)
  siteUrl = site.url
  process.env.SITE_URL = siteUrl
  // People in the journeys fill forms in quickly; the fill-time flag is tested elsewhere.
  process.env.FORM_MIN_FILL_SECONDS = '0'
  // Every request here comes from 127.0.0.1, so per-IP limits would silently hold back later
  // journeys' emails; the limits themselves are tested in tests/int/petitions.int.test.ts.
  process.env.RATE_LIMIT_SIGN = 'off'
  process.env.RATE_LIMIT_JOIN = 'off'
  t = await startHarness({ withServer: true })
  cmsUrl = t.url
  await make.petition(t.payload, {
    title: 'Fair rotas at Quickdrop',
    slug: 'fair-rotas-at-quickdrop',
    summary: 'Rotas two weeks ahead.',
    whatWeWant: 'Publish rotas 14 days ahead.',
    why: richText('We cannot plan our lives.'),
    goal: 200,
    showSignerNames: true,
  })
  await make.network(t.payload, {
    name: 'Warehouse Workers Together',
    slug: 'warehouse-workers-together',
    sector: 'warehouse-logistics',
  })
  await make.network(t.payload, { name: 'Care Workers North', slug: 'care-workers-north' })
  await make.session(t.payload, {
    title: 'Know your rights at work',
    slug: 'know-your-rights-at-work',
    start: '2030-01-14T18:30:00.000Z',
    end: '2030-01-14T20:00:00.000Z',
  })
  const snapshotDir = await mkdtemp(path.join(os.tmpdir(), 'organise-pet-snap-'))
  // Inside the project on purpose: for an outDir outside the working directory Astro puts its
  // server bundle in ./.astro/, which builds running at the same time then delete under each other.
  await mkdir(path.resolve('data'), { recursive: true })
  outDir = await mkdtemp(path.resolve('data', 'e2e-petitions-site-'))
  closers.push(
    () => rm(snapshotDir, { recursive: true, force: true }),
    () => rm(outDir, { recursive: true, force: true }),
  )
  await exportSnapshot(t.payload, snapshotDir)
  await runAstroBuild(snapshotDir, outDir, { CMS_URL: cmsUrl, SITE_URL: siteUrl })
  await site.serve(await createStaticServer({ root: outDir, cmsOrigin: cmsUrl }))
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  for (const close of closers.reverse()) await close().catch(() => {})
  await t?.close()
})

describe('petitions and joining, in Chromium', () => {
  it('Tom signs a petition, confirms from the email in the outbox, and sees the count go up', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteUrl}/petitions/`)
    await page.getByRole('link', { name: 'Fair rotas at Quickdrop' }).click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/petitions/fair-rotas-at-quickdrop/`)
    expect(await page.locator('[data-count]').textContent()).toBe('0')
    // The sign island starts when the reader reaches the form.
    await page.getByLabel('Your name').focus()
    await page.locator('form[data-enhanced="true"]').waitFor()
    const before = (await outbox()).length
    await page.getByLabel('Your name').fill('Tom')
    await page.getByLabel('Email address').fill('tom.walker@gmail.com')
    await page.getByLabel('Postcode (optional)').fill('LS1 4AP')
    await page.getByLabel(/Email me updates/).check()
    await page.getByRole('button', { name: 'Sign this petition' }).click()
    // The island answers on the page, without leaving it.
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Check your email')
    expect(page.url()).toBe(`${siteUrl}/petitions/fair-rotas-at-quickdrop/`)

    const mail = (await outbox()).slice(before)
    expect(mail).toHaveLength(1)
    expect(mail[0].to).toEqual(['tom.walker@gmail.com'])
    const link = linkIn(mail[0].text, `${cmsUrl}/api/public/confirm/signature/`)
    const confirmPage = await context.newPage()
    await confirmPage.goto(link)
    await confirmPage.getByRole('button', { name: 'Confirm my signature' }).click()
    await expect.poll(() => confirmPage.getByRole('heading', { level: 1 }).textContent()).toBe('Confirmed')

    await rollUpCounts(t.payload)
    // Back on the petition page: the count island asks the CMS as the page opens (it also asks
    // every 10 seconds while a page stays open; waiting for that here cost 10–20 s a run).
    await page.bringToFront()
    await page.reload()
    await expect
      .poll(() => page.locator('[data-count]').textContent(), { timeout: 15_000, interval: 250 })
      .toBe('1')
    expect(await page.locator('.petition-count').textContent()).toContain('1 signature')
    await context.close()
  })

  it('Sara joins the warehouse network with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/join/?network=warehouse-workers-together`)
    await page.getByLabel('First name').fill('Sara')
    await page.getByLabel('Email address').fill('sara.khan@outlook.com')
    await page.getByLabel('Postcode or area (optional)').fill('NG2 3AA')
    await page.getByLabel('The kind of work you do (optional)').selectOption('warehouse-logistics')
    await page.getByLabel('Warehouse Workers Together').check()
    await page.getByLabel(/training session/).selectOption('know-your-rights-at-work')
    // She gives the optional union-interest permission but forgets the one to email her: the CMS
    // names it, and stores nothing.
    await page.getByLabel(/keep a record that I am interested/).check()
    await page.getByRole('button', { name: 'Join the network' }).click()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Please check the form')
    expect(await page.locator('main').textContent()).toContain('Permission to email you')
    expect((await t.payload.count({ collection: 'members', overrideAccess: true })).totalDocs).toBe(0)
    await page.goBack()
    await page.getByLabel(/email me about the network/).check()
    const before = (await outbox()).length
    await page.getByRole('button', { name: 'Join the network' }).click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/join/check-your-email/`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email')

    const mail = (await outbox()).slice(before)
    expect(mail).toHaveLength(1)
    const link = linkIn(mail[0].text, `${cmsUrl}/api/public/confirm/member/`)
    await page.goto(link)
    await page.getByRole('button', { name: 'Confirm and join' }).click()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Confirmed')
    const { docs } = await t.payload.find({ collection: 'members', overrideAccess: true, depth: 1 })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({
      firstName: 'Sara',
      state: 'confirmed',
      postcode: 'NG2',
      sector: 'warehouse-logistics',
      consentEmail: true,
      consentUnionInterest: true,
    })
    expect((docs[0].networks as { slug: string }[]).map((n) => n.slug)).toEqual([
      'warehouse-workers-together',
    ])
    const { docs: places } = await t.payload.find({
      collection: 'registrations',
      where: { member: { equals: docs[0].id } },
      overrideAccess: true,
      depth: 1,
    })
    expect(places.map((r) => typeof r.session === 'object' && r.session.slug)).toEqual([
      'know-your-rights-at-work',
    ])
    await context.close()
  })

  it('ticks the network and session named in the link when JavaScript is on', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteUrl}/join/?network=care-workers-north&session=know-your-rights-at-work`)
    await page.locator('form[data-enhanced="true"]').waitFor()
    await expect.poll(() => page.getByLabel('Care Workers North').isChecked()).toBe(true)
    expect(await page.getByLabel('Warehouse Workers Together').isChecked()).toBe(false)
    expect(await page.getByLabel(/training session/).inputValue()).toBe('know-your-rights-at-work')
    await page.getByLabel('Email address').fill('amir@quickdrop-logistics.co.uk')
    await page.getByLabel('First name').focus()
    await expect.poll(() => page.locator('.warning').textContent()).toContain('work email address')

    // Sent without her name and the permission to email her (the union-interest one is optional):
    // the mistakes are listed at the top, focused, each linked to its field.
    await page.getByRole('button', { name: /Join/ }).click()
    const summary = page.getByRole('alert')
    await expect.poll(() => summary.textContent()).toContain('Please check the form')
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary')
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      expect.stringContaining('First name'),
      expect.stringContaining('Permission to email you'),
    ])
    // Put right: the answer replaces the form, is focused, and repeats the work-address warning.
    await page.getByLabel('First name').fill('Amir')
    await page.locator('#consentEmail').check()
    await page.locator('#consentUnionInterest').check()
    await page.getByRole('button', { name: /Join/ }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Check your email')
    expect(await page.getByRole('status').textContent()).toContain('work email address')
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('sign-done')
    await context.close()
  })

  it('the confirm, unsubscribe, erase and error pages the CMS serves pass axe', async () => {
    const signRes = await fetch(`${cmsUrl}/api/public/petitions/fair-rotas-at-quickdrop/sign`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '192.0.2.200' },
      body: 'name=Ana&email=ana%40example.org',
    })
    expect(signRes.status).toBe(200)
    // Find Ana's email by its recipient, not by its place in the folder listing.
    await expect
      .poll(async () => (await outbox()).filter((m) => m.to.includes('ana@example.org')).length, {
        timeout: 10_000,
      })
      .toBe(1)
    const text = (await outbox()).find((m) => m.to.includes('ana@example.org'))!.text
    const pages = ['confirm/signature/', 'unsubscribe/signature/', 'erase/signature/'].map((p) =>
      linkIn(text, `${cmsUrl}/api/public/${p}`),
    )
    const errorPage = await (
      await fetch(`${cmsUrl}/api/public/join`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'email=x',
      })
    ).text()
    const context = await browser.newContext()
    const page = await context.newPage()
    for (const url of pages) {
      await page.goto(url)
      await checkA11y(page, url)
    }
    await page.setContent(errorPage)
    await checkA11y(page, 'form error page')
    await context.close()
  })
})
