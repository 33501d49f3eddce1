import type { JobsConfig, TaskConfig } from 'payload'
import { rollUpCounts, ROLL_UP_SECONDS } from '../../campaigns/counts'
import { anonymiseClosedPetitions, deleteUnconfirmed } from '../../campaigns/retention'
import { sweepDatabaseRateLimits } from '../../abuse/rateLimitStore'
import { sendOwedMemberConfirmations } from '../../members/memberEmails'
import { runMemberRetention } from '../../members/retention'
import { sendOwedConfirmations } from '../../campaigns/signatureEmails'

/** The queue petition and sign-up tasks run on, apart from site rebuilds. */
export const PETITIONS_QUEUE = 'petitions'

/**
 * Tasks for sign-ups and petitions: count roll-up and owed confirmation emails (every ~10 s),
 * retention (hourly): unconfirmed records, old signatures, unsubscribed and long-quiet members.
 */
export const petitionTasks: TaskConfig[] = [
  {
    slug: 'sendOwedConfirmationEmails',
    label: 'Send confirmation emails still owed (retries with back-off)',
    // Each email keeps its own tries and back-off in its row, so the task itself is not retried.
    retries: 0,
    schedule: [{ cron: `*/${ROLL_UP_SECONDS} * * * * *`, queue: PETITIONS_QUEUE }],
    handler: async ({ req }) => {
      const signatures = await sendOwedConfirmations(req.payload)
      const members = await sendOwedMemberConfirmations(req.payload)
      return { output: { signatures, members } }
    },
  },
  {
    slug: 'rollUpPetitionCounts',
    label: 'Roll up petition counts',
    retries: 0,
    schedule: [{ cron: `*/${ROLL_UP_SECONDS} * * * * *`, queue: PETITIONS_QUEUE }],
    handler: async ({ req }) => {
      const changed = await rollUpCounts(req.payload)
      return { output: { changed: changed.length } }
    },
  },
  {
    slug: 'petitionRetention',
    label: 'Delete unconfirmed people, anonymise old signatures, ask or remove quiet members',
    retries: 1,
    schedule: [{ cron: '0 17 * * * *', queue: PETITIONS_QUEUE }],
    handler: async ({ req }) => {
      const deleted = await deleteUnconfirmed(req.payload)
      const anonymised = await anonymiseClosedPetitions(req.payload)
      const members = await runMemberRetention(req.payload)
      const rateLimitsSwept = await sweepDatabaseRateLimits(req.payload)
      return { output: { ...deleted, anonymised, ...members, rateLimitsSwept } }
    },
  },
]

/** Runs the petitions queue every ROLL_UP_SECONDS inside the CMS process. */
export const petitionsAutoRun: Extract<NonNullable<JobsConfig['autoRun']>, unknown[]> = [
  { cron: `*/${ROLL_UP_SECONDS} * * * * *`, queue: PETITIONS_QUEUE, limit: 5, silent: { info: true } },
]
