/** What a worker takes away: the .docx read back, the .eml, the mailto: link, drafts and work-email hints. */
import { readFileSync } from 'node:fs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { SnapshotTemplate } from '../../content-models/snapshot'
import { blankLetterDocx, defaultChoices, parseTemplate, renderLetter } from '../../site/src/lib/letter'
import { letterDocument, letterDocxBytes } from '../../site/src/lib/letter/docx'
import { draftKey, forgetDraft, loadDraft, saveDraft } from '../../site/src/lib/letter/draft'
import { buildEml, MAILTO_LIMIT, mailtoHref, mailtoTooLong } from '../../site/src/lib/letter/email'
import { docxParagraphs } from '../helpers/docx'
import { isOwnDetail, workEmailReason } from '../../site/src/lib/letter/workEmail'

const fixtures = JSON.parse(
  readFileSync('tests/fixtures/snapshot/templates.json', 'utf8'),
) as SnapshotTemplate[]
const grievance = fixtures.find((t) => t.slug === 'raise-a-grievance')!

describe('the .docx file', () => {
  it('holds the filled-in letter, read back from word/document.xml', async () => {
    const segments = renderLetter(parseTemplate(grievance.body), grievance, {
      values: {
        your_name: 'Priya Shah',
        your_address: '3 Mill Lane\nLeeds',
        letter_date: '2026-11-29',
        employer_name: 'Quickdrop <Logistics> & Co',
      },
      chosen: defaultChoices(grievance.optionalSections),
    })
    const paragraphs = await docxParagraphs(
      await letterDocxBytes(letterDocument({ title: grievance.title, segments })),
    )
    expect(paragraphs[0]).toBe('Priya Shah\n3 Mill Lane\nLeeds')
    expect(paragraphs[1]).toBe('29 November 2026')
    expect(paragraphs[2]).toBe('To: [Who you are writing to]\nQuickdrop <Logistics> & Co')
    expect(paragraphs).toContain('Formal grievance')
    expect(paragraphs[paragraphs.length - 1]).toBe('Priya Shah')
  })

  it('keeps markup typed by the worker as text, not Word XML', async () => {
    const segments = renderLetter(parseTemplate('{{your_name}}'), grievance, {
      values: { your_name: '</w:t><w:t>injected' },
      chosen: [],
    })
    const bytes = await letterDocxBytes(letterDocument({ title: 'x', segments }))
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
    expect(xml).toContain('&lt;/w:t&gt;&lt;w:t&gt;injected')
    expect(await docxParagraphs(bytes)).toEqual(['</w:t><w:t>injected'])
  })

  it('makes a blank letter with the gaps and optional parts marked', async () => {
    const paragraphs = await docxParagraphs(await blankLetterDocx(grievance))
    expect(paragraphs[0]).toBe('[Your full name]\n[Your address]')
    expect(paragraphs).toContain(
      '[Optional: I have already tried to sort this out informally]\nI have already tried to sort this out informally. [What you have already tried]\n[End of optional part]',
    )
  })

  it('puts no personal details in the file properties', async () => {
    const segments = renderLetter(parseTemplate(grievance.body), grievance, {
      values: { your_name: 'Priya Shah' },
      chosen: [],
    })
    const zip = await JSZip.loadAsync(
      await letterDocxBytes(letterDocument({ title: grievance.title, segments })),
    )
    const core = await zip.file('docProps/core.xml')!.async('string')
    expect(core).toContain('Raise a grievance')
    expect(core).not.toContain('Priya')
  })
})

describe('email files and links', () => {
  it('builds an unsent .eml with the subject encoded and the body in base64 UTF-8', () => {
    const eml = buildEml({
      subject: 'Payslips – Priya Shah',
      body: 'Dear Sam,\n\nPlease send my payslips. £12\n\nPriya',
    })
    const [head, body] = eml.split('\r\n\r\n')
    expect(head).toContain('X-Unsent: 1')
    expect(head).toContain('Content-Type: text/plain; charset=utf-8')
    const subject = /Subject: =\?UTF-8\?B\?(.+)\?=/.exec(head)![1]
    expect(Buffer.from(subject, 'base64').toString('utf8')).toBe('Payslips – Priya Shah')
    expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe(
      'Dear Sam,\r\n\r\nPlease send my payslips. £12\r\n\r\nPriya',
    )
  })

  it('keeps a header on one line, whatever is typed', () => {
    expect(buildEml({ subject: 'Hi\r\nBcc: someone@example.com', body: '' })).toContain(
      'Subject: Hi Bcc: someone@example.com\r\n',
    )
  })

  it('makes a mailto: link with the subject and body, and says when it is too long', () => {
    const href = mailtoHref({ subject: 'Sick pay & me', body: 'Line one\nLine two' })
    expect(href).toBe('mailto:?subject=Sick%20pay%20%26%20me&body=Line%20one%0D%0ALine%20two')
    expect(mailtoTooLong(href)).toBe(false)
    expect(mailtoTooLong(mailtoHref({ subject: 'x', body: 'a'.repeat(MAILTO_LIMIT) }))).toBe(true)
  })
})

describe('work email hints', () => {
  it('warns about an address at the employer, by its name or its email domain', () => {
    expect(workEmailReason('priya@quickdrop.co.uk', { employerName: 'Quickdrop Logistics Ltd' })).toBe(
      'employer-domain',
    )
    expect(
      workEmailReason('p.shah@qdl.com', { employerName: 'QDL Ltd', employerText: 'sam.green@qdl.com' }),
    ).toBe('employer-domain')
  })

  it('asks gently about an address that is not at a personal provider', () => {
    expect(workEmailReason('priya@shah-family.org', { employerName: 'Quickdrop Logistics Ltd' })).toBe(
      'not-personal',
    )
  })

  it('says nothing about a personal address, even when the employer name shares a word with the provider', () => {
    expect(workEmailReason('priya@gmail.com', { employerName: 'Quickdrop' })).toBeNull()
    expect(workEmailReason('priya@hotmail.co.uk', { employerName: 'Royal Mail Group' })).toBeNull()
    expect(workEmailReason('no address here', { employerName: 'Quickdrop' })).toBeNull()
  })

  it("checks only the worker's own details", () => {
    expect(isOwnDetail('your_email')).toBe(true)
    expect(isOwnDetail('manager_name')).toBe(false)
  })
})

describe('drafts in the browser', () => {
  const memory = () => {
    const m = new Map<string, string>()
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
      m,
    }
  }

  it('keeps, reads back and forgets a draft', () => {
    const s = memory()
    expect(
      saveDraft(s, 'raise-a-grievance', { values: { your_name: 'Priya' }, chosen: ['want_companion'] }),
    ).toBe(true)
    expect(loadDraft(s, 'raise-a-grievance')).toEqual({
      values: { your_name: 'Priya' },
      chosen: ['want_companion'],
    })
    forgetDraft(s, 'raise-a-grievance')
    expect(s.m.has(draftKey('raise-a-grievance'))).toBe(false)
    expect(loadDraft(s, 'raise-a-grievance')).toBeNull()
  })

  it('starts empty when the stored draft is broken or storage is switched off', () => {
    const s = memory()
    s.setItem(draftKey('x'), '{not json')
    expect(loadDraft(s, 'x')).toBeNull()
    const off = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    expect(loadDraft(off, 'x')).toBeNull()
    expect(saveDraft(off, 'x', { values: {}, chosen: [] })).toBe(false)
  })
})
