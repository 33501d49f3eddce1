/**
 * Letter templates in Chromium against the site built from the fixture snapshot: filling in, the
 * downloads made in the browser, drafts, warnings, and the page without JavaScript.
 */
import { readFile } from 'node:fs/promises'
import type { Browser, BrowserContext, Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { checkA11y } from '../helpers/a11y'
import { launchBrowser } from '../helpers/browser'
import { docxParagraphs } from '../helpers/docx'

const siteUrl = inject('siteUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

/** Opens a template page, starts the filler and waits until it has replaced its no-JavaScript text. */
const openFiller = async (context: BrowserContext, slug: string): Promise<Page> => {
  const page = await context.newPage()
  await page.goto(`${siteUrl}/templates/${slug}/`)
  await page.locator('[data-template-filler]').scrollIntoViewIfNeeded()
  // The filler starts when the reader reaches for it (site/src/lib/islandLoader.ts): here by Tab to
  // its button. A click also points at it first, and pointing starts it too: with the script
  // cached, the filler could replace the button between the pointer arriving and the click
  // (fresh-clone CI on b5824b1: "element was detached from the DOM" until the 30 s timeout).
  await page.getByRole('button', { name: 'Start filling it in' }).focus()
  await page.getByRole('heading', { name: /^Your (letter|email)$/ }).waitFor()
  await page.waitForLoadState('networkidle')
  return page
}

/** Every request to a web address (http or https) the page makes from now on; blob: URLs stay on the device. */
const watchNetwork = (page: Page) => {
  const sent: string[] = []
  page.on('request', (r) => {
    if (/^https?:/.test(r.url())) sent.push(`${r.method()} ${r.url()}`)
  })
  return sent
}

/** Clicks a button and returns the file it downloads, as bytes with its suggested name. */
const download = async (page: Page, name: string | RegExp) => {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ])
  return { name: (file as Download).suggestedFilename(), bytes: await readFile((await file.path())!) }
}

