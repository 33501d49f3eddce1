/** Joining the network through the real join endpoint: consents, choices, warnings, repeats, exports. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
})

import { CONSENT_VERSION } from '../../content-models/consent'
import { make } from '../helpers/factories'
import { linkIn, startHarness, type ServedHarness } from '../helpers/harness'

let t: ServedHarness
let n = 0
const join = (body: Record<string, unknown>, json = false) =>
  fetch(`${t.api}/public/join`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded',
      'X-Forwarded-For': `10.1.${Math.floor(++n / 250)}.${n % 250}`,
    },
    body: json
      ? JSON.stringify(body)
      : new URLSearchParams(
          Object.entries(body).flatMap(([k, v]) =>
            Array.isArray(v) ? v.map((x) => [k, String(x)]) : [[k, String(v)]],
          ),
        ).toString(),
  })
const outbox = () => t.outbox()
const membersWith = async (emailCanonical: string) =>
  (
    await t.payload.find({
      collection: 'members',
      where: { emailCanonical: { equals: emailCanonical } },
      overrideAccess: true,
      depth: 0,
      pagination: false,
    })
  ).docs
const memberCount = async () =>
  (await t.payload.count({ collection: 'members', overrideAccess: true })).totalDocs

let warehouse: { id: number; slug?: string | null; name: string }
let care: { id: number; slug?: string | null }
let session: { id: number; slug?: string | null }

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  warehouse = await make.network(t.payload, {
    name: 'Warehouse workers',
    slug: 'warehouse-workers',
    sector: 'warehouse-logistics',
  })
  care = await make.network(t.payload, { slug: 'care-workers' })
  session = await make.session(t.payload, { slug: 'know-your-rights' })
})
afterAll(async () => {
  await t?.close()
})

const sara = {
  firstName: 'Sara',
  email: 'sara.k@gmail.com',
  postcode: 'NG1 5FS',
  sector: 'warehouse-logistics',
  networks: ['warehouse-workers'],
  session: 'know-your-rights',
  consentEmail: 'on',
  consentUnionInterest: 'on',
}

describe('joining the network', () => {
  it('stores a pending member with both consents and the wording version, emails a confirm link, and confirms on POST', async () => {
    const before = (await outbox()).length
    const res = await join(sara)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('http://site.test/join/check-your-email/')
    const [m] = await membersWith('sarak@gmail.com')
    expect(m).toMatchObject({
      firstName: 'Sara',
      state: 'pending',
      postcode: 'NG1',
      sector: 'warehouse-logistics',
      networks: [warehouse.id],
      consentEmail: true,
      consentUnionInterest: true,
      consentVersion: CONSENT_VERSION,
    })
    const { docs: places } = await t.payload.find({
      collection: 'registrations',
      where: { member: { equals: m.id } },
      overrideAccess: true,
      depth: 0,
    })
    // The session chosen waits, holding no place, until the address is confirmed.
    expect(places).toMatchObject([{ session: session.id, state: 'pending' }])
    const mail = (await outbox()).slice(before)
    expect(mail).toHaveLength(1)
    expect(mail[0].text).toContain('Warehouse workers')
    const link = linkIn(mail[0].text, `${process.env.CMS_URL}/api/public/confirm/member/`)
    await fetch(link)
    expect((await membersWith('sarak@gmail.com'))[0].state).toBe('pending')
    await fetch(link, { method: 'POST' })
    expect(await (await fetch(link, { method: 'POST' })).text()).toContain('already in the network')
    expect((await membersWith('sarak@gmail.com'))[0].state).toBe('confirmed')
    const { docs: placed } = await t.payload.find({
      collection: 'registrations',
      where: { member: { equals: m.id } },
      overrideAccess: true,
      depth: 0,
    })
    expect(placed).toMatchObject([{ session: session.id, state: 'registered' }])
  })

  it('refuses a sign-up without the email consent, naming it, and stores nothing', async () => {
    const before = await memberCount()
    const res = await join({ firstName: 'Lee', email: 'lee@example.org' }, true)
    expect(res.status).toBe(422)
    const { errors } = await res.json()
    expect(Object.keys(errors).sort()).toEqual(['consentEmail'])
    expect(await memberCount()).toBe(before)
  })

  it('never needs the union-interest consent to join, and stores it only when given (issue 15)', async () => {
    const res = await join({ firstName: 'Lee', email: 'lee.optional@example.org', consentEmail: true }, true)
    expect(res.status).toBe(202)
    expect((await membersWith('lee.optional@example.org'))[0]).toMatchObject({
      consentEmail: true,
      consentUnionInterest: false,
      consentUnionInterestVersion: null,
    })
    await join(
      { firstName: 'Ann', email: 'ann.optional@example.org', consentEmail: true, consentUnionInterest: true },
      true,
    )
    expect((await membersWith('ann.optional@example.org'))[0]).toMatchObject({
      consentUnionInterest: true,
      consentUnionInterestVersion: CONSENT_VERSION,
    })
  })

  it.each([
    ['firstName', { firstName: '' }],
    ['email', { email: 'lee at example' }],
    ['sector', { sector: 'space' }],
    ['networks', { networks: ['no-such-network'] }],
    ['session', { session: 'no-such-session' }],
  ])('refuses a bad %s with 422 naming it, and stores nothing', async (field, change) => {
    const before = await memberCount()
    const res = await join({ ...sara, email: `lee${n}@example.org`, ...change }, true)
    expect(res.status).toBe(422)
    expect(Object.keys((await res.json()).errors)).toEqual([field])
    expect(await memberCount()).toBe(before)
  })

  it('warns about a work-looking address but still signs the person up', async () => {
    const res = await join({ ...sara, email: 'amir@quickdrop-logistics.co.uk' }, true)
    expect(res.status).toBe(202)
    expect((await res.json()).warning).toMatch(/work email address/)
    expect(await membersWith('amir@quickdrop-logistics.co.uk')).toHaveLength(1)
    const form = await join({ ...sara, email: 'jo@quickdrop-logistics.co.uk' })
    expect(form.headers.get('location')).toBe('http://site.test/join/check-your-email/work-address/')
  })

  it('keeps one member per address and resends the link 3 times at most', async () => {
    const statuses = []
    for (const email of ['Pat.Lo@gmail.com', 'patlo@gmail.com', 'pat.lo+x@gmail.com', 'PATLO@gmail.com'])
      statuses.push((await (await join({ ...sara, email }, true)).json()).status)
    // The fourth is answered like the first (no oracle); the cap on emails is silent.
    expect(statuses).toEqual(['sent', 'sent', 'sent', 'sent'])
    const members = await membersWith('patlo@gmail.com')
    expect(members).toHaveLength(1)
    expect(members[0].confirmationsSent).toBe(3)
  })

  it('erases a member from the link in their email', async () => {
    const before = (await outbox()).length
    await join({ ...sara, email: 'gone@example.org' })
    const erase = linkIn((await outbox())[before].text, `${process.env.CMS_URL}/api/public/erase/member/`)
    expect(await membersWith('gone@example.org')).toHaveLength(1)
    expect((await fetch(erase, { method: 'POST' })).status).toBe(200)
    expect(await membersWith('gone@example.org')).toHaveLength(0)
  })
})

describe("organisers' counts and admins' logged exports", () => {
  const as = async (roles: ('admin' | 'editor' | 'organiser')[]) => {
    const user = await make.user(t.payload, roles)
    const { token } = await t.payload.login({
      collection: 'users',
      data: { email: user.email, password: 'a-long-test-password' },
    })
    return { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
  }
  const exportAs = async (headers: Record<string, string> | undefined, body: unknown) =>
    fetch(`${t.api}/organise/export`, { method: 'POST', headers, body: JSON.stringify(body) })

  it('has no raw CSV of addresses for organisers: members and signers reach them through updates only', async () => {
    const organiser = await as(['organiser'])
    expect((await fetch(`${t.api}/organise/members.csv`, { headers: organiser })).status).toBe(404)
    expect((await fetch(`${t.api}/organise/petitions/any/signers.csv`, { headers: organiser })).status).toBe(
      404,
    )
    const why = { kind: 'members', reason: 'Moving the network to the union’s own system.' }
    expect((await exportAs(organiser, why)).status).toBe(403)
    expect((await exportAs(await as(['editor']), why)).status).toBe(403)
    expect((await exportAs(undefined, why)).status).toBe(403)
    expect((await fetch(`${t.api}/members`)).status).toBe(403)
  })

  it('lets an admin export confirmed members who agreed to emails, with a reason, and logs who, when, why and how many', async () => {
    await make.member(t.payload, {
      firstName: 'Yes',
      email: 'yes@example.org',
      emailCanonical: 'yes@example.org',
      state: 'confirmed',
      networks: [care.id],
    })
    await make.member(t.payload, {
      firstName: 'Pending',
      email: 'pending@example.org',
      emailCanonical: 'pending@example.org',
      state: 'pending',
      networks: [care.id],
    })
    await make.member(t.payload, {
      firstName: 'Stopped',
      email: 'stopped@example.org',
      emailCanonical: 'stopped@example.org',
      state: 'confirmed',
      consentEmail: false,
      networks: [care.id],
    })
    const admin = await as(['admin'])
    const noReason = await exportAs(admin, { kind: 'members', scope: 'care-workers' })
    expect(noReason.status).toBe(422)
    expect((await noReason.json()).errors).toHaveProperty('reason')
    const res = await exportAs(admin, {
      kind: 'members',
      scope: 'care-workers',
      reason: 'Handing the network to UNISON.',
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    const csv = await res.text()
    expect(csv).toContain('"yes@example.org"')
    expect(csv).not.toContain('pending@example.org')
    expect(csv).not.toContain('stopped@example.org')
    expect(csv.trim().split('\r\n')).toHaveLength(2)
    const log = await t.payload.find({ collection: 'export-log', overrideAccess: true, depth: 0 })
    expect(log.docs).toHaveLength(1)
    expect(log.docs[0]).toMatchObject({
      kind: 'members',
      scope: 'care-workers',
      reason: 'Handing the network to UNISON.',
      rows: 1,
    })
    expect(log.docs[0].createdAt).toBeTruthy()
  })

  it('exports for an admin only the signers who agreed to updates, never the emails of those who did not', async () => {
    const petition = await make.petition(t.payload)
    await make.signature(t.payload, petition.id, {
      email: 'keen@example.org',
      emailCanonical: 'keen@example.org',
      state: 'confirmed',
      consentUpdates: true,
    })
    await make.signature(t.payload, petition.id, {
      email: 'quiet@example.org',
      emailCanonical: 'quiet@example.org',
      state: 'confirmed',
      consentUpdates: false,
    })
    const admin = await as(['admin'])
    expect((await exportAs(admin, { kind: 'signers', reason: 'Handing in the petition.' })).status).toBe(422)
    const csv = await (
      await exportAs(admin, { kind: 'signers', scope: petition.slug, reason: 'Handing in the petition.' })
    ).text()
    expect(csv).toContain('keen@example.org')
    expect(csv).not.toContain('quiet@example.org')
    expect((await fetch(`${t.api}/signatures`)).status).toBe(403)
  })

  it('counts members per network for organisers', async () => {
    const counts = await (
      await fetch(`${t.api}/organise/network-counts`, { headers: await as(['organiser']) })
    ).json()
    expect(counts.find((c: { slug: string }) => c.slug === 'care-workers')).toMatchObject({
      confirmed: 2,
      pending: 1,
    })
  })
})
