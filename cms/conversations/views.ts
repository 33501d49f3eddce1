/**
 * What a member sees of threads and messages: display names, text and times only. The author's
 * member id never leaves the server; `mine` is worked out here for the viewer.
 */
import type { MessageView, ThreadSummary } from '../../content-models/conversationsApi'
import type { Message, Thread } from '../../content-models/payload-types'
import type { RecordId } from '../members/recordId'

type Ref = RecordId | { id: RecordId } | null | undefined

/** The id of a relationship value as text, populated or not. */
export const refId = (ref: Ref): string | null =>
  ref === null || ref === undefined ? null : String(typeof ref === 'object' ? ref.id : ref)

/** The id in any relationship value (an id, or a populated record), as text. */
export const anyRefId = (value: unknown): string | null => {
  if (typeof value === 'number' || typeof value === 'string') return String(value)
  if (value && typeof value === 'object' && 'id' in value) return anyRefId(value.id)
  return null
}

/** A message as one viewer may see it, or null when they may not (hidden, and not theirs). */
export const messageView = (message: Message, viewer: RecordId): MessageView | null => {
  const mine = refId(message.author) === String(viewer)
  const hidden = message.state === 'hidden'
  if (hidden && !mine) return null
  return {
    id: message.id,
    threadId: refId(message.thread) ?? '',
    authorName: message.authorName,
    body: message.body,
    at: message.createdAt,
    mine,
    hidden,
  }
}

/** A thread in a list. */
export const threadSummary = (thread: Thread, following: boolean): ThreadSummary => ({
  id: thread.id,
  title: thread.title,
  authorName: thread.authorName,
  messageCount: thread.messageCount ?? 0,
  lastMessageAt: thread.lastMessageAt ?? thread.createdAt,
  following,
})
