/**
 * My account's API on a real Payload and SQLite, through the front server: a member signed in by
 * the emailed link reads and changes only their own record; bad input is refused naming each
 * field, and nothing is stored; networks are joined and left; the union-interest consent is given
 * and withdrawn with its wording's version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONSENT_VERSION, CONSENT_WORDING } from '../../content-models/consent'
import type { Network } from '../../content-models/payload-types'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { call, confirmedMember, signIn, site } from './accountClient'

let t: ServedHarness
let warehouse: Network
let care: Network
let sara: { id: number; cookie: string }
let tom: { id: number; cookie: string }

const member = (id: number) =>
  t.payload.findByID({ collection: 'members', id, depth: 0, overrideAccess: true })

beforeAll(async () => {
  // Every sign-in here comes from this machine; the sign-in limit is tested with the sign-in.
  process.env.RATE_LIMIT_SIGNIN = 'off'
  t = await startHarness({ withServer: true })
  warehouse = await make.network(t.payload, { name: 'Warehouse workers', slug: 'warehouse-workers' })
  care = await make.network(t.payload, { name: 'Care workers', slug: 'care-workers' })
  const s = await confirmedMember(t.payload, 'sara.account@example.org', [warehouse.id])
  const o = await confirmedMember(t.payload, 'tom.account@example.org', [care.id])
  const petition = await make.petition(t.payload, { slug: 'fair-rotas', title: 'Fair rotas' })
  await make.signature(t.payload, petition.id, {
    email: 'tom.account@example.org',
    emailCanonical: 'tom.account@example.org',
    state: 'confirmed',
  })
  sara = { id: s.id, cookie: await signIn(t, 'sara.account@example.org') }
  tom = { id: o.id, cookie: await signIn(t, 'tom.account@example.org') }
})
afterAll(async () => {
  await t?.close()
})

describe('who may use My account', () => {
  it('answers 401, saying how to sign in, without a member session', async () => {
    const res = await call(t, null, 'GET', '/account/me')
    expect(res.status).toBe(401)
    expect(res.json).toMatchObject({ status: 'signed-out' })
    expect(String(res.json.message)).toMatch(/sign in/i)
    for (const [method, path] of [
      ['PATCH', '/account/me'],
      ['POST', '/account/networks/care-workers'],
      ['PUT', '/account/consent'],
      ['GET', '/account/export?format=json'],
      ['POST', '/account/erase'],
    ])
      expect((await call(t, null, method, path, method === 'GET' ? undefined : {})).status).toBe(401)
    // What every network page asks answers everyone, and tells nothing.
    const probe = await call(t, null, 'GET', '/account/networks')
    expect(probe).toMatchObject({ status: 200, json: { status: 'signed-out', networks: null } })
  })

  it('answers 401 to a staff user: staff are not members', async () => {
    const admin = await make.user(t.payload, ['admin'])
    const login = await fetch(`${t.api}/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: site() },
      body: JSON.stringify({ email: admin.email, password: 'a-long-test-password' }),
    })
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? ''
    expect(cookie).toMatch(/^payload-token=./)
    expect((await call(t, cookie, 'GET', '/account/me')).status).toBe(401)
  })

  it('refuses a member cookie sent from another site (not in the csrf list)', async () => {
    const res = await call(t, sara.cookie, 'GET', '/account/me', undefined, {
      Origin: 'https://evil.example',
    })
    expect(res.status).toBe(401)
  })

  it("shows a member their own record and nobody else's", async () => {
    const mine = await call(t, sara.cookie, 'GET', '/account/me')
    expect(mine.status).toBe(200)
    expect(mine.json.member).toMatchObject({ id: sara.id, email: 'sara.account@example.org' })
    expect(mine.json.networks).toEqual([
      { slug: 'warehouse-workers', name: 'Warehouse workers', displayName: null },
    ])
    expect(mine.json.signatures).toEqual([])
    expect(mine.text).not.toContain('tom.account@example.org')
    const his = await call(t, tom.cookie, 'GET', '/account/me')
    expect(his.json.member).toMatchObject({ id: tom.id })
    expect(his.json.signatures).toMatchObject([{ petition: { title: 'Fair rotas' }, state: 'confirmed' }])
    expect(his.json.emails).toContainEqual({ kind: 'petition', on: false, petition: 'Fair rotas' })
  })

  it("never reaches the staff API, not even the member's own record", async () => {
    for (const path of [`/members/${sara.id}`, `/members/${tom.id}`, '/members', '/signatures'])
      expect((await call(t, sara.cookie, 'GET', path)).status).not.toBe(200)
  })
})

describe('changing my details', () => {
  it('changes first name, postcode (first half kept), sector and a display name', async () => {
    const res = await call(t, sara.cookie, 'PATCH', '/account/me', {
      firstName: 'Sara K',
      postcode: 'E1 6AN',
      sector: 'warehouse-logistics',
      displayNames: { 'warehouse-workers': 'Night shift Sara' },
    })
    expect(res.status).toBe(200)
    expect(res.json.networks).toEqual([
      { slug: 'warehouse-workers', name: 'Warehouse workers', displayName: 'Night shift Sara' },
    ])
    const stored = await member(sara.id)
    expect(stored).toMatchObject({ firstName: 'Sara K', postcode: 'E1', sector: 'warehouse-logistics' })
    expect((await member(tom.id)).firstName).toBe('Sara')
  })

  it('clears an optional field sent empty', async () => {
    expect((await call(t, sara.cookie, 'PATCH', '/account/me', { postcode: '' })).status).toBe(200)
    expect((await member(sara.id)).postcode ?? null).toBeNull()
  })

  it('refuses bad input with 422 naming each field, and stores nothing', async () => {
    const before = await member(sara.id)
    const res = await call(t, sara.cookie, 'PATCH', '/account/me', {
      firstName: '',
      sector: 'astronaut',
      email: 'someone@else.example',
      displayNames: { 'care-workers': 'Sara', 'warehouse-workers': 'sara@example.org' },
    })
    expect(res.status).toBe(422)
    const errors = res.json.errors as Record<string, string>
    expect(Object.keys(errors).sort()).toEqual([
      'displayNames.care-workers',
      'displayNames.warehouse-workers',
      'email',
      'firstName',
      'sector',
    ])
    expect(errors.firstName).toMatch(/first name/)
    expect(errors['displayNames.care-workers']).toMatch(/network you are in/)
    expect(await member(sara.id)).toEqual(before)
  })

  it('answers 400 to a body that is not JSON, and 422 to an empty change', async () => {
    expect((await call(t, sara.cookie, 'PATCH', '/account/me', '{not json')).status).toBe(400)
    const empty = await call(t, sara.cookie, 'PATCH', '/account/me', {})
    expect(empty.status).toBe(422)
    expect(empty.json.errors).toHaveProperty('form')
  })
})

describe('networks', () => {
  const count = async (slug: string) =>
    (await call(t, null, 'GET', `/public/networks/${slug}/count`)).json.count

  it('joins and leaves a network; its public count is a number, never who', async () => {
    expect(await count('care-workers')).toBe(1)
    const joined = await call(t, sara.cookie, 'POST', '/account/networks/care-workers')
    expect(joined.json).toMatchObject({ status: 'joined' })
    expect(await count('care-workers')).toBe(2)
    expect((await call(t, sara.cookie, 'POST', '/account/networks/care-workers')).json.status).toBe(
      'already-member',
    )
    expect((await call(t, sara.cookie, 'GET', '/account/networks')).json.networks).toEqual([
      'warehouse-workers',
      'care-workers',
    ])
    const left = await call(t, sara.cookie, 'DELETE', '/account/networks/warehouse-workers')
    expect(left.json).toMatchObject({ status: 'left' })
    const stored = await member(sara.id)
    expect(stored.networks).toEqual([care.id])
    const counted = await call(t, null, 'GET', '/public/networks/care-workers/count')
    expect(Object.keys(counted.json)).toEqual(['count'])
  })

  it('answers 404 for a network that does not exist', async () => {
    expect((await call(t, sara.cookie, 'POST', '/account/networks/no-such-network')).status).toBe(404)
    expect((await call(t, null, 'GET', '/public/networks/no-such-network/count')).status).toBe(404)
  })
})

describe('the union-interest consent', () => {
  it('is withdrawn and given again, stored with the wording version', async () => {
    expect(
      (await call(t, sara.cookie, 'PUT', '/account/consent', { unionInterest: false })).json.status,
    ).toBe('withdrawn')
    expect(await member(sara.id)).toMatchObject({ consentUnionInterest: false })
    const me = await call(t, sara.cookie, 'GET', '/account/me')
    expect(me.json.consent).toMatchObject({ unionInterest: { given: false, version: null } })
    expect((await call(t, sara.cookie, 'PUT', '/account/consent', { unionInterest: true })).json.status).toBe(
      'given',
    )
    expect(await member(sara.id)).toMatchObject({
      consentUnionInterest: true,
      consentUnionInterestVersion: CONSENT_VERSION,
    })
    const again = await call(t, sara.cookie, 'GET', '/account/me')
    expect(again.json.consent).toMatchObject({
      unionInterest: { given: true, version: CONSENT_VERSION, wording: CONSENT_WORDING.unionInterest },
    })
  })

  it('refuses anything but yes or no, naming the field', async () => {
    const res = await call(t, sara.cookie, 'PUT', '/account/consent', { unionInterest: 'maybe' })
    expect(res.status).toBe(422)
    expect(Object.keys(res.json.errors as object)).toEqual(['unionInterest'])
  })
})
