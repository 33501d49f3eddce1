/** Retention jobs, the jobs registry, and the confirmation email through the real resend SDK. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
})

import { RateLimiterMemory } from 'rate-limiter-flexible'
import { consumeAll } from '../../cms/abuse/rateLimit'
import { sharedRateLimiter, sweepDatabaseRateLimits } from '../../cms/abuse/rateLimitStore'
import { resendAdapter } from '../../cms/email/resendAdapter'
import { signPetition } from '../../cms/campaigns/sign'
import { anonymiseClosedPetitions, deleteUnconfirmed } from '../../cms/campaigns/retention'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'
import { startResendStandIn } from '../helpers/resendStandIn'

let t: Harness
let standIn: Awaited<ReturnType<typeof startResendStandIn>>

beforeAll(async () => {
  standIn = await startResendStandIn()
  process.env.CMS_URL = 'https://cms.betterwork.example'
  t = await startHarness({ email: resendAdapter({ apiKey: 're_test_key', baseUrl: standIn.url }) })
})
afterAll(async () => {
  await t?.close()
  await standIn?.close()
})

const backdate = (collection: 'signatures' | 'members', id: number, days: number) =>
  t.payload.db.updateOne({
    collection,
    id,
    data: { createdAt: new Date(Date.now() - days * 86_400_000).toISOString() },
    returning: false,
  })

describe('the confirmation email', () => {
  it('goes through the real resend SDK with the confirm link in HTML and text, and unsubscribe and erase links', async () => {
    const petition = await make.petition(t.payload, { title: 'Fair rotas now' })
    const outcome = await signPetition(
      t.payload,
      petition.slug!,
      { name: 'Tom', email: 'tom@example.org' },
      { ip: '192.0.2.1' },
    )
    expect(outcome).toEqual({ status: 'sent' })
    const request = standIn.requests.at(-1)!
    expect(request.url).toBe('/emails')
    expect(request.headers.authorization).toBe('Bearer re_test_key')
    expect(request.body).toMatchObject({
      to: ['tom@example.org'],
      subject: 'Please confirm your signature: Fair rotas now',
    })
    for (const body of [request.body.html, request.body.text]) {
      expect(body).toMatch(
        /https:\/\/cms\.betterwork\.example\/api\/public\/confirm\/signature\/[A-Za-z0-9_-]{32}/,
      )
      expect(body).toMatch(/https:\/\/cms\.betterwork\.example\/api\/public\/unsubscribe\/signature\/\d+\//)
      expect(body).toMatch(/https:\/\/cms\.betterwork\.example\/api\/public\/erase\/signature\/\d+\//)
    }
  })

  it('stores nothing when Resend refuses the email, so trying again starts clean', async () => {
    const petition = await make.petition(t.payload)
    standIn.failWith(403, { statusCode: 403, name: 'validation_error', message: 'Domain not verified' })
    await expect(
      signPetition(
        t.payload,
        petition.slug!,
        { name: 'Tom', email: 'tom2@example.org' },
        { ip: '192.0.2.2' },
      ),
    ).rejects.toThrow(/not sent/)
    standIn.succeed()
    expect(
      (
        await t.payload.count({
          collection: 'signatures',
          where: { petition: { equals: petition.id } },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(0)
  })
})

describe('retention', () => {
  it('deletes signatures and members still unconfirmed after 7 days, and keeps the rest', async () => {
    const petition = await make.petition(t.payload)
    const oldPending = await make.signature(t.payload, petition.id, { state: 'pending' })
    const newPending = await make.signature(t.payload, petition.id, { state: 'pending' })
    const oldConfirmed = await make.signature(t.payload, petition.id, { state: 'confirmed' })
    const oldMember = await make.member(t.payload, { state: 'pending' })
    const oldConfirmedMember = await make.member(t.payload, { state: 'confirmed' })
    await backdate('signatures', oldPending.id, 8)
    await backdate('signatures', newPending.id, 6)
    await backdate('signatures', oldConfirmed.id, 30)
    await backdate('members', oldMember.id, 8)
    await backdate('members', oldConfirmedMember.id, 30)
    expect(await deleteUnconfirmed(t.payload)).toEqual({ signatures: 1, members: 1 })
    const left = (
      await t.payload.find({
        collection: 'signatures',
        where: { petition: { equals: petition.id } },
        overrideAccess: true,
        depth: 0,
      })
    ).docs.map((s) => s.id)
    expect(left.sort()).toEqual([newPending.id, oldConfirmed.id].sort())
    expect(
      await t.payload.findByID({
        collection: 'members',
        id: oldConfirmedMember.id,
        overrideAccess: true,
        disableErrors: true,
      }),
    ).not.toBeNull()
    expect(
      await t.payload.findByID({
        collection: 'members',
        id: oldMember.id,
        overrideAccess: true,
        disableErrors: true,
      }),
    ).toBeNull()
  })

  it('anonymises signatures 6 months after their petition closed, keeping region and nation for the counts', async () => {
    const longClosed = await make.petition(t.payload, {
      state: 'closed',
      closesAt: new Date(Date.now() - 200 * 86_400_000).toISOString(),
    })
    const recentlyClosed = await make.petition(t.payload, {
      state: 'closed',
      closesAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    })
    const old = await make.signature(t.payload, longClosed.id, {
      state: 'confirmed',
      postcode: 'M1',
      region: 'north-west',
      nation: 'england',
      ipHash: 'abc',
      consentUpdates: true,
    })
    const recent = await make.signature(t.payload, recentlyClosed.id, {
      state: 'confirmed',
      region: 'london',
      nation: 'england',
    })
    expect(await anonymiseClosedPetitions(t.payload)).toBe(1)
    const a = await t.payload.findByID({ collection: 'signatures', id: old.id, overrideAccess: true })
    expect(a).toMatchObject({
      name: null,
      email: null,
      emailCanonical: null,
      postcode: null,
      ipHash: null,
      region: 'north-west',
      nation: 'england',
      state: 'confirmed',
      consentUpdates: false,
    })
    expect(a.anonymisedAt).toBeTruthy()
    const r = await t.payload.findByID({ collection: 'signatures', id: recent.id, overrideAccess: true })
    expect(r.email).toBe(recent.email)
    // Running again changes nothing.
    expect(await anonymiseClosedPetitions(t.payload)).toBe(0)
  })

  it('runs the roll-up and retention as Payload jobs', async () => {
    const petition = await make.petition(t.payload)
    await make.signature(t.payload, petition.id, {
      state: 'confirmed',
      nation: 'scotland',
      region: 'scotland',
    })
    await t.payload.jobs.queue({ task: 'rollUpPetitionCounts', input: {}, queue: 'petitions' })
    await t.payload.jobs.queue({ task: 'petitionRetention', input: {}, queue: 'petitions' })
    await t.payload.jobs.run({ queue: 'petitions' })
    const p = await t.payload.findByID({ collection: 'petitions', id: petition.id, overrideAccess: true })
    expect(p.signatureCount).toBe(1)
    expect(p.countsByNation).toEqual({ scotland: 1 })
  })
})

describe('the database rate-limit store', () => {
  it('shares counts through the database, so every CMS node sees the same limit, and sweeps old counts', async () => {
    const rule = { limit: 1, seconds: 60 }
    const node = () => [
      sharedRateLimiter(t.payload, rule, 'rl:test', new RateLimiterMemory({ points: 1, duration: 60 })),
    ]
    const [nodeA, nodeB] = [node(), node()]
    expect(await consumeAll(nodeA, 'sign:9:ip')).toEqual({ limited: false })
    expect((await consumeAll(nodeB, 'sign:9:ip')).limited).toBe(true)
    expect(await consumeAll(nodeB, 'sign:9:other')).toEqual({ limited: false })
    expect(await sweepDatabaseRateLimits(t.payload, Date.now() + 61_000)).toBe(2)
    expect(await consumeAll(nodeA, 'sign:9:ip')).toEqual({ limited: false })
  })
})
