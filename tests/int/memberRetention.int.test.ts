/**
 * Keeping members' data no longer than needed, against a real Payload, through the real endpoints:
 * unsubscribed and quiet members deleted on time, erasures that purge older site builds, and
 * stored email errors without the address. Re-joining is in memberRejoin.int.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
})

import { recordEmailFailure } from '../../cms/email/owedEmail'
import { anonymiseClosedPetitions } from '../../cms/campaigns/retention'
import { deleteUnsubscribed, runMemberRetention } from '../../cms/members/retention'
import { eraseRecord } from '../../cms/members/records'
import { linkToken } from '../../cms/members/tokens'
import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'
import { membersWith, postTo } from '../helpers/publicForms'

let t: ServedHarness
const DAY = 24 * 60 * 60 * 1000
/** Joins through the real endpoint, as the join form's island posts it (JSON). */
const join = (body: Record<string, unknown>) => postTo(t, '/public/join', body, { json: true })
const outbox = () => t.outbox()
const member = async (emailCanonical: string) => (await membersWith(t.payload, emailCanonical))[0]
/** Creating a petition queues a build of its own: clear those, to see what an erasure queues. */
const clearQueuedBuilds = () =>
  t.payload.delete({
    collection: 'site-builds',
    where: { status: { equals: 'queued' } },
    overrideAccess: true,
  })
const queuedBuilds = async () =>
  (
    await t.payload.find({
      collection: 'site-builds',
      where: { status: { equals: 'queued' } },
      overrideAccess: true,
      depth: 0,
    })
  ).docs

const sara = {
  firstName: 'Sara',
  email: 'sara.rejoin@example.org',
  postcode: 'NG1 5FS',
  sector: 'warehouse-logistics',
  networks: ['warehouse-workers'],
  consentEmail: 'on',
  consentUnionInterest: 'on',
}

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  // The networks the join form names.
  await make.network(t.payload, {
    name: 'Warehouse workers',
    slug: 'warehouse-workers',
    sector: 'warehouse-logistics',
  })
  await make.network(t.payload, {
    name: 'Care workers',
    slug: 'care-workers',
    sector: 'care',
  })
})
afterAll(async () => {
  delete process.env.UNSUBSCRIBED_RETENTION_DAYS
  await t?.close()
})

describe('unsubscribed and quiet members', () => {
  it('deletes an unsubscribed member UNSUBSCRIBED_RETENTION_DAYS after they unsubscribed, not before', async () => {
    process.env.UNSUBSCRIBED_RETENTION_DAYS = '10'
    const before = (await outbox()).length
    await join({ ...sara, email: 'leaving@example.org' })
    const unsubscribe = linkIn(
      (await outbox())[before].text,
      `${process.env.CMS_URL}/api/public/unsubscribe/member/`,
    )
    expect((await fetch(unsubscribe, { method: 'POST' })).status).toBe(200)
    const m = await member('leaving@example.org')
    expect(m.state).toBe('unsubscribed')
    expect(Date.now() - Date.parse(m.unsubscribedAt!)).toBeLessThan(60_000)
    expect(await deleteUnsubscribed(t.payload, new Date(Date.now() + 9 * DAY))).toBe(0)
    expect(await deleteUnsubscribed(t.payload, new Date(Date.now() + 11 * DAY))).toBe(1)
    expect(await member('leaving@example.org')).toBeUndefined()
  })

  it('asks members quiet for 24 months once, keeps those who press the button, and deletes the rest 30 days after asking', async () => {
    const longAgo = new Date(Date.now() - 25 * 30 * DAY).toISOString()
    const keeper = await make.member(t.payload, {
      firstName: 'Kim',
      email: 'kim@example.org',
      emailCanonical: 'kim@example.org',
      state: 'confirmed',
      confirmedAt: longAgo,
      lastActiveAt: longAgo,
    })
    const quiet = await make.member(t.payload, {
      firstName: 'Quinn',
      email: 'quinn@example.org',
      emailCanonical: 'quinn@example.org',
      state: 'confirmed',
      confirmedAt: longAgo,
    })
    const recent = await make.member(t.payload, {
      firstName: 'Rae',
      email: 'rae@example.org',
      emailCanonical: 'rae@example.org',
      state: 'confirmed',
      lastActiveAt: new Date().toISOString(),
    })
    const before = (await outbox()).length
    const now = new Date()
    expect(await runMemberRetention(t.payload, now)).toMatchObject({
      askedToStay: 2,
      askFailed: 0,
      unansweredDeleted: 0,
    })
    expect(await runMemberRetention(t.payload, now)).toMatchObject({ askedToStay: 0 })
    const asked = (await outbox()).slice(before)
    expect(asked.map((m) => [m.to[0], m.subject])).toEqual([
      ['kim@example.org', 'Do you want to stay in the Better Work network?'],
      ['quinn@example.org', 'Do you want to stay in the Better Work network?'],
    ])
    const keep = linkIn(asked[0].text, `${process.env.CMS_URL}/api/public/keep/member/${keeper.id}/`)
    expect(asked[0].html).toContain(keep)

    // A mail scanner opening the link keeps nothing; the button does.
    const page = await fetch(keep)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<button type="submit">Yes, keep me in the network</button>')
    expect((await member('kim@example.org')).lastActiveAt).toBe(longAgo)
    expect((await fetch(`${keep.slice(0, -4)}AAAA`, { method: 'POST' })).status).toBe(404)
    expect(
      (await fetch(keep.replace(`/${keeper.id}/`, '/65a1f0c2e4b0a1b2c3d4e5f6/'), { method: 'POST' })).status,
    ).toBe(404)
    expect((await fetch(keep, { method: 'POST' })).status).toBe(200)
    expect(await member('kim@example.org')).toMatchObject({ retentionAskedAt: null })
    expect(Date.now() - Date.parse((await member('kim@example.org')).lastActiveAt!)).toBeLessThan(60_000)

    expect(await runMemberRetention(t.payload, new Date(now.getTime() + 29 * DAY))).toMatchObject({
      unansweredDeleted: 0,
    })
    expect(await runMemberRetention(t.payload, new Date(now.getTime() + 31 * DAY))).toMatchObject({
      unansweredDeleted: 1,
    })
    const left = (
      await t.payload.find({
        collection: 'members',
        where: { id: { in: [keeper.id, quiet.id, recent.id] } },
        overrideAccess: true,
        depth: 0,
      })
    ).docs.map((m) => m.firstName)
    expect(left.sort()).toEqual(['Kim', 'Rae'])
    // Kim is asked again only after another quiet 24 months (her retentionAskedAt was emptied), with Rae.
    const later = (await outbox()).length
    expect(await runMemberRetention(t.payload, new Date(now.getTime() + 25 * 30 * DAY))).toMatchObject({
      unansweredDeleted: 0,
    })
    expect((await outbox()).slice(later).map((m) => m.to[0])).toEqual(
      expect.arrayContaining(['kim@example.org', 'rae@example.org']),
    )
  })
})

