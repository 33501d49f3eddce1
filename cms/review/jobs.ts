import type { JobsConfig, TaskConfig } from 'payload'
import { sendReviewDigests } from './digest'
import { queueRebuildIfNewlyOverdue } from './overdueRebuild'

/** The queue the review jobs run on. */
export const REVIEW_QUEUE = 'review'

/** When the weekly digest goes out (REVIEW_DIGEST_CRON, with seconds; default Monday 07:00 UTC). */
export const digestCron = (): string => process.env.REVIEW_DIGEST_CRON || '0 0 7 * * 1'

/**
 * The weekly digest to legal reviewers, and the daily check (just after midnight UTC) that queues
 * a site build when a guide or letter became overdue for review, so its notice appears.
 */
export const reviewTasks: TaskConfig[] = [
  {
    slug: 'reviewDigest',
    label: 'Email each legal reviewer what is due',
    // A retry could email a reviewer twice; next week's digest lists anything missed.
    retries: 0,
    schedule: [{ cron: digestCron(), queue: REVIEW_QUEUE }],
    handler: async ({ req }) => ({ output: { sent: await sendReviewDigests(req.payload) } }),
  },
  {
    slug: 'reviewOverdueRebuild',
    label: 'Rebuild the site when a review became overdue',
    retries: 2,
    schedule: [{ cron: '0 5 0 * * *', queue: REVIEW_QUEUE }],
    handler: async ({ req }) => ({
      output: { overdue: (await queueRebuildIfNewlyOverdue(req.payload)).length },
    }),
  },
]

/** Runs the review queue once a minute inside the CMS process (and queues the scheduled jobs). */
export const reviewAutoRun: Extract<NonNullable<JobsConfig['autoRun']>, unknown[]> = [
  { cron: '15 * * * * *', queue: REVIEW_QUEUE, limit: 5, silent: { info: true } },
]
