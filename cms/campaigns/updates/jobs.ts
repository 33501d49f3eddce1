/**
 * The updates' task: every minute, send what is queued or still being sent, for at most 50
 * seconds a run (the next run goes on where it stopped). One concurrency key: one sender at a
 * time, so the rate holds across CMS processes. Registered in cms/jobs/index.ts.
 */
import type { JobsConfig, TaskConfig } from 'payload'
import { sendQueuedUpdates } from './send'
import { UPDATES_QUEUE, UPDATES_TASK } from '../../../content-models/collections/supporterUpdates/states'

/** The queue updates to supporters are sent on. */
export { UPDATES_QUEUE }

/** How long one run sends before it hands over to the next. */
export const RUN_SECONDS = 50

export const updateTasks: TaskConfig[] = [
  {
    slug: UPDATES_TASK,
    label: 'Send updates to supporters (batches at UPDATE_SEND_PER_SECOND)',
    // Each email is claimed in its row first: a retry or the next run finds only those not yet sent.
    retries: 0,
    concurrency: { key: () => 'supporter-updates', exclusive: true, supersedes: false },
    schedule: [{ cron: '0 * * * * *', queue: UPDATES_QUEUE }],
    handler: async ({ req }) => {
      const results = await sendQueuedUpdates(req.payload, { until: Date.now() + RUN_SECONDS * 1000 })
      return { output: { updates: Object.keys(results).length } }
    },
  },
]

/** Runs the updates queue inside the CMS process. */
export const updatesAutoRun: Extract<NonNullable<JobsConfig['autoRun']>, unknown[]> = [
  { cron: '*/5 * * * * *', queue: UPDATES_QUEUE, limit: 1, silent: { info: true } },
]
