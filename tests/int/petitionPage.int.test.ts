/**
 * What a petition page reads from the CMS: the public count.json (cache headers a CDN can hold,
 * the value right after a confirmation), milestones recorded once, from the database count, even
 * while a site build runs, and where support comes from with small places added up.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
  process.env.FORM_MIN_FILL_SECONDS = '0'
  process.env.RATE_LIMIT_SIGN = 'off'
})

import { rollUpCounts } from '../../cms/campaigns/counts'
import { milestonesReached } from '../../cms/campaigns/milestones'
import { exportSnapshot } from '../../cms/publish/exportSnapshot'
import type { SnapshotPetition } from '../../content-models/snapshot'
import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'
import { postTo } from '../helpers/publicForms'

let t: ServedHarness
const dirs: string[] = []

beforeAll(async () => {
  t = await startHarness({ withServer: true })
})
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
  await t?.close()
})

const confirmed = (petition: number, n: number, place: { region?: string; nation?: string } = {}) =>
  Promise.all(
    Array.from({ length: n }, () => make.signature(t.payload, petition, { state: 'confirmed', ...place })),
  )

/** The petition as the next site build would show it. */
const snapshotOf = async (slug: string): Promise<SnapshotPetition> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'petition-page-snap-'))
  dirs.push(dir)
  await exportSnapshot(t.payload, dir)
  const petitions = JSON.parse(await readFile(path.join(dir, 'petitions.json'), 'utf8')) as SnapshotPetition[]
  return petitions.find((p) => p.slug === slug)!
}

const milestoneBuilds = async (slug: string) =>
  (
    await t.payload.find({
      collection: 'site-builds',
      where: {
        and: [{ status: { equals: 'queued' } }, { reason: { contains: `petitions/${slug} reached` } }],
      },
      overrideAccess: true,
      depth: 0,
    })
  ).docs

