/**
 * Limits and abuse flags on signing, through the real endpoints: the per-connection limit per
 * petition (an IPv6 client counted by its /64), the honeypot and the too-fast form.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
  process.env.RATE_LIMIT_SIGN = '3/60'
})

import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
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

describe('limits and flags on signing', () => {
  let petition: { id: number; slug?: string | null }
  beforeEach(async () => {
    petition = await make.petition(t.payload)
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
