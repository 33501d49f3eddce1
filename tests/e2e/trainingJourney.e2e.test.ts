/**
 * Training journeys in Chromium against the built site and a real CMS (SQLite), with emails read
 * from the outbox: registering from a session's page with and without JavaScript, the waiting
 * list, and moving up when someone cancels from their email.
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
import { registerMember } from '../../cms/training/register'
import { checkA11y } from '../helpers/a11y'
import { launchBrowser } from '../helpers/browser'
import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'
import { reserveAddress } from '../helpers/reservedAddress'

let t: ServedHarness
let browser: Browser
let siteUrl: string
let cmsUrl: string
const closers: (() => Promise<unknown>)[] = []
const SESSION = 'holiday-pay-in-one-evening'
const emailsTo = async (address: string) => (await t.outbox()).filter((m) => m.to.includes(address))

beforeAll(async () => {
  const site = await reserveAddress()
  closers.push(site.close)
  siteUrl = site.url
  process.env.SITE_URL = siteUrl
  process.env.FORM_MIN_FILL_SECONDS = '0'
  process.env.RATE_LIMIT_JOIN = 'off'
  process.env.RATE_LIMIT_SIGNIN = 'off'
  t = await startHarness({ withServer: true })
  cmsUrl = t.url
  await make.session(t.payload, {
    title: 'Holiday pay in one evening',
    slug: SESSION,
    capacity: 2,
    start: '2030-02-11T18:30:00.000Z',
    end: '2030-02-11T20:00:00.000Z',
  })
  await make.session(t.payload, {
    title: 'Raising a grievance',
    slug: 'raising-a-grievance',
    start: '2030-02-18T18:30:00.000Z',
    end: '2030-02-18T20:00:00.000Z',
  })
  const snapshotDir = await mkdtemp(path.join(os.tmpdir(), 'organise-training-snap-'))
  await mkdir(path.resolve('data'), { recursive: true })
  const outDir = await mkdtemp(path.resolve('data', 'e2e-training-site-'))
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

describe('training, in Chromium', () => {
  it('Sam registers with JavaScript turned off, without joining a network, and confirms from the email', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/training/${SESSION}/`)
    expect(await page.locator('main').textContent()).toContain('Up to 2 people')
    await page.getByLabel('First name').fill('Sam')
    await page.getByLabel('Email address').fill('sam.okafor@example.org')
    await page.getByRole('button', { name: 'Register for this session' }).click()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email')
    const [mail] = await emailsTo('sam.okafor@example.org')
    await page.goto(linkIn(mail.text, `${cmsUrl}/api/public/training/confirm/`))
    await page.getByRole('button', { name: 'Confirm my place' }).click()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You have a place')
    const member = (
      await t.payload.find({
        collection: 'members',
        where: { email: { equals: 'sam.okafor@example.org' } },
        overrideAccess: true,
      })
    ).docs[0]
    expect(member).toMatchObject({ state: 'confirmed', consentUnionInterest: false, networks: [] })
    await context.close()
  })

  it('Priya finds the session full, joins the waiting list, and moves up when Tom cancels from his email', async () => {
    const tom = await make.member(t.payload, {
      firstName: 'Tom',
      email: 'tom.r@example.org',
      emailCanonical: 'tom.r@example.org',
      state: 'confirmed',
    })
    expect(await registerMember(t.payload, tom.id, SESSION)).toMatchObject({ status: 'registered' })
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteUrl}/training/${SESSION}/`)
    // The island starts when Priya reaches the form (site/src/lib/islandLoader.ts).
    await page.locator('.training-register-island').hover()
    await page.locator('form[data-enhanced="true"]').waitFor()
    // The island shows the places left, from the CMS.
    await expect.poll(() => page.locator('.places-left').textContent()).toContain('This session is full')
    await checkA11y(page)
    await page.getByLabel('First name').fill('Priya')
    await page.getByLabel('Email address').fill('priya.s@example.org')
    await page.getByRole('button', { name: 'Register for this session' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Check your email')

    const confirm = (await emailsTo('priya.s@example.org'))[0]
    const confirmPage = await context.newPage()
    await confirmPage.goto(linkIn(confirm.text, `${cmsUrl}/api/public/training/confirm/`))
    await confirmPage.getByRole('button', { name: 'Confirm my place' }).click()
    await expect
      .poll(() => confirmPage.locator('main').textContent())
      .toContain('You are number 1 on the waiting list')

    const [tomsEmail] = await emailsTo('tom.r@example.org')
    await confirmPage.goto(linkIn(tomsEmail.text, `${cmsUrl}/api/public/training/cancel/`))
    await confirmPage.getByRole('button', { name: 'Cancel my place' }).click()
    await expect
      .poll(() => confirmPage.getByRole('heading', { level: 1 }).textContent())
      .toBe('Your place is cancelled')
    await expect
      .poll(async () => (await emailsTo('priya.s@example.org')).at(-1)?.subject)
      .toBe('Good news: you have a place at Holiday pay in one evening')
    await context.close()
  })

  it('Nia signs in from the email and registers for two sessions with one press each', async () => {
    await make.member(t.payload, {
      firstName: 'Nia',
      email: 'nia.b@example.org',
      emailCanonical: 'nia.b@example.org',
      state: 'confirmed',
    })
    const before = (await t.outbox()).length
    const asked = await fetch(`${cmsUrl}/api/public/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: siteUrl },
      body: JSON.stringify({ email: 'nia.b@example.org' }),
    })
    expect(asked.status).toBe(202)
    await expect
      .poll(async () => (await t.outbox()).slice(before).some((m) => m.to.includes('nia.b@example.org')))
      .toBe(true)
    const signInMail = (await emailsTo('nia.b@example.org')).at(-1)!
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(linkIn(signInMail.text, `${cmsUrl}/api/account/sign-in/`))
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.url()).toContain(`${siteUrl}/account/`)
    for (const [slug, title] of [
      ['raising-a-grievance', 'Raising a grievance'],
      [SESSION, 'Holiday pay in one evening'],
    ]) {
      await page.goto(`${siteUrl}/training/${slug}/`)
      // The member's one button appears once the island (started when Nia reaches the form) has
      // asked the CMS who is reading; until then the page shows the email form, whose button has
      // the same name.
      await page.locator('.training-register-island').hover()
      await page
        .locator('.member-register')
        .getByRole('button', { name: 'Register for this session' })
        .click()
      await expect
        .poll(() => page.locator('.member-register').textContent())
        .toMatch(/You (have a place|are number \d+ on the waiting list)/)
      await expect
        .poll(async () => (await emailsTo('nia.b@example.org')).some((m) => m.subject.includes(title)))
        .toBe(true)
    }
    const nia = (
      await t.payload.find({
        collection: 'members',
        where: { email: { equals: 'nia.b@example.org' } },
        overrideAccess: true,
      })
    ).docs[0]
    const places = await t.payload.find({
      collection: 'registrations',
      where: { member: { equals: nia.id } },
      overrideAccess: true,
    })
    // A place at the grievance session; the holiday pay one is full (Sam and Priya), so she waits.
    expect(places.docs.map((r) => r.state).sort()).toEqual(['registered', 'waiting'])
    expect(await page.locator('.member-register').textContent()).toContain(
      'You are number 1 on the waiting list',
    )
    await context.close()
  })
})
