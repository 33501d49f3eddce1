/**
 * When a member's record goes (erased from My account, or deleted by retention), what they wrote
 * goes with it: their messages are deleted for everyone, threads they started stay for the replies
 * of others under "Former member", and their follows and reports go. The moderation log keeps its
 * entries without the member.
 */
import type { CollectionBeforeDeleteHook, CollectionConfig } from 'payload'
import { deleteMessage } from './post'

/** The name a thread shows once the member who started it is gone. */
export const FORMER_MEMBER = 'Former member'

const eraseConversationsOf: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { payload } = req
  const mine = { author: { equals: id } }
  for (;;) {
    const { docs } = await payload.find({
      collection: 'messages',
      where: mine,
      depth: 0,
      limit: 200,
      overrideAccess: true,
      req,
    })
    if (!docs.length) break
    for (const message of docs) await deleteMessage(payload, message)
  }
  await payload.update({
    collection: 'threads',
    where: mine,
    data: { author: null, authorName: FORMER_MEMBER },
    depth: 0,
    overrideAccess: true,
    req,
  })
  await payload.delete({
    collection: 'thread-follows',
    where: { member: { equals: id } },
    depth: 0,
    overrideAccess: true,
    req,
  })
  await payload.delete({
    collection: 'message-reports',
    where: { reporter: { equals: id } },
    depth: 0,
    overrideAccess: true,
    req,
  })
  await payload.update({
    collection: 'moderation-actions',
    where: { member: { equals: id } },
    data: { member: null },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/** The members collection with this clean-up before a delete (cms/config.ts). */
export const withConversationsErased = (members: CollectionConfig): CollectionConfig => ({
  ...members,
  hooks: { ...members.hooks, beforeDelete: [...(members.hooks?.beforeDelete ?? []), eraseConversationsOf] },
})
