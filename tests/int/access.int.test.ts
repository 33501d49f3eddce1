/**
 * Walks every collection × operation × role through the Local API with access enforced, and checks
 * each is allowed or refused exactly as intended. Personal data (signatures, members) is never
 * readable anonymously or by editors. The rules a matrix cannot show (drafts, one's own account,
 * hidden fields, the site settings) are in accessRules.int.test.ts.
 */
import sharp from 'sharp'
import type { CollectionSlug, Payload, RequiredDataFromCollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { make, staffUsers, type RoleUsers } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

type Role = 'anonymous' | 'admin' | 'editor' | 'reviewer' | 'organiser'
type Op = 'create' | 'read' | 'update' | 'delete'
const ROLES: Role[] = ['anonymous', 'admin', 'editor', 'reviewer', 'organiser']
const A = 'admin',
  E = 'editor',
  R = 'reviewer',
  O = 'organiser',
  ANON = 'anonymous'
const ALL: Role[] = [ANON, A, E, R, O]
const STAFF: Role[] = [A, E, R, O]

/** Who may do what. Read means "can read this (published, public) record". */
const MATRIX = {
  guides: { create: [A, E], read: ALL, update: [A, E, R], delete: [A, E] },
  templates: { create: [A, E], read: ALL, update: [A, E, R], delete: [A, E] },
  topics: { create: [A, E], read: ALL, update: [A, E], delete: [A, E] },
  media: { create: [A, E, O], read: ALL, update: [A, E, O], delete: [A, E, O] },
  'training-sessions': { create: [A, E, O], read: ALL, update: [A, E, O], delete: [A, E, O] },
  networks: { create: [A, E, O], read: ALL, update: [A, E, O], delete: [A, E, O] },
  petitions: { create: [A, E, O], read: ALL, update: [A, E, O], delete: [A, E, O] },
  unions: { create: [A, E], read: ALL, update: [A, E], delete: [A, E] },
  signatures: { create: [], read: [A, O], update: [A, O], delete: [A, O] },
  members: { create: [], read: [A, O], update: [A, O], delete: [A, O] },
  'site-builds': { create: [], read: STAFF, update: [], delete: [A] },
  // The legal review's record: written only by the server (cms/review), never through the API.
  'review-log': { create: [], read: [A, E, R], update: [], delete: [] },
  // For users, "read/update/delete" is of another person's account.
  users: { create: [A], read: [A], update: [A], delete: [A] },
} satisfies Partial<Record<CollectionSlug, Record<Op, Role[]>>>
/** The collections walked. */
type Walked = keyof typeof MATRIX

let t: Harness
let payload: Payload
let users: RoleUsers
let png: Buffer
let petitionId: number

const file = () => ({
  data: png,
  mimetype: 'image/png',
  name: `pixel-${Math.random().toString(36).slice(2)}.png`,
  size: png.length,
})

/** A fresh record to act on, created with access overridden. */
const seedRecord = async (collection: Walked): Promise<number> => {
  switch (collection) {
    case 'guides':
      return (await make.guide(payload)).id
    case 'templates':
      return (await make.template(payload)).id
    case 'topics':
      return (await make.topic(payload)).id
    case 'media':
      return (
        await payload.create({
          collection: 'media',
          data: { alt: 'A red dot' },
          file: file(),
          overrideAccess: true,
        })
      ).id
    case 'training-sessions':
      return (await make.session(payload)).id
    case 'networks':
      return (await make.network(payload)).id
    case 'petitions':
      return (await make.petition(payload)).id
    case 'unions':
      return (await make.union(payload)).id
    case 'signatures':
      return (await make.signature(payload, petitionId)).id
    case 'members':
      return (await make.member(payload)).id
    case 'site-builds':
      return (
        await payload.create({
          collection: 'site-builds',
          data: { buildId: `b-${Math.random()}`, status: 'succeeded' },
          overrideAccess: true,
        })
      ).id
    case 'users':
      return (await make.user(payload, ['editor'])).id
    case 'review-log':
      return (
        await payload.create({
          collection: 'review-log',
          data: { action: 'requested', docCollection: 'guides', docId: 1, note: 'Please check.' },
          overrideAccess: true,
        })
      ).id
  }
}

/**
 * Valid data for a create attempt, per collection. The slug (filled from the title or name) and
 * state ('pending') are written out as Payload would fill them.
 */
const createData: { [S in Walked]: (s: string) => RequiredDataFromCollectionSlug<S> } = {
  guides: (s) => ({
    title: `G ${s}`,
    slug: `g-${s}`,
    summary: 'S',
    nations: ['scotland'],
    body: {
      root: {
        type: 'root',
        children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text: 'Hi', version: 1 }] }],
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
      },
    },
    // A draft: publishing legal text needs a reviewer's approval, which is the review gate's rule
    // (tests/int/reviewGate.int.test.ts), not an access rule.
    _status: 'draft',
  }),
  templates: (s) => ({
    title: `T ${s}`,
    slug: `t-${s}`,
    summary: 'S',
    kind: 'letter',
    nations: ['scotland'],
    body: 'Dear {{name}}',
    placeholders: [{ key: 'name', label: 'Name' }],
    _status: 'draft',
  }),
  topics: (s) => ({ title: `Topic ${s}`, slug: `topic-${s}`, _status: 'published' }),
  media: () => ({ alt: 'A dot' }),
  'training-sessions': (s) => ({
    title: `S ${s}`,
    slug: `s-${s}`,
    summary: 'S',
    format: 'online',
    start: '2027-01-01T10:00:00Z',
    end: '2027-01-01T11:00:00Z',
    registration: 'platform',
    status: 'scheduled',
    _status: 'published',
  }),
  networks: (s) => ({
    name: `N ${s}`,
    slug: `n-${s}`,
    description: 'D',
    sector: 'care',
    region: 'Wales',
    _status: 'published',
  }),
  petitions: (s) => ({
    title: `P ${s}`,
    slug: `p-${s}`,
    summary: 'S',
    addressedTo: 'X',
    whatWeWant: 'Y',
    goal: 10,
    state: 'open',
    _status: 'published',
  }),
  unions: (s) => ({
    name: `U ${s}`,
    slug: `u-${s}`,
    website: 'https://example.org',
    description: 'D',
    nations: ['scotland'],
    _status: 'published',
  }),
  signatures: (s) => ({
    petition: petitionId,
    name: 'Tom',
    email: `t${s}@example.org`,
    emailCanonical: `t${s}@example.org`,
    state: 'pending',
  }),
  members: (s) => ({
    firstName: 'Sara',
    email: `s${s}@example.org`,
    emailCanonical: `s${s}@example.org`,
    consentEmail: true,
    consentUnionInterest: true,
    consentVersion: '1',
    state: 'pending',
  }),
  'site-builds': (s) => ({ buildId: `b-${s}`, status: 'queued' }),
  users: (s) => ({ email: `u${s}@example.org`, password: 'a-long-test-password', roles: ['editor'] }),
  'review-log': (s) => ({ action: 'override', docCollection: 'guides', docId: 1, note: `Reason ${s}` }),
}

