/**
 * Joining the network again against a real Payload, through the real endpoints: a pending re-join
 * changes nothing until confirmed, a confirmed member keeps their choices and adds networks by a
 * new link, an owed email names the
 * new choices, and unconfirmed records are deleted 7 days after their latest link.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
})

import { sendOwedMemberConfirmations } from '../../cms/members/memberEmails'
import { deleteUnconfirmed } from '../../cms/campaigns/retention'
import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'
import { membersWith, postTo } from '../helpers/publicForms'

let t: ServedHarness
const DAY = 24 * 60 * 60 * 1000
/** Joins through the real endpoint, as the join form's island posts it (JSON). */
const join = (body: Record<string, unknown>) => postTo(t, '/public/join', body, { json: true })
const outbox = () => t.outbox()
const member = async (emailCanonical: string) => (await membersWith(t.payload, emailCanonical))[0]
const backdate = (collection: 'members' | 'signatures', id: number, data: Record<string, string>) =>
  t.payload.db.updateOne({ collection, id, data, returning: false })

let warehouse: { id: number }
let care: { id: number; name: string }
const sara = {
  firstName: 'Sara',
  email: 'sara.rejoin@example.org',
  postcode: 'NG1 5FS',
  sector: 'warehouse-logistics',
  networks: ['warehouse-workers'],
  consentEmail: 'on',
  consentUnionInterest: 'on',
}

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  warehouse = await make.network(t.payload, {
    name: 'Warehouse workers',
    slug: 'warehouse-workers',
    sector: 'warehouse-logistics',
  })
  care = await make.network(t.payload, {
    name: 'Care workers',
    slug: 'care-workers',
    sector: 'care',
  })
})
afterAll(async () => {
  await t?.close()
})

