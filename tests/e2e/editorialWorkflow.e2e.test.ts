/**
 * The editorial workflow through the real CMS admin (`next start` behind the front server, as npm
 * start runs them), its job runner, a real site build and the static server: an editor drafts a
 * change to the holiday pay guide, previews the real page, requests review and cannot publish it
 * yet; a legal reviewer approves that version; the editor schedules it, and it goes live at the
 * time set, with no one pressing anything.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initPayload } from '../../cms/initPayload'
import { buildSite, sitePaths } from '../../cms/publish/buildSite'
import { createStaticServer } from '../../cms/publish/staticServer'
import { exportSnapshot } from '../../cms/publish/exportSnapshot'
import { buildCmsIfNeeded } from '../../scripts/lib/cmsBuild'
import { startCmsServers, type CmsServers } from '../../scripts/lib/cmsServers'
import { onFreePort } from '../../scripts/lib/ports'
import { launchBrowser } from '../helpers/browser'
import { make } from '../helpers/factories'
import { reserveAddress, type ReservedAddress } from '../helpers/reservedAddress'

const root = process.cwd()
const OLD_SUMMARY = 'What you are paid when you take holiday, and how it is worked out.'
const NEW_SUMMARY = 'Your holiday pay must include overtime and commission you are usually paid.'
let dir: string
let cms: CmsServers | undefined
let site: ReservedAddress | undefined
let siteUrl: string
let cmsUrl: string
let browser: Browser
let guideId: number | string
const emails: Record<'editor' | 'reviewer', string> = { editor: '', reviewer: '' }

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'organise-editorial-'))
  const databaseUri = `file:${path.join(dir, 'cms.db')}`
  const paths = sitePaths(dir)
  const payload = await initPayload({ databaseUri, secret: 'e2e-tests-only', key: dir })
  emails.editor = (await make.user(payload, ['editor'], 'Sam Editor')).email
  emails.reviewer = (await make.user(payload, ['reviewer'], 'Asha Reviewer')).email
  const guide = await make.guide(payload, { title: 'Holiday pay', slug: 'holiday-pay', summary: OLD_SUMMARY })
  guideId = guide.id
  await exportSnapshot(payload, paths.snapshot)
  await buildSite({ snapshotDir: paths.snapshot, paths })
  await payload.destroy()

  site = await reserveAddress()
  siteUrl = site.url
  const env = {
    ...process.env,
    PROJECT_ROOT: root,
    DATA_DIR: dir,
    DATABASE_URI: databaseUri,
    PAYLOAD_SECRET: 'e2e-tests-only',
    SITE_URL: siteUrl,
    REBUILD_DEBOUNCE_MS: '500',
    LOG_LEVEL: 'warn',
  }
  // Built once for all browser tests (tests/e2e/globalSetup.ts): this finds it built.
  await buildCmsIfNeeded(root, env)
  cms = await onFreePort(async (port) => {
    cmsUrl = `http://127.0.0.1:${port}`
    const servers = await startCmsServers({ root, host: '127.0.0.1', port, env: { ...env, CMS_URL: cmsUrl } })
    await servers.ready.catch(async (error: unknown) => {
      await servers.stop()
      throw error
    })
    return servers
  })
  await site.serve(await createStaticServer({ root: paths.live, cmsOrigin: cmsUrl }))
  browser = await launchBrowser()
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await cms?.stop()
  await site?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** A new browser (its own cookies) signed in to the admin as `email`, on the guide's edit page. */
const signIn = async (email: string): Promise<Page> => {
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-GB' })
  const page = await context.newPage()
  // The first admin pages after `next start` load the admin's server code: 30 s was not enough at
  // load average 14 (a fresh-clone run of 08e6f9a).
  page.setDefaultNavigationTimeout(90_000)
  await page.goto(`${cmsUrl}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', 'a-long-test-password')
  await page.getByRole('button', { name: /log ?in/i }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })
  await page.goto(`${cmsUrl}/admin/collections/guides/${guideId}`)
  return page
}

/** Polls `read` until it returns true, or fails after `ms`. */
const eventually = async (read: () => Promise<boolean>, ms: number, what: string) => {
  const started = Date.now()
  while (!(await read())) {
    if (Date.now() - started > ms) throw new Error(`Still not true after ${ms / 1000} s: ${what}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

/** The guide's page as readers get it from the static site. */
const readersSee = async () => (await fetch(`${siteUrl}/guides/holiday-pay/`)).text()

/** A time in the admin's date picker format ("Dec 7, 2026 2:05 PM"), in UTC. */
const pickerTime = (at: Date) => {
  const month = at.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })
  const hours = at.getUTCHours() % 12 || 12
  const minutes = String(at.getUTCMinutes()).padStart(2, '0')
  return `${month} ${at.getUTCDate()}, ${at.getUTCFullYear()} ${hours}:${minutes} ${at.getUTCHours() < 12 ? 'AM' : 'PM'}`
}

