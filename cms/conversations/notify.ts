/**
 * "There are new replies in a conversation you follow": at most one email per followed thread per
 * FOLLOW_EMAIL_EVERY_MINUTES, only when someone else wrote after the member last looked or was
 * told. The email carries no message text, no thread title and no network name (an inbox is not
 * private: an employer's, a partner's), and one click stops it: a new random token per email,
 * only its hash kept, also offered as List-Unsubscribe (RFC 8058 one-click).
 */
import type { Payload } from 'payload'
import { FOLLOW_EMAIL_EVERY_MINUTES } from '../../content-models/conversations'
import { RECORD_STATES } from '../../content-models/constants'
import type { ThreadFollow } from '../../content-models/payload-types'
import { compose } from '../email/messages/render'
import { cmsUrl, hashToken, newConfirmToken, siteUrl } from '../members/tokens'
import { memberFooterLinks } from '../members/memberEmails'
import { refId } from './views'

export const FOLLOW_EMAIL = {
  subject: 'New replies in a conversation you follow',
  lead: 'There are new replies in a conversation you follow on Better Work.',
  privacy: 'To keep it private, this email does not say which conversation or what anyone wrote.',
  read: 'Sign in to read them:',
  button: 'Open My account',
  stop: 'Stop emails about this conversation',
}

/** Where an email's one-click "stop" link goes. */
export const UNFOLLOW_PATH = '/api/public/unfollow/'

const due = (follow: ThreadFollow, newest: string, now: number) => {
  const told = follow.notifiedAt ? Date.parse(follow.notifiedAt) : 0
  const seen = Math.max(follow.seenUpTo ? Date.parse(follow.seenUpTo) : 0, told)
  return Date.parse(newest) > seen && now - told >= FOLLOW_EMAIL_EVERY_MINUTES * 60_000
}

/** The newest message in a thread written by someone other than this member, if any. */
const newestByOthers = async (payload: Payload, follow: ThreadFollow) => {
  const { docs } = await payload.find({
    collection: 'messages',
    where: {
      and: [
        { thread: { equals: refId(follow.thread) } },
        { author: { not_equals: refId(follow.member) } },
        { state: { equals: 'visible' } },
      ],
    },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs[0]?.createdAt ?? null
}

/** Sends what is due; returns how many emails went. */
export const sendFollowEmails = async (payload: Payload, now = Date.now()): Promise<number> => {
  const cutoff = new Date(now - FOLLOW_EMAIL_EVERY_MINUTES * 60_000).toISOString()
  const { docs } = await payload.find({
    collection: 'thread-follows',
    where: { or: [{ notifiedAt: { exists: false } }, { notifiedAt: { less_than_equal: cutoff } }] },
    depth: 0,
    limit: 500,
    pagination: false,
    overrideAccess: true,
  })
  let sent = 0
  for (const follow of docs) {
    const newest = await newestByOthers(payload, follow)
    if (!newest || !due(follow, newest, now)) continue
    const member = await payload.findByID({
      collection: 'members',
      id: refId(follow.member)!,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!member || member.state !== RECORD_STATES.CONFIRMED || member.unsubscribedAt) continue
    const { token, hash } = newConfirmToken()
    // Claimed first: a second process running the same job finds it already told.
    const claimed = await payload.update({
      collection: 'thread-follows',
      where: {
        and: [
          { id: { equals: follow.id } },
          follow.notifiedAt
            ? { notifiedAt: { equals: follow.notifiedAt } }
            : { notifiedAt: { exists: false } },
        ],
      },
      data: { notifiedAt: new Date(now).toISOString(), unfollowTokenHash: hash },
      depth: 0,
      overrideAccess: true,
    })
    if (!claimed.docs.length) continue
    const stop = `${cmsUrl()}${UNFOLLOW_PATH}${token}`
    await payload.sendEmail({
      to: member.email,
      headers: { 'List-Unsubscribe': `<${stop}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      ...compose(
        FOLLOW_EMAIL.subject,
        [
          { kind: 'p', text: FOLLOW_EMAIL.lead },
          { kind: 'p', text: FOLLOW_EMAIL.privacy },
          { kind: 'p', text: FOLLOW_EMAIL.read },
          { kind: 'button', text: FOLLOW_EMAIL.button, href: `${siteUrl()}/account/` },
          { kind: 'button', text: FOLLOW_EMAIL.stop, href: stop },
        ],
        memberFooterLinks(payload, member.id, member.emailCanonical ?? member.email),
        { notYou: false },
      ),
    })
    payload.logger.info({ msg: `Told member ${member.id} of new replies in thread ${refId(follow.thread)}` })
    sent++
  }
  return sent
}

/** One click in the email: the follow goes. Unknown, used or old tokens do nothing (same answer). */
export const unfollowByToken = async (payload: Payload, token: string): Promise<void> => {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return
  await payload.delete({
    collection: 'thread-follows',
    where: { unfollowTokenHash: { equals: hashToken(token) } },
    depth: 0,
    overrideAccess: true,
  })
}
