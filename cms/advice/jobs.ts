/**
 * The advice room's scheduled tasks: every minute, "you have a reply" emails; daily, closed
 * questions past QUESTION_RETENTION_MONTHS anonymised. Registered in cms/jobs/index.ts.
 */
import type { JobsConfig, TaskConfig } from 'payload'
import { sendReplyNotices } from './notify'
import { anonymiseClosedQuestions } from './retention'

/** The queue the advice tasks run on. */
export const ADVICE_QUEUE = 'advice'

export const adviceTasks: TaskConfig[] = [
  {
    slug: 'sendAdviceReplyNotices',
    label: 'Tell askers an adviser has replied (no text in the email)',
    // Each email is claimed in its row first: a retry would find only the ones not yet sent.
    retries: 0,
    schedule: [{ cron: '0 * * * * *', queue: ADVICE_QUEUE }],
    handler: async ({ req }) => ({ output: { sent: await sendReplyNotices(req.payload) } }),
  },
  {
    slug: 'anonymiseClosedQuestions',
    label: 'Anonymise questions closed more than QUESTION_RETENTION_MONTHS ago',
    retries: 1,
    schedule: [{ cron: '0 17 3 * * *', queue: ADVICE_QUEUE }],
    handler: async ({ req }) => ({ output: { anonymised: await anonymiseClosedQuestions(req.payload) } }),
  },
]

/** Runs the advice queue every minute inside the CMS process. */
export const adviceAutoRun: Extract<NonNullable<JobsConfig['autoRun']>, unknown[]> = [
  { cron: '45 * * * * *', queue: ADVICE_QUEUE, limit: 5, silent: { info: true } },
]
