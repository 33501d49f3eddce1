/** axe (WCAG 2.2 A and AA rules) over every page of the site built from the fixture snapshot. */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, inject, it } from 'vitest'
import { checkA11y } from '../helpers/a11y'
import { launchBrowser } from '../helpers/browser'

const siteUrl = inject('siteUrl')
const siteDir = inject('siteDir')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

/**
 * Families of pages made by one template from different data: each family is checked on two of
 * its pages (the first and last by address), every other page on its own. axe costs about a
 * second of CPU a page, and these families were over half of the site.
 */
const FAMILIES = [
  /^\/guides\/[^/]+\/$/,
  /^\/topics\/[^/]+\/$/,
  /^\/templates\/[^/]+\/$/,
  /^\/networks\/[^/]+-demo\/$/,
  /^\/networks\/[^/]+-demo\/talk\/$/,
  /^\/unions\/sector\/[^/]+\/$/,
  /^\/unions\/(?!sector\/)[^/]+\/$/,
  /^\/training\/(topic|region|format)\/[^/]+\/$/,
  /^\/training\/[^/]+-(demo|fixture)\/$/,
  /^\/networks\/(sector|region)\/[^/]+\/$/,
]

/** The pages to check: all but the middle of each family. */
const pagesToCheck = (pages: string[]): string[] => {
  const sorted = [...pages].sort()
  const family = (p: string) => FAMILIES.findIndex((f) => f.test(p))
  return sorted.filter((p) => {
    const f = family(p)
    if (f < 0) return true
    const members = sorted.filter((q) => family(q) === f)
    return p === members[0] || p === members[members.length - 1]
  })
}

describe('accessibility', async () => {
  const files = (await readdir(siteDir, { recursive: true })).filter((f) => f.endsWith('.html'))
  // An address that only sends the reader on (an open letter's petition address) is not a page to read.
  const readable: string[] = []
  for (const f of files)
    if (!(await readFile(path.join(siteDir, f), 'utf8')).includes('http-equiv="refresh"')) readable.push(f)
  const pages = pagesToCheck(readable.map((f) => `/${f.replace(/index\.html$/, '')}`))

  it.each(pages)('axe finds no violations on %s', async (p) => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteUrl}${p}`)
    await checkA11y(page)
    await context.close()
  })
})

describe('accessibility of the letter filler (templates)', async () => {
  const templates = (await readdir(`${siteDir}/templates`, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => `/templates/${d.name}/`)

  it.each(templates)('axe finds no violations on %s with the filler running', async (p) => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteUrl}${p}`)
    await page.locator('[data-template-filler]').scrollIntoViewIfNeeded()
    // The filler starts when the reader reaches for it (site/src/lib/islandLoader.ts).
    await page.getByRole('button', { name: 'Start filling it in' }).click()
    await page.getByRole('heading', { name: /^Your (letter|email)$/ }).waitFor()
    await checkA11y(page)
    await context.close()
  })
})

describe('accessibility of the directory after JavaScript has run', () => {
  const check = async (url: string, act: (page: import('playwright-core').Page) => Promise<void>) => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteUrl}${url}`)
    await act(page)
    await checkA11y(page)
    await context.close()
  }

  it('axe finds no violations in the union finder showing answers', async () => {
    await check('/unions/', async (page) => {
      await page.getByRole('heading', { name: 'Find a union for your job' }).scrollIntoViewIfNeeded()
      await page.locator('.finder-island').hover()
      await page.getByRole('searchbox', { name: 'Your job' }).fill('warehouse')
      await page
        .getByRole('combobox', { name: 'Does your employer recognise a union?' })
        .selectOption({ index: 1 })
      await page.locator('.finder-answer h3').first().waitFor()
    })
  })
})
