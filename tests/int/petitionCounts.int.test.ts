/**
 * Petition counts: confirmed signatures rolled up while confirmations race, and the public count
 * endpoint (cache headers, CORS for the site only, no personal data).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
  process.env.RATE_LIMIT_SIGN = '3/60'
})

import { rollUpCounts } from '../../cms/campaigns/counts'
import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'
import { postTo, type PostOptions } from '../helpers/publicForms'

let t: ServedHarness
const post = (p: string, body: Record<string, unknown> | string, opts?: PostOptions) =>
  postTo(t, p, body, opts)
const outbox = () => t.outbox()

beforeAll(async () => {
  t = await startHarness({ withServer: true })
})
afterAll(async () => {
  await t?.close()
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
    await Promise.all([
      ...[...links, ...links].map((l) => fetch(l, { method: 'POST' })),
      rollUpCounts(t.payload),
      rollUpCounts(t.payload),
    ])
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
    expect(res.headers.get('cache-control')).toBe(
      'public, max-age=10, stale-while-revalidate=60, stale-if-error=86400',
    )
    expect(res.headers.get('access-control-allow-origin')).toBe('http://site.test')
    const body = await res.json()
    expect(body).toEqual({
      slug: petition.slug,
      count: 1,
      goal: 500,
      state: 'open',
      // One signer is fewer than 5: added up as "other", so no one is picked out.
      byNation: { other: 1 },
      byRegion: { other: 1 },
      milestones: [],
    })
    const other = await fetch(`${t.api}/public/petitions/${petition.slug}/count`, {
      headers: { Origin: 'http://evil.test' },
    })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    expect((await fetch(`${t.api}/public/petitions/no-such/count`)).status).toBe(404)
  })
})
