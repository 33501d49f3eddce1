/**
 * Updates to supporters through the `resend` SDK against the local stand-in of Resend's API
 * (tests/helpers/resendStandIn.ts): 1,000 emails in batch requests of 100 (POST /emails/batch),
 * each email with its own List-Unsubscribe headers; a refused batch retried a limited number of
 * times and each of its emails counted failed; the rate kept in requests; a run cut off mid-request
 * leaves that batch uncertain and nobody gets the update twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendUpdate } from '../../cms/campaigns/updates/send'
import { batchSenderOf, resendAdapter } from '../../cms/email/resendAdapter'
import { seedSigners } from '../../scripts/bench/updates/seed'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'
import { startResendStandIn } from '../helpers/resendStandIn'
import { once, writeAndQueue } from './supporterUpdatesSteps'

const UNLIMITED = { perSecond: 0 }

describe('through the resend SDK against the stand-in', () => {
  let r: Harness
  let standIn: Awaited<ReturnType<typeof startResendStandIn>>
  let small: number
  let big: number
  let cut: number
  const emailsAbout = (subject: string) => standIn.requests.filter((q) => q.body.subject === subject)
  const requestsAbout = (subject: string) => new Set(emailsAbout(subject).map((q) => q.request)).size
  const inState = async (id: number, state: string) =>
    (
      await r.payload.count({
        collection: 'supporter-update-deliveries',
        where: { supporterUpdate: { equals: id }, state: { equals: state } },
        overrideAccess: true,
      })
    ).totalDocs

  beforeAll(async () => {
    standIn = await startResendStandIn()
    r = await startHarness({ email: resendAdapter({ apiKey: 're_test_key', baseUrl: standIn.url }) })
    const p = await make.petition(r.payload, { title: 'Safe staffing' })
    await seedSigners(r.payload, p.id, 1000, 'resend')
    const q = await make.petition(r.payload)
    await seedSigners(r.payload, q.id, 12, 'flaky')
    const c = await make.petition(r.payload)
    await seedSigners(r.payload, c.id, 150, 'cut')
    small = q.id
    big = p.id
    cut = c.id
  }, 60_000)
  afterAll(async () => {
    standIn?.release()
    await r?.close()
    await standIn?.close()
  })

  it('sends 1,000 emails in 10 batch requests of 100, each with its own List-Unsubscribe headers, each signer once', async () => {
    const id = await writeAndQueue(r, big, 'Through Resend')
    expect(await sendUpdate(r.payload, id, UNLIMITED)).toMatchObject({ sent: 1000, done: true })
    const sent = emailsAbout('Through Resend')
    expect(sent).toHaveLength(1000)
    expect(requestsAbout('Through Resend')).toBe(Math.ceil(1000 / 100))
    for (const q of sent) {
      expect(q.url).toBe('/emails/batch')
      expect(q.batch?.size).toBe(100)
    }
    expect(once(sent.flatMap((q) => q.body.to ?? []))).toBe(true)
    const unsubscribe = sent.map((q) => {
      const headers = q.body.headers as Record<string, string>
      expect(headers['List-Unsubscribe']).toMatch(/^<http.*\/api\/public\/unsubscribe\/signature\//)
      expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
      return headers['List-Unsubscribe']
    })
    // Each signer's own link, not one shared by the batch.
    expect(new Set(unsubscribe).size).toBe(1000)
    const u = await r.payload.findByID({ collection: 'supporter-updates', id, overrideAccess: true })
    expect(u).toMatchObject({ state: 'sent', recipients: 1000, sent: 1000, failed: 0, uncertain: 0 })
  })

  it('retries a refused batch a limited number of times, then counts each of its emails failed', async () => {
    standIn.failWith(500, { name: 'internal_server_error', message: 'Down', statusCode: 500 })
    const id = await writeAndQueue(r, small, 'While Resend is down')
    const result = await sendUpdate(r.payload, id, { ...UNLIMITED, tries: 3, retryAfterMs: 0 })
    standIn.succeed()
    expect(result).toMatchObject({ sent: 0, failed: 12, retrying: 24, done: true })
    // Three tries, each one batch request of all 12.
    expect(emailsAbout('While Resend is down')).toHaveLength(36)
    expect(requestsAbout('While Resend is down')).toBe(3)
    const u = await r.payload.findByID({ collection: 'supporter-updates', id, overrideAccess: true })
    expect(u).toMatchObject({ state: 'sent', recipients: 12, sent: 0, failed: 12 })
  })

  it('keeps to the rate in requests: at 4 a second, batches of 5 start at least 250 ms apart', async () => {
    const id = await writeAndQueue(r, small, 'At a steady rate')
    const start = Date.now()
    await sendUpdate(r.payload, id, { perSecond: 4, batch: 5 })
    expect(emailsAbout('At a steady rate')).toHaveLength(12)
    expect(requestsAbout('At a steady rate')).toBe(3)
    // Requests at 0, 250 and 500 ms at the earliest.
    expect(Date.now() - start).toBeGreaterThanOrEqual(500)
  })

  it('leaves a batch cut off mid-request sending, then uncertain: nobody gets the update twice', async () => {
    const id = await writeAndQueue(r, cut, 'Cut off mid-request')
    standIn.holdNext()
    // The first run hands over its first batch and hears nothing back, as if the process died.
    const cutOff = sendUpdate(r.payload, id, UNLIMITED)
    const deadline = Date.now() + 5000
    while (emailsAbout('Cut off mid-request').length < 100 && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 10))
    expect(await inState(id, 'sending')).toBe(100)
    expect(await inState(id, 'queued')).toBe(50)

    // A run after the claim lease gives that batch up and sends only the rest.
    const later = new Date(Date.now() + 11 * 60_000)
    const resumed = await sendUpdate(r.payload, id, { ...UNLIMITED, now: () => later })
    expect(resumed).toMatchObject({ sent: 50, uncertain: 100, done: true })
    // The answer comes after all: the rows stay uncertain, and the cut-off run finds nothing left.
    standIn.release()
    await cutOff
    expect(await inState(id, 'uncertain')).toBe(100)

    const got = emailsAbout('Cut off mid-request').flatMap((q) => q.body.to ?? [])
    expect(got).toHaveLength(150)
    expect(once(got)).toBe(true)
    const u = await r.payload.findByID({ collection: 'supporter-updates', id, overrideAccess: true })
    expect(u).toMatchObject({ state: 'sent', recipients: 150, sent: 50, failed: 0, uncertain: 100 })
  })

  it('refuses more than 100 emails in one batch, or an email with attachments, before any request', async () => {
    const batch = batchSenderOf(r.payload.email)
    expect(batch?.batchLimit).toBe(100)
    const before = standIn.requestCount()
    const email = (i: number) => ({ to: `limit${i}@example.org`, subject: 'Too many', text: 'Hi.' })
    await expect(batch!.sendBatch(Array.from({ length: 101 }, (_, i) => email(i)))).rejects.toThrow(
      /at most 100 in one batch, and 101 were given/,
    )
    const withFile = { ...email(0), attachments: [{ filename: 'a.txt', content: 'A' }] }
    await expect(batch!.sendBatch([email(1), withFile])).rejects.toThrow(
      /message 2 of the batch has attachments/,
    )
    expect(standIn.requestCount()).toBe(before)
    expect(await batch!.sendBatch([])).toEqual([])
    expect(await batch!.sendBatch([email(2), email(3)])).toEqual([
      { id: `re_${before + 1}_0` },
      { id: `re_${before + 1}_1` },
    ])
  })
})
