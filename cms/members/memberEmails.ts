/**
 * The members' emails: the confirmation link (sent at once or later by the worker,
 * cms/email/sendOwed.ts, naming what they chose) and the note to someone who joins again once
 * confirmed.
 */
import type { Payload } from 'payload'
import type { Member } from '../../content-models/payload-types'
import { memberAlreadyJoinedEmail, memberConfirmEmail } from '../email/messages/render'
import { sendOwed } from '../email/sendOwed'
import { refId, type RecordId } from './recordId'
import { latestSessionOf } from './registerOnJoin'
import { cmsUrl, linkToken, links } from './tokens'

/** The unsubscribe and erase links in every email to a member. */
export const memberFooterLinks = (payload: Payload, id: RecordId, emailCanonical: string) => ({
  unsubscribe: links(cmsUrl()).unsubscribe(
    'member',
    id,
    linkToken(payload.secret, 'unsubscribe', 'member', id, emailCanonical),
  ),
  erase: links(cmsUrl()).erase(
    'member',
    id,
    linkToken(payload.secret, 'erase', 'member', id, emailCanonical),
  ),
})

/** Tells someone already confirmed who joins again that nothing changed (with the footer links). */
export const sendMemberAlreadyJoined = (
  payload: Payload,
  m: { id: RecordId; email: string; firstName: string; emailCanonical: string },
) =>
  payload.sendEmail({
    to: m.email,
    ...memberAlreadyJoinedEmail({
      firstName: m.firstName,
      ...memberFooterLinks(payload, m.id, m.emailCanonical),
    }),
  })

/** Who a member confirmation email goes to, and what they chose (named in the email). */
type MemberEmail = {
  id: RecordId
  email: string
  firstName: string
  emailCanonical: string
  networkNames: string[]
  sessionTitle?: string
}

/** Emails a member the link to confirm (with the raw token; only its hash is stored). */
export const sendMemberConfirm = (payload: Payload, m: MemberEmail, token: string) =>
  payload.sendEmail({
    to: m.email,
    ...memberConfirmEmail({
      firstName: m.firstName,
      confirmUrl: links(cmsUrl()).confirm('member', token),
      networkNames: m.networkNames,
      sessionTitle: m.sessionTitle,
      ...memberFooterLinks(payload, m.id, m.emailCanonical),
    }),
  })

/** What a member chose: stored, or waiting in `pendingChanges` for a re-join's confirmation. */
type Choices = {
  email?: string
  firstName?: string
  networks?: (RecordId | { id: RecordId })[] | null
  trainingSession?: RecordId | { id: RecordId } | null
}

type OwedMember = Pick<
  Member,
  'id' | 'email' | 'firstName' | 'emailCanonical' | 'confirmEmailAttempts' | 'confirmEmailNextAt'
> &
  Choices & { pendingChanges?: unknown }

/**
 * Sends the members' confirmation emails still owed (the email service was down when they
 * joined), each with a new link and the names of what they chose.
 * @returns how many were sent and how many failed this time
 */
export const sendOwedMemberConfirmations = async (
  payload: Payload,
  { now = Date.now(), limit = 200 } = {},
) => {
  const names = new Map<string, string>()
  const nameOf = async (
    collection: 'networks' | 'training-sessions',
    id: RecordId,
  ): Promise<string | undefined> => {
    const key = `${collection}:${id}`
    if (!names.has(key)) {
      const doc = await payload.db.findOne<{ id: RecordId; name?: string; title?: string }>({
        collection,
        where: { id: { equals: id } },
        select: collection === 'networks' ? { name: true } : { title: true },
      })
      names.set(key, doc?.name ?? doc?.title ?? '')
    }
    return names.get(key) || undefined
  }
  return sendOwed<OwedMember>(payload, 'members', {
    now,
    limit,
    select: {
      email: true,
      firstName: true,
      emailCanonical: true,
      networks: true,
      pendingChanges: true,
    },
    send: async (m, token) => {
      // A re-join's email names the new choices, as the first try did.
      const c: Choices =
        m.pendingChanges && typeof m.pendingChanges === 'object'
          ? { ...m, ...(m.pendingChanges as Choices) }
          : m
      const networkNames = (
        await Promise.all((c.networks ?? []).map((n) => nameOf('networks', refId(n))))
      ).filter((n): n is string => Boolean(n))
      // A re-join's session waits in pendingChanges; a new member's is their registration.
      const session = c.trainingSession ? refId(c.trainingSession) : await latestSessionOf(payload, m.id)
      const sessionTitle = session ? await nameOf('training-sessions', session) : undefined
      await sendMemberConfirm(
        payload,
        {
          id: m.id,
          email: c.email ?? m.email,
          firstName: c.firstName ?? m.firstName,
          emailCanonical: m.emailCanonical ?? '',
          networkNames,
          sessionTitle,
        },
        token,
      )
    },
  })
}
