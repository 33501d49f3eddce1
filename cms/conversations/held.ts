/**
 * What the conversations hold about one member, for "download everything we hold": their
 * messages, the threads they started, the threads they follow, their reports, and their
 * questions to advisers. Read with the Local API; the download takes secrets out by field name.
 */
import type { Payload } from 'payload'
import type { RecordId } from '../members/recordId'

const all = async (
  payload: Payload,
  collection: 'messages' | 'threads' | 'thread-follows' | 'message-reports' | 'questions',
  field: string,
  id: RecordId,
) =>
  (
    await payload.find({
      collection,
      where: { [field]: { equals: id } },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs.map((doc): Record<string, unknown> => ({ ...doc }))

export type HeldConversations = {
  messages: Record<string, unknown>[]
  threads: Record<string, unknown>[]
  follows: Record<string, unknown>[]
  reports: Record<string, unknown>[]
  questions: Record<string, unknown>[]
}

/** Everything of the member's in conversations and questions. */
export const conversationRecordsOf = async (
  payload: Payload,
  memberId: RecordId,
): Promise<HeldConversations> => ({
  messages: await all(payload, 'messages', 'author', memberId),
  threads: await all(payload, 'threads', 'author', memberId),
  follows: await all(payload, 'thread-follows', 'member', memberId),
  reports: await all(payload, 'message-reports', 'reporter', memberId),
  questions: await all(payload, 'questions', 'asker', memberId),
})
