/**
 * Who may do what with updates to supporters, over real HTTP through the front server: the three
 * new collections (supporter-updates, supporter-update-deliveries, export-log) × list, read,
 * create, update, delete × anonymous, a signed-in member (their cookie, the site's Origin),
 * editor, reviewer, adviser, organiser, admin, against a written table of rules. And organisers
 * never read an address: not in an update at any depth, not through the deliveries or the log.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// The test sends a queued update itself: the job runner's own send (every few seconds) would race
// it for the same emails, and the counts read back would depend on which got there first (3 of 5
// were counted once, at load average 16).
vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
})

import { seedSigners } from '../../scripts/bench/updates/seed'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { anotherSession, call, confirmedMember } from './accountClient'

type Who = 'anonymous' | 'member' | 'editor' | 'reviewer' | 'adviser' | 'organiser' | 'admin'
type Op = 'list' | 'read' | 'create' | 'update' | 'delete'
type Slug = 'supporter-updates' | 'supporter-update-deliveries' | 'export-log'
const WHO: Who[] = ['anonymous', 'member', 'editor', 'reviewer', 'adviser', 'organiser', 'admin']
const OPS: Op[] = ['list', 'read', 'create', 'update', 'delete']
const PASSWORD = 'a-long-test-password'

/** The rules: who may do each operation (everyone else is refused). */
const RULES: Record<Slug, Record<Op, Who[]>> = {
  'supporter-updates': {
    list: ['organiser', 'admin'],
    read: ['organiser', 'admin'],
    create: ['organiser', 'admin'],
    // Drafts only, for organisers: once queued, an update is the sender's.
    update: ['organiser', 'admin'],
    delete: ['organiser', 'admin'],
  },
  // Each row points at a signature, so at an address: admins only, and nobody writes one by hand.
  'supporter-update-deliveries': {
    list: ['admin'],
    read: ['admin'],
    create: [],
    update: [],
    delete: ['admin'],
  },
  // The log of exports: admins read it; nobody writes, changes or removes an entry through the API.
  'export-log': { list: ['admin'], read: ['admin'], create: [], update: [], delete: [] },
}

let t: ServedHarness
let petition: number
let addresses: string[]
const jwt: Partial<Record<Who, string>> = {}
let memberCookie: string

