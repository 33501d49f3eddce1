/**
 * Training places against a real Payload and SQLite file, through the real endpoints where a
 * person would use them: the waiting list, places taken at once, links pressed twice, a session
 * that filled while the form was open. Places freed without a cancel: trainingChanges.int.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
})

import { registerMember } from '../../cms/training/register'
import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'
import { postTo } from '../helpers/publicForms'

let t: ServedHarness
let n = 0

/** A confirmed member, as a sign-in would find them. */
const member = (firstName = 'Ana') => {
  const i = ++n
  return make.member(t.payload, {
    firstName,
    email: `${firstName.toLowerCase()}.${i}@example.org`,
    emailCanonical: `${firstName.toLowerCase()}.${i}@example.org`,
    state: 'confirmed',
  })
}

const registrationsOf = async (session: number) =>
  (
    await t.payload.find({
      collection: 'registrations',
      where: { session: { equals: session } },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
  ).docs

const emailsTo = async (address: string) => (await t.outbox()).filter((m) => m.to.includes(address))

/** Presses the button behind an emailed link (a POST to the link, as the page's form does). */
const press = (link: string) =>
  fetch(link, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })

beforeAll(async () => {
  t = await startHarness({ withServer: true })
})
afterAll(async () => {
  await t?.close()
})

describe('Training places', () => {
  it('the 21st person joins the waiting list of a 20-place session and moves up when someone cancels', async () => {
    const session = await make.session(t.payload, {
      slug: 'holiday-pay-20',
      capacity: 20,
      start: '2030-03-05T18:30:00.000Z',
      end: '2030-03-05T20:00:00.000Z',
    })
    const twenty = await Promise.all(Array.from({ length: 20 }, () => member()))
    for (const m of twenty)
      expect(await registerMember(t.payload, m.id, session.slug)).toMatchObject({ status: 'registered' })

    // Priya has never been here: she registers by email and confirms from the link.
    const form = await postTo(t, `/public/training/${session.slug}/register`, {
      firstName: 'Priya',
      email: 'priya.waits@example.org',
    })
    expect(form.status).toBe(200)
    expect(await form.text()).toContain('Check your email')
    const [confirm] = await emailsTo('priya.waits@example.org')
    expect(confirm.subject).toBe(`Please confirm your place: ${session.title}`)
    const confirmed = await press(linkIn(confirm.text, `${t.api}/public/training/confirm/`))
    expect(await confirmed.text()).toContain('You are number 1 on the waiting list')
    const waiting = (await emailsTo('priya.waits@example.org'))[1]
    expect(waiting.subject).toBe(`You are on the waiting list: ${session.title}`)
    expect(waiting.text).toContain('You are number 1 on the waiting list.')

    // Someone with a place cancels from their email: Priya moves up and is told.
    const leaver = twenty[7]
    const [placed] = await emailsTo(leaver.email)
    expect(placed.subject).toBe(`You have a place: ${session.title}`)
    const cancelled = await press(linkIn(placed.text, `${t.api}/public/training/cancel/`))
    expect(await cancelled.text()).toContain('Your place is cancelled')
    const movedUp = (await emailsTo('priya.waits@example.org')).at(-1)!
    expect(movedUp.subject).toBe(`Good news: you have a place at ${session.title}`)
    const rows = await registrationsOf(session.id)
    expect(rows.filter((r) => r.state === 'registered')).toHaveLength(20)
    expect(rows.filter((r) => r.state === 'waiting')).toHaveLength(0)
    expect(rows.find((r) => r.state === 'registered' && r.movedUpAt)).toBeTruthy()
  })

  it('gives the last places to exactly as many people as there are places when many register at once', async () => {
    const session = await make.session(t.payload, {
      slug: 'rush',
      capacity: 5,
      start: '2030-04-01T18:00:00.000Z',
      end: '2030-04-01T19:00:00.000Z',
    })
    const people = await Promise.all(Array.from({ length: 30 }, () => member('Rush')))
    const outcomes = await Promise.all(people.map((m) => registerMember(t.payload, m.id, session.slug)))
    expect(outcomes.filter((o) => o.status === 'registered')).toHaveLength(5)
    const numbers = outcomes.flatMap((o) => (o.status === 'waiting' ? [o.number] : [])).sort((a, b) => a - b)
    // Each person waiting has a number of their own (nobody was told they got a place and lost it).
    expect(new Set(numbers).size).toBe(25)
    const rows = await registrationsOf(session.id)
    expect(rows.filter((r) => r.state === 'registered')).toHaveLength(5)
    expect(new Set(rows.filter((r) => r.state === 'waiting').map((r) => r.position)).size).toBe(25)
  })

  it('keeps one registration when one person registers from two tabs at once', async () => {
    const session = await make.session(t.payload, {
      slug: 'two-tabs',
      capacity: 3,
      start: '2030-04-02T18:00:00.000Z',
      end: '2030-04-02T19:00:00.000Z',
    })
    const m = await member('Tab')
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => registerMember(t.payload, m.id, session.slug)),
    )
    expect(outcomes.every((o) => o.status === 'registered')).toBe(true)
    expect(outcomes.filter((o) => o.status === 'registered' && !o.already)).toHaveLength(1)
    expect((await registrationsOf(session.id)).filter((r) => r.state === 'registered')).toHaveLength(1)
    expect(await emailsTo(m.email)).toHaveLength(1)
  })

  it('answers a confirm link and a cancel link pressed twice, and loses nothing', async () => {
    const session = await make.session(t.payload, {
      slug: 'twice',
      capacity: 2,
      start: '2030-04-03T18:00:00.000Z',
      end: '2030-04-03T19:00:00.000Z',
    })
    await postTo(
      t,
      `/public/training/${session.slug}/register`,
      { firstName: 'Tom', email: 'tom.twice@example.org' },
      { json: true },
    )
    const link = linkIn(
      (await emailsTo('tom.twice@example.org'))[0].text,
      `${t.api}/public/training/confirm/`,
    )
    // A mail scanner opening the link changes nothing.
    expect(await (await fetch(link)).text()).toContain('Confirm my place')
    expect(await registrationsOf(session.id)).toMatchObject([{ state: 'pending' }])
    expect(await (await press(link)).text()).toContain('You have a place')
    expect(await (await press(link)).text()).toContain('You already have a place')
    // Asking again by email is answered by email with where he stands; nothing new is stored.
    await postTo(t, `/public/training/${session.slug}/register`, {
      firstName: 'Tom',
      email: 'tom.twice@example.org',
    })
    expect((await emailsTo('tom.twice@example.org')).map((m) => m.subject)).toEqual([
      `Please confirm your place: ${session.title}`,
      `You have a place: ${session.title}`,
      `You have a place: ${session.title}`,
    ])
    expect(await registrationsOf(session.id)).toHaveLength(1)
    // The newest email's cancel link is the one that works.
    const cancel = linkIn(
      (await emailsTo('tom.twice@example.org'))[2].text,
      `${t.api}/public/training/cancel/`,
    )
    expect(await (await press(cancel)).text()).toContain('Your place is cancelled')
    const again = await press(cancel)
    expect(again.status).toBe(200)
    expect(await again.text()).toContain('This place is already cancelled')
    expect(await (await press(`${t.api}/public/training/cancel/not-a-token`)).text()).toContain(
      'This link does not work',
    )
  })

  it('a session that filled while the form was open answers with the number on the waiting list', async () => {
    const session = await make.session(t.payload, {
      slug: 'filled',
      capacity: 1,
      start: '2030-04-04T18:00:00.000Z',
      end: '2030-04-04T19:00:00.000Z',
    })
    await postTo(
      t,
      `/public/training/${session.slug}/register`,
      { firstName: 'Lee', email: 'lee.late@example.org' },
      { json: true },
    )
    await registerMember(t.payload, (await member('Early')).id, session.slug)
    const link = linkIn((await emailsTo('lee.late@example.org'))[0].text, `${t.api}/public/training/confirm/`)
    const res = await fetch(link, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(await res.json()).toMatchObject({
      status: 'waiting',
      number: 1,
      message: expect.stringContaining('You are number 1 on the waiting list'),
    })
  })
})
