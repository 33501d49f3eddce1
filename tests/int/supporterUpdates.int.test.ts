/**
 * Updates to supporters on a real Payload and SQLite file, through the real email adapters: an
 * organiser writes an update and sends it; it reaches each confirmed signer who opted in exactly
 * once (never the others), through the outbox and through the `resend` SDK against the local
 * stand-in (supporterUpdatesResend.int.test.ts), each with one-click List-Unsubscribe; the POST to
 * that link stops later updates; a sender stopped mid-way resumes without sending anyone a second
 * email; organisers see counts, never addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendUpdate } from '../../cms/campaigns/updates/send'
import { seedSigners } from '../../scripts/bench/updates/seed'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { once, recipientsOf, writeAndQueue } from './supporterUpdatesSteps'

let t: ServedHarness
let organiser: Awaited<ReturnType<typeof make.user>> & { collection: 'users' }
let petition: Awaited<ReturnType<typeof make.petition>>
let wanted: string[]
const UNLIMITED = { perSecond: 0 }

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  organiser = { ...(await make.user(t.payload, ['organiser'])), collection: 'users' }
  petition = await make.petition(t.payload, { title: 'Fair rotas at Acme' })
  wanted = await seedSigners(t.payload, petition.id, 1000, 'keen')
  await seedSigners(t.payload, petition.id, 40, 'quiet', { consentUpdates: false })
  await seedSigners(t.payload, petition.id, 40, 'unconfirmed', { state: 'pending' })
  await seedSigners(t.payload, petition.id, 40, 'anonymised', { anonymisedAt: new Date().toISOString() })
  const other = await make.petition(t.payload)
  await seedSigners(t.payload, other.id, 40, 'elsewhere')
}, 60_000)
afterAll(async () => t?.close())

describe('an update to 1,000 supporters through the outbox', () => {
  let first: number

  it('reaches each confirmed signer who opted in exactly once, and nobody else', async () => {
    first = await writeAndQueue(t, petition.id, 'We won')
    const result = await sendUpdate(t.payload, first, UNLIMITED)
    expect(result).toMatchObject({ sent: 1000, failed: 0, done: true })
    const got = recipientsOf(await t.outbox(), 'We won')
    expect(got).toHaveLength(1000)
    expect(once(got)).toBe(true)
    expect(new Set(got)).toEqual(new Set(wanted))
  })

  it('gives each email its own one-click List-Unsubscribe link and the organiser’s words as text', async () => {
    const messages = (await t.outbox()).filter((m) => m.subject === 'We won')
    const links = new Set<string>()
    for (const m of messages) {
      expect(m.listUnsubscribe?.post).toBe('List-Unsubscribe=One-Click')
      expect(m.listUnsubscribe?.url).toMatch(/\/api\/public\/unsubscribe\/signature\/\d+\/[\w-]{32}$/)
      links.add(m.listUnsubscribe!.url)
    }
    expect(links.size).toBe(1000)
    expect(messages[0].text).toContain('We handed it in.')
    expect(messages[0].text).toContain('You signed the petition "Fair rotas at Acme"')
  })

  it('shows the organiser counts only: recipients, sent, failed, unsubscribed since', async () => {
    const u = await t.payload.findByID({
      collection: 'supporter-updates',
      id: first,
      user: organiser,
      overrideAccess: false,
    })
    expect(u).toMatchObject({
      state: 'sent',
      recipients: 1000,
      sent: 1000,
      failed: 0,
      uncertain: 0,
      unsubscribedSince: 0,
    })
    expect(JSON.stringify(u)).not.toMatch(/keen\d+@/)
  })

  it('stops later updates for a signer who presses the one-click POST, and counts them', async () => {
    const messages = (await t.outbox()).filter((m) => m.subject === 'We won').slice(0, 3)
    for (const m of messages) {
      const res = await fetch(m.listUnsubscribe!.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      })
      expect(res.status).toBe(200)
    }
    const u = await t.payload.findByID({
      collection: 'supporter-updates',
      id: first,
      user: organiser,
      overrideAccess: false,
    })
    expect(u.unsubscribedSince).toBe(3)
    const second = await writeAndQueue(t, petition.id, 'Next steps')
    expect(await sendUpdate(t.payload, second, UNLIMITED)).toMatchObject({ sent: 997, done: true })
    const got = recipientsOf(await t.outbox(), 'Next steps')
    expect(got).toHaveLength(997)
    for (const m of messages) expect(got).not.toContain(m.to[0])
  })
})

describe('a sender stopped mid-way (a real kill -9: supporterUpdatesCrash.int.test.ts)', () => {
  it('resumes where it stopped: every recipient exactly once; an email cut off while handed over is not sent again', async () => {
    const crashed = await make.petition(t.payload)
    const everyone = await seedSigners(t.payload, crashed.id, 300, 'resumed')
    const id = await writeAndQueue(t, crashed.id, 'Stopped and resumed')
    // The process "dies" after handing over 100 emails (the rest were never claimed).
    expect(await sendUpdate(t.payload, id, { ...UNLIMITED, limit: 100 })).toMatchObject({
      sent: 100,
      done: false,
    })
    expect(recipientsOf(await t.outbox(), 'Stopped and resumed')).toHaveLength(100)
    // …and one more was claimed when it died: it may have gone, so it must not go again.
    const { docs } = await t.payload.find({
      collection: 'supporter-update-deliveries',
      where: { and: [{ supporterUpdate: { equals: id } }, { state: { equals: 'queued' } }] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    await t.payload.update({
      collection: 'supporter-update-deliveries',
      id: docs[0].id,
      data: { state: 'sending', claimedAt: new Date().toISOString() },
      overrideAccess: true,
    })
    // A run within the claim's lease leaves it alone; a run after it gives it up as uncertain.
    const later = new Date(Date.now() + 11 * 60_000)
    const resumed = await sendUpdate(t.payload, id, { ...UNLIMITED, now: () => later })
    expect(resumed).toMatchObject({ sent: 199, uncertain: 1, done: true })
    const got = recipientsOf(await t.outbox(), 'Stopped and resumed')
    expect(got).toHaveLength(299)
    expect(everyone.filter((a) => !got.includes(a))).toHaveLength(1)
    expect(once(got)).toBe(true)
    const u = await t.payload.findByID({ collection: 'supporter-updates', id, overrideAccess: true })
    expect(u).toMatchObject({ state: 'sent', recipients: 300, sent: 299, uncertain: 1 })
  })
})

describe('the jobs runner', () => {
  it('sends a queued update when the sendSupporterUpdates task runs, at the configured rate', async () => {
    const small = await make.petition(t.payload)
    const five = await seedSigners(t.payload, small.id, 5, 'job')
    const id = await writeAndQueue(t, small.id, 'Sent by the job')
    process.env.UPDATE_SEND_PER_SECOND = '50'
    try {
      await t.payload.jobs.queue({ task: 'sendSupporterUpdates', input: {}, queue: 'supporter-updates' })
      await t.payload.jobs.run({ queue: 'supporter-updates' })
    } finally {
      delete process.env.UPDATE_SEND_PER_SECOND
    }
    expect(new Set(recipientsOf(await t.outbox(), 'Sent by the job'))).toEqual(new Set(five))
    const u = await t.payload.findByID({ collection: 'supporter-updates', id, overrideAccess: true })
    expect(u).toMatchObject({ state: 'sent', recipients: 5, sent: 5 })
  })
})
