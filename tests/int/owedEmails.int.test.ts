/**
 * Confirmation emails are owed in the signature's row until sent: a failed send is retried by the
 * worker with a new link, through the real resend SDK against a local stand-in, and marked failed
 * after MAX_EMAIL_ATTEMPTS tries.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  // Each request below comes from its own address (X-Forwarded-For), so no rate limit is hit.
  process.env.TRUST_PROXY = '1'
})

import { resendAdapter } from '../../cms/email/resendAdapter'
import { joinNetwork } from '../../cms/members/join'
import { sendOwedMemberConfirmations } from '../../cms/members/memberEmails'
import { confirmRecord } from '../../cms/members/records'
import { flushEmailMarks, MAX_EMAIL_ATTEMPTS } from '../../cms/email/owedEmail'
import { sendOwedConfirmations } from '../../cms/campaigns/signatureEmails'
import { signPetition } from '../../cms/campaigns/sign'
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

const signatureOf = async (petition: number) =>
  (
    await t.payload.find({
      collection: 'signatures',
      where: { petition: { equals: petition } },
      overrideAccess: true,
      depth: 0,
    })
  ).docs[0]
const toOf = (email: string) => standIn.requests.filter((r) => r.body?.to?.[0] === email)

describe('owed confirmation emails', () => {
  it('marks an email sent at signing as sent, and the worker does not send it again', async () => {
    const petition = await make.petition(t.payload)
    expect(
      await signPetition(
        t.payload,
        petition.slug!,
        { name: 'Ola', email: 'ola@example.org' },
        { ip: '192.0.2.10' },
      ),
    ).toEqual({ status: 'sent' })
    await vi.waitFor(async () => expect((await signatureOf(petition.id)).confirmEmailState).toBe('sent'))
    expect(await sendOwedConfirmations(t.payload, { now: Date.now() + 3_600_000 })).toEqual({
      sent: 0,
      failed: 0,
    })
    expect(toOf('ola@example.org')).toHaveLength(1)
  })

  it('keeps an email owed when Resend is down, then the worker sends it once with a link that confirms', async () => {
    const petition = await make.petition(t.payload, { title: 'Safe staffing' })
    standIn.failWith(503, { statusCode: 503, name: 'internal_server_error', message: 'Try later' })
    const outcome = await signPetition(
      t.payload,
      petition.slug!,
      { name: 'Kim', email: 'kim@example.org' },
      { ip: '192.0.2.11' },
    )
    standIn.succeed()
    expect(outcome).toEqual({ status: 'sent' })
    await vi.waitFor(async () => expect((await signatureOf(petition.id)).confirmEmailAttempts).toBe(1))
    const owed = await signatureOf(petition.id)
    expect(owed).toMatchObject({
      state: 'pending',
      confirmEmailState: 'owed',
      confirmEmailError: expect.stringMatching(/Try later/),
    })
    // Not before its back-off.
    expect(await sendOwedConfirmations(t.payload)).toEqual({ sent: 0, failed: 0 })
    const later = new Date(owed.confirmEmailNextAt!).getTime() + 1
    expect(await sendOwedConfirmations(t.payload, { now: later })).toEqual({ sent: 1, failed: 0 })
    await flushEmailMarks(t.payload)
    expect(await sendOwedConfirmations(t.payload, { now: later + 3_600_000 })).toEqual({ sent: 0, failed: 0 })
    const mails = toOf('kim@example.org')
    // One refused try at signing, then exactly one sent by the worker.
    expect(mails).toHaveLength(2)
    expect(mails[1].body.subject).toBe('Please confirm your signature: Safe staffing')
    expect((await signatureOf(petition.id)).confirmEmailState).toBe('sent')
    const token = /\/api\/public\/confirm\/signature\/([A-Za-z0-9_-]+)/.exec(mails[1].body.text ?? '')![1]
    expect(await confirmRecord(t.payload, 'signature', token)).toBe('confirmed')
  })

  it(`marks an email failed, with the reason, after ${MAX_EMAIL_ATTEMPTS} failed tries, and stops trying`, async () => {
    const petition = await make.petition(t.payload)
    standIn.failWith(500, {
      statusCode: 500,
      name: 'application_error',
      message: 'Resend is having a bad day',
    })
    try {
      await signPetition(
        t.payload,
        petition.slug!,
        { name: 'Lee', email: 'lee@example.org' },
        { ip: '192.0.2.12' },
      )
      await vi.waitFor(async () => expect((await signatureOf(petition.id)).confirmEmailAttempts).toBe(1))
      let now = Date.now()
      for (let i = 2; i <= MAX_EMAIL_ATTEMPTS; i++) {
        now = new Date((await signatureOf(petition.id)).confirmEmailNextAt!).getTime() + 1
        expect(await sendOwedConfirmations(t.payload, { now })).toEqual({ sent: 0, failed: 1 })
      }
      expect(await signatureOf(petition.id)).toMatchObject({
        confirmEmailState: 'failed',
        confirmEmailAttempts: MAX_EMAIL_ATTEMPTS,
        confirmEmailError: expect.stringMatching(/bad day/),
      })
      expect(await sendOwedConfirmations(t.payload, { now: now + 86_400_000 })).toEqual({
        sent: 0,
        failed: 0,
      })
      expect(toOf('lee@example.org')).toHaveLength(MAX_EMAIL_ATTEMPTS)
    } finally {
      standIn.succeed()
    }
  })
})

describe('joining when the email service fails', () => {
  const membersNamed = async (email: string) =>
    (
      await t.payload.find({
        collection: 'members',
        where: { email: { equals: email } },
        overrideAccess: true,
        depth: 0,
      })
    ).docs
  const REFUSED = {
    statusCode: 403,
    name: 'validation_error',
    message: 'The betterwork.example domain is not verified.',
  }

  it('keeps the sign-up with its email owed when Resend is down; the worker sends it, naming the choices, with a link that confirms', async () => {
    const network = await make.network(t.payload, { name: 'Bus Drivers United' })
    standIn.failWith(503, { statusCode: 503, name: 'internal_server_error', message: 'Try later' })
    let outcome
    try {
      outcome = await joinNetwork(
        t.payload,
        {
          firstName: 'Dee',
          email: 'dee@example.org',
          networks: network.slug,
          consentEmail: 'on',
          consentUnionInterest: 'on',
        },
        { ip: '192.0.2.30' },
      )
    } finally {
      standIn.succeed()
    }
    expect(outcome).toMatchObject({ status: 'sent' })
    await vi.waitFor(async () =>
      expect((await membersNamed('dee@example.org'))[0]?.confirmEmailAttempts).toBe(1),
    )
    const owed = (await membersNamed('dee@example.org'))[0]
    expect(owed).toMatchObject({
      state: 'pending',
      confirmEmailState: 'owed',
      confirmEmailError: expect.stringMatching(/Try later/),
    })
    // Not before its back-off; then once.
    expect(await sendOwedMemberConfirmations(t.payload)).toEqual({ sent: 0, failed: 0 })
    const later = new Date(owed.confirmEmailNextAt!).getTime() + 1
    expect(await sendOwedMemberConfirmations(t.payload, { now: later })).toEqual({ sent: 1, failed: 0 })
    await flushEmailMarks(t.payload)
    expect(await sendOwedMemberConfirmations(t.payload, { now: later + 3_600_000 })).toEqual({
      sent: 0,
      failed: 0,
    })
    const mails = toOf('dee@example.org')
    expect(mails).toHaveLength(2)
    expect(mails[1].body.text).toContain('Bus Drivers United')
    expect((await membersNamed('dee@example.org'))[0].confirmEmailState).toBe('sent')
    const token = /\/api\/public\/confirm\/member\/([A-Za-z0-9_-]+)/.exec(mails[1].body.text ?? '')![1]
    expect(await confirmRecord(t.payload, 'member', token)).toBe('confirmed')
  })

  it('keeps nothing and says so when Resend refuses the email itself, and a second try works', async () => {
    const form = {
      firstName: 'Fay',
      email: 'fay@example.org',
      consentEmail: 'on',
      consentUnionInterest: 'on',
    }
    standIn.failWith(403, REFUSED)
    try {
      await expect(joinNetwork(t.payload, form, { ip: '192.0.2.31' })).rejects.toThrow(
        /^Email not sent: Resend said/,
      )
    } finally {
      standIn.succeed()
    }
    // Nothing half-done is left: no member without the email that lets them confirm.
    expect(await membersNamed('fay@example.org')).toHaveLength(0)
    expect(await joinNetwork(t.payload, form, { ip: '192.0.2.32' })).toMatchObject({ status: 'sent' })
    await vi.waitFor(async () =>
      expect((await membersNamed('fay@example.org'))[0]?.confirmEmailState).toBe('sent'),
    )
  })

  it('tells a person using the plain form on a page, and a script in JSON, and stores nothing', async () => {
    const served = await t.serve()
    standIn.failWith(403, REFUSED)
    try {
      const plain = await fetch(`${served.url}/api/public/join`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'text/html,application/xhtml+xml',
          'X-Forwarded-For': '192.0.2.33',
        },
        body: 'firstName=Eve&email=eve%40example.org&consentEmail=on&consentUnionInterest=on',
      })
      expect(plain.status).toBe(500)
      expect(plain.headers.get('content-type')).toMatch(/text\/html/)
      expect(await plain.text()).toMatch(/Something went wrong on our side.*kept nothing from the form/s)
      const script = await fetch(`${served.url}/api/public/join`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'X-Forwarded-For': '192.0.2.34',
        },
        body: JSON.stringify({
          firstName: 'Eve',
          email: 'eve@example.org',
          consentEmail: 'on',
          consentUnionInterest: 'on',
        }),
      })
      expect(script.status).toBe(500)
      expect(await script.json()).toEqual({
        errors: [{ message: 'Something went wrong on our side. Please try again.' }],
      })
    } finally {
      standIn.succeed()
      await served.close()
    }
    expect(await membersNamed('eve@example.org')).toHaveLength(0)
  })

  it('sends a repeat sign-up its new link through the same owed path: kept when Resend is down, sent by the worker', async () => {
    const form = {
      firstName: 'Gus',
      email: 'gus@example.org',
      consentEmail: 'on',
      consentUnionInterest: 'on',
    }
    expect(await joinNetwork(t.payload, form, { ip: '192.0.2.35' })).toMatchObject({ status: 'sent' })
    await vi.waitFor(async () =>
      expect((await membersNamed('gus@example.org'))[0]?.confirmEmailState).toBe('sent'),
    )
    standIn.failWith(503, { statusCode: 503, name: 'internal_server_error', message: 'Try later' })
    try {
      expect(await joinNetwork(t.payload, form, { ip: '192.0.2.36' })).toMatchObject({ status: 'sent' })
    } finally {
      standIn.succeed()
    }
    await vi.waitFor(async () =>
      expect((await membersNamed('gus@example.org'))[0]).toMatchObject({
        confirmEmailState: 'owed',
        confirmEmailAttempts: 1,
      }),
    )
    const owed = (await membersNamed('gus@example.org'))[0]
    expect(
      await sendOwedMemberConfirmations(t.payload, { now: new Date(owed.confirmEmailNextAt!).getTime() + 1 }),
    ).toEqual({ sent: 1, failed: 0 })
    const token = /\/api\/public\/confirm\/member\/([A-Za-z0-9_-]+)/.exec(
      toOf('gus@example.org').at(-1)!.body.text ?? '',
    )![1]
    expect(await confirmRecord(t.payload, 'member', token)).toBe('confirmed')
  })
})
