/**
 * Network conversations in Chromium, with two browser contexts against the site built from a real
 * CMS's snapshot (SQLite) and its front server: "two members talk in their network's thread and
 * each sees the other's message live"; "a moderator hides a message and it disappears for both".
 * Members are signed in with a session made as the emailed link makes one (the sign-in journey has
 * its own test in account.e2e); axe checks the talk page signed out, at the welcome step and in a thread.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createLocalReq } from 'payload'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => (process.env.JOBS_AUTORUN = 'false'))

import { closeAllViewers } from '../../cms/conversations/live'
import { startMemberSession } from '../../cms/members/session'
import { runAstroBuild } from '../../cms/publish/buildSite'
import { createStaticServer } from '../../cms/publish/staticServer'
import { exportSnapshot } from '../../cms/publish/exportSnapshot'
import type { User } from '../../content-models/payload-types'
import { checkA11y } from '../helpers/a11y'
import { launchBrowser, recordRequests } from '../helpers/browser'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { reserveAddress } from '../helpers/reservedAddress'

const SLUG = 'cleaners-together'
/** How soon a message must reach the other viewer (issue 16: within 2 seconds, no reload). */
const LIVE_MS = 2000

let t: ServedHarness
let browser: Browser
let siteUrl: string
let organiser: User & { collection: 'users' }
const members: Record<'priya' | 'tom' | 'lee', number> = { priya: 0, tom: 0, lee: 0 }
let networkId = 0
const closers: (() => Promise<unknown>)[] = []

/** A browser context signed in as a member: the CMS's session cookie, as the sign-in link sets it. */
const signedIn = async (memberId: number): Promise<BrowserContext> => {
  const setCookie = await startMemberSession(await createLocalReq({}, t.payload), memberId)
  const [pair] = setCookie.split(';')
  const name = pair.slice(0, pair.indexOf('='))
  const value = pair.slice(pair.indexOf('=') + 1)
  const context = await browser.newContext()
  await context.addCookies([{ name, value, url: t.url, httpOnly: true, sameSite: 'Lax' }])
  return context
}

/** The talk page, with a mark that tells whether the page was reloaded since. */
const openTalk = async (context: BrowserContext, hash = ''): Promise<Page> => {
  const page = await context.newPage()
  await page.goto(`${siteUrl}/networks/${SLUG}/talk/${hash}`)
  await page.evaluate(() => Object.assign(window, { notReloaded: true }))
  return page
}
const notReloaded = (page: Page) => page.evaluate(() => 'notReloaded' in window)
const messages = (page: Page) => page.locator('.talk-messages')

/** Posts as a member through the real endpoint, as the island does (cookie, the site's Origin). */
const postAs = async (memberId: number, threadId: string, body: string) => {
  const cookie = (await startMemberSession(await createLocalReq({}, t.payload), memberId)).split(';')[0]
  const res = await fetch(`${t.api}/account/conversations/threads/${threadId}/messages`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: siteUrl, 'Content-Type': 'application/json' },
    body: JSON.stringify({ body }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { message: { id: number | string } }).message
}

/** Waits until `page` shows `text` in the thread, and says how long it took from `since`. */
const arrives = async (page: Page, text: string, since: number): Promise<number> => {
  await messages(page)
    .getByText(text)
    .waitFor({ timeout: LIVE_MS * 3 })
  return Date.now() - since
}

