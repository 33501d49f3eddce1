/**
 * No oracle, no silent loss: signing a petition or joining the network again gives the same bytes
 * whatever the address's history (new, pending, confirmed, at its cap of emails, flagged,
 * unsubscribed), so nobody can learn who signed or joined; and five co-workers signing from one
 * workplace address on one connection each get their own confirmation email.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
})

import { RawConnection } from '../helpers/edgeRaw'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { freshAddress } from '../helpers/publicForms'

let t: ServedHarness
let slug: string

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  slug = String((await make.petition(t.payload)).slug)
})
afterAll(async () => {
  await t?.close()
})

type Post = { path: string; fields: Record<string, string | boolean>; asJson: boolean; from?: string }

/** Posts a form or JSON; the status, the body's exact text and the Location. */
const post = async ({ path: to, fields, asJson, from = freshAddress() }: Post) => {
  const res = await fetch(`${t.api}${to}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': asJson ? 'application/json' : 'application/x-www-form-urlencoded',
      'X-Forwarded-For': from,
    },
    body: asJson
      ? JSON.stringify(fields)
      : new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString(),
  })
  return { status: res.status, body: await res.text(), location: res.headers.get('location') }
}

const setState = (
  collection: 'signatures' | 'members',
  emailCanonical: string,
  state: 'confirmed' | 'unsubscribed',
) =>
  t.payload.update({
    collection,
    where: { emailCanonical: { equals: emailCanonical } },
    data: { state },
    overrideAccess: true,
    depth: 0,
  })

const signatureFor = async (emailCanonical: string) =>
  (
    await t.payload.find({
      collection: 'signatures',
      where: { emailCanonical: { equals: emailCanonical } },
      overrideAccess: true,
      depth: 0,
      pagination: false,
    })
  ).docs

describe('the same answer whatever the address has done before', () => {
  for (const asJson of [true, false]) {
    it(`answers signing again identically for a new, pending, confirmed, capped and flagged address (${asJson ? 'JSON' : 'plain form'})`, async () => {
      const tag = asJson ? 'j' : 'f'
      const sign = (email: string, extra: Record<string, string> = {}) =>
        post({ path: `/public/petitions/${slug}/sign`, fields: { name: 'Tom', email, ...extra }, asJson })
      const who = {
        new: `new-${tag}@example.net`,
        pending: `pending-${tag}@example.net`,
        confirmed: `confirmed-${tag}@example.net`,
        capped: `capped-${tag}@example.net`,
        flagged: `flagged-${tag}@example.net`,
      }
      await sign(who.pending)
      await sign(who.confirmed)
      await setState('signatures', who.confirmed, 'confirmed')
      for (let i = 0; i < 3; i++) await sign(who.capped)
      await sign(who.flagged, { website: 'http://spam.example' })
      // The states are what they claim to be.
      expect((await signatureFor(who.confirmed))[0].state).toBe('confirmed')
      expect((await signatureFor(who.capped))[0].confirmationsSent).toBe(3)
      expect((await signatureFor(who.flagged))[0].flags).toContain('honeypot')
      expect(await signatureFor(who.new)).toEqual([])

      const answers = Object.fromEntries(
        await Promise.all(
          Object.entries(who).map(async ([state, email]) => [state, await sign(email)] as const),
        ),
      )
      const first = answers.new
      expect(first.status).toBe(asJson ? 202 : 303)
      if (!asJson) expect(first.location).toBe('http://site.test/petitions/check-your-email/')
      for (const [state, answer] of Object.entries(answers))
        expect(answer, `signing again when ${state}`).toEqual(first)
    })

    it(`answers joining again identically for a new, pending, confirmed, unsubscribed and capped member (${asJson ? 'JSON' : 'plain form'})`, async () => {
      const tag = asJson ? 'j' : 'f'
      const join = (email: string) =>
        post({
          path: '/public/join',
          fields: { firstName: 'Sara', email, consentEmail: 'on', consentUnionInterest: 'on' },
          asJson,
        })
      const who = {
        new: `new${tag}@gmail.com`,
        pending: `pending${tag}@gmail.com`,
        confirmed: `confirmed${tag}@gmail.com`,
        unsubscribed: `unsubscribed${tag}@gmail.com`,
        capped: `capped${tag}@gmail.com`,
      }
      await join(who.pending)
      await join(who.confirmed)
      await setState('members', who.confirmed, 'confirmed')
      await join(who.unsubscribed)
      await setState('members', who.unsubscribed, 'unsubscribed')
      for (let i = 0; i < 3; i++) await join(who.capped)
      const members = async (email: string) =>
        (
          await t.payload.find({
            collection: 'members',
            where: { emailCanonical: { equals: email } },
            overrideAccess: true,
            depth: 0,
          })
        ).docs
      expect((await members(who.capped))[0].confirmationsSent).toBe(3)
      expect((await members(who.unsubscribed))[0].state).toBe('unsubscribed')

      const answers = Object.fromEntries(
        await Promise.all(
          Object.entries(who).map(async ([state, email]) => [state, await join(email)] as const),
        ),
      )
      const first = answers.new
      expect(first.status).toBe(asJson ? 202 : 303)
      for (const [state, answer] of Object.entries(answers))
        expect(answer, `joining again when ${state}`).toEqual(first)
    })
  }
})

describe('co-workers on one connection', () => {
  it('sends each of five people signing from one workplace address within a minute their own confirmation email', async () => {
    const workplace = freshAddress()
    const people = ['ana', 'ben', 'cai', 'dee', 'eli'].map((n) => `${n}.coworker@example.net`)
    const before = (await t.outbox()).length
    const conn = await RawConnection.open(t.api)
    const statuses: number[] = []
    for (const email of people) {
      const body = JSON.stringify({ name: email.split('.')[0], email })
      conn.write(
        `POST /api/public/petitions/${slug}/sign HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: ${workplace}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        ['POST'],
      )
      const { responses } = await conn.read(1, 5000)
      statuses.push(responses[0]?.status)
    }
    conn.destroy()
    expect(statuses).toEqual([202, 202, 202, 202, 202])
    const mail = (await t.outbox()).slice(before)
    expect(
      mail
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual([...people].sort())
    for (const m of mail) expect(m.text).toMatch(/\/api\/public\/confirm\/signature\//)
  })
})