describe('letter templates', () => {
  it('Priya fills in the grievance letter and downloads it, and nothing leaves her device', async () => {
    const context = await browser.newContext({
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    const page = await openFiller(context, 'raise-a-grievance')
    const sent = watchNetwork(page)

    await page.getByLabel('Your full name').fill('Priya Sharma')
    await page.getByLabel('Your address').fill('3 Mill Lane\nLeeds LS1 1AA')
    await page.getByLabel('Your job').fill('Picker, night shift')
    await page.getByLabel("Today's date").fill('2026-11-29')
    await page.getByLabel('Who you are writing to').fill('Sam Green, HR Manager')
    await page.getByLabel("Your employer's name").fill('Quickdrop Logistics Ltd')
    await page.getByLabel('What went wrong').fill('On 3 November 2026 my shifts were cut without a reason.')
    await page.getByLabel('What you want to happen').fill('My shifts back, and pay for the shifts I lost.')
    await page.getByLabel('I have already tried to sort this out informally').check()
    await page
      .getByLabel('What you have already tried')
      .fill('I spoke to my shift manager on 5 November 2026.')

    // The letter updates as she types: dates in words, her name at the top and the bottom.
    const preview = page.getByRole('region', { name: 'Your letter', exact: true })
    const shown = (await preview.textContent())!
    expect(
      shown.startsWith(
        'Priya Sharma\n3 Mill Lane\nLeeds LS1 1AA\n\n29 November 2026\n\nTo: Sam Green, HR Manager\nQuickdrop Logistics Ltd',
      ),
    ).toBe(true)
    expect(shown).toContain(
      'I have already tried to sort this out informally. I spoke to my shift manager on 5 November 2026.',
    )
    expect(shown.endsWith('Yours sincerely,\n\nPriya Sharma')).toBe(true)
    expect(shown).not.toContain('[')

    await page.getByRole('button', { name: 'Copy the letter' }).click()
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('The letter is copied. You can paste it into an email or a document.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown)

    const docx = await download(page, 'Save for Word (.docx)')
    expect(docx.name).toBe('raise-a-grievance.docx')
    const paragraphs = await docxParagraphs(docx.bytes)
    expect(paragraphs.slice(0, 3)).toEqual([
      'Priya Sharma\n3 Mill Lane\nLeeds LS1 1AA',
      '29 November 2026',
      'To: Sam Green, HR Manager\nQuickdrop Logistics Ltd',
    ])
    expect(paragraphs).toContain('On 3 November 2026 my shifts were cut without a reason.')
    expect(paragraphs[paragraphs.length - 1]).toBe('Priya Sharma')

    const txt = await download(page, 'Save as text (.txt)')
    expect(txt.name).toBe('raise-a-grievance.txt')
    expect(txt.bytes.toString('utf8')).toBe(`${shown}\n`)

    expect(sent).toEqual([])
    await context.close()
  })

  it('lists the blank parts when Priya saves too early, with links to each field', async () => {
    const context = await browser.newContext({ acceptDownloads: true })
    const page = await openFiller(context, 'raise-a-grievance')
    await page.getByLabel('Your full name').fill('Priya Sharma')
    const txt = await download(page, 'Save as text (.txt)')
    expect(txt.bytes.toString('utf8')).toContain('Dear [Who you are writing to],')
    const gaps = page.locator('.filler-gaps')
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('filler-gaps')
    expect(await gaps.getByRole('heading').textContent()).toBe('Your letter still has gaps')
    expect(await gaps.getByRole('link').allTextContents()).toEqual([
      'Your address',
      'Your job',
      "Today's date",
      'Who you are writing to',
      "Your employer's name",
      'What went wrong',
      'What you want to happen',
    ])
    await gaps.getByRole('link', { name: 'Who you are writing to' }).click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tf-recipient_name')
    await checkA11y(page)
    await context.close()
  })

  it('keeps a draft only when Priya asks, and forgets it when she presses the button', async () => {
    const context = await browser.newContext()
    let page = await openFiller(context, 'raise-a-grievance')
    const stored = () => page.evaluate(() => Object.keys(localStorage))
    await page.getByLabel('Your full name').fill('Priya Sharma')
    expect(await stored()).toEqual([])

    await page.getByLabel('Keep what I type in this browser, so I can finish later').check()
    await page.getByLabel('Your job').fill('Picker')
    expect(
      await page.evaluate(
        () => JSON.parse(localStorage.getItem('better-work:letter-draft:raise-a-grievance')!).values,
      ),
    ).toEqual({ your_name: 'Priya Sharma', job_title: 'Picker' })

    await page.close()
    page = await openFiller(context, 'raise-a-grievance')
    expect(await page.getByLabel('Your full name').inputValue()).toBe('Priya Sharma')
    expect(await page.getByLabel('Keep what I type in this browser, so I can finish later').isChecked()).toBe(
      true,
    )

    await page.getByRole('button', { name: 'Forget what I typed' }).click()
    expect(await page.getByLabel('Your full name').inputValue()).toBe('')
    expect(await page.getByLabel('Keep what I type in this browser, so I can finish later').isChecked()).toBe(
      false,
    )
    expect(await stored()).toEqual([])
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Everything you typed is cleared from this page and from this device.')
    await context.close()
  })

  it('warns Priya gently when she types an email address at her employer into her own details', async () => {
    const context = await browser.newContext()
    const page = await openFiller(context, 'raise-a-grievance')
    await page.getByLabel("Your employer's name").fill('Quickdrop Logistics Ltd')
    const address = page.getByLabel('Your address')
    await address.fill('3 Mill Lane, Leeds\npriya.sharma@quickdrop.co.uk')
    const warning = page.locator('#tf-your_address-warning')
    expect(await warning.textContent()).toContain('Your employer may be able to read your work email.')
    expect(await address.getAttribute('aria-describedby')).toContain('tf-your_address-warning')
    await checkA11y(page)
    await address.fill('3 Mill Lane, Leeds\npriya.sharma@gmail.com')
    expect(await warning.count()).toBe(0)
    await context.close()
  })

  it('Jordan fills in the sick pay email and takes it away as .eml or in his email app', async () => {
    const context = await browser.newContext({ acceptDownloads: true })
    const page = await openFiller(context, 'sick-pay-query')
    const sent = watchNetwork(page)
    await page.getByLabel('Your full name').fill('Jordan Mensah')
    await page.getByLabel('Who you are writing to').fill('Ms Patel')
    // Either/or: choosing one takes the other out of the email.
    await page.getByLabel('I want to know what sick pay I will get').check()
    expect(await page.getByLabel('I was not paid any sick pay').isChecked()).toBe(false)

    const subject = await page.locator('.filler-subject').textContent()
    expect(subject).toBe('Subject: Sick pay query – Jordan Mensah')
    const eml = (await download(page, 'Save as an email (.eml)')).bytes.toString('utf8')
    const [head, body] = eml.split('\r\n\r\n')
    expect(head).toContain('X-Unsent: 1')
    expect(Buffer.from(/Subject: =\?UTF-8\?B\?(.+)\?=/.exec(head)![1], 'base64').toString('utf8')).toBe(
      'Sick pay query – Jordan Mensah',
    )
    expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8')).toMatch(/^Dear Ms Patel,/)

    const link = page.getByRole('link', { name: 'Open in my email app' })
    const href = (await link.getAttribute('href'))!
    expect(
      href.startsWith(
        `mailto:?subject=${encodeURIComponent('Sick pay query – Jordan Mensah')}&body=Dear%20Ms%20Patel%2C`,
      ),
    ).toBe(true)
    expect(await page.locator('#tf-mailto-warning').count()).toBe(0)
    await page.getByLabel('Shifts or days you missed').fill('A long list of shifts. '.repeat(80))
    expect(await page.locator('#tf-mailto-warning').textContent()).toContain('Copy the email')
    expect(sent).toEqual([])
    await checkA11y(page)
    await context.close()
  })

  it('without JavaScript, shows the blank letter and links to blank .docx and .txt files made at build time', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/templates/raise-a-grievance/`)
    expect(await page.locator('.letter').textContent()).toContain('Dear [Who you are writing to],')
    const slot = page.locator('[data-template-filler]')
    expect(await slot.textContent()).toContain(
      'This needs JavaScript. If the form does not appear, use the blank letter below',
    )
    expect(await slot.locator('input, textarea, button').count()).toBe(0)
    const docxLink = page.getByRole('link', { name: 'Download the blank letter for Word (.docx)' })
    expect(await docxLink.getAttribute('href')).toBe('/templates/raise-a-grievance/raise-a-grievance.docx')
    const res = await fetch(`${siteUrl}/templates/raise-a-grievance/raise-a-grievance.docx`)
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    const paragraphs = await docxParagraphs(Buffer.from(await res.arrayBuffer()))
    expect(paragraphs[0]).toBe('[Your full name]\n[Your address]')
    const txt = await (
      await fetch(
        `${siteUrl}${await page.getByRole('link', { name: 'Download the blank letter as text (.txt)' }).getAttribute('href')}`,
      )
    ).text()
    expect(txt).toContain("I work for [Your employer's name] ([Your job]).")
    await context.close()
  })
})
