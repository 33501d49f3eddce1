/**
 * Started by members, in Chromium against the built site and a real CMS (SQLite): Priya, signed
 * in, proposes a petition at /petitions/propose/ and gets a private link; four co-workers support
 * it through the API, the fifth in the browser at the link; an editor approves it (the Local API as
 * that editor, overrideAccess: false); Priya sees it approved in My account. axe over the pages.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createLocalReq } from 'payload'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
})

import { startMemberSession } from '../../cms/members/session'
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

/** A confirmed member's id. */
const member = async (firstName: string) =>
  (
    await make.member(t.payload, {
      email: `${firstName.toLowerCase()}@example.org`,
      emailCanonical: `${firstName.toLowerCase()}@example.org`,
      firstName,
      state: 'confirmed',
      confirmedAt: new Date().toISOString(),
    })
  ).id

/** The member's session cookie ("payload-token=…"), as the sign-in link makes it. */
const session = async (memberId: number) =>
  (await startMemberSession(await createLocalReq({}, t.payload), memberId)).split(';')[0]

/** A browser context signed in as the member. */
const signedIn = async (memberId: number): Promise<BrowserContext> => {
  const pair = await session(memberId)
  const context = await browser.newContext()
  await context.addCookies([
    {
      name: pair.slice(0, pair.indexOf('=')),
      value: pair.slice(pair.indexOf('=') + 1),
      url: t.url,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ])
  return context
}

beforeAll(async () => {
  const site = await reserveAddress()
  closers.push(site.close)
  siteUrl = site.url
  process.env.SITE_URL = siteUrl
  t = await startHarness({ withServer: true })
  const snapshotDir = await mkdtemp(path.join(os.tmpdir(), 'organise-proposals-snap-'))
  await mkdir(path.resolve('data'), { recursive: true })
  const outDir = await mkdtemp(path.resolve('data', 'e2e-proposals-site-'))
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

describe('started by members, in Chromium', () => {
  it('a member starts a petition, gets 5 co-workers to support it, and an editor approves it', async () => {
    const priya = await signedIn(await member('Priya'))
    const page = await priya.newPage()
    await page.goto(`${siteUrl}/petitions/propose/`)
    const save = page.getByRole('button', { name: 'Save my proposal' })
    await save.waitFor()
    await checkA11y(page, '/petitions/propose/')

    // Sent empty first: each field is named, nothing is stored.
    await save.click()
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('Title: Write a title')
    expect(
      (await t.payload.count({ collection: 'petition-proposals', overrideAccess: true })).totalDocs,
    ).toBe(0)

    await page.getByLabel('Title').fill('Paid breaks for drivers at the Leeds depot')
    await page.getByLabel('What we want').fill('A paid 30-minute break on every shift over six hours.')
    await page.getByLabel('Addressed to').fill('The directors of Quickdrop Ltd')
    await page
      .getByLabel('Why it matters')
      .fill('Drivers skip lunch to hit their targets, and it is not safe.')
    await page.getByLabel(/Show my first name/).check()
    await save.click()
    const link = page.getByLabel('Private link for supporters')
    await link.waitFor()
    const supportUrl = await link.inputValue()
    expect(supportUrl).toMatch(new RegExp(`^${siteUrl}/petitions/propose/support/#[A-Za-z0-9_-]{43}$`))
    const token = supportUrl.split('#')[1]

    // Four co-workers support it through the API, as the island does.
    for (const name of ['Tom', 'Lee', 'Ana', 'Sam']) {
      const res = await fetch(`${t.api}/account/proposals/support`, {
        method: 'POST',
        headers: {
          Cookie: await session(await member(name)),
          Origin: siteUrl,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ token }),
      })
      expect(res.status).toBe(201)
    }

    // The fifth opens the private link in her browser and presses Support.
    const kemi = await signedIn(await member('Kemi'))
    const supporter = await kemi.newPage()
    await supporter.goto(supportUrl)
    await supporter.getByRole('heading', { name: 'Paid breaks for drivers at the Leeds depot' }).waitFor()
    const text = (await supporter.locator('main').textContent()) ?? ''
    expect(text).toContain('4 of 5 supporters so far')
    expect(text).not.toContain('Priya')
    await checkA11y(supporter, '/petitions/propose/support/')
    await supporter.getByRole('button', { name: 'Support this proposal' }).click()
    await expect
      .poll(() => supporter.locator('main').textContent())
      .toContain('Thank you: you support this proposal.')

    const [proposal] = (await t.payload.find({ collection: 'petition-proposals', overrideAccess: true })).docs
    expect(proposal).toMatchObject({ state: 'in-review', supporterCount: 5 })
    const editor = { ...(await make.user(t.payload, ['editor'])), collection: 'users' as const }
    const approved = await t.payload.update({
      collection: 'petition-proposals',
      id: proposal.id,
      data: { state: 'approved' },
      user: editor,
      overrideAccess: false,
      depth: 0,
    })
    const petition = await t.payload.findByID({
      collection: 'petitions',
      id: approved.petition as number,
      overrideAccess: true,
    })
    expect(petition).toMatchObject({ state: 'open', slug: 'paid-breaks-for-drivers-at-the-leeds-depot' })
    const builds = await t.payload.find({ collection: 'site-builds', overrideAccess: true })
    expect(builds.docs.map((b) => b.reason).join(' ')).toContain(
      'petitions/paid-breaks-for-drivers-at-the-leeds-depot',
    )

    // Priya sees it approved in My account, with the petition's address.
    await page.goto(`${siteUrl}/account/`)
    const mine = page.getByRole('region', { name: 'Petitions you proposed' })
    await expect
      .poll(() => mine.textContent())
      .toContain('Paid breaks for drivers at the Leeds depot (approved)')
    await mine.getByText('Paid breaks for drivers at the Leeds depot (approved)').click()
    expect(await mine.getByRole('link', { name: 'see the petition' }).getAttribute('href')).toBe(
      '/petitions/paid-breaks-for-drivers-at-the-leeds-depot/',
    )
    await checkA11y(page, '/account/ with a proposal')
    await priya.close()
    await kemi.close()
  })
})
