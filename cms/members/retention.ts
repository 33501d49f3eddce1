/**
 * Members' retention: unsubscribed members are deleted UNSUBSCRIBED_RETENTION_DAYS after they
 * unsubscribed; confirmed members we have not heard from (no confirmation, no "keep me") for
 * MEMBER_RETENTION_MONTHS are asked by email whether they want to stay, and deleted if they have
 * not said yes KEEP_ANSWER_DAYS after being asked. Run hourly by the petitionRetention job.
 */
import type { Payload, Where } from 'payload'
import { memberStayEmail } from '../email/messages/render'
import { errorForLog } from '../email/scrub'
import type { RecordId } from './recordId'
import { findLinked, RECORD_STATES, type LinkOutcome } from './records'
import { cmsUrl, linkToken, links } from './tokens'

/** Days a member has to answer "do you want to stay?" before their details are deleted. */
export const KEEP_ANSWER_DAYS = 30

const wholeNumber = (env: NodeJS.ProcessEnv, name: string, fallback: number, unit: string): number => {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const v = Number(raw)
  if (!Number.isInteger(v) || v < 1)
    throw new Error(
      `${name}="${raw}" is not a number of ${unit}. Use a whole number of 1 or more, like ${fallback}.`,
    )
  return v
}

/** Days an unsubscribed member is kept before deletion: UNSUBSCRIBED_RETENTION_DAYS, default 30. */
export const unsubscribedRetentionDays = (env: NodeJS.ProcessEnv = process.env): number =>
  wholeNumber(env, 'UNSUBSCRIBED_RETENTION_DAYS', 30, 'days')

/** Months without a sign of life before a member is asked whether to stay: MEMBER_RETENTION_MONTHS, default 24. */
export const memberRetentionMonths = (env: NodeJS.ProcessEnv = process.env): number =>
  wholeNumber(env, 'MEMBER_RETENTION_MONTHS', 24, 'months')

/**
 * A date field with no value. MongoDB's `exists: false` does not match a field set to null (as
 * "keep me" leaves retentionAskedAt), so both are asked for; on SQLite both mean IS NULL.
 */
export const missing = (field: string): Where => ({
  or: [{ [field]: { exists: false } }, { [field]: { equals: null } }],
})

const daysAgo = (now: Date, days: number) =>
  new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString()
const monthsAgo = (now: Date, months: number) => {
  const d = new Date(now)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d.toISOString()
}

/** Deletes members unsubscribed more than `days` ago (one unsubscribed before `unsubscribedAt` existed counts from its last change). */
export const deleteUnsubscribed = async (
  payload: Payload,
  now = new Date(),
  days = unsubscribedRetentionDays(),
): Promise<number> => {
  const cutoff = daysAgo(now, days)
  const { docs } = await payload.delete({
    collection: 'members',
    where: {
      and: [
        { state: { equals: RECORD_STATES.UNSUBSCRIBED } },
        {
          or: [
            { unsubscribedAt: { less_than: cutoff } },
            { and: [missing('unsubscribedAt'), { updatedAt: { less_than: cutoff } }] },
          ],
        },
      ],
    },
    overrideAccess: true,
    depth: 0,
  })
  return docs.length
}

/** Confirmed members with no sign of life since `cutoff`, not asked yet (before `lastActiveAt` existed, their confirmation counts). */
const inactiveSince = (cutoff: string): Where => ({
  and: [
    { state: { equals: RECORD_STATES.CONFIRMED } },
    missing('retentionAskedAt'),
    {
      or: [
        { lastActiveAt: { less_than: cutoff } },
        { and: [missing('lastActiveAt'), { confirmedAt: { less_than: cutoff } }] },
        { and: [missing('lastActiveAt'), missing('confirmedAt'), { createdAt: { less_than: cutoff } }] },
      ],
    },
  ],
})

type Asked = { id: RecordId; email: string; firstName: string; emailCanonical?: string | null }

/**
 * Emails "do you want to stay?" to members inactive for `months`, with a signed keep link, and
 * records when they were asked. A failed email is logged (by id) and tried again next run.
 * @returns how many were asked and how many emails failed
 */
export const askInactiveMembers = async (
  payload: Payload,
  now = new Date(),
  months = memberRetentionMonths(),
  limit = 200,
): Promise<{ asked: number; failed: number }> => {
  const { docs } = await payload.find({
    collection: 'members',
    where: inactiveSince(monthsAgo(now, months)),
    sort: 'createdAt',
    limit,
    depth: 0,
    overrideAccess: true,
    select: { email: true, firstName: true, emailCanonical: true },
  })
  let asked = 0
  let failed = 0
  for (const m of docs as Asked[]) {
    const canonical = m.emailCanonical ?? ''
    const link = (purpose: 'keep' | 'unsubscribe' | 'erase') =>
      linkToken(payload.secret, purpose, 'member', m.id, canonical)
    const to = links(cmsUrl())
    try {
      await payload.sendEmail({
        to: m.email,
        ...memberStayEmail({
          firstName: m.firstName,
          keepUrl: to.keep(m.id, link('keep')),
          deleteInDays: KEEP_ANSWER_DAYS,
          unsubscribe: to.unsubscribe('member', m.id, link('unsubscribe')),
          erase: to.erase('member', m.id, link('erase')),
        }),
      })
    } catch (error) {
      failed++
      payload.logger.error({
        err: errorForLog(error),
        msg: `Could not ask member ${m.id} whether to stay; trying again at the next run.`,
      })
      continue
    }
    await payload.update({
      collection: 'members',
      id: m.id,
      data: { retentionAskedAt: now.toISOString() },
      overrideAccess: true,
      depth: 0,
    })
    asked++
  }
  return { asked, failed }
}

/** Deletes members asked more than KEEP_ANSWER_DAYS ago who did not say they want to stay. */
export const deleteUnanswered = async (payload: Payload, now = new Date()): Promise<number> => {
  const { docs } = await payload.delete({
    collection: 'members',
    where: {
      and: [
        { state: { equals: RECORD_STATES.CONFIRMED } },
        { retentionAskedAt: { less_than: daysAgo(now, KEEP_ANSWER_DAYS) } },
      ],
    },
    overrideAccess: true,
    depth: 0,
  })
  return docs.length
}

/** "Yes, keep me": a confirmed member's keep link moves their last sign of life to now. Repeating is harmless. */
export const keepMember = async (
  payload: Payload,
  id: unknown,
  token: string,
  now = new Date(),
): Promise<LinkOutcome> => {
  const record = await findLinked(payload, 'member', id, token, 'keep')
  if (!record || record.state !== RECORD_STATES.CONFIRMED) return 'unknown-link'
  await payload.update({
    collection: 'members',
    id: record.id,
    data: { lastActiveAt: now.toISOString(), retentionAskedAt: null },
    overrideAccess: true,
    depth: 0,
  })
  return 'done'
}

/** Every members' retention step, in the order the hourly job runs them. */
export const runMemberRetention = async (payload: Payload, now = new Date()) => {
  const unsubscribedDeleted = await deleteUnsubscribed(payload, now)
  const unansweredDeleted = await deleteUnanswered(payload, now)
  const { asked, failed } = await askInactiveMembers(payload, now)
  return { unsubscribedDeleted, unansweredDeleted, askedToStay: asked, askFailed: failed }
}
