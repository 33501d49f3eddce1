/**
 * The whole path from editor to reader: a guide saved in a real Payload (SQLite), exported to a
 * snapshot, built into the static site and read in Chromium. Also proves that a script typed into
 * rich text never runs on the built page.
 */
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportSnapshot } from '../../cms/publish/exportSnapshot'
import { launchBrowser } from '../helpers/browser'
import { buildAndServe } from '../helpers/builtSite'
import { make, richText } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
let site: Awaited<ReturnType<typeof buildAndServe>>
let browser: Browser

beforeAll(async () => {
  t = await startHarness()
  const topic = await make.topic(t.payload, { title: 'Pay and payslips', slug: 'pay' })
  await make.guide(t.payload, {
    title: 'Payslips',
    slug: 'payslips',
    summary: 'Every worker has the right to a payslip.',
    topics: [topic.id],
    nations: ['england-wales', 'scotland', 'northern-ireland'],
    body: richText(
      '## What it must show\n\nYour pay before and after deductions.\n\nWatch out: <script>window.__xss = true; alert("x")</script>\n\n[Tap here](javascript:window.__xss=true)',
    ),
  })
  await make.guide(t.payload, { title: 'Secret draft', slug: 'secret-draft', _status: 'draft' })
  const snapshot = path.join(t.dir, 'snapshot')
  await exportSnapshot(t.payload, snapshot)
  site = await buildAndServe(snapshot)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
  await t?.close()
})

describe('from the editor to the reader', () => {
  it('shows a published guide on the built site, and not the draft', async () => {
    const page = await browser.newPage()
    await page.goto(`${site.url}/guides/`)
    expect(await page.getByRole('link', { name: 'Payslips' }).count()).toBe(1)
    expect(await page.getByRole('link', { name: 'Secret draft' }).count()).toBe(0)
    const res = await page.goto(`${site.url}/guides/secret-draft/`)
    expect(res?.status()).toBe(404)
    await page.goto(`${site.url}/guides/payslips/`)
    expect(await page.locator('.nations').textContent()).toContain('the whole of the UK')
    await page.close()
  })

  it('shows a script typed into rich text as text, and never runs it', async () => {
    const page = await browser.newPage()
    const dialogs: string[] = []
    page.on('dialog', async (d) => {
      dialogs.push(d.message())
      await d.dismiss()
    })
    await page.goto(`${site.url}/guides/payslips/`)
    expect(await page.locator('main').textContent()).toContain(
      '<script>window.__xss = true; alert("x")</script>',
    )
    expect(await page.locator('main script').count()).toBe(0)
    // The unsafe link kept its words but lost its target.
    expect(await page.getByText('Tap here').evaluate((el) => el.closest('a'))).toBeNull()
    expect(await page.evaluate(() => (window as Window & { __xss?: boolean }).__xss)).toBeUndefined()
    expect(dialogs).toEqual([])
    await page.close()
  })
})
