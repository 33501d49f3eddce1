/**
 * The conversations bench's people, through the Local API: one network, one thread in it, and
 * `count` confirmed members of the network who have chosen a display name and agreed to the
 * guidelines, each with a session cookie made as a sign-in link makes one (startMemberSession).
 */
import { createLocalReq, type Payload } from 'payload'
import { startMemberSession } from '../../../cms/members/session'

/** What the bench needs: the thread, and one cookie per member ("payload-token=…"). */
export type BenchThread = { networkId: number; threadId: number; cookies: string[] }

/** How long each step of the set-up took, in ms. */
export type SetupTimes = { members: number; sessions: number }

/** Writes at once: SQLite takes one writer at a time, so more only queue in the driver. */
const BATCH = 20

const inBatches = async <T>(count: number, make: (i: number) => Promise<T>): Promise<T[]> => {
  const out: T[] = []
  for (let start = 0; start < count; start += BATCH)
    out.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => make(start + k)),
      )),
    )
  return out
}

/** Creates the network, the thread and the members; returns them with the time each step took. */
export const setUpThread = async (
  payload: Payload,
  count: number,
): Promise<{ thread: BenchThread; times: SetupTimes }> => {
  const network = await payload.create({
    collection: 'networks',
    overrideAccess: true,
    data: {
      _status: 'published',
      name: 'Bench network',
      slug: 'bench-network',
      description: 'Bench.',
      sector: 'care',
      region: 'Wales',
    },
  })
  const agreed = new Date().toISOString()
  let t0 = performance.now()
  const members = await inBatches(count, (i) =>
    payload.create({
      collection: 'members',
      overrideAccess: true,
      depth: 0,
      data: {
        firstName: 'Bench',
        email: `bench${i}@example.org`,
        emailCanonical: `bench${i}@example.org`,
        consentEmail: false,
        consentUnionInterest: false,
        consentVersion: '2026-11',
        state: 'confirmed',
        confirmedAt: agreed,
        networks: [network.id],
        displayNames: [{ network: network.id, name: `Bench ${i}`, guidelinesAcceptedAt: agreed }],
      },
    }),
  )
  const membersMs = performance.now() - t0
  const thread = await payload.create({
    collection: 'threads',
    overrideAccess: true,
    depth: 0,
    data: {
      network: network.id,
      title: 'Bench thread',
      author: members[0].id,
      authorName: 'Bench 0',
      messageCount: 0,
      lastMessageAt: agreed,
    },
  })
  t0 = performance.now()
  const cookies = await inBatches(
    count,
    async (i) => (await startMemberSession(await createLocalReq({}, payload), members[i].id)).split(';')[0],
  )
  return {
    thread: { networkId: network.id, threadId: thread.id, cookies },
    times: { members: membersMs, sessions: performance.now() - t0 },
  }
}
