/**
 * Signing petitions through the real endpoints (Payload's router over HTTP, a real SQLite file):
 * validation, dedupe, closed petitions, confirmation, links in emails. Limits and abuse flags are
 * in petitionLimits.int.test.ts, counts in petitionCounts.int.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
  process.env.RATE_LIMIT_SIGN = '3/60'
})

import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'
import { postTo, signaturesOf as storedSignatures, type PostOptions } from '../helpers/publicForms'

let t: ServedHarness
const post = (p: string, body: Record<string, unknown> | string, opts?: PostOptions) =>
  postTo(t, p, body, opts)
const outbox = () => t.outbox()
const signaturesOf = (petition: number) => storedSignatures(t.payload, petition)

beforeAll(async () => {
  t = await startHarness({ withServer: true })
})
afterAll(async () => {
  await t?.close()
})

describe('signing a petition', () => {
  let petition: { id: number; slug?: string | null }
  beforeEach(async () => {
    petition = await make.petition(t.payload)
  })

  it('stores a pending signature and emails a confirm link, then sends a plain form on to "check your email"', async () => {
    const before = (await outbox()).length
    const res = await post(`/public/petitions/${petition.slug}/sign`, {
      name: 'Tom',
      email: 'Tom.Smith+rota@googlemail.com',
      postcode: 'ls1 4ap',
      consentUpdates: 'on',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('http://site.test/petitions/check-your-email/')
    const [s] = await signaturesOf(petition.id)
    expect(s).toMatchObject({
      state: 'pending',
      name: 'Tom',
      emailCanonical: 'tomsmith@gmail.com',
      postcode: 'LS1',
      region: 'yorkshire',
      nation: 'england',
      consentUpdates: true,
      consentVersion: expect.any(String),
      confirmationsSent: 1,
    })
    expect(s.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/)
    const mail = (await outbox()).slice(before)
    expect(mail).toHaveLength(1)
    expect(mail[0].to).toEqual(['Tom.Smith+rota@googlemail.com'])
    const confirm = linkIn(mail[0].text, `${process.env.CMS_URL}/api/public/confirm/signature/`)
    expect(mail[0].html).toContain(confirm)
    // Only the token's hash is stored.
    expect(s.confirmTokenHash).not.toBe(confirm.split('/').pop())
  })

  it.each([
    ['name', { name: '', email: 'tom@example.org' }],
    ['email', { name: 'Tom', email: 'not-an-email' }],
    ['postcode', { name: 'Tom', email: 'tom@example.org', postcode: 'ZZ99 9ZZ' }],
  ])('refuses a bad %s with 422 naming it, and stores nothing', async (field, body) => {
    const res = await post(`/public/petitions/${petition.slug}/sign`, body, { json: true })
    expect(res.status).toBe(422)
    const answer = await res.json()
    expect(Object.keys(answer.errors)).toEqual([field])
    expect(answer.errors[field]).toMatch(/Enter/)
    expect(await signaturesOf(petition.id)).toHaveLength(0)
  })

  it('answers a plain form with mistakes with a page naming each field, and stores nothing', async () => {
    const res = await post(`/public/petitions/${petition.slug}/sign`, { name: '', email: 'x' })
    expect(res.status).toBe(422)
    const page = await res.text()
    expect(page).toContain('<strong>Your name</strong>')
    expect(page).toContain('<strong>Email address</strong>')
    expect(page).toContain(`http://site.test/petitions/${petition.slug}/#sign`)
    expect(await signaturesOf(petition.id)).toHaveLength(0)
  })

  it('keeps one signature per person however the address is spelled, resending the link 3 times at most', async () => {
    const spellings = [
      'sam.jones@gmail.com',
      'SamJones@gmail.com',
      'sam.jones+x@googlemail.com',
      'samjones@gmail.com',
    ]
    const answers = []
    for (const email of spellings)
      answers.push(
        await (
          await post(`/public/petitions/${petition.slug}/sign`, { name: 'Sam', email }, { json: true })
        ).json(),
      )
    // The fourth is answered exactly like the first: nobody learns from it that the address signed.
    expect(answers.map((a) => a.status)).toEqual(['sent', 'sent', 'sent', 'sent'])
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    const sigs = await signaturesOf(petition.id)
    expect(sigs).toHaveLength(1)
    expect(sigs[0].confirmationsSent).toBe(3)
  })

  it('refuses a closed petition and an unknown or draft one, storing nothing', async () => {
    const closed = await make.petition(t.payload, { state: 'closed' })
    const draft = await make.petition(t.payload, { state: 'draft' })
    const pastClosing = await make.petition(t.payload, { closesAt: '2020-01-01T00:00:00.000Z' })
    expect(
      (
        await post(
          `/public/petitions/${closed.slug}/sign`,
          { name: 'Tom', email: 'tom@example.org' },
          { json: true },
        )
      ).status,
    ).toBe(409)
    expect(
      (
        await post(
          `/public/petitions/${pastClosing.slug}/sign`,
          { name: 'Tom', email: 'tom@example.org' },
          { json: true },
        )
      ).status,
    ).toBe(409)
    expect(
      (
        await post(
          `/public/petitions/${draft.slug}/sign`,
          { name: 'Tom', email: 'tom@example.org' },
          { json: true },
        )
      ).status,
    ).toBe(404)
    expect(
      (
        await post(
          '/public/petitions/no-such-petition/sign',
          { name: 'Tom', email: 'tom@example.org' },
          { json: true },
        )
      ).status,
    ).toBe(404)
    for (const p of [closed, draft, pastClosing]) expect(await signaturesOf(p.id)).toHaveLength(0)
  })

  it('confirms only when the button is pressed (POST), and confirming twice is harmless', async () => {
    const before = (await outbox()).length
    await post(`/public/petitions/${petition.slug}/sign`, { name: 'Tom', email: 'tom.confirm@example.org' })
    const link = linkIn((await outbox())[before].text, `${process.env.CMS_URL}/api/public/confirm/signature/`)
    const page = await fetch(link)
    expect(page.status).toBe(200)
    expect(await page.text()).toMatch(
      /<form method="post" action="\/api\/public\/confirm\/signature\/[^"]+"><button type="submit">Confirm my signature<\/button>/,
    )
    expect((await signaturesOf(petition.id))[0].state).toBe('pending')
    const first = await fetch(link, { method: 'POST' })
    expect(await first.text()).toContain('Your signature is confirmed')
    const second = await fetch(link, { method: 'POST' })
    expect(second.status).toBe(200)
    expect(await second.text()).toContain('already confirmed')
    const [s] = await signaturesOf(petition.id)
    expect(s.state).toBe('confirmed')
    expect((await fetch(`${link}x`, { method: 'POST' })).status).toBe(404)
  })
})

describe('links in every email', () => {
  it('unsubscribes and erases only on the button press, with the signed links from the email', async () => {
    const petition = await make.petition(t.payload)
    const before = (await outbox()).length
    await post(`/public/petitions/${petition.slug}/sign`, {
      name: 'Tom',
      email: 'tom.links@example.org',
      consentUpdates: 'on',
    })
    const mail = (await outbox())[before]
    const unsubscribe = linkIn(mail.text, `${process.env.CMS_URL}/api/public/unsubscribe/signature/`)
    const erase = linkIn(mail.text, `${process.env.CMS_URL}/api/public/erase/signature/`)
    expect(mail.html).toContain(unsubscribe)
    expect(mail.html).toContain(erase)
    await fetch(unsubscribe)
    expect((await signaturesOf(petition.id))[0].consentUpdates).toBe(true)
    expect((await fetch(unsubscribe, { method: 'POST' })).status).toBe(200)
    expect((await signaturesOf(petition.id))[0].consentUpdates).toBe(false)
    // A tampered link does nothing.
    expect(
      (
        await fetch(
          erase.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')),
          { method: 'POST' },
        )
      ).status,
    ).toBe(404)
    await fetch(erase)
    expect(await signaturesOf(petition.id)).toHaveLength(1)
    expect((await fetch(erase, { method: 'POST' })).status).toBe(200)
    expect(await signaturesOf(petition.id)).toHaveLength(0)
    expect((await fetch(erase, { method: 'POST' })).status).toBe(404)
  })
})
