/**
 * Open letters through the public endpoints, as signers and organisers use them: signing with a
 * name and role shown (or not), the role kept only when the name is shown on an open letter, the
 * page's snapshot listing the signatories who chose it, and the letter downloaded for handing in
 * as a Word file and a PDF with every named signatory and the count of the others; bad input and
 * anything not a published open letter refused, downloads rate-limited. Real Payload, SQLite.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.RATE_LIMIT_DOWNLOAD = '6/60'
})

import { rollUpCounts } from '../../cms/campaigns/counts'
import { petitionToSnapshot } from '../../cms/publish/toSnapshot'
import { latestSignatories } from '../../cms/campaigns/signatories'
import { plainToLexical } from '../../content-models/collections/petitionProposals/hooks'
import { docxParagraphs } from '../helpers/docx'
import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'
import { postTo, signaturesOf } from '../helpers/publicForms'

let t: ServedHarness
let letter: Awaited<ReturnType<typeof make.petition>>

const sign = async (slug: string, fields: Record<string, unknown>) => {
  const before = (await t.outbox()).length
  const res = await postTo(t, `/public/petitions/${slug}/sign`, fields, { json: true })
  if (res.status !== 202) return res
  const mail = (await t.outbox())[before]
  await fetch(linkIn(mail.text, `${process.env.CMS_URL}/api/public/confirm/signature/`), { method: 'POST' })
  return res
}

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  letter = await make.petition(t.payload, {
    kind: 'open-letter',
    title: 'Safe staffing on night shifts',
    slug: 'safe-staffing',
    addressedTo: 'The board of Leeds Teaching Hospitals',
    letter: plainToLexical('Dear board,\n\nOne nurse for twelve patients is not safe. We ask for two.'),
  })
  await sign('safe-staffing', {
    name: 'Łukasz Nowak',
    email: 'l@example.org',
    showName: true,
    role: 'Night-shift nurse, Leeds',
  })
  await sign('safe-staffing', { name: 'Amira Khan', email: 'a@example.org', showName: true })
  await sign('safe-staffing', { name: 'Hidden Person', email: 'h@example.org', role: 'Porter, St James' })
  await sign('safe-staffing', { name: 'Quiet One', email: 'q@example.org' })
  await rollUpCounts(t.payload)
})
afterAll(async () => t?.close())

describe('open letters', () => {
  it('keeps a role only with a shown name, and shows only the signatories who chose it', async () => {
    const rows = await signaturesOf(t.payload, letter.id)
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]))
    expect(byName['Łukasz Nowak'].role).toBe('Night-shift nurse, Leeds')
    expect(byName['Hidden Person'].role).toBeNull()
    const snap = petitionToSnapshot(
      await t.payload.findByID({ collection: 'petitions', id: letter.id, overrideAccess: true }),
      [],
      await latestSignatories(t.payload, letter.id),
    )
    expect(snap.kind).toBe('open-letter')
    expect(snap.letterHtml).toContain('<p>One nurse for twelve patients is not safe. We ask for two.</p>')
    expect(snap.signatories).toEqual([
      { name: 'Amira Khan', role: null },
      { name: 'Łukasz Nowak', role: 'Night-shift nurse, Leeds' },
    ])
  })

  it('refuses a role that is too long or not plain words, naming the field, and stores nothing', async () => {
    for (const role of ['x'.repeat(81), '<b>Boss</b>']) {
      const res = await postTo(
        t,
        '/public/petitions/safe-staffing/sign',
        { name: 'Bad Role', email: `bad${role.length}@example.org`, showName: true, role },
        { json: true },
      )
      expect(res.status).toBe(422)
      expect(JSON.stringify(await res.json())).toContain('role')
    }
    expect((await signaturesOf(t.payload, letter.id)).map((r) => r.name)).not.toContain('Bad Role')
  })

  it('downloads the letter as a Word file with every named signatory, then the others counted', async () => {
    const res = await fetch(`${t.api}/public/open-letters/safe-staffing/letter.docx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('wordprocessingml')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="safe-staffing.docx"')
    const text = await docxParagraphs(Buffer.from(await res.arrayBuffer()))
    expect(text.slice(0, 5)).toEqual([
      'Safe staffing on night shifts',
      'To: The board of Leeds Teaching Hospitals',
      'Dear board,',
      'One nurse for twelve patients is not safe. We ask for two.',
      expect.stringMatching(/^Signed by 4 people \(as of \d+ \w+ 20\d\d\)$/),
    ])
    expect(text.slice(5)).toEqual([
      'Łukasz Nowak, Night-shift nurse, Leeds',
      'Amira Khan',
      'And 2 more people who signed without showing their name.',
    ])
  })

  it('downloads it as a PDF', async () => {
    const res = await fetch(`${t.api}/public/open-letters/safe-staffing/letter.pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1')
    expect(pdf.startsWith('%PDF-')).toBe(true)
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true)
    expect(pdf).toContain('(Safe staffing on night shifts)')
    expect(pdf).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans/)
  })

  it('answers 404 for a petition, a draft, an unknown letter or file, and 429 past the limit', async () => {
    const petition = await make.petition(t.payload)
    const draft = await make.petition(t.payload, {
      kind: 'open-letter',
      state: 'draft',
      letter: plainToLexical('Dear x'),
    })
    for (const path of [
      `${petition.slug}/letter.pdf`,
      `${draft.slug}/letter.pdf`,
      'no-such-letter/letter.docx',
    ]) {
      const res = await fetch(`${t.api}/public/open-letters/${path}`)
      expect(res.status).toBe(404)
    }
    expect((await fetch(`${t.api}/public/open-letters/safe-staffing/letter.pdf.exe`)).status).toBe(404)
    const wrongFile = await fetch(`${t.api}/public/open-letters/safe-staffing/letter.exe`)
    expect(wrongFile.status).toBe(404)
    expect(await wrongFile.text()).toContain('letter.pdf or letter.docx')
    // Six downloads a minute from one connection (RATE_LIMIT_DOWNLOAD above); the seventh waits.
    const statuses: number[] = []
    for (let i = 0; i < 7; i++)
      statuses.push(
        (
          await fetch(`${t.api}/public/open-letters/safe-staffing/letter.docx`, {
            headers: { 'X-Forwarded-For': '10.9.9.9' },
          })
        ).status,
      )
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429])
  })

  it('refuses to save an open letter without its letter, naming the field', async () => {
    await expect(make.petition(t.payload, { kind: 'open-letter' })).rejects.toThrow(/letter/)
  })
})