/** A change for an update attempt, per collection. */
const updateData: { [S in Walked]: Partial<RequiredDataFromCollectionSlug<S>> } = {
  guides: { title: 'Changed title' },
  templates: { title: 'Changed title' },
  topics: { title: 'Changed title' },
  media: { alt: 'Changed' },
  'training-sessions': { title: 'Changed title' },
  networks: { region: 'Scotland' },
  petitions: { title: 'Changed title' },
  unions: { description: 'Changed' },
  signatures: { name: 'Thomas' },
  members: { firstName: 'Sal' },
  'site-builds': { status: 'failed' },
  users: { name: 'Changed' },
  'review-log': { note: 'Rewritten' },
}

const isForbidden = (e: unknown) =>
  (e as { status?: number }).status === 403 || (e as Error).name === 'Forbidden'

/** Performs `op` as `role`; true when allowed, false when refused (anything else fails the test). */
const attempt = async (collection: Walked, op: Op, role: Role): Promise<boolean> => {
  const user = role === 'anonymous' ? undefined : users[role]
  const common = { collection, overrideAccess: false, user } as const
  try {
    if (op === 'create') {
      await payload.create({
        ...common,
        data: createData[collection](Math.random().toString(36).slice(2, 8)),
        ...(collection === 'media' ? { file: file() } : {}),
      })
      return true
    }
    const id = await seedRecord(collection)
    if (op === 'read') {
      const { docs } = await payload.find({ ...common, where: { id: { equals: id } } })
      return docs.length === 1
    }
    if (op === 'update') {
      const result = await payload.update({
        ...common,
        where: { id: { equals: id } },
        data: updateData[collection],
      })
      return result.docs.length === 1 && result.errors.length === 0
    }
    const result = await payload.delete({ ...common, where: { id: { equals: id } } })
    return result.docs.length === 1 && result.errors.length === 0
  } catch (e) {
    if (isForbidden(e)) return false
    throw e
  }
}

beforeAll(async () => {
  t = await startHarness()
  payload = t.payload
  png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer()
  users = await staffUsers(payload)
  petitionId = (await make.petition(payload)).id
})
afterAll(async () => t?.close())

describe('access rules', () => {
  for (const [collection, ops] of Object.entries(MATRIX) as [Walked, Record<Op, Role[]>][]) {
    for (const op of ['create', 'read', 'update', 'delete'] as Op[]) {
      for (const role of ROLES) {
        const allowed = ops[op].includes(role)
        it(`${collection}: ${role} ${allowed ? 'may' : 'may not'} ${op}`, async () => {
          expect(await attempt(collection, op, role)).toBe(allowed)
        })
      }
    }
  }
})
