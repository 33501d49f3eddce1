/**
 * Updates to supporters through the `resend` SDK against the local stand-in of Resend's API
 * (tests/helpers/resendStandIn.ts): 1,000 emails with the List-Unsubscribe headers, one request per
 * signer; a refused email retried a limited number of times and counted failed; the rate kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendUpdate } from '../../cms/campaigns/updates/send'
import { resendAdapter } from '../../cms/email/resendAdapter'
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
  beforeAll(async () => {
    standIn = await startResendStandIn()
    r = await startHarness({ email: resendAdapter({ apiKey: 're_test_key', baseUrl: standIn.url }) })
    const p = await make.petition(r.payload, { title: 'Safe staffing' })
    await seedSigners(r.payload, p.id, 1000, 'resend')
    const q = await make.petition(r.payload)
    await seedSigners(r.payload, q.id, 12, 'flaky')
    small = q.id
    big = p.id
  }, 60_000)
  afterAll(async () => {
    await r?.close()
    await standIn?.close()
  })

  it('sends 1,000 emails, each with the List-Unsubscribe headers, one request per signer', async () => {
    const id = await writeAndQueue(r, big, 'Through Resend')
    expect(await sendUpdate(r.payload, id, UNLIMITED)).toMatchObject({ sent: 1000, done: true })
    const sent = standIn.requests.filter((q) => q.body.subject === 'Through Resend')
    expect(sent).toHaveLength(1000)
    expect(once(sent.flatMap((q) => q.body.to ?? []))).toBe(true)
    for (const q of sent) {
      const headers = q.body.headers as Record<string, string>
      expect(headers['List-Unsubscribe']).toMatch(/^<http.*\/api\/public\/unsubscribe\/signature\//)
      expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    }
  })

  it('retries a refused email a limited number of times, then counts it failed', async () => {
    standIn.failWith(500, { name: 'internal_server_error', message: 'Down', statusCode: 500 })
    const id = await writeAndQueue(r, small, 'While Resend is down')
    const result = await sendUpdate(r.payload, id, { ...UNLIMITED, tries: 3, retryAfterMs: 0 })
    standIn.succeed()
    expect(result).toMatchObject({ sent: 0, failed: 12, retrying: 24, done: true })
    expect(standIn.requests.filter((q) => q.body.subject === 'While Resend is down')).toHaveLength(36)
    const u = await r.payload.findByID({ collection: 'supporter-updates', id, overrideAccess: true })
    expect(u).toMatchObject({ state: 'sent', recipients: 12, sent: 0, failed: 12 })
  })

  it('keeps to the rate: at 20 a second, no second sees more than 20 requests start', async () => {
    const id = await writeAndQueue(r, small, 'At a steady rate')
    const start = Date.now()
    await sendUpdate(r.payload, id, { perSecond: 20 })
    const sent = standIn.requests.filter((q) => q.body.subject === 'At a steady rate')
    expect(sent).toHaveLength(12)
    // 12 emails at 20/s cannot all start within the first 0.5 s.
    expect(Date.now() - start).toBeGreaterThanOrEqual(500)
  })
})
