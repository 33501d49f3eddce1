/**
 * The conversations room's scheduled tasks: every 10 minutes, "new replies" emails to followers;
 * daily, retention (tidyConversations). Registered in cms/jobs/index.ts.
 */
import type { JobsConfig, TaskConfig } from 'payload'
import { sendFollowEmails } from './notify'
import { tidyConversations } from './retention'

/** The queue the conversation tasks run on. */
export const CONVERSATIONS_QUEUE = 'conversations'

export const conversationTasks: TaskConfig[] = [
  {
    slug: 'sendFollowEmails',
    label: 'Tell followers of threads there are new replies (no text in the email)',
    // Each email is claimed in its row first: a retry finds only those not yet sent.
    retries: 0,
    schedule: [{ cron: '0 */10 * * * *', queue: CONVERSATIONS_QUEUE }],
    handler: async ({ req }) => ({ output: { sent: await sendFollowEmails(req.payload) } }),
  },
  {
    slug: 'tidyConversations',
    label: 'Delete messages past their network’s retention, old feed rows, reports and log entries',
    retries: 1,
    schedule: [{ cron: '0 41 2 * * *', queue: CONVERSATIONS_QUEUE }],
    handler: async ({ req }) => ({ output: await tidyConversations(req.payload) }),
  },
]

/** Runs the conversations queue inside the CMS process. */
export const conversationsAutoRun: Extract<NonNullable<JobsConfig['autoRun']>, unknown[]> = [
  { cron: '30 * * * * *', queue: CONVERSATIONS_QUEUE, limit: 5, silent: { info: true } },
]
