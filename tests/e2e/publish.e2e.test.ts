/**
 * Sam the editor publishes a guide in the CMS admin and readers see it on the static site seconds
 * later, with no restart: the real Next admin (`next start` behind the front server, as npm start
 * runs them; built once if stale), its in-process
 * job runner, a real site build and the static server, all on a temporary data folder.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import net, { type AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initPayload } from '../../cms/initPayload'
import { buildSite, sitePaths } from '../../cms/publish/buildSite'
import { startStaticServer } from '../../cms/publish/staticServer'
import { exportSnapshot } from '../../cms/publish/exportSnapshot'
import { buildCmsIfNeeded } from '../../scripts/lib/cmsBuild'
import { startCmsServers } from '../../scripts/lib/cmsServers'
import { launchBrowser } from '../helpers/browser'
import { make } from '../helpers/factories'

const root = process.cwd()
const SECRET = 'e2e-tests-only'
let dir: string
let cms: ChildProcess[] = []
let site: { close: () => Promise<void> } | undefined
let siteUrl: string
let cmsUrl: string
let browser: Browser
let guideId: number | string
let adminEmail: string

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo
      s.close(() => resolve(port))
    })
  })

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
  await exportSnapshot(payload, paths.snapshot)
  await buildSite({ snapshotDir: paths.snapshot, paths })
  await payload.destroy()

  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  cmsUrl = `http://127.0.0.1:${cmsPort}`
  siteUrl = `http://127.0.0.1:${sitePort}`
  const env = {
    ...process.env,
    PROJECT_ROOT: root,
    DATA_DIR: dir,
    DATABASE_URI: databaseUri,
    PAYLOAD_SECRET: SECRET,
    CMS_URL: cmsUrl,
    SITE_URL: siteUrl,
    REBUILD_DEBOUNCE_MS: '500',
    LOG_LEVEL: 'warn',
  }
  await buildCmsIfNeeded(root, env)

  site = await startStaticServer({ root: paths.live, cmsOrigin: cmsUrl, port: sitePort })
  // As npm start runs it: Next behind the front server, so the admin is used through the front.
  const servers = await startCmsServers({ root, host: '127.0.0.1', port: cmsPort, env })
  cms = servers.children
  await servers.ready
  browser = await launchBrowser()
}, 900_000)

afterAll(async () => {
  await browser?.close()
  for (const child of cms) {
    if (child.pid && child.exitCode === null) {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
  }
  await site?.close()
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
})
