import type { JobsConfig, TaskConfig } from 'payload'
import { sendCancellationNotices, sendDueReminders } from '../../training/notices'
import { deleteUnconfirmedRegistrations, fillFreePlaces } from '../../training/tidy'

/** The queue the training emails run on. */
export const TRAINING_QUEUE = 'training'

/**
 * Training tasks, every minute: cancelled-session notices, free places given to people waiting
 * (a place freed without a cancel: an erased member, more places), and reminders 24 hours before;
 * each email is claimed in its row before it is sent, so a re-run or a second worker sends none
 * twice. Hourly: unconfirmed registrations deleted.
 */
export const trainingTasks: TaskConfig[] = [
  {
    slug: 'sendTrainingEmails',
    label: 'Send training reminders and cancelled-session notices; move people up into free places',
    // Each email is claimed in its row: a retry would only find the ones not yet sent.
    retries: 0,
    schedule: [{ cron: '0 * * * * *', queue: TRAINING_QUEUE }],
    handler: async ({ req }) => {
      const cancelled = await sendCancellationNotices(req.payload)
      const movedUp = await fillFreePlaces(req.payload)
      const reminded = await sendDueReminders(req.payload)
      return { output: { reminded, cancelled, movedUp } }
    },
  },
  {
    slug: 'tidyRegistrations',
    label: 'Delete unconfirmed registrations',
    retries: 1,
    schedule: [{ cron: '0 41 * * * *', queue: TRAINING_QUEUE }],
    handler: async ({ req }) => {
      const deleted = await deleteUnconfirmedRegistrations(req.payload)
      return { output: { deleted } }
    },
  },
]

/** Runs the training queue every minute inside the CMS process. */
export const trainingAutoRun: Extract<NonNullable<JobsConfig['autoRun']>, unknown[]> = [
  { cron: '30 * * * * *', queue: TRAINING_QUEUE, limit: 5, silent: { info: true } },
]