beforeAll(async () => {
  const site = await reserveAddress()
  closers.push(site.close)
  siteUrl = site.url
  process.env.SITE_URL = siteUrl
  t = await startHarness({ withServer: true })
  organiser = { ...(await make.user(t.payload, ['organiser'], 'Olu Organiser')), collection: 'users' }
  const network = await make.network(t.payload, {
    name: 'Cleaners Together',
    slug: SLUG,
    organisers: [organiser.id],
    guidelines: 'Talk about shifts, pay and safety. No selling.',
    messageRetention: '30',
  })
  networkId = network.id
  const ready = (name: string) => [
    { network: network.id, name, guidelinesAcceptedAt: new Date().toISOString() },
  ]
  const member = (firstName: string, displayNames?: ReturnType<typeof ready>) =>
    make.member(t.payload, {
      firstName,
      state: 'confirmed',
      confirmedAt: new Date().toISOString(),
      networks: [network.id],
      ...(displayNames ? { displayNames } : {}),
    })
  members.priya = (await member('Priya')).id
  members.tom = (await member('Tom', ready('Tom on lates'))).id
  members.lee = (await member('Lee', ready('Lee B'))).id
  const snapshotDir = await mkdtemp(path.join(os.tmpdir(), 'organise-talk-snap-'))
  await mkdir(path.resolve('data'), { recursive: true })
  const outDir = await mkdtemp(path.resolve('data', 'e2e-talk-site-'))
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

let threadId = ''

describe('network conversations, in Chromium', () => {
  it('asks a signed-out reader to sign in, sets no cookie and calls only our own CMS', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const requests = recordRequests(page)
    await page.goto(`${siteUrl}/networks/${SLUG}/talk/`)
    await page.getByRole('heading', { name: 'Sign in to talk with members' }).waitFor()
    await checkA11y(page, 'talk page, signed out')
    expect(await context.cookies()).toEqual([])
    // Only our CMS, asked who is reading (nothing else, no island downloaded), then the notice.
    const other = requests.filter((u) => !u.startsWith(siteUrl) || /\.mount\.[\w-]+\.js$/.test(u))
    expect(other).toEqual([`${t.url}/api/account/networks`])
    await context.close()
  })

  it('two members talk in their network’s thread and each sees the other’s message live', async () => {
    const priya = await signedIn(members.priya)
    const tom = await signedIn(members.tom)
    // She finds the conversations from her network's page (the link shows for members only).
    const a = await priya.newPage()
    await a.goto(`${siteUrl}/networks/${SLUG}/`)
    // The page's member part starts when she first points at or touches the page.
    await a.locator('main').hover()
    await a.getByRole('link', { name: 'Talk with members' }).click()
    await expect.poll(() => a.url()).toBe(`${siteUrl}/networks/${SLUG}/talk/`)
    await a.evaluate(() => Object.assign(window, { notReloaded: true }))

    // Before her first post, Priya chooses the name others see and agrees to the guidelines.
    await a.getByRole('heading', { name: 'Before you post' }).waitFor()
    expect(await a.locator('.talk-guidelines').textContent()).toContain('No selling.')
    await checkA11y(a, 'talk page, the welcome step')
    await a.getByLabel('Your name in Cleaners Together').fill('Nights at the depot')
    await a.getByLabel('I agree to follow these guidelines').check()
    await a.getByRole('button', { name: 'Save and start talking' }).click()
    await a.getByLabel('Title').fill('Breaks cut on the night shift')
    await a.getByLabel('Your message').fill('Has anyone else had their paid breaks cut since October?')
    await a.getByRole('button', { name: 'Start the conversation' }).click()
    await a.getByRole('heading', { level: 2, name: 'Breaks cut on the night shift' }).waitFor()
    threadId = /#thread-(.+)$/.exec(a.url())?.[1] ?? ''
    expect(threadId).not.toBe('')

    // Tom finds it in the list, under Priya's display name (never her real name).
    const b = await openTalk(tom)
    const item = b.locator('.talk-thread-item', { hasText: 'Breaks cut on the night shift' })
    expect(await item.textContent()).toContain('Started by Nights at the depot')
    await item.getByRole('link').click()
    await messages(b).getByText('paid breaks cut since October').waitFor()
    expect(await messages(b).textContent()).not.toContain('Priya')
    await expect.poll(() => b.locator('.talk-live-state').textContent()).toContain('by themselves')
    await expect.poll(() => a.locator('.talk-live-state').textContent()).toContain('by themselves')
    await checkA11y(b, 'talk page, a thread')

    // Tom replies, with a link and something that looks like HTML: Priya sees it live, as text.
    const reply = 'Yes, mine too. <b>Acas</b> says https://www.acas.org.uk/rest-breaks-at-work'
    await b.getByLabel('Your reply').fill(reply)
    let sent = Date.now()
    await b.getByRole('button', { name: 'Post reply' }).click()
    expect(await arrives(a, 'Yes, mine too.', sent)).toBeLessThan(LIVE_MS)
    const body = messages(a).locator('.message-body', { hasText: 'Yes, mine too.' })
    expect(await body.textContent()).toBe(reply)
    expect(await body.locator('b').count()).toBe(0)
    const link = body.getByRole('link', { name: 'https://www.acas.org.uk/rest-breaks-at-work' })
    expect(await link.getAttribute('rel')).toBe('nofollow noopener noreferrer ugc')
    await expect
      .poll(() => a.locator('[aria-live="polite"][aria-atomic="true"]').textContent())
      .toContain('New message from Tom on lates')

    // Priya answers: Tom sees it live.
    await a.getByLabel('Your reply').fill('Thanks. Shall we raise it together?')
    sent = Date.now()
    await a.getByRole('button', { name: 'Post reply' }).click()
    expect(await arrives(b, 'Shall we raise it together?', sent)).toBeLessThan(LIVE_MS)
    // Each message once, oldest first, and neither page was reloaded.
    for (const page of [a, b]) {
      expect(await messages(page).locator('.message-body').allTextContents()).toEqual([
        'Has anyone else had their paid breaks cut since October?',
        reply,
        'Thanks. Shall we raise it together?',
      ])
      expect(await notReloaded(page)).toBe(true)
    }

    // Priya follows the thread (the email would carry no message text).
    await a.getByRole('button', { name: 'Follow this conversation' }).click()
    await a.getByRole('button', { name: 'Stop following this conversation' }).waitFor()
    await priya.close()
    await tom.close()
  })

  it('a message posted while a viewer’s connection is down arrives, once, when it comes back', async () => {
    const tom = await signedIn(members.tom)
    const b = await openTalk(tom, `#thread-${threadId}`)
    await expect.poll(() => b.locator('.talk-live-state').textContent()).toContain('by themselves')
    const before = await messages(b).locator('.message-body').count()
    // The server drops every stream (as a CMS restart does); the browser resumes from Last-Event-ID.
    closeAllViewers(t.payload)
    await expect.poll(() => b.locator('.talk-live-state').textContent()).toContain('Trying again')
    await postAs(members.lee, threadId, 'Posted while you were away.')
    await messages(b).getByText('Posted while you were away.').waitFor({ timeout: 10_000 })
    await expect.poll(() => b.locator('.talk-live-state').textContent()).toContain('by themselves')
    expect(await messages(b).locator('.message-body').count()).toBe(before + 1)
    expect(await notReloaded(b)).toBe(true)
    await tom.close()
  })

  it('a moderator hides a message and it disappears for both', async () => {
    const priya = await signedIn(members.priya)
    const tom = await signedIn(members.tom)
    const a = await openTalk(priya, `#thread-${threadId}`)
    const b = await openTalk(tom, `#thread-${threadId}`)
    await expect.poll(() => a.locator('.talk-live-state').textContent()).toContain('by themselves')
    await expect.poll(() => b.locator('.talk-live-state').textContent()).toContain('by themselves')

    const text = 'The night manager at the depot is Dave Smith, his number is 07700 900123'
    const message = await postAs(members.lee, threadId, text)
    await Promise.all([a, b].map((page) => messages(page).getByText('Dave Smith').waitFor()))

    await t.payload.create({
      collection: 'moderation-actions',
      data: {
        action: 'hide',
        message: Number(message.id),
        reason: 'Names a manager and shares a phone number.',
      },
      overrideAccess: false,
      user: organiser,
    })
    const hidden = Date.now()
    for (const page of [a, b]) {
      await messages(page)
        .getByText('Dave Smith')
        .waitFor({ state: 'detached', timeout: LIVE_MS * 3 })
      expect(Date.now() - hidden).toBeLessThan(LIVE_MS)
      expect(await notReloaded(page)).toBe(true)
    }
    // It does not come back when the page is opened again.
    await b.reload()
    await messages(b).getByText('Shall we raise it together?').waitFor()
    expect(await messages(b).textContent()).not.toContain('Dave Smith')

    // Tom reports a message with a reason; Priya deletes her own after confirming: gone for both.
    const mine = messages(a).locator('.talk-message', { hasText: 'Shall we raise it together?' })
    const theirs = messages(b).locator('.talk-message', { hasText: 'Shall we raise it together?' })
    await theirs.getByRole('button', { name: /^Report/ }).click()
    await theirs.getByLabel('Spam or advertising').check()
    await theirs.getByRole('button', { name: 'Send report' }).click()
    await expect.poll(() => theirs.getByRole('status').textContent()).toContain('The organisers')
    await mine.getByRole('button', { name: /^Delete/ }).click()
    await mine.getByRole('button', { name: 'Yes, delete it' }).click()
    for (const page of [a, b])
      await messages(page)
        .getByText('Shall we raise it together?')
        .waitFor({ state: 'detached', timeout: LIVE_MS * 3 })

    // An organiser removes Tom from the network: his open thread stops at once and says why.
    await t.payload.create({
      collection: 'moderation-actions',
      data: { action: 'remove-member', member: members.tom, network: networkId, reason: 'Asked to leave.' },
      overrideAccess: false,
      user: organiser,
    })
    await expect
      .poll(() => b.getByRole('alert').filter({ hasText: 'stopped updating' }).textContent())
      .toContain('no longer a member of this network')
    expect(await b.getByRole('button', { name: 'Post reply' }).count()).toBe(0)
    await checkA11y(b, 'talk page, a thread closed to its viewer')
    await priya.close()
    await tom.close()
  })
})
