import type { JobsConfig } from 'payload'
import { petitionsAutoRun, petitionTasks } from './petitions'
import { rebuildAutoRun, rebuildTasks } from './rebuild'
import { trainingAutoRun, trainingTasks } from './training'
import { adviceAutoRun, adviceTasks } from '../advice/jobs'
import { conversationsAutoRun, conversationTasks } from '../conversations/jobs'
import { updatesAutoRun, updateTasks } from '../campaigns/updates/jobs'
import { proposalsAutoRun, proposalTasks } from '../campaigns/proposals/jobs'
import { reviewAutoRun, reviewTasks } from '../review/jobs'

/** The queue Payload puts scheduled publishes and unpublishes on (versions.drafts.schedulePublish). */
export const SCHEDULED_PUBLISH_QUEUE = 'default'

/**
 * When the CMS process runs each queue. Scheduled publishes are looked at every 10 seconds, so a
 * change scheduled for 09:00 is live (published, then built like any publish) within seconds.
 */
const AUTO_RUN: Extract<NonNullable<JobsConfig['autoRun']>, unknown[]> = [
  ...rebuildAutoRun,
  ...petitionsAutoRun,
  ...trainingAutoRun,
  ...adviceAutoRun,
  ...conversationsAutoRun,
  ...updatesAutoRun,
  ...proposalsAutoRun,
  ...reviewAutoRun,
  { cron: '*/10 * * * * *', queue: SCHEDULED_PUBLISH_QUEUE, limit: 10, silent: { info: true } },
]

/** Every queue a task runs on, for `npm run jobs` (scripts/run-jobs.ts). */
export const JOB_QUEUES: string[] = [...new Set(AUTO_RUN.map((run) => run.queue ?? SCHEDULED_PUBLISH_QUEUE))]

/** Every background task, in one Payload jobs config. */
export const jobs: JobsConfig = {
  tasks: [
    ...rebuildTasks,
    ...petitionTasks,
    ...trainingTasks,
    ...adviceTasks,
    ...conversationTasks,
    ...updateTasks,
    ...proposalTasks,
    ...reviewTasks,
  ],
  // Site builds share one concurrency key (see cms/jobs/rebuild).
  enableConcurrencyControl: true,
  // Runs queued jobs inside the CMS process (Next calls getPayload with cron on). With several
  // CMS nodes, set JOBS_AUTORUN=false and run `npm run jobs` on a schedule instead (README).
  // Read when Payload starts, not when this file is loaded: one process may start several.
  autoRun: () => (process.env.JOBS_AUTORUN === 'false' ? [] : AUTO_RUN),
}
