/**
 * Members reading a network's conversations: the list of threads, one thread with its messages,
 * following a thread. Every read goes through the member's standing in the thread's network.
 */
import type { Payload } from 'payload'
import type { NetworkConversations, ThreadView } from '../../content-models/conversationsApi'
import type { Message, Thread } from '../../content-models/payload-types'
import type { AccountMember } from '../members/accountMember'
import { parseRecordId, idTypeOf } from '../members/recordId'
import { latestEventId } from './feed'
import { meIn, type Refusal, type Standing, standingById, REFUSALS } from './standing'
import { messageView, refId, threadSummary } from './views'

/** The most messages a thread page carries (the newest); older ones stay in the database. */
export const THREAD_PAGE_MESSAGES = 500

const notFound: Refusal = { ok: false, status: 'not-found', message: REFUSALS['not-found'] }

/** The threads this member follows, among these. */
const followedAmong = async (payload: Payload, memberId: AccountMember['id'], threadIds: Thread['id'][]) => {
  if (!threadIds.length) return new Set<string>()
  const { docs } = await payload.find({
    collection: 'thread-follows',
    where: { and: [{ member: { equals: memberId } }, { thread: { in: threadIds } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  return new Set(docs.map((f) => refId(f.thread) ?? ''))
}

/** A network's threads, newest activity first, for one of its members. */
export const networkConversations = async (
  payload: Payload,
  standing: Standing,
): Promise<NetworkConversations> => {
  const { docs } = await payload.find({
    collection: 'threads',
    where: { network: { equals: standing.network.id } },
    sort: '-lastMessageAt',
    depth: 0,
    limit: 200,
    pagination: false,
    overrideAccess: true,
  })
  const followed = await followedAmong(
    payload,
    standing.member.id,
    docs.map((t) => t.id),
  )
  const { network } = standing
  return {
    status: 'ok',
    network: {
      slug: network.slug,
      name: network.name,
      guidelines: network.guidelines ?? null,
      messageRetention: network.messageRetention ?? '90',
    },
    me: meIn(standing),
    threads: docs.map((t) => threadSummary(t, followed.has(String(t.id)))),
  }
}

/** A thread by an id from a URL, with the member's standing in its network, or why not. */
export const threadFor = async (
  payload: Payload,
  member: AccountMember,
  rawId: string,
): Promise<{ ok: true; thread: Thread; standing: Standing } | Refusal> => {
  const id = parseRecordId(rawId, idTypeOf(payload))
  if (id === null) return notFound
  const thread = await payload.findByID({
    collection: 'threads',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!thread) return notFound
  const standing = await standingById(payload, member, refId(thread.network)!)
  // Someone outside the network learns nothing, not even that the thread exists.
  if (!standing.ok) return standing.status === 'awaiting-approval' ? standing : notFound
  return { ok: true, thread, standing }
}

/** A message by an id from a URL, with the member's standing in its network, or why not. */
export const messageFor = async (
  payload: Payload,
  member: AccountMember,
  rawId: string,
): Promise<{ ok: true; message: Message; standing: Standing } | Refusal> => {
  const id = parseRecordId(rawId, idTypeOf(payload))
  if (id === null) return notFound
  const message = await payload.findByID({
    collection: 'messages',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!message) return notFound
  const standing = await standingById(payload, member, refId(message.network)!)
  if (!standing.ok || !messageView(message, member.id)) return notFound
  return { ok: true, message, standing }
}

/** A thread's newest messages, oldest first, as this member sees them; marks the thread seen. */
export const threadView = async (
  payload: Payload,
  thread: Thread,
  standing: Standing,
): Promise<ThreadView> => {
  // Where the feed is before reading: a change made meanwhile comes again over the live stream
  // (the island drops duplicates by id), so nothing falls between the page and the stream.
  const lastEventId = await latestEventId(payload)
  const { docs } = await payload.find({
    collection: 'messages',
    where: { thread: { equals: thread.id } },
    sort: '-createdAt',
    depth: 0,
    limit: THREAD_PAGE_MESSAGES,
    pagination: false,
    overrideAccess: true,
  })
  const followed = await followedAmong(payload, standing.member.id, [thread.id])
  // Only a follower has a "seen up to" (it holds back their next email): no write for anyone else.
  if (followed.size)
    await payload.update({
      collection: 'thread-follows',
      where: { and: [{ member: { equals: standing.member.id } }, { thread: { equals: thread.id } }] },
      data: { seenUpTo: new Date().toISOString() },
      depth: 0,
      overrideAccess: true,
    })
  return {
    status: 'ok',
    network: { slug: standing.network.slug, name: standing.network.name },
    thread: threadSummary(thread, followed.size > 0),
    messages: docs.reverse().flatMap((m) => messageView(m, standing.member.id) ?? []),
    me: meIn(standing),
    lastEventId,
  }
}
