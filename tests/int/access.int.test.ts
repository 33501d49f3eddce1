/**
 * Walks every collection × operation × role through the Local API with access enforced, and checks
 * each is allowed or refused exactly as intended. Personal data (signatures, members) is never
 * readable anonymously or by editors.
 */
import sharp from 'sharp'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { make } from '../helpers/factories'
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
const MATRIX: Record<string, Record<Op, Role[]>> = {
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
  // For users, "read/update/delete" is of another person's account.
  users: { create: [A], read: [A], update: [A], delete: [A] },
}

let t: Harness
let payload: Payload
const users: Partial<Record<Role, Record<string, unknown> | null>> = {}
let png: Buffer
let petitionId: number

const file = () => ({
  data: png,
  mimetype: 'image/png',
  name: `pixel-${Math.random().toString(36).slice(2)}.png`,
  size: png.length,
})

/** A fresh record to act on, created with access overridden. */
const seedRecord = async (collection: string): Promise<number> => {
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
    default:
      throw new Error(`no seed for ${collection}`)
  }
}

/** Valid data for a create attempt. */
const createData = (collection: string): Record<string, unknown> => {
  const s = Math.random().toString(36).slice(2, 8)
  switch (collection) {
    case 'guides':
      return {
        title: `G ${s}`,
        summary: 'S',
        nations: ['scotland'],
        body: {
          root: {
            type: 'root',
            children: [
              { type: 'paragraph', version: 1, children: [{ type: 'text', text: 'Hi', version: 1 }] },
            ],
            direction: 'ltr',
            format: '',
            indent: 0,
            version: 1,
          },
        },
        _status: 'published',
      }
    case 'templates':
      return {
        title: `T ${s}`,
        summary: 'S',
        kind: 'letter',
        nations: ['scotland'],
        body: 'Dear {{name}}',
        placeholders: [{ key: 'name', label: 'Name' }],
        _status: 'published',
      }
    case 'topics':
      return { title: `Topic ${s}` }
    case 'media':
      return { alt: 'A dot' }
    case 'training-sessions':
      return {
        title: `S ${s}`,
        summary: 'S',
        format: 'online',
        start: '2027-01-01T10:00:00Z',
        end: '2027-01-01T11:00:00Z',
        registration: 'platform',
        status: 'scheduled',
      }
    case 'networks':
      return { name: `N ${s}`, description: 'D', sector: 'care', region: 'Wales' }
    case 'petitions':
      return { title: `P ${s}`, summary: 'S', addressedTo: 'X', whatWeWant: 'Y', goal: 10, state: 'open' }
    case 'unions':
      return { name: `U ${s}`, website: 'https://example.org', description: 'D', nations: ['scotland'] }
    case 'signatures':
      return {
        petition: petitionId,
        name: 'Tom',
        email: `t${s}@example.org`,
        emailCanonical: `t${s}@example.org`,
      }
    case 'members':
      return {
        firstName: 'Sara',
        email: `s${s}@example.org`,
        emailCanonical: `s${s}@example.org`,
        consentEmail: true,
        consentUnionInterest: true,
        consentVersion: '1',
      }
    case 'site-builds':
      return { buildId: `b-${s}`, status: 'queued' }
    case 'users':
      return { email: `u${s}@example.org`, password: 'a-long-test-password', roles: ['editor'] }
    default:
      throw new Error(collection)
  }
}

const updateData = (collection: string): Record<string, unknown> =>
  ({
    networks: { region: 'Scotland' },
    unions: { description: 'Changed' },
    members: { firstName: 'Sal' },
    signatures: { name: 'Thomas' },
    users: { name: 'Changed' },
    'site-builds': { status: 'failed' },
    media: { alt: 'Changed' },
  })[collection] ?? { title: 'Changed title' }

const isForbidden = (e: unknown) =>
  (e as { status?: number }).status === 403 || (e as Error).name === 'Forbidden'

