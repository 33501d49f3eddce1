/**
 * Who may do what with petition proposals, through the access rules (the Local API with `user`
 * and overrideAccess: false, as the admin and REST do) and, for a member, the staff REST API
 * itself: anonymous people nothing; members nothing through the staff API (their own through
 * /api/account/proposals only); editors read and decide the queue; organisers read it; reviewers
 * and advisers nothing; admins everything but create (proposals start with members). Who
 * proposed and who supported are for admins' eyes only.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
})

import type { Payload } from 'payload'
import type { PetitionProposal, User } from '../../content-models/payload-types'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { anotherSession, call, confirmedMember } from './accountClient'

type Op = 'list' | 'readQueued' | 'readCollecting' | 'create' | 'update' | 'delete'
type Principal = 'anonymous' | 'editor' | 'reviewer' | 'organiser' | 'adviser' | 'admin'

let t: ServedHarness
let users: Record<Exclude<Principal, 'anonymous'>, User & { collection: 'users' }>
let proposer: number
let queued: PetitionProposal
let collecting: PetitionProposal

const proposal = (payload: Payload, state: PetitionProposal['state'], title: string) =>
  payload.create({
    collection: 'petition-proposals',
    overrideAccess: true,
    context: { proposalSystemChange: true },
    data: {
      title,
      ask: 'Paid breaks for every shift.',
      addressedTo: 'The directors',
      why: 'Safety.',
      state,
      proposer,
    },
  })

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  const user = async (roles: User['roles']) => ({
    ...(await t.payload.create({
      collection: 'users',
      overrideAccess: true,
      data: {
        email: `${roles.join('-')}@example.org`,
        password: 'a-long-test-password',
        roles,
        name: roles[0],
      },
    })),
    collection: 'users' as const,
  })
  users = {
    editor: await user(['editor']),
    reviewer: await user(['reviewer']),
    organiser: await user(['organiser']),
    adviser: await user(['adviser']),
    admin: await user(['admin']),
  }
  proposer = (await confirmedMember(t.payload, 'proposer.access@example.org')).id
  queued = await proposal(t.payload, 'in-review', 'In the queue')
  collecting = await proposal(t.payload, 'collecting', 'Still collecting')
})
afterAll(async () => {
  await t?.close()
})

/** What one principal gets for one operation: the count listed, 'ok' or 'denied'. */
const attempt = async (who: Principal, op: Op): Promise<number | 'ok' | 'denied'> => {
  const as = { user: who === 'anonymous' ? null : users[who], overrideAccess: false as const, depth: 0 }
  try {
    if (op === 'list')
      return (await t.payload.find({ collection: 'petition-proposals', ...as, limit: 100 })).docs.length
    if (op === 'readQueued')
      await t.payload.findByID({ collection: 'petition-proposals', id: queued.id, ...as })
    if (op === 'readCollecting')
      await t.payload.findByID({ collection: 'petition-proposals', id: collecting.id, ...as })
    if (op === 'create')
      await t.payload.create({
        collection: 'petition-proposals',
        ...as,
        data: { title: 'x', ask: 'x', addressedTo: 'x', why: 'x', proposer, state: 'collecting' },
      })
    if (op === 'update')
      await t.payload.update({
        collection: 'petition-proposals',
        id: queued.id,
        data: { decisionNote: 'Seen' },
        ...as,
      })
    if (op === 'delete') {
      const doomed = await proposal(t.payload, 'in-review', 'To delete')
      try {
        await t.payload.delete({ collection: 'petition-proposals', id: doomed.id, ...as })
      } finally {
        await t.payload.delete({
          collection: 'petition-proposals',
          where: { title: { equals: 'To delete' } },
          overrideAccess: true,
        })
      }
    }
    return 'ok'
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 403 || status === 404) return 'denied'
    throw error
  }
}

const NONE = {
  list: 'denied',
  readQueued: 'denied',
  readCollecting: 'denied',
  create: 'denied',
  update: 'denied',
  delete: 'denied',
}
const EXPECTED: Record<Principal, Record<Op, number | 'ok' | 'denied'>> = {
  anonymous: NONE,
  reviewer: NONE,
  adviser: NONE,
  editor: { ...NONE, list: 1, readQueued: 'ok', update: 'ok' },
  organiser: { ...NONE, list: 1, readQueued: 'ok' },
  admin: { list: 2, readQueued: 'ok', readCollecting: 'ok', create: 'denied', update: 'ok', delete: 'ok' },
} as Record<Principal, Record<Op, number | 'ok' | 'denied'>>

describe('petition proposals access matrix', () => {
  for (const who of Object.keys(EXPECTED) as Principal[])
    it(`${who}: ${JSON.stringify(EXPECTED[who])}`, async () => {
      const got: Record<string, unknown> = {}
      for (const op of Object.keys(EXPECTED[who]) as Op[]) got[op] = await attempt(who, op)
      expect(got).toEqual(EXPECTED[who])
    })

  it('a member’s session gets 403 from every staff REST route of the collection', async () => {
    const cookie = await anotherSession(t.payload, proposer)
    const routes: [string, string][] = [
      ['GET', '/petition-proposals'],
      ['GET', `/petition-proposals/${queued.id}`],
      ['POST', '/petition-proposals'],
      ['PATCH', `/petition-proposals/${queued.id}`],
      ['DELETE', `/petition-proposals/${queued.id}`],
    ]
    for (const [method, path] of routes) {
      const res = await call(
        t,
        cookie,
        method,
        path,
        method === 'POST' || method === 'PATCH' ? { title: 'x' } : undefined,
      )
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`)
    }
  })

  it('only admins see who proposed and who supported', async () => {
    const read = (who: 'editor' | 'organiser' | 'admin') =>
      t.payload.findByID({
        collection: 'petition-proposals',
        id: queued.id,
        user: users[who],
        overrideAccess: false,
        depth: 0,
      })
    for (const who of ['editor', 'organiser'] as const) {
      const doc = await read(who)
      expect(doc.proposer).toBeUndefined()
      expect(doc.supporters).toBeUndefined()
      expect(doc.supportTokenHash).toBeUndefined()
    }
    expect((await read('admin')).proposer).toBe(proposer)
  })
})
