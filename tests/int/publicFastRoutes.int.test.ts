/**
 * The sign and count routes that serve.ts answers straight on Node's request and response: the
 * same answers as Payload's router gives (what Next runs), the count's ETag and 304, and the same
 * refusals of bad input, with nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
})

import { handleEndpoints } from 'payload'
import { MAX_BODY_BYTES } from '../../cms/api/http'
import { COUNT_CACHE_CONTROL, rollUpCounts } from '../../cms/campaigns/counts'
import { PETITION_LOOKUP_MS } from '../../cms/campaigns/sign'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'

let t: ServedHarness
let ipCounter = 0
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`

const signHeaders = (type: string, extra: Record<string, string> = {}) => ({
  'Content-Type': type,
  'X-Forwarded-For': freshIp(),
  ...extra,
})
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

/** The same request through Payload's own endpoint router, as Next would run it. */
const viaPayloadRouter = (path: string, init: RequestInit) =>
  handleEndpoints({
    config: t.payload.config,
    request: new Request(`http://cms.test/api${path}`, init),
    payloadInstanceCacheKey: t.dir,
  })

beforeAll(async () => {
  t = await startHarness({ withServer: true })
})
afterAll(async () => {
  await t?.close()
})

describe('the public count', () => {
  it('answers 304 with no body when the client already has the count (If-None-Match), and 200 when it has an old one', async () => {
    const petition = await make.petition(t.payload)
    const first = await fetch(`${t.api}/public/petitions/${petition.slug}/count`)
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toBe(COUNT_CACHE_CONTROL)
    expect(first.headers.get('vary')).toBe('Origin')

    const again = await fetch(`${t.api}/public/petitions/${petition.slug}/count`, {
      headers: { 'If-None-Match': etag, Origin: 'http://site.test' },
    })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('cache-control')).toBe(COUNT_CACHE_CONTROL)
    expect(again.headers.get('access-control-allow-origin')).toBe('http://site.test')

    const stale = await fetch(`${t.api}/public/petitions/${petition.slug}/count`, {
      headers: { 'If-None-Match': '"an-old-count"' },
    })
    expect(stale.status).toBe(200)
    expect((await stale.json()).count).toBe(0)
  })

  it('gives a new count and ETag as soon as a roll-up in this process changes it', async () => {
    const petition = await make.petition(t.payload)
    const before = await fetch(`${t.api}/public/petitions/${petition.slug}/count`)
    const etag = before.headers.get('etag')!
    await make.signature(t.payload, petition.id, { state: 'confirmed', region: 'wales', nation: 'wales' })
    await rollUpCounts(t.payload)
    const after = await fetch(`${t.api}/public/petitions/${petition.slug}/count`, {
      headers: { 'If-None-Match': etag },
    })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect(await after.json()).toMatchObject({ count: 1, byNation: { other: 1 } })
  })

  it('gives the same answer as Payload’s router, headers included', async () => {
    const petition = await make.petition(t.payload, { goal: 250 })
    const fast = await fetch(`${t.api}/public/petitions/${petition.slug}/count`, {
      headers: { Origin: 'http://site.test' },
    })
    const routed = await viaPayloadRouter(`/public/petitions/${petition.slug}/count`, {
      headers: { Origin: 'http://site.test' },
    })
    expect(fast.status).toBe(routed.status)
    for (const name of ['content-type', 'cache-control', 'etag', 'vary', 'access-control-allow-origin'])
      expect(fast.headers.get(name)).toBe(routed.headers.get(name))
    expect(await fast.json()).toEqual(await routed.json())
    expect((await fetch(`${t.api}/public/petitions/not-a-petition/count`)).status).toBe(404)
  })
})

describe('signing through the fast route', () => {
  it('refuses a bad field with 422 naming it, as Payload’s router does, and stores nothing', async () => {
    const petition = await make.petition(t.payload)
    const body = JSON.stringify({ name: 'Tom', email: 'tom@', postcode: 'nowhere' })
    const fast = await fetch(`${t.api}/public/petitions/${petition.slug}/sign`, {
      method: 'POST',
      headers: signHeaders('application/json'),
      body,
    })
    const routed = await viaPayloadRouter(`/public/petitions/${petition.slug}/sign`, {
      method: 'POST',
      headers: signHeaders('application/json'),
      body,
    })
    expect(fast.status).toBe(422)
    expect(routed.status).toBe(422)
    const answer = await fast.json()
    expect(answer).toEqual(await routed.json())
    expect(Object.keys(answer.errors).sort()).toEqual(['email', 'postcode'])
    expect(answer.errors.email).toMatch(/like name@example\.com/)
    expect(await signaturesOf(petition.id)).toHaveLength(0)
  })

  it('refuses a body that is not a JSON object, a form too large, and a type it cannot read, storing nothing', async () => {
    const petition = await make.petition(t.payload)
    const url = `${t.api}/public/petitions/${petition.slug}/sign`
    const notJson = await fetch(url, {
      method: 'POST',
      headers: signHeaders('application/json'),
      body: '["Tom"]',
    })
    expect(notJson.status).toBe(400)
    expect((await notJson.json()).message).toMatch(/JSON object/)
    const tooLarge = await fetch(url, {
      method: 'POST',
      headers: signHeaders('application/x-www-form-urlencoded'),
      body: `name=${'a'.repeat(MAX_BODY_BYTES)}&email=tom@example.org`,
    })
    expect(tooLarge.status).toBe(413)
    const overServerLimit = await fetch(url, {
      method: 'POST',
      headers: signHeaders('application/x-www-form-urlencoded'),
      body: `name=${'a'.repeat(70 * 1024)}`,
    })
    expect(overServerLimit.status).toBe(413)
    const wrongType = await fetch(url, { method: 'POST', headers: signHeaders('text/plain'), body: 'Tom' })
    expect(wrongType.status).toBe(415)
    expect(await wrongType.text()).toContain('application/x-www-form-urlencoded')
    expect(await signaturesOf(petition.id)).toHaveLength(0)
  })

  it('allows only the site’s origin to read the answer (CORS)', async () => {
    const petition = await make.petition(t.payload)
    const sign = (origin: string, email: string) =>
      fetch(`${t.api}/public/petitions/${petition.slug}/sign`, {
        method: 'POST',
        headers: signHeaders('application/json', { Origin: origin }),
        body: JSON.stringify({ name: 'Ana', email }),
      })
    const fromSite = await sign('http://site.test', 'ana@example.org')
    expect(fromSite.status).toBe(202)
    expect(fromSite.headers.get('access-control-allow-origin')).toBe('http://site.test')
    const fromElsewhere = await sign('http://evil.test', 'ana2@example.org')
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('stops taking signatures within a second of the petition being closed in the CMS', async () => {
    const petition = await make.petition(t.payload)
    const sign = (email: string) =>
      fetch(`${t.api}/public/petitions/${petition.slug}/sign`, {
        method: 'POST',
        headers: signHeaders('application/json'),
        body: JSON.stringify({ name: 'Ben', email }),
      })
    expect((await sign('ben@example.org')).status).toBe(202)
    await t.payload.update({
      collection: 'petitions',
      id: petition.id,
      data: { state: 'closed' },
      overrideAccess: true,
    })
    await new Promise((r) => setTimeout(r, PETITION_LOOKUP_MS + 50))
    expect((await sign('ben2@example.org')).status).toBe(409)
    expect((await signaturesOf(petition.id)).map((s) => s.email)).toEqual(['ben@example.org'])
  })
})
