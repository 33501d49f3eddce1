/**
 * "Download my data" and "erase my account" on a real Payload and SQLite, through the front
 * server: the download holds everything we keep about the member (and no security codes); erasure
 * removes the person, their registrations and sessions, and keeps only anonymised signatures so
 * petition counts stay right; a member erased mid-session is told so plainly.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  // The site build an erasure queues is tested in erasureBuilds.int.test.ts; here it only waits.
  process.env.JOBS_AUTORUN = 'false'
})

import type { Petition } from '../../content-models/payload-types'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { anotherSession, call, confirmedMember, signIn } from './accountClient'

let t: ServedHarness
let dataCookie: string
let rotas: Petition
let breaks: Petition

const counted = async (petition: number) =>
  (
    await t.payload.count({
      collection: 'signatures',
      where: { and: [{ petition: { equals: petition } }, { state: { equals: 'confirmed' } }] },
      overrideAccess: true,
    })
  ).totalDocs

/** A confirmed member who signed two petitions (one shown by name, one not confirmed) and is in a network. */
const priya = async (email: string) => {
  const network = await make.network(t.payload, {
    name: `Cleaners ${email}`,
    slug: `cleaners-${email.split('@')[0].replace(/[^a-z0-9]+/g, '-')}`,
  })
  const m = await confirmedMember(t.payload, email, [network.id])
  const shown = await make.signature(t.payload, rotas.id, {
    name: 'Priya Shah',
    email,
    emailCanonical: email,
    postcode: 'M1 1AE',
    region: 'Manchester',
    state: 'confirmed',
    showName: true,
    consentUpdates: true,
    confirmTokenHash: 'secret-hash',
  })
  const pending = await make.signature(t.payload, breaks.id, {
    name: 'Priya Shah',
    email,
    emailCanonical: email,
    state: 'pending',
  })
  const session = await make.session(t.payload, { capacity: 20 })
  await t.payload.create({
    collection: 'registrations',
    data: { member: m.id, session: session.id, state: 'registered' },
    overrideAccess: true,
  })
  return { member: m, network, session, signatures: [shown.id, pending.id] }
}

beforeAll(async () => {
  // Every sign-in here comes from this machine; the sign-in limit is tested with the sign-in.
  process.env.RATE_LIMIT_SIGNIN = 'off'
  t = await startHarness({ withServer: true })
  rotas = await make.petition(t.payload, { slug: 'fair-rotas', title: 'Fair rotas' })
  breaks = await make.petition(t.payload, { slug: 'paid-breaks', title: 'Paid breaks' })
  await make.signature(t.payload, rotas.id, { state: 'confirmed' })
})
afterAll(async () => {
  await t?.close()
})

