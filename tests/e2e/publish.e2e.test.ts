/**
 * Sam the editor publishes a guide in the CMS admin and readers see it on the static site seconds
 * later, with no restart: the real Next admin (`next start` behind the front server, as npm start
 * runs them; built once if stale), its in-process
 * job runner, a real site build and the static server, all on a temporary data folder. And Olu the
 * organiser sends an update to 10,000 supporters who opted in, through the `resend` SDK against
 * the local stand-in of its API, and sees the counts, never an address.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initPayload } from '../../cms/initPayload'
import { buildSite, sitePaths } from '../../cms/publish/buildSite'
import { createStaticServer } from '../../cms/publish/staticServer'
import { exportSnapshot } from '../../cms/publish/exportSnapshot'
import { runReviewAction } from '../../cms/review/actions'
import { buildCmsIfNeeded } from '../../scripts/lib/cmsBuild'
import { startCmsServers, type CmsServers } from '../../scripts/lib/cmsServers'
import { onFreePort } from '../../scripts/lib/ports'
import { chooseAdminOption, launchBrowser } from '../helpers/browser'
import { make } from '../helpers/factories'
import { reserveAddress, type ReservedAddress } from '../helpers/reservedAddress'
import { startResendStandIn } from '../helpers/resendStandIn'
import { seedSigners } from '../../scripts/bench/updates/seed'

const root = process.cwd()
const SECRET = 'e2e-tests-only'
let dir: string
let cms: CmsServers | undefined
let site: ReservedAddress | undefined
let siteUrl: string
let cmsUrl: string
let browser: Browser
let guideId: number | string
let adminEmail: string
let organiserEmail: string
let resend: Awaited<ReturnType<typeof startResendStandIn>>
/** Supporters who opted in to updates, and some who did not. */
const SUPPORTERS = 10_000

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'organise-publish-'))
  const databaseUri = `file:${path.join(dir, 'cms.db')}`
  const paths = sitePaths(dir)

  // The content before: one published guide, one draft waiting to be published, a live site.
  const payload = await initPayload({ databaseUri, secret: SECRET, key: dir })
  const admin = await make.user(payload, ['admin'], 'Sam Editor')
  adminEmail = admin.email
  await make.guide(payload, { title: 'Holiday pay', slug: 'holiday-pay' })
  const draft = await make.guide(payload, {
    title: 'Working at night',
    slug: 'working-at-night',
    _status: 'draft',
  })
  guideId = draft.id
  // A legal reviewer has approved this draft, so publishing it passes the review gate.
  const reviewer = await make.user(payload, ['reviewer'], 'Asha Reviewer')
  await runReviewAction(payload, {
    collection: 'guides',
    id: draft.id,
    name: 'approve',
    user: { ...reviewer, collection: 'users' },
  })
  organiserEmail = (await make.user(payload, ['organiser'], 'Olu Organiser')).email
  const petition = await make.petition(payload, { title: 'Fair rotas at Quickdrop' })
  await seedSigners(payload, petition.id, SUPPORTERS, 'keen')
  await seedSigners(payload, petition.id, 50, 'quiet', { consentUpdates: false })
  await exportSnapshot(payload, paths.snapshot)
  await buildSite({ snapshotDir: paths.snapshot, paths })
  await payload.destroy()
  resend = await startResendStandIn()

  // The site's address is taken first (the CMS's settings name it), and served once the CMS's is known.
  site = await reserveAddress()
  siteUrl = site.url
  const env = {
    ...process.env,
    PROJECT_ROOT: root,
    DATA_DIR: dir,
    DATABASE_URI: databaseUri,
    PAYLOAD_SECRET: SECRET,
    SITE_URL: siteUrl,
    REBUILD_DEBOUNCE_MS: '500',
    LOG_LEVEL: 'warn',
    RESEND_API_KEY: 're_test_stand_in',
    RESEND_BASE_URL: resend.url,
    UPDATE_SEND_PER_SECOND: '0',
  }
  await buildCmsIfNeeded(root, env)

  // As npm start runs it: Next behind the front server, so the admin is used through the front. The
  // CMS is told its own address (CMS_URL), so it gets a port before it starts: again if it was taken.
  cms = await onFreePort(async (cmsPort) => {
    cmsUrl = `http://127.0.0.1:${cmsPort}`
    const servers = await startCmsServers({
      root,
      host: '127.0.0.1',
      port: cmsPort,
      env: { ...env, CMS_URL: cmsUrl },
    })
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
  await resend?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('publishing from the admin', () => {
  it('Sam publishes a guide in the admin and readers see it on the site with no restart', async () => {
    const before = await fetch(`${siteUrl}/guides/working-at-night/`)
    expect(before.status).toBe(404)

    const page = await browser.newPage()
    await page.goto(`${cmsUrl}/admin/login`)
    await page.fill('#field-email', adminEmail)
    await page.fill('#field-password', 'a-long-test-password')
    await page.getByRole('button', { name: /log ?in/i }).click()
    await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })

    await page.goto(`${cmsUrl}/admin/collections/guides/${guideId}`)
    await page.getByRole('button', { name: /publish changes/i }).click()
    await page
      .getByText(/published successfully|updated successfully/i)
      .first()
      .waitFor({ timeout: 30_000 })
    const published = Date.now()

    // The static server never restarts: it follows data/site, which the build switches.
    let res = await fetch(`${siteUrl}/guides/working-at-night/`)
    while (res.status !== 200 && Date.now() - published < 180_000) {
      await new Promise((r) => setTimeout(r, 500))
      res = await fetch(`${siteUrl}/guides/working-at-night/`)
    }
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Working at night')
    const list = await (await fetch(`${siteUrl}/guides/`)).text()
    expect(list).toContain('Working at night')
    expect(list).toContain('Holiday pay')

    // The build is on record as the live one.
    await page.goto(`${cmsUrl}/admin/collections/site-builds`)
    await page.getByRole('heading', { name: 'Public site' }).waitFor()
    expect(await page.locator('#build-status-heading + p').textContent()).toMatch(
      /^Live: build \S+, finished/,
    )
    await page.close()
  }, 300_000)

  it('Olu sends an update to 10,000 supporters in the admin and sees the counts, never an address', async () => {
    const page = await browser.newPage()
    await page.goto(`${cmsUrl}/admin/login`)
    await page.fill('#field-email', organiserEmail)
    await page.fill('#field-password', 'a-long-test-password')
    await page.getByRole('button', { name: /log ?in/i }).click()
    await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })

    await page.goto(`${cmsUrl}/admin/collections/supporter-updates/create`)
    await chooseAdminOption(page, '#field-petition', 'Fair rotas at Quickdrop')
    await page.fill('#field-subject', 'We handed it in')
    await page.fill('#field-body', 'Thank you. We handed the petition to the directors today.')
    await chooseAdminOption(page, '#field-state', 'Queued: send it')
    await page.getByRole('button', { name: 'Save' }).click()
    // Saved: the address becomes the update's own, and the form is read-only from now on.
    await page.waitForURL(/\/supporter-updates\/\d+$/, { timeout: 30_000 })

    // The jobs runner sends it at its next turn; the organiser reloads to see the counts.
    const sent = () => page.locator('#field-sent').inputValue()
    const started = Date.now()
    while ((await sent()) !== String(SUPPORTERS) && Date.now() - started < 120_000) {
      await new Promise((r) => setTimeout(r, 2000))
      await page.reload()
    }
    expect(await sent()).toBe(String(SUPPORTERS))
    expect(await page.locator('#field-recipients').inputValue()).toBe(String(SUPPORTERS))
    expect(await page.locator('#field-failed').inputValue()).toBe('0')
    // Counts only: no supporter's address anywhere on the page (the sender's own staff login is shown).
    expect(await page.locator('body').textContent()).not.toMatch(/(keen|quiet)\d+@example\.org/)

    // Through the resend SDK to the stand-in: each supporter who opted in, once.
    const to = resend.requests
      .filter((r) => r.body.subject === 'We handed it in')
      .flatMap((r) => r.body.to ?? [])
    expect(to).toHaveLength(SUPPORTERS)
    expect(new Set(to).size).toBe(SUPPORTERS)
    expect(to.some((a) => a.startsWith('quiet'))).toBe(false)
    await page.close()
  }, 300_000)
})
