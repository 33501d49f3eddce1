/**
 * The weekly digest: one email to each legal reviewer listing what is theirs to check (documents
 * they last reviewed, and those nobody has reviewed yet), sent through payload.sendEmail so the
 * outbox or Resend adapter is used. A reviewer with nothing to check gets no email.
 */
import type { Payload } from 'payload'
import { reviewDashboard } from './dashboard'
import { digestCount, reviewDigestEmail } from './digestEmail'

/** Sends the digests; returns how many emails were sent. */
export const sendReviewDigests = async (payload: Payload, now: Date = new Date()): Promise<number> => {
  const { docs: reviewers } = await payload.find({
    collection: 'users',
    where: { roles: { contains: 'reviewer' } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const adminUrl = `${payload.config.serverURL}${payload.config.routes.admin}`
  let sent = 0
  for (const reviewer of reviewers) {
    const dashboard = await reviewDashboard(payload, { now, reviewer: reviewer.id })
    if (digestCount(dashboard) === 0) continue
    await payload.sendEmail({ to: reviewer.email, ...reviewDigestEmail(dashboard, adminUrl) })
    payload.logger.info({ msg: 'review digest sent', user: reviewer.id, items: digestCount(dashboard) })
    sent++
  }
  return sent
}