/** Performs `op` as `role`; true when allowed, false when refused (anything else fails the test). */
const attempt = async (collection: string, op: Op, role: Role): Promise<boolean> => {
  const user = users[role] ?? undefined
  const common = { collection: collection as CollectionSlug, overrideAccess: false, user } as const
  try {
    if (op === 'create') {
      await payload.create({
        ...common,
        data: createData(collection) as never,
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
        data: updateData(collection) as never,
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
  users.anonymous = null
  for (const role of ['admin', 'editor', 'reviewer', 'organiser'] as const) {
    users[role] = { ...(await make.user(payload, [role])), collection: 'users' }
  }
  petitionId = (await make.petition(payload)).id
})
afterAll(async () => t?.close())

describe('access rules', () => {
  for (const [collection, ops] of Object.entries(MATRIX)) {
    for (const op of ['create', 'read', 'update', 'delete'] as Op[]) {
      for (const role of ROLES) {
        const allowed = ops[op].includes(role)
        it(`${collection}: ${role} ${allowed ? 'may' : 'may not'} ${op}`, async () => {
          expect(await attempt(collection, op, role)).toBe(allowed)
        })
      }
    }
  }

  it('anonymous readers see only published guides and templates, never drafts', async () => {
    const draftGuide = await make.guide(payload, { _status: 'draft', title: 'Secret draft guide' })
    const draftTemplate = await make.template(payload, { _status: 'draft' })
    const guides = await payload.find({
      collection: 'guides',
      overrideAccess: false,
      where: { id: { equals: draftGuide.id } },
    })
    const templates = await payload.find({
      collection: 'templates',
      overrideAccess: false,
      where: { id: { equals: draftTemplate.id } },
    })
    expect(guides.docs).toHaveLength(0)
    expect(templates.docs).toHaveLength(0)
    const asEditor = await payload.find({
      collection: 'guides',
      overrideAccess: false,
      user: users.editor,
      draft: true,
      where: { id: { equals: draftGuide.id } },
    })
    expect(asEditor.docs.map((d) => d.title)).toEqual(['Secret draft guide'])
  })

  it('anonymous readers never see a draft petition', async () => {
    const draft = await make.petition(payload, { state: 'draft' })
    const { docs } = await payload.find({
      collection: 'petitions',
      overrideAccess: false,
      where: { id: { equals: draft.id } },
    })
    expect(docs).toHaveLength(0)
  })

  it('a staff member can read their own account but not change their own roles', async () => {
    const editor = users.editor as { id: number }
    const own = await payload.find({
      collection: 'users',
      overrideAccess: false,
      user: users.editor,
      where: { id: { equals: editor.id } },
    })
    expect(own.docs).toHaveLength(1)
    const updated = await payload.update({
      collection: 'users',
      id: editor.id,
      overrideAccess: false,
      user: users.editor,
      data: { roles: ['admin'] } as never,
    })
    expect(updated.roles).toEqual(['editor'])
  })

  it('a hidden employer is not readable by the public, but is by staff', async () => {
    const n = await make.network(payload, { employer: 'Quickdrop Ltd', hideEmployer: true })
    const anon = await payload.findByID({ collection: 'networks', id: n.id, overrideAccess: false })
    expect(anon.employer).toBeUndefined()
    const staff = await payload.findByID({
      collection: 'networks',
      id: n.id,
      overrideAccess: false,
      user: users.organiser,
    })
    expect(staff.employer).toBe('Quickdrop Ltd')
  })

  it('site settings are public to read and only admins may change them', async () => {
    const read = await payload.findGlobal({ slug: 'site-settings', overrideAccess: false })
    expect(read.siteName).toBe('Better Work')
    await expect(
      payload.updateGlobal({
        slug: 'site-settings',
        overrideAccess: false,
        user: users.editor,
        data: { siteName: 'X' },
      }),
    ).rejects.toSatisfy(isForbidden)
    const updated = await payload.updateGlobal({
      slug: 'site-settings',
      overrideAccess: false,
      user: users.admin,
      data: { siteName: 'Better Work Wales' },
    })
    expect(updated.siteName).toBe('Better Work Wales')
  })
})