describe('joining again', () => {
  it('Sara joins again 10 days later: nothing changes until she confirms the new link, the purge leaves her, and confirming applies her new choices', async () => {
    const logged: string[] = []
    const info = vi
      .spyOn(t.payload.logger, 'info')
      .mockImplementation((...args: unknown[]) => void logged.push(JSON.stringify(args)))
    const first = (await outbox()).length
    expect((await join(sara)).status).toBe(202)
    const before = await member('sara.rejoin@example.org')
    const oldLink = linkIn((await outbox())[first].text, `${process.env.CMS_URL}/api/public/confirm/member/`)
    expect(before.pendingSince).toBeTruthy()
    const tenDaysAgo = new Date(Date.now() - 10 * DAY).toISOString()
    await backdate('members', before.id, { createdAt: tenDaysAgo, pendingSince: tenDaysAgo })

    expect(
      (await join({ ...sara, postcode: 'CF10 1AA', sector: 'care', networks: ['care-workers'] })).status,
    ).toBe(202)
    const waiting = await member('sara.rejoin@example.org')
    expect(waiting).toMatchObject({
      state: 'pending',
      postcode: 'NG1',
      sector: 'warehouse-logistics',
      networks: [warehouse.id],
    })
    expect(waiting.pendingChanges).toMatchObject({ postcode: 'CF10', sector: 'care', networks: [care.id] })
    expect(Date.now() - Date.parse(waiting.pendingSince!)).toBeLessThan(60_000)
    const email = (await outbox()).at(-1)!
    expect(email.text).toContain('You asked to join: Care workers.')

    expect(await deleteUnconfirmed(t.payload)).toEqual({ signatures: 0, members: 0 })
    expect((await fetch(oldLink, { method: 'POST' })).status).toBe(404)
    expect((await member('sara.rejoin@example.org')).postcode).toBe('NG1')
    const newLink = linkIn(email.text, `${process.env.CMS_URL}/api/public/confirm/member/`)
    expect((await fetch(newLink, { method: 'POST' })).status).toBe(200)
    const confirmed = await member('sara.rejoin@example.org')
    expect(confirmed).toMatchObject({
      state: 'confirmed',
      postcode: 'CF10',
      sector: 'care',
      networks: [care.id],
      pendingChanges: null,
    })
    expect(Date.now() - Date.parse(confirmed.lastActiveAt!)).toBeLessThan(60_000)
    info.mockRestore()
    expect(logged.length).toBeGreaterThan(0)
    expect(logged.join('\n')).not.toMatch(/@|sara/i)
  })

  it('a confirmed member who joins another network keeps everything until she confirms, then is in both (issue 15)', async () => {
    const before = (await outbox()).length
    expect((await join({ ...sara, networks: ['warehouse-workers'], postcode: 'M1 1AA' })).status).toBe(202)
    const mail = (await outbox())[before]
    expect(mail.subject).not.toBe('You are already in the Better Work network')
    expect(mail.text).toContain('Warehouse workers')
    expect(await member('sara.rejoin@example.org')).toMatchObject({
      state: 'confirmed',
      postcode: 'CF10',
      networks: [care.id],
    })
    const link = linkIn(mail.text, `${process.env.CMS_URL}/api/public/confirm/member/`)
    expect(await (await fetch(link, { method: 'POST' })).text()).toContain('Confirmed')
    expect(await member('sara.rejoin@example.org')).toMatchObject({
      state: 'confirmed',
      postcode: 'CF10',
      networks: [care.id, warehouse.id],
      pendingChanges: null,
    })
    expect(await (await fetch(link, { method: 'POST' })).text()).toContain('already in the network')
  })

  it('a confirmed member who joins again with nothing new gets "already joined" and keeps their choices', async () => {
    const before = (await outbox()).length
    expect((await join({ ...sara, networks: ['care-workers'], postcode: 'M1 1AA' })).status).toBe(202)
    expect((await outbox())[before].subject).toBe('You are already in the Better Work network')
    expect(await member('sara.rejoin@example.org')).toMatchObject({
      state: 'confirmed',
      postcode: 'CF10',
      networks: [care.id, warehouse.id],
      pendingChanges: null,
    })
  })

  it("a re-join's email still owed (the email service was down) names the new choices when the worker sends it", async () => {
    const waiting = await make.member(t.payload, {
      firstName: 'Sam',
      state: 'pending',
      networks: [warehouse.id],
      pendingChanges: { firstName: 'Samira', networks: [care.id] },
      confirmEmailState: 'owed',
      confirmEmailNextAt: new Date(Date.now() - 1000).toISOString(),
    })
    const before = (await outbox()).length
    expect(await sendOwedMemberConfirmations(t.payload)).toEqual({ sent: 1, failed: 0 })
    const [email] = (await outbox()).slice(before)
    expect(email.to).toEqual([waiting.email])
    expect(email.text).toContain('Hello Samira,')
    expect(email.text).toContain('You asked to join: Care workers.')
  })

  it('deletes records unconfirmed 7 days after their latest link, counting from createdAt where pendingSince is missing', async () => {
    const petition = await make.petition(t.payload)
    const old = new Date(Date.now() - 8 * DAY).toISOString()
    const legacy = await make.signature(t.payload, petition.id, { state: 'pending' })
    const resent = await make.signature(t.payload, petition.id, {
      state: 'pending',
      pendingSince: new Date().toISOString(),
    })
    const stale = await make.member(t.payload, { state: 'pending', pendingSince: old })
    await backdate('signatures', legacy.id, { createdAt: old })
    await backdate('signatures', resent.id, { createdAt: old })
    expect(await deleteUnconfirmed(t.payload)).toEqual({ signatures: 1, members: 1 })
    const left = (
      await t.payload.find({
        collection: 'signatures',
        where: { petition: { equals: petition.id } },
        overrideAccess: true,
        depth: 0,
      })
    ).docs.map((s) => s.id)
    expect(left).toEqual([resent.id])
    expect(
      await t.payload.findByID({
        collection: 'members',
        id: stale.id,
        overrideAccess: true,
        disableErrors: true,
      }),
    ).toBeNull()
  })
})
