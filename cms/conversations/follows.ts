/**
 * Following a thread: at most one email an hour says there are new replies in a thread the member
 * follows, with no message text in it; one click in the email unfollows (each email's link holds a new
 * random token; only its hash is stored).
 */
import type { Payload, Where } from 'payload'
import type { Thread } from '../../content-models/payload-types'
import type { AccountMember } from '../members/accountMember'

/** Follows or unfollows; doing either twice is harmless. */
export const setFollowing = async (
  payload: Payload,
  member: AccountMember,
  thread: Thread,
  follow: boolean,
) => {
  const where: Where = { and: [{ member: { equals: member.id } }, { thread: { equals: thread.id } }] }
  if (!follow) {
    await payload.delete({ collection: 'thread-follows', where, overrideAccess: true, depth: 0 })
    return false
  }
  const { totalDocs } = await payload.count({ collection: 'thread-follows', where, overrideAccess: true })
  if (!totalDocs)
    await payload.create({
      collection: 'thread-follows',
      data: { member: member.id, thread: thread.id, seenUpTo: new Date().toISOString() },
      overrideAccess: true,
      depth: 0,
    })
  return true
}
