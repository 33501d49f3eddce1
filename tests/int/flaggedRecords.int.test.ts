/**
 * Organisers release or discard flagged signatures and members. Priya and her four co-workers
 * sign from the workplace Wi-Fi; four are flagged "rate-limit" and sent nothing until an organiser
 * releases them, when the owed-email worker sends each a new link.
 */
import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
})

import { discardFlagged, releaseFlagged } from '../../cms/abuse/release'
import { sendOwedMemberConfirmations } from '../../cms/members/memberEmails'
import { flushEmailMarks } from '../../cms/email/owedEmail'
import { sendOwedConfirmations } from '../../cms/campaigns/signatureEmails'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
const outbox = () => t.outbox()
/** A signature as sign.ts stores one whose flags stopped the email: pending, no email due, none sent. */
const quietSignature = (petition: number, email: string, flags: string[]) =>
  make.signature(t.payload, petition, {
    email,
    emailCanonical: email,
    flags,
    state: 'pending',
    confirmEmailState: null,
    confirmationsSent: 0,
  })
const get = (collection: 'signatures' | 'members', id: number | string) =>
  t.payload.findByID({ collection, id, overrideAccess: true, depth: 0 })

beforeAll(async () => {
  t = await startHarness()
})
afterAll(async () => {
  await t?.close()
})

describe('releasing flagged records', () => {
  it("makes a flagged signature's confirmation email owed; the worker then sends it to the outbox with a new link", async () => {
    const petition = await make.petition(t.payload, { title: 'Fair rotas at Quickdrop' })
    const flagged = await quietSignature(petition.id, 'priya@example.org', ['too-fast', 'rate-limit'])
    const now = Date.now()

    expect(await releaseFlagged(t.payload, 'signatures', [flagged.id], now)).toEqual({
      ids: [flagged.id],
      skipped: 0,
    })
    expect(await get('signatures', flagged.id)).toMatchObject({
      flags: ['too-fast', 'released'],
      confirmEmailState: 'owed',
      confirmEmailNextAt: new Date(now).toISOString(),
      confirmationsSent: 1,
      pendingSince: new Date(now).toISOString(),
    })

    expect(await sendOwedConfirmations(t.payload, { now })).toEqual({ sent: 1, failed: 0 })
    await flushEmailMarks(t.payload)
    const sent = (await outbox()).filter((m) => m.to.includes('priya@example.org'))
    expect(sent).toHaveLength(1)
    expect(sent[0].subject).toContain('Fair rotas at Quickdrop')
    expect(sent[0].text).toMatch(/\/api\/public\/confirm\/signature\/[\w-]+/)
    expect((await get('signatures', flagged.id)).confirmEmailState).toBe('sent')
  })

  it("makes a flagged member's confirmation email owed, and the members' worker sends it", async () => {
    const member = await make.member(t.payload, {
      email: 'sam@example.org',
      emailCanonical: 'sam@example.org',
      flags: ['honeypot'],
      confirmationsSent: 0,
    })
    const now = Date.now()
    expect(await releaseFlagged(t.payload, 'members', [String(member.id)], now)).toEqual({
      ids: [member.id],
      skipped: 0,
    })
    expect(await get('members', member.id)).toMatchObject({ flags: ['released'], confirmEmailState: 'owed' })
    expect(await sendOwedMemberConfirmations(t.payload, { now })).toEqual({ sent: 1, failed: 0 })
    expect((await outbox()).filter((m) => m.to.includes('sam@example.org'))).toHaveLength(1)
  })

  it('leaves unflagged and already released records alone, counting them as skipped', async () => {
    const petition = await make.petition(t.payload)
    const plain = await make.signature(t.payload, petition.id, {
      confirmEmailState: 'sent',
      confirmationsSent: 1,
    })
    const released = await quietSignature(petition.id, 'rex@example.org', ['released'])
    const before = [await get('signatures', plain.id), await get('signatures', released.id)]

    expect(await releaseFlagged(t.payload, 'signatures', [plain.id, released.id])).toEqual({
      ids: [],
      skipped: 2,
    })
    expect([await get('signatures', plain.id), await get('signatures', released.id)]).toEqual(before)
  })

  it('does not send again to a flagged signer whose email was already sent (an information-only flag)', async () => {
    const petition = await make.petition(t.payload)
    const informational = await make.signature(t.payload, petition.id, {
      flags: ['no-stamp'],
      confirmEmailState: 'sent',
      confirmationsSent: 1,
    })
    await releaseFlagged(t.payload, 'signatures', [informational.id])
    expect(await get('signatures', informational.id)).toMatchObject({
      flags: ['no-stamp', 'released'],
      confirmEmailState: 'sent',
      confirmationsSent: 1,
    })
  })
})

