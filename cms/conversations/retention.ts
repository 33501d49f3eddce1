/**
 * Keeping nothing longer than promised: each network's messages go when older than the network
 * keeps them (7, 30 or 90 days, or never), for everyone, live viewers included; the feed's rows
 * after two days (a browser away longer reloads the thread); closed reports after 90 days; the
 * moderation log after MODERATION_LOG_MONTHS (default 24). Run daily by the jobs runner.
 */
import type { Payload } from 'payload'
import { retentionDays } from '../../content-models/conversations'
import { latestEventId } from './feed'
import { deleteMessage } from './post'

const DAY = 86_400_000

/** How long the feed keeps its rows. */
export const FEED_KEEP_DAYS = 2

/** How long a closed report is kept. */
export const CLOSED_REPORT_KEEP_DAYS = 90

/** MODERATION_LOG_MONTHS, default 24. */
export const moderationLogMonths = (env: NodeJS.ProcessEnv = process.env): number => {
  const n = Number(env.MODERATION_LOG_MONTHS || 24)
  if (!Number.isInteger(n) || n < 1 || n > 120)
    throw new Error(
      `MODERATION_LOG_MONTHS="${env.MODERATION_LOG_MONTHS}" is not a number of months from 1 to 120.`,
    )
  return n
}

export type Tidied = { messages: number; events: number; reports: number; logEntries: number }

/** Deletes messages older than their network keeps them; how many went. */
const expireMessages = async (payload: Payload, now: number): Promise<number> => {
  const { docs: networks } = await payload.find({
    collection: 'networks',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { messageRetention: true },
  })
  let deleted = 0
  for (const network of networks) {
    const days = retentionDays(network.messageRetention)
    if (days === null) continue
    const before = new Date(now - days * DAY).toISOString()
    for (;;) {
      const { docs } = await payload.find({
        collection: 'messages',
        where: { and: [{ network: { equals: network.id } }, { createdAt: { less_than: before } }] },
        depth: 0,
        limit: 200,
        pagination: false,
        overrideAccess: true,
      })
      if (!docs.length) break
      for (const message of docs) await deleteMessage(payload, message)
      deleted += docs.length
    }
  }
  return deleted
}

/** One run of the retention job. */
export const tidyConversations = async (payload: Payload, now = Date.now()): Promise<Tidied> => {
  const messages = await expireMessages(payload, now)
  const newest = await latestEventId(payload)
  const events = await payload.delete({
    collection: 'conversation-events',
    // The newest row stays, so ids keep growing after a quiet spell (SQLite reuses the top id).
    where: {
      and: [
        { createdAt: { less_than: new Date(now - FEED_KEEP_DAYS * DAY).toISOString() } },
        { id: { not_equals: newest } },
      ],
    },
    depth: 0,
    overrideAccess: true,
  })
  const reports = await payload.delete({
    collection: 'message-reports',
    where: {
      and: [
        { state: { equals: 'dealt-with' } },
        { updatedAt: { less_than: new Date(now - CLOSED_REPORT_KEEP_DAYS * DAY).toISOString() } },
      ],
    },
    depth: 0,
    overrideAccess: true,
  })
  const logBefore = new Date(now)
  logBefore.setUTCMonth(logBefore.getUTCMonth() - moderationLogMonths())
  const log = await payload.delete({
    collection: 'moderation-actions',
    where: { createdAt: { less_than: logBefore.toISOString() } },
    depth: 0,
    overrideAccess: true,
  })
  const tidied = {
    messages,
    events: events.docs.length,
    reports: reports.docs.length,
    logEntries: log.docs.length,
  }
  payload.logger.info({ msg: 'Conversations tidied', ...tidied })
  return tidied
}
