/** Re-joins, unsubscribes, quiet members and erasures against a real Payload, through the real endpoints. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
})

import { sendOwedMemberConfirmations } from '../../cms/members/memberEmails'
import { recordEmailFailure } from '../../cms/email/owedEmail'
import { anonymiseClosedPetitions, deleteUnconfirmed } from '../../cms/campaigns/retention'
import { deleteUnsubscribed, runMemberRetention } from '../../cms/members/retention'
import { eraseRecord } from '../../cms/members/records'
import { linkToken } from '../../cms/members/tokens'
import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'

let t: ServedHarness
let n = 0
const DAY = 24 * 60 * 60 * 1000
const join = (body: Record<string, unknown>) =>
  fetch(`${t.api}/public/join`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Forwarded-For': `10.9.${Math.floor(++n / 250)}.${n % 250}`,
    },
    body: JSON.stringify(body),
  })
const outbox = () => t.outbox()
const member = async (emailCanonical: string) =>
  (
    await t.payload.find({
      collection: 'members',
      where: { emailCanonical: { equals: emailCanonical } },
      overrideAccess: true,
      depth: 0,
      pagination: false,
    })
  ).docs[0]
const backdate = (collection: 'members' | 'signatures', id: number, data: Record<string, string>) =>
  t.payload.db.updateOne({ collection, id, data, returning: false } as never)
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

let warehouse: { id: number }
let care: { id: number; name: string }
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
  warehouse = (await make.network(t.payload, {
    name: 'Warehouse workers',
    slug: 'warehouse-workers',
    sector: 'warehouse-logistics',
  })) as never
  care = (await make.network(t.payload, {
    name: 'Care workers',
    slug: 'care-workers',
    sector: 'care',
  })) as never
})
afterAll(async () => {
  delete process.env.UNSUBSCRIBED_RETENTION_DAYS
  await t?.close()
})

describe('joining again', () => {
  it('Sara joins again 10 days later: nothing changes until she confirms the new link, the purge leaves her, and confirming applies her new choices', async () => {
    const logged: string[] = []
    const info = vi
      .spyOn(t.payload.logger, 'info')
      .mockImplementation(((...args: unknown[]) => void logged.push(JSON.stringify(args))) as never)
    const first = (await outbox()).length
    expect((await join(sara)).status).toBe(202)
    const before = await member('sara.rejoin@example.org')
    const oldLink = linkIn((await outbox())[first].text, `${process.env.CMS_URL}/api/public/confirm/member/`)
    expect(before.pendingSince).toBeTruthy()
    const tenDaysAgo = new Date(Date.now() - 10 * DAY).toISOString()
    await backdate('members', before.id, { createdAt: tenDaysAgo, pendingSince: tenDaysAgo })

    expect(
      (await join({ ...sara, postcode: 'CF10 1AA', sector: 'care', networks: ['care-workers'] })).status,
    ).toBe(202)
    const waiting = await member('sara.rejoin@example.org')
    expect(waiting).toMatchObject({
      state: 'pending',
      postcode: 'NG1',
      sector: 'warehouse-logistics',
      networks: [warehouse.id],
    })
    expect(waiting.pendingChanges).toMatchObject({ postcode: 'CF10', sector: 'care', networks: [care.id] })
    expect(Date.now() - Date.parse(waiting.pendingSince!)).toBeLessThan(60_000)
    const email = (await outbox()).at(-1)!
    expect(email.text).toContain('You asked to join: Care workers.')

    expect(await deleteUnconfirmed(t.payload)).toEqual({ signatures: 0, members: 0 })
    expect((await fetch(oldLink, { method: 'POST' })).status).toBe(404)
    expect((await member('sara.rejoin@example.org')).postcode).toBe('NG1')
    const newLink = linkIn(email.text, `${process.env.CMS_URL}/api/public/confirm/member/`)
    expect((await fetch(newLink, { method: 'POST' })).status).toBe(200)
    const confirmed = await member('sara.rejoin@example.org')
    expect(confirmed).toMatchObject({
      state: 'confirmed',
      postcode: 'CF10',
      sector: 'care',
      networks: [care.id],
      pendingChanges: null,
    })
    expect(Date.now() - Date.parse(confirmed.lastActiveAt!)).toBeLessThan(60_000)
    info.mockRestore()
    expect(logged.length).toBeGreaterThan(0)
    expect(logged.join('\n')).not.toMatch(/@|sara/i)
  })

  it('a confirmed member who joins again gets "already joined" and keeps their choices', async () => {
    const before = (await outbox()).length
    expect((await join({ ...sara, networks: ['warehouse-workers'], postcode: 'M1 1AA' })).status).toBe(202)
    expect((await outbox())[before].subject).toBe('You are already in the Better Work network')
    expect(await member('sara.rejoin@example.org')).toMatchObject({
      state: 'confirmed',
      postcode: 'CF10',
      networks: [care.id],
      pendingChanges: null,
    })
  })

  it("a re-join's email still owed (the email service was down) names the new choices when the worker sends it", async () => {
    const waiting = await make.member(t.payload, {
      firstName: 'Sam',
      state: 'pending',
      networks: [warehouse.id],
      pendingChanges: { firstName: 'Samira', networks: [care.id] },
      confirmEmailState: 'owed',
      confirmEmailNextAt: new Date(Date.now() - 1000).toISOString(),
    })
    const before = (await outbox()).length
    expect(await sendOwedMemberConfirmations(t.payload)).toEqual({ sent: 1, failed: 0 })
    const [email] = (await outbox()).slice(before)
    expect(email.to).toEqual([waiting.email])
    expect(email.text).toContain('Hello Samira,')
    expect(email.text).toContain('You asked to join: Care workers.')
  })

  it('deletes records unconfirmed 7 days after their latest link, counting from createdAt where pendingSince is missing', async () => {
    const petition = await make.petition(t.payload)
    const old = new Date(Date.now() - 8 * DAY).toISOString()
    const legacy = await make.signature(t.payload, petition.id, { state: 'pending' })
    const resent = await make.signature(t.payload, petition.id, {
      state: 'pending',
      pendingSince: new Date().toISOString(),
    })
    const stale = await make.member(t.payload, { state: 'pending', pendingSince: old })
    await backdate('signatures', legacy.id, { createdAt: old })
    await backdate('signatures', resent.id, { createdAt: old })
    expect(await deleteUnconfirmed(t.payload)).toEqual({ signatures: 1, members: 1 })
    const left = (
      await t.payload.find({
        collection: 'signatures',
        where: { petition: { equals: petition.id } },
        overrideAccess: true,
        depth: 0,
      })
    ).docs.map((s) => s.id)
    expect(left).toEqual([resent.id])
    expect(
      await t.payload.findByID({
        collection: 'members',
        id: stale.id,
        overrideAccess: true,
        disableErrors: true,
      }),
    ).toBeNull()
  })
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
