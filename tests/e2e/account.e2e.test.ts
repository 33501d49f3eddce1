/**
 * "Priya downloads her data and erases her account": content and a member in a real Payload
 * (SQLite), the site built from its snapshot, Chromium signing in by the emailed link, reading
 * My account, downloading what we hold and erasing it. axe checks each state of the page.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
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
import { launchBrowser, recordRequests } from '../helpers/browser'
import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'
import { reserveAddress } from '../helpers/reservedAddress'

const EMAIL = 'priya.shah@example.org'
/** Another member, for the journey without JavaScript (a sign-in email goes to one address once a minute). */
const NO_JS_EMAIL = 'ana.ferreira@example.org'
let t: ServedHarness
let browser: Browser
let siteUrl: string
let memberId: number
const closers: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  const site = await reserveAddress()
  closers.push(site.close)
  siteUrl = site.url
  process.env.SITE_URL = siteUrl
  process.env.RATE_LIMIT_SIGNIN = 'off'
  t = await startHarness({ withServer: true })
  const network = await make.network(t.payload, { name: 'Cleaners Together', slug: 'cleaners-together' })
  await make.network(t.payload, { name: 'Care Workers North', slug: 'care-workers-north' })
  const petition = await make.petition(t.payload, { title: 'Paid breaks for cleaners', slug: 'paid-breaks' })
  const member = await make.member(t.payload, {
    firstName: 'Priya',
    email: EMAIL,
    emailCanonical: EMAIL,
    state: 'confirmed',
    confirmedAt: new Date().toISOString(),
    networks: [network.id],
  })
  memberId = member.id
  await make.member(t.payload, {
    email: NO_JS_EMAIL,
    emailCanonical: NO_JS_EMAIL,
    state: 'confirmed',
    confirmedAt: new Date().toISOString(),
  })
  await make.signature(t.payload, petition.id, {
    name: 'Priya Shah',
    email: EMAIL,
    emailCanonical: EMAIL,
    state: 'confirmed',
  })
  const snapshotDir = await mkdtemp(path.join(os.tmpdir(), 'organise-account-snap-'))
  await mkdir(path.resolve('data'), { recursive: true })
  const outDir = await mkdtemp(path.resolve('data', 'e2e-account-site-'))
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

