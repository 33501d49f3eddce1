/**
 * The proposals' scheduled task: every minute, tell proposers of the editors' decisions (no text
 * of the proposal in the email). Registered in cms/jobs/index.ts.
 */
import type { JobsConfig, TaskConfig } from 'payload'
import { sendProposalDecisions } from './notify'

/** The queue the proposals task runs on. */
export const PROPOSALS_QUEUE = 'proposals'

export const proposalTasks: TaskConfig[] = [
  {
    slug: 'sendProposalDecisions',
    label: 'Tell members the editors decided on their petition proposal (no text in the email)',
    // Each email is claimed in its row first: a retry would find only the ones not yet sent.
    retries: 0,
    schedule: [{ cron: '30 * * * * *', queue: PROPOSALS_QUEUE }],
    handler: async ({ req }) => ({ output: { sent: await sendProposalDecisions(req.payload) } }),
  },
]

/** Runs the proposals queue every minute inside the CMS process. */
export const proposalsAutoRun: Extract<NonNullable<JobsConfig['autoRun']>, unknown[]> = [
  { cron: '50 * * * * *', queue: PROPOSALS_QUEUE, limit: 5, silent: { info: true } },
]
