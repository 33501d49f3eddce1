/**
 * Members writing in a network: starting a thread, replying, deleting their own message (gone for
 * everyone, not hidden), reporting one. Each write is checked (standing, text, rate), stored, and
 * recorded in the feed in the same request, so it is acknowledged only once it is in the database.
 */
import type { Payload } from 'payload'
import type { MessageView, ThreadSummary } from '../../content-models/conversationsApi'
import { REPORT_REASONS } from '../../content-models/conversations'
import type { Message, Thread } from '../../content-models/payload-types'
import { limitRate } from '../abuse/rateLimit'
import type { AccountMember } from '../members/accountMember'
import { appendEvent } from './feed'
import { postingRefusal, type Refusal, type Standing } from './standing'
import { checkBody, checkTitle, type FieldErrors } from './text'
import { messageView, refId, threadSummary } from './views'

export type WriteResult<T> =
  | ({ ok: true } & T)
  | Refusal
  | { ok: false; status: 'invalid'; errors: FieldErrors }
  | { ok: false; status: 'slow-down'; message: string; retryAfterSeconds: number }

const slowDown = (retryAfterSeconds: number) => ({
  ok: false as const,
  status: 'slow-down' as const,
  retryAfterSeconds,
  message: `You are posting very fast. Wait ${retryAfterSeconds} seconds, then try again: your message is still in the box.`,
})

/** Whether the member may post: standing, then their rate (counted only when all else is fine). */
const mayPost = async (payload: Payload, standing: Standing) => {
  const refusal = postingRefusal(standing)
  if (refusal) return refusal
  const verdict = await limitRate(payload, 'post', `member:${standing.member.id}`)
  return verdict.limited ? slowDown(verdict.retryAfterSeconds) : null
}

const addMessage = async (payload: Payload, standing: Standing, thread: Thread, body: string) => {
  const name = standing.entry?.name ?? ''
  const message = await payload.create({
    collection: 'messages',
    data: {
      thread: thread.id,
      network: standing.network.id,
      author: standing.member.id,
      authorName: name,
      body,
      state: 'visible',
    },
    depth: 0,
    overrideAccess: true,
  })
  // Counted, not added to: replies at the same moment would otherwise overwrite each other's +1.
  const { totalDocs } = await payload.count({
    collection: 'messages',
    where: { thread: { equals: thread.id } },
    overrideAccess: true,
  })
  await payload.update({
    collection: 'threads',
    id: thread.id,
    data: { messageCount: totalDocs, lastMessageAt: message.createdAt },
    depth: 0,
    overrideAccess: true,
  })
  await appendEvent(payload, {
    kind: 'posted',
    network: standing.network.id,
    thread: thread.id,
    message: message.id,
  })
  return message
}

/** Starts a thread with its first message. */
export const startThread = async (
  payload: Payload,
  standing: Standing,
  fields: Record<string, unknown>,
): Promise<WriteResult<{ thread: ThreadSummary; message: MessageView }>> => {
  const title = checkTitle(fields.title)
  const body = checkBody(fields.body)
  if (!title.ok || !body.ok)
    return {
      ok: false,
      status: 'invalid',
      errors: { ...(title.ok ? {} : title.errors), ...(body.ok ? {} : body.errors) },
    }
  const refused = await mayPost(payload, standing)
  if (refused) return refused
  const thread = await payload.create({
    collection: 'threads',
    data: {
      network: standing.network.id,
      title: title.value,
      author: standing.member.id,
      authorName: standing.entry?.name ?? '',
      messageCount: 0,
      lastMessageAt: new Date().toISOString(),
    },
    depth: 0,
    overrideAccess: true,
  })
  const message = await addMessage(payload, standing, thread, body.value)
  await appendEvent(payload, { kind: 'thread', network: standing.network.id, thread: thread.id })
  const view = messageView(message, standing.member.id)
  return {
    ok: true,
    thread: threadSummary({ ...thread, messageCount: 1, lastMessageAt: message.createdAt }, false),
    message: view!,
  }
}

/** Replies in a thread the member can see. */
export const reply = async (
  payload: Payload,
  standing: Standing,
  thread: Thread,
  fields: Record<string, unknown>,
): Promise<WriteResult<{ message: MessageView }>> => {
  const body = checkBody(fields.body)
  if (!body.ok) return { ok: false, status: 'invalid', errors: body.errors }
  const refused = await mayPost(payload, standing)
  if (refused) return refused
  const message = await addMessage(payload, standing, thread, body.value)
  return { ok: true, message: messageView(message, standing.member.id)! }
}

/**
 * Deletes a message for good, and what hangs on it (its reports); the thread's count goes down,
 * and a thread left with no messages goes too. Used by its author, moderators and retention.
 */
export const deleteMessage = async (payload: Payload, message: Message): Promise<void> => {
  await payload.delete({
    collection: 'message-reports',
    where: { message: { equals: message.id } },
    overrideAccess: true,
    depth: 0,
  })
  await payload.delete({ collection: 'messages', id: message.id, overrideAccess: true, depth: 0 })
  const threadId = refId(message.thread)!
  const left = await payload.count({
    collection: 'messages',
    where: { thread: { equals: threadId } },
    overrideAccess: true,
  })
  if (left.totalDocs === 0) {
    await payload.delete({
      collection: 'thread-follows',
      where: { thread: { equals: threadId } },
      overrideAccess: true,
      depth: 0,
    })
    await payload.delete({ collection: 'threads', id: threadId, overrideAccess: true, depth: 0 })
  } else
    await payload.update({
      collection: 'threads',
      id: threadId,
      data: { messageCount: left.totalDocs },
      overrideAccess: true,
      depth: 0,
    })
  await appendEvent(payload, {
    kind: 'removed',
    network: refId(message.network),
    thread: threadId,
    message: message.id,
  })
}

/** The member deletes their own message: anyone else's is "not found", as if it were not there. */
export const deleteOwn = async (payload: Payload, member: AccountMember, message: Message | null) => {
  if (!message || refId(message.author) !== String(member.id)) return false
  await deleteMessage(payload, message)
  payload.logger.info({ msg: `Member ${member.id} deleted their message ${message.id}` })
  return true
}

const REASONS: readonly string[] = REPORT_REASONS.map((r) => r.value)

/** A member reports a message they can see, for the network's moderators. */
export const report = async (
  payload: Payload,
  standing: Standing,
  message: Message,
  fields: Record<string, unknown>,
): Promise<WriteResult<object>> => {
  const reason = typeof fields.reason === 'string' ? fields.reason : ''
  const note = typeof fields.note === 'string' ? fields.note.trim() : ''
  const errors: FieldErrors = {}
  if (!REASONS.includes(reason)) errors.reason = `Choose a reason: one of ${REASONS.join(', ')}.`
  if (note.length > 500) errors.note = 'Keep the note to 500 characters at most.'
  if (Object.keys(errors).length) return { ok: false, status: 'invalid', errors }
  const verdict = await limitRate(payload, 'report', `member:${standing.member.id}`)
  if (verdict.limited) return slowDown(verdict.retryAfterSeconds)
  await payload.create({
    collection: 'message-reports',
    data: {
      message: message.id,
      network: standing.network.id,
      reporter: standing.member.id,
      reason: reason as (typeof REPORT_REASONS)[number]['value'],
      note: note || undefined,
      state: 'open',
    },
    overrideAccess: true,
    depth: 0,
  })
  payload.logger.info({ msg: `Member ${standing.member.id} reported message ${message.id}` })
  return { ok: true }
}