describe('My account, in Chromium', () => {
  it('says what needs JavaScript, and offers the sign-in form and the download, with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/account/`)
    await expect.poll(() => page.locator('main').textContent()).toContain('This page needs it')
    expect(
      await page.getByRole('link', { name: 'see everything we hold about you' }).getAttribute('href'),
    ).toBe(`${t.url}/api/account/export`)
    // (axe runs as a script in the page, so it checks the page's JavaScript states below.)
    const before = (await t.outbox()).length
    await page.getByLabel('Email address').fill(NO_JS_EMAIL)
    await page.getByRole('button', { name: 'Email me a link' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Check your email')
    await expect
      .poll(async () => (await t.outbox()).slice(before).some((m) => m.to.includes(NO_JS_EMAIL)))
      .toBe(true)
    expect((await context.cookies(siteUrl)).length).toBe(0)
    await context.close()
  })

  it('Ana uses the link she asked for without JavaScript, then signs out', async () => {
    const mail = (await t.outbox()).find((m) => m.to.includes(NO_JS_EMAIL))
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(linkIn(mail?.text ?? '', `${t.url}/api/account/sign-in/`))
    await page.getByRole('button', { name: 'Sign in' }).click()
    // The page first asks the CMS who is signed in, then downloads the account island
    // (site/src/lib/memberPage.ts): Playwright's own wait (30 s), not a 1 s poll, on a loaded machine.
    await page.getByText(`You are signed in as ${NO_JS_EMAIL}`).waitFor()
    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await context.close()
  })

  it('Priya signs in from the email, downloads her data and erases her account', async () => {
    const context = await browser.newContext({ acceptDownloads: true })
    const page = await context.newPage()
    const requests = recordRequests(page)
    await page.goto(`${siteUrl}/account/`)
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await checkA11y(page, '/account/ signed out')
    // Not signed in, she has downloaded no island: the sign-in form is the page's own plain form,
    // and its island starts when she uses it (what she types stays).
    expect(requests.filter((u) => /\.mount\.[\w-]+\.js$/.test(u))).toEqual([])
    const before = (await t.outbox()).length
    await page.getByLabel('Email address').fill(EMAIL)
    // Typing started the form's island: it sends the form itself (noValidate) once it runs.
    await page.locator('.account-island-signed-out form[novalidate]').waitFor({ state: 'attached' })
    expect(requests.some((u) => /\/SignIn\.mount\.[\w-]+\.js$/.test(u))).toBe(true)
    expect(await page.getByLabel('Email address').inputValue()).toBe(EMAIL)
    await page.getByRole('button', { name: 'Email me a link' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Check your email')

    await expect
      .poll(async () => (await t.outbox()).slice(before).some((m) => m.to.includes(EMAIL)))
      .toBe(true)
    const mail = (await t.outbox()).slice(before).find((m) => m.to.includes(EMAIL))
    const link = linkIn(mail?.text ?? '', `${t.url}/api/account/sign-in/`)
    await page.goto(link)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.url()).toBe(`${siteUrl}/account/`)
    await page.getByText(`You are signed in as ${EMAIL}`).waitFor()
    const main = (await page.locator('main').textContent()) ?? ''
    expect(main).toContain('Cleaners Together')
    expect(main).toContain('Paid breaks for cleaners')
    await checkA11y(page, '/account/ signed in')

    // She joins a second network from its page with one button; the page shows a count, never who.
    await page.goto(`${siteUrl}/networks/care-workers-north/`)
    // The membership island starts when she first points at the page (site/src/lib/islandLoader.ts).
    await page.locator('main').hover()
    await expect.poll(() => page.locator('.network-membership').textContent()).toContain('0 members')
    await page.getByRole('button', { name: 'Join Care Workers North' }).click()
    await expect
      .poll(() => page.getByRole('status').last().textContent())
      .toBe('You joined Care Workers North.')
    await expect.poll(() => page.locator('.network-membership').textContent()).toContain('1 member.')
    await checkA11y(page, 'a network page, signed in')
    await page.goto(`${siteUrl}/account/`)
    await expect
      .poll(() => page.locator('#networks-heading + ul').textContent())
      .toContain('Care Workers North')

    // The readable page of everything held.
    const href = await page
      .getByRole('link', { name: 'See everything we hold about you' })
      .getAttribute('href')
    const readable = await context.newPage()
    await readable.goto(href ?? '')
    await readable.waitForLoadState()
    expect(await readable.locator('h1').textContent()).toBe('Everything we hold about you')
    expect(await readable.locator('main').textContent()).toContain(EMAIL)
    await checkA11y(readable, 'the data page')
    await readable.close()

    // The same as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download it as a file' }).click(),
    ])
    const held = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
      member: { email: string }
      signatures: { name: string }[]
    }
    expect(held.member.email).toBe(EMAIL)
    expect(held.signatures.map((s) => s.name)).toEqual(['Priya Shah'])

    // Erasing asks her to be sure first.
    await page.getByRole('button', { name: 'Erase my account' }).click()
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('cannot be undone')
    await page.getByLabel(/I understand that my account will be erased/).check()
    await page.getByRole('button', { name: 'Erase my account' }).click()
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
      .toBe('Your account is erased')
    expect(await page.locator('main').textContent()).toContain('Your signature still counts')
    await checkA11y(page, '/account/ after erasing')
    expect(
      await t.payload.findByID({
        collection: 'members',
        id: memberId,
        overrideAccess: true,
        disableErrors: true,
      }),
    ).toBeNull()

    // Coming back, she is signed out: the session went with the account.
    await page.reload()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect((await context.cookies(siteUrl)).filter((c) => c.name === 'payload-token' && c.value)).toEqual([])
    await context.close()
  })
})