describe('download my data', () => {
  it('holds everything we keep about the member, and no security codes', async () => {
    const { member, network } = await priya('priya.data@example.org')
    dataCookie = await signIn(t, 'priya.data@example.org')
    const res = await call(t, dataCookie, 'GET', '/account/export?format=json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/attachment/)
    const data = res.json as Record<string, never>
    expect(data.member).toMatchObject({
      id: member.id,
      firstName: member.firstName,
      email: 'priya.data@example.org',
      consentEmail: true,
      state: 'confirmed',
    })
    expect(data.networks).toEqual([{ slug: network.slug, name: network.name }])
    const signatures = data.signatures as Record<string, unknown>[]
    expect(signatures).toHaveLength(2)
    expect(signatures).toContainEqual(
      expect.objectContaining({
        name: 'Priya Shah',
        postcode: 'M1 1AE',
        region: 'Manchester',
        state: 'confirmed',
        showName: true,
        petition: expect.objectContaining({ title: 'Fair rotas' }),
      }),
    )
    expect(data.registrations).toHaveLength(1)
    // My account shows the same registration, through the training room's list.
    const me = await call(t, dataCookie, 'GET', '/account/me')
    expect(me.json.registrations).toMatchObject([{ state: 'registered', session: { cancelled: false } }])
    expect(res.text).not.toContain('secret-hash')
    expect(data.notShown).toContain('signatures.confirmTokenHash')
    // Nobody else's signature is in it.
    expect(signatures.every((s) => s.email === 'priya.data@example.org')).toBe(true)
  })

  it('is a readable page for a browser, which works without JavaScript', async () => {
    const res = await call(t, dataCookie, 'GET', '/account/export', undefined, {
      Accept: 'text/html',
      Origin: '',
      'Sec-Fetch-Site': 'same-site',
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.text).toContain('Everything we hold about you')
    expect(res.text).toContain('priya.data@example.org')
    expect(res.text).toContain('Fair rotas')
    expect(res.text).toContain('?format=json')
  })
})

describe('erase my account', () => {
  it('removes the person and keeps only anonymised signatures, so counts stay right', async () => {
    const { member, session, signatures } = await priya('priya.erase@example.org')
    const cookie = await signIn(t, 'priya.erase@example.org')
    const rotasBefore = await counted(rotas.id)
    const refused = await call(t, cookie, 'POST', '/account/erase', {})
    expect(refused.status).toBe(422)
    expect(Object.keys(refused.json.errors as object)).toEqual(['confirm'])

    const res = await call(t, cookie, 'POST', '/account/erase', { confirm: true })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ status: 'erased' })
    expect((res.json.kept as string[]).join(' ')).toMatch(/signature still counts/)
    expect(res.headers.getSetCookie().join(';')).toMatch(/payload-token=;.*Expires=/i)

    expect(
      await t.payload.findByID({
        collection: 'members',
        id: member.id,
        overrideAccess: true,
        disableErrors: true,
      }),
    ).toBeNull()
    const left = await t.payload.find({
      collection: 'signatures',
      where: { id: { in: signatures } },
      overrideAccess: true,
      depth: 0,
      pagination: false,
    })
    // The counted one stays, with nothing that could identify her; the unconfirmed one is gone.
    expect(left.docs.map((s) => s.id)).toEqual([signatures[0]])
    expect(JSON.stringify(left.docs)).not.toMatch(/priya|Priya|M1 1AE|secret-hash/)
    expect(await counted(rotas.id)).toBe(rotasBefore)
    const anonymised = left.docs.filter((s) => s.anonymisedAt)
    expect(anonymised).toHaveLength(1)
    expect(anonymised[0]).toMatchObject({ name: null, email: null, postcode: null, showName: false })
    const registrations = await t.payload.count({
      collection: 'registrations',
      where: { session: { equals: session.id } },
      overrideAccess: true,
    })
    expect(registrations.totalDocs).toBe(0)
  })

  it('tells a member erased mid-session, on another device, plainly that the account is gone', async () => {
    const { member } = await priya('priya.twice@example.org')
    const phone = await signIn(t, 'priya.twice@example.org')
    const laptop = await anotherSession(t.payload, member.id)
    expect((await call(t, phone, 'POST', '/account/erase', { confirm: true })).status).toBe(200)
    const res = await call(t, laptop, 'GET', '/account/me')
    expect(res.status).toBe(410)
    expect(res.json).toMatchObject({ status: 'erased' })
    expect(String(res.json.message)).toMatch(/erased/)
    expect(res.headers.getSetCookie().join(';')).toMatch(/payload-token=;/)
    const page = await call(t, laptop, 'GET', '/account/export', undefined, { Accept: 'text/html' })
    expect(page.status).toBe(410)
    expect(page.text).toContain('Account erased')
  })

  it('gives the same clear answer when the erase link in an email removed the member first', async () => {
    const { member } = await priya('priya.link@example.org')
    const cookie = await signIn(t, 'priya.link@example.org')
    await t.payload.delete({ collection: 'members', id: member.id, overrideAccess: true })
    const res = await call(t, cookie, 'PATCH', '/account/me', { firstName: 'P' })
    expect(res.status).toBe(410)
  })
})