describe('erasure and stored errors', () => {
  it('queues a build that purges older builds when a signer whose name is shown erases, and not for one who was not shown', async () => {
    const petition = await make.petition(t.payload, { showSignerNames: true })
    const hidden = await make.signature(t.payload, petition.id, {
      name: 'Hidden Person',
      state: 'confirmed',
      showName: false,
      emailCanonical: 'hidden@example.org',
    })
    const shown = await make.signature(t.payload, petition.id, {
      name: 'Shown Person',
      state: 'confirmed',
      showName: true,
      emailCanonical: 'shown@example.org',
    })
    await clearQueuedBuilds()
    const erase = (s: { id: number; emailCanonical?: string | null }) =>
      eraseRecord(
        t.payload,
        'signature',
        String(s.id),
        linkToken(t.payload.secret, 'erase', 'signature', s.id, s.emailCanonical!),
      )
    expect(await erase(hidden)).toBe('done')
    expect(await queuedBuilds()).toHaveLength(0)
    expect(await erase(shown)).toBe('done')
    expect((await queuedBuilds()).map((b) => [b.reason, b.purgeOlder])).toEqual([
      [`signatures/${shown.id} erased`, true],
    ])
  })

  it('queues the same purge when anonymising a closed petition took a shown name off its page', async () => {
    const petition = await make.petition(t.payload, {
      showSignerNames: true,
      state: 'closed',
      closesAt: new Date(Date.now() - 400 * DAY).toISOString(),
    })
    await make.signature(t.payload, petition.id, { name: 'Old Signer', state: 'confirmed', showName: true })
    await clearQueuedBuilds()
    expect(await anonymiseClosedPetitions(t.payload)).toBe(1)
    const [queued] = await queuedBuilds()
    expect(queued.purgeOlder).toBe(true)
    expect(queued.reason).toContain('1 signer names anonymised')
  })

  it("stores a failed email's reason without the address", async () => {
    const m = await make.member(t.payload, { state: 'pending' })
    await recordEmailFailure(
      t.payload,
      m.id,
      0,
      new Error('Resend said "tom.k@example.org is on the suppression list"'),
      Date.now(),
      'members',
    )
    expect(
      (await t.payload.findByID({ collection: 'members', id: m.id, overrideAccess: true })).confirmEmailError,
    ).toBe('Resend said "[address] is on the suppression list"')
  })
})
