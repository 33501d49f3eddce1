/** axe (WCAG 2.2 A and AA rules) over every page of the site built from the fixture snapshot. */
import { readdir } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from '../helpers/browser'

const siteUrl = inject('siteUrl')
const siteDir = inject('siteDir')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

describe('accessibility', async () => {
  const pages = (await readdir(siteDir, { recursive: true }))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f.replace(/index\.html$/, '')}`)
    .sort()

  it.each(pages)('axe finds no violations on %s', async (p) => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteUrl}${p}`)
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)
    expect(summary).toEqual([])
    await context.close()
  })
})