describe('count.json', () => {
  it('serves the count with Cache-Control a CDN can hold for one roll-up, and the same body as /count', async () => {
    const petition = await make.petition(t.payload, { goal: 300 })
    await confirmed(petition.id, 3)
    await rollUpCounts(t.payload)
    const res = await fetch(`${t.api}/public/petitions/${petition.slug}/count.json`, {
      headers: { Origin: 'http://site.test' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(res.headers.get('cache-control')).toBe(
      'public, max-age=10, stale-while-revalidate=60, stale-if-error=86400',
    )
    expect(res.headers.get('access-control-allow-origin')).toBe('http://site.test')
    const etag = res.headers.get('etag')
    expect(etag).toBeTruthy()
    expect(await res.json()).toEqual({
      slug: petition.slug,
      count: 3,
      goal: 300,
      state: 'open',
      byNation: { other: 3 },
      byRegion: { other: 3 },
      milestones: [],
    })
    const again = await fetch(`${t.api}/public/petitions/${petition.slug}/count.json`, {
      headers: { 'If-None-Match': etag! },
    })
    expect(again.status).toBe(304)
    const plain = await fetch(`${t.api}/public/petitions/${petition.slug}/count`)
    expect(plain.headers.get('etag')).toBe(etag)
    expect((await fetch(`${t.api}/public/petitions/no-such-petition/count.json`)).status).toBe(404)
  })

  it('counts a signature as soon as it is confirmed, and the confirm page says so and links back', async () => {
    const petition = await make.petition(t.payload, { title: 'Fair breaks', goal: 50 })
    await rollUpCounts(t.payload)
    const before = (await t.outbox()).length
    const signed = await postTo(t, `/public/petitions/${petition.slug}/sign`, {
      name: 'Priya',
      email: 'priya@example.org',
    })
    expect(signed.status).toBe(303)
    const link = linkIn(
      (await t.outbox())[before].text,
      `${process.env.CMS_URL}/api/public/confirm/signature/`,
    )
    const page = await fetch(link, { method: 'POST' })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Your signature is confirmed and counted')
    expect(html).toContain(`href="http://site.test/petitions/${petition.slug}/"`)
    expect(html).toContain('Back to the petition: Fair breaks')
    // No roll-up in between: counted as it was confirmed.
    await expect
      .poll(
        async () =>
          (await (await fetch(`${t.api}/public/petitions/${petition.slug}/count.json`)).json()).count,
        {
          timeout: 1000,
          interval: 50,
        },
      )
      .toBe(1)

    const twice = await (await fetch(link, { method: 'POST' })).text()
    expect(twice).toContain('Your signature was already confirmed and counted')
    expect(twice).toContain(`href="http://site.test/petitions/${petition.slug}/"`)
  })
})

describe('milestones', () => {
  const steps = [
    { count: 2, whatHappens: 'The organiser responds' },
    { count: 5, whatHappens: 'We hand it in' },
  ]

  it('records a milestone once, with the time of the roll-up that read the count from the database', async () => {
    const petition = await make.petition(t.payload, { milestones: steps })
    await confirmed(petition.id, 2)
    // The stored count is not what decides: the roll-up counts the database.
    expect(petition.signatureCount ?? 0).toBe(0)
    const first = new Date('2026-12-07T02:30:00.000Z')
    const changed = await rollUpCounts(t.payload, first)
    expect(changed.find((c) => c.id === petition.id)?.reached).toEqual([
      {
        petitionId: petition.id,
        slug: petition.slug,
        count: 2,
        whatHappens: 'The organiser responds',
        reachedAt: first.toISOString(),
      },
    ])
    expect(await milestoneBuilds(petition.slug!)).toHaveLength(1)

    // Again, later, and with rolls-up racing: the time stays the first one.
    await Promise.all([
      rollUpCounts(t.payload, new Date('2026-12-07T02:31:00.000Z')),
      rollUpCounts(t.payload, new Date('2026-12-07T02:32:00.000Z')),
    ])
    // An editor's save with an old copy of the form keeps it too.
    await t.payload.update({
      collection: 'petitions',
      id: petition.id,
      data: { title: 'Renamed', milestonesReached: {} },
      overrideAccess: true,
    })
    expect(await milestonesReached(t.payload, petition.id)).toEqual([
      { count: 2, whatHappens: 'The organiser responds', reachedAt: first.toISOString() },
    ])
    const count = await (await fetch(`${t.api}/public/petitions/${petition.slug}/count.json`)).json()
    expect(count.milestones).toEqual([
      { count: 2, whatHappens: 'The organiser responds', reachedAt: first.toISOString() },
      { count: 5, whatHappens: 'We hand it in', reachedAt: null },
    ])
  })

  it('records a milestone crossed while a site build runs, and queues one more build that shows it', async () => {
    const petition = await make.petition(t.payload, { milestones: steps })
    await confirmed(petition.id, 4)
    await rollUpCounts(t.payload)
    // A build starts: its snapshot has the count before the milestone.
    const running = await t.payload.create({
      collection: 'site-builds',
      data: { buildId: `running-${petition.id}`, status: 'running', startedAt: new Date().toISOString() },
      overrideAccess: true,
    })
    const during = await snapshotOf(petition.slug!)
    expect(during.milestones?.find((m) => m.count === 5)?.reachedAt).toBeNull()
    // The fifth signature is confirmed while it runs.
    await confirmed(petition.id, 1)
    const at = new Date()
    await rollUpCounts(t.payload, at)
    expect((await milestonesReached(t.payload, petition.id)).map((m) => [m.count, m.reachedAt])).toEqual([
      [2, expect.any(String)],
      [5, at.toISOString()],
    ])
    const queued = await milestoneBuilds(petition.slug!)
    expect(queued).toHaveLength(1)
    expect(queued[0].id).not.toBe(running.id)
    expect(queued[0].reason).toContain(`petitions/${petition.slug} reached milestone 5`)
    // What that next build exports shows it.
    const after = await snapshotOf(petition.slug!)
    expect(after.milestones?.find((m) => m.count === 5)?.reachedAt).toBe(at.toISOString())
    expect(after.signatureCount).toBe(5)
  })
})

describe('where support comes from', () => {
  it('adds up places with fewer than 5 signatures as "other", in the count and in the snapshot', async () => {
    const petition = await make.petition(t.payload)
    await confirmed(petition.id, 6, { region: 'london', nation: 'england' })
    await confirmed(petition.id, 2, { region: 'wales', nation: 'wales' })
    await confirmed(petition.id, 1, { region: 'scotland', nation: 'scotland' })
    await confirmed(petition.id, 5)
    await rollUpCounts(t.payload)
    const res = await fetch(`${t.api}/public/petitions/${petition.slug}/count.json`)
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({
      count: 14,
      byNation: { england: 6, unknown: 5, other: 3 },
      byRegion: { london: 6, unknown: 5, other: 3 },
    })
    expect(text).not.toMatch(/wales|scotland/)

    const { support } = await snapshotOf(petition.slug!)
    expect(support?.byRegion).toEqual([
      { key: 'london', label: 'London', count: 6 },
      { key: 'unknown', label: 'No postcode given', count: 5 },
      { key: 'other', label: 'Other places (fewer than 5 each)', count: 3 },
    ])
    expect(support?.byNation.map((b) => b.label)).toEqual([
      'England',
      'No postcode given',
      'Other places (fewer than 5 each)',
    ])
    expect(JSON.stringify(support?.byNation)).not.toMatch(/wales|scotland/i)
  })
})