const rest = async (who: Who, method: string, path: string, body?: unknown) => {
  if (who === 'member') return call(t, memberCookie, method, path, body)
  const res = await fetch(`${t.api}${path}`, {
    method,
    headers: {
      ...(jwt[who] ? { Authorization: `JWT ${jwt[who]}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, text, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> }
}

/** One record of the collection, made through the Local API (a fresh one for each update and delete). */
const seed = async (slug: Slug): Promise<number> => {
  const base = { overrideAccess: true, depth: 0 } as const
  if (slug === 'supporter-updates')
    return (
      await t.payload.create({
        collection: slug,
        data: { petition, subject: 'Draft', body: 'Words.', state: 'draft' },
        ...base,
      })
    ).id
  if (slug === 'export-log') {
    const { docs } = await t.payload.find({ collection: 'users', limit: 1, ...base })
    return (
      await t.payload.create({
        collection: slug,
        data: { user: docs[0].id, kind: 'signers', reason: 'Handing in', rows: 3 },
        ...base,
      })
    ).id
  }
  const update = await seed('supporter-updates')
  const { docs } = await t.payload.find({ collection: 'signatures', limit: 1, ...base })
  return (
    await t.payload.create({
      collection: slug,
      data: { supporterUpdate: update, signature: docs[0].id, state: 'queued' },
      ...base,
    })
  ).id
}

const CREATE_BODY = (slug: Slug): Record<string, unknown> =>
  slug === 'supporter-updates'
    ? { petition, subject: 'Hello', body: 'Words.', state: 'draft' }
    : slug === 'export-log'
      ? { kind: 'members', reason: 'Because', rows: 1 }
      : { state: 'queued' }
const UPDATE_BODY: Record<Slug, Record<string, unknown>> = {
  'supporter-updates': { subject: 'Changed' },
  'supporter-update-deliveries': { state: 'sent' },
  'export-log': { reason: 'Rewritten' },
}

const allowed = (status: number) =>
  status >= 200 && status < 300 ? 'yes' : [401, 403, 404].includes(status) ? 'no' : `HTTP ${status}`

const attempt = async (who: Who, slug: Slug, op: Op, id: number) => {
  if (op === 'list') {
    const res = await rest(who, 'GET', `/${slug}?depth=0&limit=100`)
    if (res.status !== 200) return allowed(res.status)
    return (res.json.docs as { id: number }[]).some((d) => d.id === id) ? 'yes' : 'no'
  }
  if (op === 'read') return allowed((await rest(who, 'GET', `/${slug}/${id}?depth=0`)).status)
  if (op === 'create') {
    const res = await rest(who, 'POST', `/${slug}`, CREATE_BODY(slug))
    return allowed(res.status)
  }
  const fresh = await seed(slug)
  if (op === 'update')
    return allowed((await rest(who, 'PATCH', `/${slug}/${fresh}`, UPDATE_BODY[slug])).status)
  return allowed((await rest(who, 'DELETE', `/${slug}/${fresh}`)).status)
}

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  petition = (await make.petition(t.payload)).id
  addresses = await seedSigners(t.payload, petition, 5, 'private')
  for (const role of ['editor', 'reviewer', 'adviser', 'organiser', 'admin'] as const) {
    const user = await t.payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email: `${role}-staff@example.org`, password: PASSWORD, roles: [role] },
    })
    jwt[role] = (
      await t.payload.login({ collection: 'users', data: { email: user.email, password: PASSWORD } })
    ).token
  }
  memberCookie = await anotherSession(
    t.payload,
    (await confirmedMember(t.payload, 'member.a@example.org')).id,
  )
}, 60_000)
afterAll(async () => t?.close())

describe('the supporter-updates access matrix, over REST', () => {
  const seeded: Partial<Record<Slug, number>> = {}
  for (const slug of Object.keys(RULES) as Slug[])
    for (const op of OPS)
      for (const who of WHO) {
        const want = RULES[slug][op].includes(who) ? 'yes' : 'no'
        it(`${slug} × ${op} × ${who}: ${want}`, async () => {
          seeded[slug] ??= await seed(slug)
          expect(await attempt(who, slug, op, seeded[slug])).toBe(want)
        })
      }
})

describe('what organisers see of an update', () => {
  it('never an address: not in an update at any depth, not through deliveries or the export log', async () => {
    const id = await seed('supporter-updates')
    await t.payload.update({
      collection: 'supporter-updates',
      id,
      data: { state: 'queued' },
      overrideAccess: true,
    })
    const { sendUpdate } = await import('../../cms/campaigns/updates/send')
    await sendUpdate(t.payload, id, { perSecond: 0 })
    const seen = [
      await rest('organiser', 'GET', '/supporter-updates?depth=5&limit=100'),
      await rest('organiser', 'GET', `/supporter-updates/${id}?depth=5`),
      await rest('organiser', 'GET', '/supporter-update-deliveries?depth=2'),
      await rest('organiser', 'GET', '/export-log?depth=2'),
    ]
    expect(seen.map((r) => r.status)).toEqual([200, 200, 403, 403])
    expect((seen[1].json as { sent?: number }).sent).toBe(5)
    for (const r of seen) for (const a of addresses) expect(r.text).not.toContain(a)
  })

  it('cannot change an update once queued, nor set its counts or its state past queued', async () => {
    const id = await seed('supporter-updates')
    const forged = await rest('organiser', 'PATCH', `/supporter-updates/${id}`, { sent: 999, recipients: 5 })
    expect(forged.status).toBe(200)
    expect(forged.json.doc).toMatchObject({ sent: 0, recipients: 0 })
    expect((await rest('organiser', 'PATCH', `/supporter-updates/${id}`, { state: 'sent' })).status).toBe(400)
    expect((await rest('organiser', 'PATCH', `/supporter-updates/${id}`, { state: 'queued' })).status).toBe(
      200,
    )
    const late = await rest('organiser', 'PATCH', `/supporter-updates/${id}`, { subject: 'Too late' })
    expect(late.status).toBe(403)
    expect((await rest('organiser', 'DELETE', `/supporter-updates/${id}`)).status).toBe(403)
    expect((await rest('admin', 'PATCH', `/supporter-updates/${id}`, { subject: 'Too late' })).status).toBe(
      400,
    )
  })
})