describe('drafting, review and scheduled publishing in the admin', () => {
  it('Sam drafts a change to holiday pay and previews it; Asha approves; it goes live on schedule', async () => {
    // Sam changes the summary: autosave keeps it as a draft, and readers still see the old one.
    const sam = await signIn(emails.editor)
    await sam.locator('#field-summary').fill(NEW_SUMMARY)
    await sam
      .getByText(/last saved/i)
      .first()
      .waitFor({ timeout: 30_000 })
    expect(await readersSee()).toContain(OLD_SUMMARY)

    // Preview: the real page, with the draft in it, marked as not published (autosave may still
    // be on its way: Sam looks again until it is in).
    const href = await sam.locator('#preview-button').getAttribute('href')
    expect(href).toBe(`${cmsUrl}/api/preview/guides/${guideId}`)
    const preview = await sam.context().newPage()
    await eventually(
      async () => {
        const answer = await preview.goto(href!, { timeout: 90_000 })
        expect(answer?.status()).toBe(200)
        return (await preview.locator('main').textContent())?.includes(NEW_SUMMARY) ?? false
      },
      // The preview renders the page with a site build of its own: under load (3 test files and
      // benchmarks at once, load average 16) one took over 30 s.
      120_000,
      'the preview shows the draft',
    )
    expect(await preview.getByRole('note').textContent()).toContain('Preview: not published')
    await preview.close()

    // Sam asks for a review; publishing now is refused, with the reason shown.
    await sam.getByRole('button', { name: 'Request review' }).click()
    await sam.getByText('Waiting for a legal reviewer.').waitFor({ timeout: 30_000 })
    await sam.getByRole('button', { name: /publish changes/i }).click()
    await sam
      .getByText(/needs a legal reviewer.s approval/i)
      .first()
      .waitFor({ timeout: 30_000 })
    expect(await readersSee()).toContain(OLD_SUMMARY)

    // Asha sees it waiting on the review dashboard, and approves this version.
    const asha = await signIn(emails.reviewer)
    await asha.goto(`${cmsUrl}/admin/review`)
    await asha
      .getByRole('region', { name: 'Awaiting review' })
      .getByRole('link', { name: 'Holiday pay' })
      .click()
    await asha.getByText('Waiting for a legal reviewer.').waitFor({ timeout: 30_000 })
    await asha.getByRole('button', { name: 'Approve this version' }).click()
    await asha.getByText('Approved: this version can be published.').waitFor({ timeout: 30_000 })
    await asha.context().close()

    // Sam schedules the publish for the next minute but one, from the publish button's menu.
    await sam.reload()
    await sam.getByText('Approved: this version can be published.').waitFor({ timeout: 30_000 })
    const at = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000)
    await sam.locator('#action-save-popup .popup__trigger-wrap button').click()
    await sam.locator('#schedule-publish').click()
    await sam.locator('#time input').fill(pickerTime(at))
    await sam.locator('#time input').press('Enter')
    await sam.locator('#scheduled-publish-save').click()
    await sam
      .getByText(/scheduled successfully/i)
      .first()
      .waitFor({ timeout: 30_000 })
    expect(await readersSee()).toContain(OLD_SUMMARY)
    await sam.goto(`${cmsUrl}/admin/review`)
    await sam.getByRole('heading', { name: 'Scheduled (1)' }).waitFor({ timeout: 30_000 })

    // Nobody presses anything: at that time the CMS publishes it and the site is rebuilt.
    await eventually(async () => (await readersSee()).includes(NEW_SUMMARY), 240_000, 'the guide goes live')
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime())
    await sam.context().close()
  }, 420_000)
})