describe('discarding flagged records', () => {
  it('deletes flagged records and keeps unflagged and released ones', async () => {
    const petition = await make.petition(t.payload)
    const bot = await quietSignature(petition.id, 'bot1@example.org', ['honeypot'])
    const plain = await make.signature(t.payload, petition.id)
    const released = await quietSignature(petition.id, 'ann@example.org', ['released'])

    expect(await discardFlagged(t.payload, 'signatures', [bot.id, plain.id, released.id])).toEqual({
      ids: [bot.id],
      skipped: 2,
    })
    const left = await t.payload.find({
      collection: 'signatures',
      where: { petition: { equals: petition.id } },
      overrideAccess: true,
      depth: 0,
    })
    expect(left.docs.map((d) => d.id).sort()).toEqual([plain.id, released.id].sort())
  })
})

describe('the release and discard endpoints', () => {
  const post = async (path: string, body: unknown, token: string) => {
    const response = await handleEndpoints({
      config: t.payload.config,
      request: new Request(`http://localhost:3000/api/organise/flagged/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
        body: JSON.stringify(body),
      }),
      payloadInstanceCacheKey: t.dir,
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  const tokenOf = async (roles: ('admin' | 'editor' | 'organiser')[]) => {
    const user = await make.user(t.payload, roles)
    return (
      (
        await t.payload.login({
          collection: 'users',
          data: { email: user.email, password: 'a-long-test-password' },
        })
      ).token ?? ''
    )
  }

  it('refuses editors with 403 and touches nothing', async () => {
    const petition = await make.petition(t.payload)
    const bot = await quietSignature(petition.id, 'bot2@example.org', ['honeypot'])
    const editor = await tokenOf(['editor'])
    for (const action of ['release', 'discard']) {
      expect((await post(action, { collection: 'signatures', ids: [bot.id] }, editor)).status).toBe(403)
    }
    expect((await get('signatures', bot.id)).flags).toEqual(['honeypot'])
  })

  it('lets an organiser release and an admin discard, with ids as numbers or strings', async () => {
    const petition = await make.petition(t.payload)
    const one = await quietSignature(petition.id, 'lee@example.org', ['rate-limit'])
    const two = await quietSignature(petition.id, 'bot3@example.org', ['honeypot'])
    expect(
      await post(
        'release',
        { collection: 'signatures', ids: [String(one.id)] },
        await tokenOf(['organiser']),
      ),
    ).toEqual({
      status: 200,
      body: { status: 'done', collection: 'signatures', ids: [one.id], skipped: 0 },
    })
    expect(
      (await post('discard', { collection: 'signatures', ids: [two.id] }, await tokenOf(['admin']))).body,
    ).toEqual({
      status: 'done',
      collection: 'signatures',
      ids: [two.id],
      skipped: 0,
    })
    expect((await get('signatures', one.id)).confirmEmailState).toBe('owed')
  })

  it('answers 422 naming the bad field', async () => {
    const organiser = await tokenOf(['organiser'])
    expect(await post('release', { collection: 'guides', ids: [1] }, organiser)).toEqual({
      status: 422,
      body: { status: 'invalid', errors: { collection: 'collection must be "signatures" or "members".' } },
    })
    expect((await post('release', { collection: 'members', ids: [] }, organiser)).body).toEqual({
      status: 'invalid',
      errors: { ids: 'ids is empty: choose at least one flagged record.' },
    })
    expect((await post('discard', { collection: 'members', ids: ['abc'] }, organiser)).body).toEqual({
      status: 'invalid',
      errors: { ids: 'ids must be record ids of this database (whole numbers, for example 12).' },
    })
    expect((await post('discard', { collection: 'members' }, organiser)).body).toMatchObject({
      errors: { ids: expect.stringContaining('ids must be a list of record ids') },
    })
  })
})
