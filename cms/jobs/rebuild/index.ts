import type { JobsConfig, TaskConfig } from 'payload'
import { runRebuild } from './runRebuild'
import { REBUILD_CONCURRENCY_KEY, REBUILD_DAILY_TASK, REBUILD_QUEUE, REBUILD_TASK } from './settings'

/**
 * The site build task, queued by publishing. One concurrency key: one build at a time, and a
 * newer request deletes a waiting one (`supersedes`). A failed build throws, so Payload retries it
 * with backoff (30 s, 60 s, 120 s); the live site stays as it was meanwhile.
 */
export const rebuildSiteTask: TaskConfig = {
  slug: REBUILD_TASK,
  label: 'Rebuild the public site',
  inputSchema: [
    { name: 'siteBuild', type: 'text', admin: { description: 'The site-builds record this job fills in.' } },
    { name: 'trigger', type: 'text' },
  ],
  outputSchema: [
    { name: 'buildId', type: 'text' },
    { name: 'pages', type: 'number' },
  ],
  concurrency: { key: () => REBUILD_CONCURRENCY_KEY, exclusive: true, supersedes: true },
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async ({ input, req }) => {
    const result = await runRebuild(req.payload, {
      siteBuildId: (input as { siteBuild?: string }).siteBuild || null,
      trigger: (input as { trigger?: string }).trigger || 'manual',
    })
    return { output: { buildId: result.buildId, pages: result.pages } }
  },
}

/**
 * The daily full build, which keeps date-dependent pages (upcoming sessions, closing petitions)
 * true. Same key, so it never runs beside another build; it does not supersede, because Payload
 * queues a scheduled job ahead of its time and it must not delete a publish waiting to run (a
 * publish may delete it instead: the scheduler queues it again within a minute).
 */
export const rebuildSiteDailyTask: TaskConfig = {
  slug: REBUILD_DAILY_TASK,
  label: 'Rebuild the public site (daily)',
  outputSchema: rebuildSiteTask.outputSchema,
  concurrency: { key: () => REBUILD_CONCURRENCY_KEY, exclusive: true, supersedes: false },
  retries: rebuildSiteTask.retries,
  schedule: [{ cron: '0 15 3 * * *', queue: REBUILD_QUEUE }],
  handler: async ({ req }) => {
    const result = await runRebuild(req.payload, { siteBuildId: null, trigger: 'daily' })
    return { output: { buildId: result.buildId, pages: result.pages } }
  },
}

/** Tasks of the site rebuild queue. */
export const rebuildTasks: TaskConfig[] = [rebuildSiteTask, rebuildSiteDailyTask]

/**
 * Runs the site-build queue inside the CMS process: every second (one cheap query when nothing
 * waits), so the first publish after a quiet spell starts building within a second, and a later
 * one soon after its debounce; and once a minute it also queues the daily build when its time has
 * come.
 */
export const rebuildAutoRun: Extract<NonNullable<JobsConfig['autoRun']>, unknown[]> = [
  { cron: '* * * * * *', queue: REBUILD_QUEUE, limit: 1, disableScheduling: true, silent: { info: true } },
  { cron: '0 * * * * *', queue: REBUILD_QUEUE, limit: 1 },
]
