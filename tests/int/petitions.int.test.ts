/**
 * Signing petitions through the real endpoints (Payload's router over HTTP, a real SQLite file):
 * validation, dedupe, closed petitions, confirmation, abuse flags, counts, links in emails.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
  process.env.RATE_LIMIT_SIGN = '3/60'
})

import { rollUpCounts } from '../../cms/campaigns/counts'
import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'

let t: ServedHarness
let ipCounter = 0
/** A new client address per request, so the per-IP limits only bite where a test wants them to. */
const freshIp = () => `10.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}.1`

const post = (
  p: string,
  body: Record<string, unknown> | string,
  opts: { json?: boolean; ip?: string; origin?: string } = {},
) =>
  fetch(`${t.api}${p}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': opts.json ? 'application/json' : 'application/x-www-form-urlencoded',
      'X-Forwarded-For': opts.ip ?? freshIp(),
      ...(opts.origin ? { Origin: opts.origin } : {}),
    },
    body:
      typeof body === 'string'
        ? body
        : opts.json
          ? JSON.stringify(body)
          : new URLSearchParams(body as Record<string, string>).toString(),
  })

const outbox = () => t.outbox()
const signaturesOf = async (petition: number) =>
  (
    await t.payload.find({
      collection: 'signatures',
      where: { petition: { equals: petition } },
      overrideAccess: true,
      pagination: false,
      depth: 0,
    })
  ).docs

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

  it('tells the fourth signer from one connection in a minute to wait, with Retry-After, and stores nothing for them', async () => {
    const before = (await outbox()).length
    const ip = '203.0.113.77'
    const names = ['Ann', 'Bob', 'Cat', 'Dan']
    const answers = []
    for (const name of names)
      answers.push(
        await post(
          `/public/petitions/${petition.slug}/sign`,
          { name, email: `${name.toLowerCase()}@example.org` },
          { ip, json: true },
        ),
      )
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 429])
    expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await answers[3].json()).message).toMatch(/try again in \d+ (second|minute)/)
    expect((await signaturesOf(petition.id)).map((s) => s.name).sort()).toEqual(['Ann', 'Bob', 'Cat'])
    expect(
      (await outbox())
        .slice(before)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(['ann@example.org', 'bob@example.org', 'cat@example.org'])
    // A plain form over the limit gets a page saying when to try again.
    const page = await post(
      `/public/petitions/${petition.slug}/sign`,
      { name: 'Eve', email: 'eve@example.org' },
      { ip },
    )
    expect(page.status).toBe(429)
    expect(await page.text()).toMatch(/Please wait a moment[\s\S]*Nothing has been saved/)
    // The limit is per petition: the same connection may sign another petition.
    const other = await make.petition(t.payload)
    expect(
      (
        await post(
          `/public/petitions/${other.slug}/sign`,
          { name: 'Ann', email: 'ann@example.org' },
          { ip, json: true },
        )
      ).status,
    ).toBe(202)
  })

  it('counts an IPv6 client by its /64', async () => {
    const answers = []
    for (let i = 1; i <= 4; i++)
      answers.push(
        (
          await post(
            `/public/petitions/${petition.slug}/sign`,
            { name: 'Six', email: `six${i}@example.org` },
            { ip: `2001:db8:5:6::${i}`, json: true },
          )
        ).status,
      )
    expect(answers).toEqual([202, 202, 202, 429])
  })

  it('flags a filled honeypot silently and sends no email', async () => {
    const before = (await outbox()).length
    const res = await post(
      `/public/petitions/${petition.slug}/sign`,
      { name: 'Bot', email: 'bot@example.org', website: 'http://spam.example' },
      { json: true },
    )
    expect(res.status).toBe(202)
    expect((await res.json()).status).toBe('sent')
    expect((await signaturesOf(petition.id))[0].flags).toContain('honeypot')
    expect((await outbox()).length).toBe(before)
  })

  it('flags a form sent sooner than a person could fill it in', async () => {
    const { startedAt } = await (await fetch(`${t.api}/public/form-stamp`)).json()
    await post(`/public/petitions/${petition.slug}/sign`, {
      name: 'Quick',
      email: 'quick@example.org',
      startedAt,
    })
    expect((await signaturesOf(petition.id))[0].flags).toContain('too-fast')
  })
})

describe('counts', () => {
  it('rolls up confirmed signatures correctly while many confirmations happen at once', async () => {
    const petition = await make.petition(t.payload)
    const before = (await outbox()).length
    const postcodes = ['M1 1AE', 'EH1 1YZ', 'CF10 1EP', '', 'SW1A 1AA']
    for (let i = 0; i < 25; i++)
      await post(`/public/petitions/${petition.slug}/sign`, {
        name: `P${i}`,
        email: `p${i}@example.org`,
        postcode: postcodes[i % 5],
      })
    await post(`/public/petitions/${petition.slug}/sign`, { name: 'Unconfirmed', email: 'later@example.org' })
    const links = (await outbox())
      .slice(before, before + 25)
      .map((m) => linkIn(m.text, `${process.env.CMS_URL}/api/public/confirm/signature/`))
    // Every link pressed twice, all at once, with roll-ups running in between.
    await Promise.all(
      [...links, ...links]
        .map((l) => fetch(l, { method: 'POST' }))
        .concat([rollUpCounts(t.payload), rollUpCounts(t.payload)] as never[]),
    )
    await rollUpCounts(t.payload)
    const p = await t.payload.findByID({ collection: 'petitions', id: petition.id, overrideAccess: true })
    expect(p.signatureCount).toBe(25)
    expect(p.countsByNation).toEqual({ england: 10, scotland: 5, wales: 5, unknown: 5 })
    expect(p.countsByRegion).toEqual({ 'north-west': 5, scotland: 5, wales: 5, unknown: 5, london: 5 })
  })

  it('serves the public count as JSON with cache headers, CORS for the site only, and no personal data', async () => {
    const petition = await make.petition(t.payload, { goal: 500 })
    await make.signature(t.payload, petition.id, { state: 'confirmed', region: 'london', nation: 'england' })
    await rollUpCounts(t.payload)
    const res = await fetch(`${t.api}/public/petitions/${petition.slug}/count`, {
      headers: { Origin: 'http://site.test' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=10, stale-while-revalidate=60')
    expect(res.headers.get('access-control-allow-origin')).toBe('http://site.test')
    const body = await res.json()
    expect(body).toEqual({
      slug: petition.slug,
      count: 1,
      goal: 500,
      state: 'open',
      byNation: { england: 1 },
      byRegion: { london: 1 },
    })
    const other = await fetch(`${t.api}/public/petitions/${petition.slug}/count`, {
      headers: { Origin: 'http://evil.test' },
    })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    expect((await fetch(`${t.api}/public/petitions/no-such/count`)).status).toBe(404)
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
