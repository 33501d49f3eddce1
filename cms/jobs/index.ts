import type { JobsConfig } from 'payload'
import { petitionsAutoRun, petitionTasks } from './petitions'
import { rebuildAutoRun, rebuildTasks } from './rebuild'
import { trainingAutoRun, trainingTasks } from './training'
import { adviceAutoRun, adviceTasks } from '../advice/jobs'
import { conversationsAutoRun, conversationTasks } from '../conversations/jobs'
import { updatesAutoRun, updateTasks } from '../campaigns/updates/jobs'
import { proposalsAutoRun, proposalTasks } from '../campaigns/proposals/jobs'
import { reviewAutoRun, reviewTasks } from '../review/jobs'

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
  // CMS nodes, set JOBS_AUTORUN=false and run `payload jobs:run` on a schedule instead (README).
  autoRun:
    process.env.JOBS_AUTORUN === 'false'
      ? []
      : [
          ...rebuildAutoRun,
          ...petitionsAutoRun,
          ...trainingAutoRun,
          ...adviceAutoRun,
          ...conversationsAutoRun,
          ...updatesAutoRun,
          ...proposalsAutoRun,
          ...reviewAutoRun,
        ],
}
