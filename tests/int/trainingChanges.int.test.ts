/**
 * Training places that change hands without a cancel, against a real Payload and SQLite file: a
 * member erased while they hold a place (at once, or by the training job), the join form's session
 * placed when the member confirms, and registrations never confirmed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
})

import { cancelByToken, forgetRegistrationsOf } from '../../cms/training/cancel'
import { listRegistrationsFor } from '../../cms/training/forMember'
import { placePendingRegistrations, registerMember } from '../../cms/training/register'
import { deleteUnconfirmedRegistrations } from '../../cms/training/tidy'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
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

beforeAll(async () => {
  t = await startHarness({ withServer: true })
})
afterAll(async () => {
  await t?.close()
})

describe('Training places without a cancel', () => {
  it('gives the place of a member erased mid-session to the next person waiting', async () => {
    const session = await make.session(t.payload, {
      slug: 'erased',
      capacity: 1,
      start: '2030-04-05T18:00:00.000Z',
      end: '2030-04-05T19:00:00.000Z',
    })
    const [gone, next] = [await member('Gone'), await member('Next')]
    await registerMember(t.payload, gone.id, session.slug)
    expect(await registerMember(t.payload, next.id, session.slug)).toMatchObject({
      status: 'waiting',
      number: 1,
    })
    expect(await forgetRegistrationsOf(t.payload, gone.id)).toEqual({ deleted: 1, placesFreed: 1 })
    await t.payload.delete({ collection: 'members', id: gone.id, overrideAccess: true })
    expect((await emailsTo(next.email)).at(-1)!.subject).toBe(
      `Good news: you have a place at ${session.title}`,
    )
    expect(await listRegistrationsFor(t.payload, next.id)).toMatchObject([
      { state: 'registered', session: { slug: 'erased' } },
    ])
    // The erased member's emailed link now finds nothing.
    expect(await cancelByToken(t.payload, 'whatever-was-in-their-email')).toEqual({ status: 'unknown' })
  })

  it('moves the waiting list up within a minute when a member is deleted some other way', async () => {
    const session = await make.session(t.payload, {
      slug: 'deleted-elsewhere',
      capacity: 1,
      start: '2030-04-06T18:00:00.000Z',
      end: '2030-04-06T19:00:00.000Z',
    })
    const [gone, next] = [await member('Quiet'), await member('Waiting')]
    await registerMember(t.payload, gone.id, session.slug)
    await registerMember(t.payload, next.id, session.slug)
    // As retention or the erase link does: just the delete (the collection's hook drops the registrations).
    await t.payload.delete({ collection: 'members', id: gone.id, overrideAccess: true })
    await t.payload.jobs.queue({ task: 'sendTrainingEmails', input: {}, queue: 'training' })
    await t.payload.jobs.run({ queue: 'training' })
    expect((await emailsTo(next.email)).at(-1)!.subject).toBe(
      `Good news: you have a place at ${session.title}`,
    )
    expect((await registrationsOf(session.id)).map((r) => r.state)).toEqual(['registered'])
  })

  it('places the session chosen on the join form when the new member confirms, past no capacity', async () => {
    const session = await make.session(t.payload, {
      slug: 'chosen-on-join',
      capacity: 1,
      start: '2030-04-07T18:00:00.000Z',
      end: '2030-04-07T19:00:00.000Z',
    })
    await registerMember(t.payload, (await member('First')).id, session.slug)
    // As joining leaves it: a pending registration of a member who then confirms.
    const joiner = await member('Joiner')
    await t.payload.create({
      collection: 'registrations',
      data: { member: joiner.id, session: session.id, state: 'pending' },
      overrideAccess: true,
    })
    expect(await placePendingRegistrations(t.payload, joiner.id)).toBe(1)
    expect((await registrationsOf(session.id)).map((r) => r.state).sort()).toEqual(['registered', 'waiting'])
    expect((await emailsTo(joiner.email)).at(-1)!.subject).toBe(
      `You are on the waiting list: ${session.title}`,
    )
  })

  it('deletes a registration never confirmed 7 days after its latest link, and keeps newer ones', async () => {
    const session = await make.session(t.payload, {
      slug: 'never-confirmed',
      start: '2030-04-08T18:00:00.000Z',
      end: '2030-04-08T19:00:00.000Z',
    })
    for (const email of ['old.link@example.org', 'new.link@example.org'])
      await postTo(
        t,
        `/public/training/${session.slug}/register`,
        { firstName: 'Link', email },
        { json: true },
      )
    const [old] = (await registrationsOf(session.id)).sort((a, b) => Number(a.id) - Number(b.id))
    await t.payload.db.updateOne({
      collection: 'registrations',
      id: old.id,
      data: { updatedAt: new Date(Date.now() - 8 * 86_400_000).toISOString() },
      returning: false,
    })
    expect(await deleteUnconfirmedRegistrations(t.payload)).toBe(1)
    expect(await registrationsOf(session.id)).toHaveLength(1)
  })
})
