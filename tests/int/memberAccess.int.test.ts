/**
 * The access matrix for a signed-in member: with a real session cookie (made by the emailed link),
 * every collection's and global's REST API, the jobs queue and the admin refuse; the member
 * endpoints answer for that member only. A staff account that shares the member's id gets the
 * member nothing. A training session's joining link is for staff only and never in the snapshot.
 */
import path from 'node:path'
import { readFile } from 'node:fs/promises'
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
})

import { exportSnapshot } from '../../cms/publish'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { SITE, asMember, signInAs } from './memberSignInClient'

let t: ServedHarness
let cookie: string
let memberId: number
let otherEmail: string
let staffToken: string

/** A record of each kind to aim at (ids where the collection has one; 1 elsewhere). */
const targets: Partial<Record<string, number>> = {}

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  // The first user and the first member both get id 1: the member must not reach user 1.
  const staff = await make.user(t.payload, ['organiser'], 'Olu Organiser')
  const m = await make.member(t.payload, {
    email: 'asha@example.org',
    emailCanonical: 'asha@example.org',
    state: 'confirmed',
  })
  expect(m.id).toBe(staff.id)
  memberId = m.id
  otherEmail = 'ben@example.org'
  await make.member(t.payload, { email: otherEmail, emailCanonical: otherEmail, state: 'confirmed' })
  cookie = await signInAs(t, 'asha@example.org')
  staffToken =
    (
      await t.payload.login({
        collection: 'users',
        data: { email: staff.email, password: 'a-long-test-password' },
      })
    ).token ?? ''
  targets.guides = (await make.guide(t.payload)).id
  targets['training-sessions'] = (
    await make.session(t.payload, { joiningLink: 'https://meet.example.org/abc-defg' })
  ).id
  targets.networks = (await make.network(t.payload)).id
  targets.petitions = (await make.petition(t.payload)).id
  targets.users = staff.id
  targets.members = m.id
})
afterAll(async () => t?.close())

const REST_COLLECTIONS = () =>
  t.payload.config.collections.filter((c) => c.endpoints !== false).map((c) => c.slug as CollectionSlug)

describe('a signed-in member and the staff API', () => {
  it('is refused list, read, create, update and delete on every collection', async () => {
    const slugs = REST_COLLECTIONS()
    expect(slugs).toEqual(expect.arrayContaining(['members', 'registrations', 'users', 'payload-jobs']))
    const seen: string[] = []
    for (const slug of slugs) {
      const id = targets[slug] ?? 1
      const calls: [string, string, RequestInit?][] = [
        ['list', `/api/${slug}`],
        ['read', `/api/${slug}/${id}`],
        ['create', `/api/${slug}`, { method: 'POST', body: '{}' }],
        ['update', `/api/${slug}/${id}`, { method: 'PATCH', body: '{"title":"x"}' }],
        ['delete', `/api/${slug}/${id}`, { method: 'DELETE' }],
      ]
      for (const [op, url, init] of calls) {
        const res = await asMember(t, cookie, url, {
          ...init,
          headers: { 'Content-Type': 'application/json' },
        })
        seen.push(`${slug} ${op} ${res.status}`)
        expect([401, 403], `${slug} ${op}`).toContain(res.status)
      }
    }
    // Nothing changed: the records are all still there.
    expect((await t.payload.count({ collection: 'guides', overrideAccess: true })).totalDocs).toBe(1)
    expect(seen.length).toBe(slugs.length * 5)
  })

  it('is refused the globals, the jobs queue and the admin, and is nobody to /api/users/me', async () => {
    expect((await asMember(t, cookie, '/api/globals/site-settings')).status).toBe(403)
    expect([401, 403]).toContain((await asMember(t, cookie, '/api/payload-jobs/run')).status)
    expect((await asMember(t, cookie, '/api/payload-preferences/nav')).status).toBe(403)
    const access = await (await asMember(t, cookie, '/api/access')).json()
    // Payload leaves out what is false.
    expect(access.canAccessAdmin ?? false).toBe(false)
    for (const [slug, perms] of Object.entries(access.collections ?? {}))
      expect(JSON.stringify(perms), slug).not.toMatch(/"permission":true/)
    expect(await (await asMember(t, cookie, '/api/users/me')).json()).toMatchObject({ user: null })
    expect((await asMember(t, cookie, '/api/members/me')).status).toBe(403)
  })

  it('does not reach the staff account that shares its id', async () => {
    const res = await asMember(t, cookie, `/api/users/${memberId}`)
    expect(res.status).toBe(403)
    expect(await res.text()).not.toContain('Olu Organiser')
  })

  it('while the same calls with a staff login still work (the matrix is not refusing everyone)', async () => {
    const staff = await fetch(`${t.api}/members/${memberId}`, {
      headers: { Authorization: `JWT ${staffToken}` },
    })
    expect(staff.status).toBe(200)
  })
})

describe('the member endpoints', () => {
  it('answer for the signed-in member only', async () => {
    expect(await (await asMember(t, cookie, '/api/account/session')).json()).toEqual({
      signedIn: true,
      member: { id: memberId },
    })
    const me = await asMember(t, cookie, '/api/account/me')
    expect(me.status).toBe(200)
    const text = await me.text()
    expect(text).toContain('asha@example.org')
    expect(text).not.toContain(otherEmail)
  })

  it('allow the site’s origin with credentials for /api/account/* only', async () => {
    const preflight = await fetch(`${t.api}/account/session`, {
      method: 'OPTIONS',
      headers: { Origin: SITE, 'Access-Control-Request-Method': 'GET' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SITE)
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true')
    const account = await asMember(t, cookie, '/api/account/session')
    expect(account.headers.get('access-control-allow-credentials')).toBe('true')
    for (const url of ['/api/guides', '/api/public/sign-in']) {
      const res = await fetch(`${t.url}${url}`, {
        method: url.endsWith('sign-in') ? 'POST' : 'GET',
        headers: { Origin: SITE, 'Content-Type': 'application/json' },
        body: url.endsWith('sign-in') ? '{"email":"x@example.org"}' : undefined,
      })
      expect(res.headers.get('access-control-allow-origin'), url).toBe(SITE)
      expect(res.headers.get('access-control-allow-credentials'), url).toBeNull()
    }
    const elsewhere = await asMember(t, cookie, '/api/account/session', {
      headers: { Origin: 'https://evil.example' },
    })
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull()
    expect(elsewhere.status).toBe(401)
  })
})

describe("a training session's joining link and registrations", () => {
  it('are read by staff only, and never exported in the snapshot', async () => {
    const id = targets['training-sessions']
    const anonymous = await (await fetch(`${t.api}/training-sessions/${id}`)).json()
    expect(anonymous.title).toBeDefined()
    expect(anonymous).not.toHaveProperty('joiningLink')
    // Nor who registered: the session's registrations are for organisers.
    expect(anonymous).not.toHaveProperty('registrations')
    const staff = await (
      await fetch(`${t.api}/training-sessions/${id}`, { headers: { Authorization: `JWT ${staffToken}` } })
    ).json()
    expect(staff.joiningLink).toBe('https://meet.example.org/abc-defg')
    expect(staff.registrations).toMatchObject({ docs: [] })
    const dir = path.join(t.dir, 'snapshot')
    await exportSnapshot(t.payload, dir)
    const sessions = await readFile(path.join(dir, 'training-sessions.json'), 'utf8')
    expect(sessions).toContain(String(anonymous.slug))
    expect(sessions).not.toContain('meet.example.org')
  })
})
