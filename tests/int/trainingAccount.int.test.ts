/**
 * Training for a signed-in member, through the front server with the session cookie and the
 * site's Origin, as the register island and My account call it: where I stand, register (once, even
 * from two tabs), my registrations, cancel one; nobody else's; and nothing without a session.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
})

import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { asMember, signInAs, SITE } from './memberSignInClient'

let t: ServedHarness
let nia: { id: number; cookie: string }
let olu: { id: number; cookie: string }

/** Calls the CMS as the island does: JSON, the member's cookie (or none), the site's Origin. */
const call = async (
  t: ServedHarness,
  cookie: string | null,
  method: string,
  path: string,
  body?: unknown,
) => {
  const init: RequestInit = {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  }
  const res = cookie
    ? await asMember(t, cookie, `/api${path}`, init)
    : await fetch(`${t.api}${path}`, { ...init, headers: { ...init.headers, Origin: SITE } })
  const text = await res.text()
  return {
    status: res.status,
    json: (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown>,
  }
}

/** A confirmed member with an address of their own. */
const confirmedMember = (payload: ServedHarness['payload'], email: string) =>
  make.member(payload, {
    email,
    emailCanonical: email,
    state: 'confirmed',
    confirmedAt: new Date().toISOString(),
  })

beforeAll(async () => {
  process.env.RATE_LIMIT_SIGNIN = 'off'
  t = await startHarness({ withServer: true })
  await make.session(t.payload, {
    title: 'Sick pay basics',
    slug: 'sick-pay-basics',
    capacity: 1,
    start: '2030-05-01T17:00:00.000Z',
    end: '2030-05-01T18:30:00.000Z',
  })
  const n = await confirmedMember(t.payload, 'nia.training@example.org')
  const o = await confirmedMember(t.payload, 'olu.training@example.org')
  nia = { id: n.id, cookie: await signInAs(t, 'nia.training@example.org') }
  olu = { id: o.id, cookie: await signInAs(t, 'olu.training@example.org') }
})
afterAll(async () => {
  await t?.close()
})

describe('training for a signed-in member', () => {
  it('Nia sees the places left, registers with one press (once, from two tabs), and Olu waits', async () => {
    const before = await call(t, nia.cookie, 'GET', '/account/training/sick-pay-basics')
    expect(before.json).toEqual({
      signedIn: true,
      standing: null,
      places: { capacity: 1, left: 1, waiting: 0, closed: null },
    })
    const tabs = await Promise.all([
      call(t, nia.cookie, 'POST', '/account/training/sick-pay-basics/register', {}),
      call(t, nia.cookie, 'POST', '/account/training/sick-pay-basics/register', {}),
    ])
    expect(tabs.map((r) => r.json.status)).toEqual(['registered', 'registered'])
    expect(tabs.filter((r) => r.json.already === false)).toHaveLength(1)
    const olus = await call(t, olu.cookie, 'POST', '/account/training/sick-pay-basics/register', {})
    expect(olus.json).toMatchObject({
      status: 'waiting',
      number: 1,
      message:
        'The session is full. You are number 1 on the waiting list. We will email you if you get a place.',
    })
    const after = await call(t, olu.cookie, 'GET', '/account/training/sick-pay-basics')
    expect(after.json).toMatchObject({
      standing: { status: 'waiting', number: 1 },
      places: { left: 0, waiting: 1 },
    })
  })

  it('Nia cancels from My account: Olu moves up; Olu cannot cancel Nia’s registration', async () => {
    const mine = await call(t, nia.cookie, 'GET', '/account/training')
    const list = mine.json.registrations as { id: number; state: string; session: { slug: string } }[]
    expect(list).toMatchObject([{ state: 'registered', session: { slug: 'sick-pay-basics' } }])
    const notHers = await call(
      t,
      olu.cookie,
      'POST',
      `/account/training/registrations/${list[0].id}/cancel`,
      {},
    )
    expect(notHers.status).toBe(404)
    const cancelled = await call(
      t,
      nia.cookie,
      'POST',
      `/account/training/registrations/${list[0].id}/cancel`,
      {},
    )
    expect(cancelled.json).toMatchObject({ status: 'cancelled', was: 'registered' })
    const again = await call(
      t,
      nia.cookie,
      'POST',
      `/account/training/registrations/${list[0].id}/cancel`,
      {},
    )
    expect(again.json).toEqual({ status: 'already-cancelled' })
    expect((await call(t, olu.cookie, 'GET', '/account/training')).json.registrations).toMatchObject([
      { state: 'registered', waitingNumber: null },
    ])
    const mail = (await t.outbox()).filter((m) => m.to.includes('olu.training@example.org')).at(-1)
    expect(mail?.subject).toBe('Good news: you have a place at Sick pay basics')
  })

  it('answers without a session: signed out for my registrations, the places for the page', async () => {
    expect((await call(t, null, 'GET', '/account/training')).status).toBe(401)
    expect((await call(t, null, 'POST', '/account/training/sick-pay-basics/register', {})).status).toBe(401)
    expect((await call(t, null, 'GET', '/account/training/sick-pay-basics')).json).toMatchObject({
      signedIn: false,
      standing: null,
    })
  })
})
