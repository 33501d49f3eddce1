/**
 * `npm run jobs`: runs the background jobs once – queues what is scheduled (the daily site build,
 * petition count roll-ups, retention, the review digest), then runs what is waiting on every queue
 * (scheduled publishes included). For installs with
 * several CMS nodes (JOBS_AUTORUN=false): run it every minute from cron or a systemd timer, on the
 * machine whose data/ folder the web server serves.
 */
import { initPayload } from '../cms/initPayload'
import { REBUILD_QUEUE } from '../cms/jobs/rebuild/settings'
import { JOB_QUEUES } from '../cms/jobs'
import { runCli } from './lib/cli'
import { loadDotEnv } from './lib/env'

loadDotEnv()
// This process runs the jobs itself; the CMS nodes do not.
process.env.REBUILD_IN_PROCESS = 'true'
runCli(async () => {
  const payload = await initPayload()
  // Every queue, site builds last: what the other jobs published (a scheduled publish) is in this build.
  for (const queue of [...JOB_QUEUES.filter((q) => q !== REBUILD_QUEUE), REBUILD_QUEUE]) {
    await payload.jobs.handleSchedules({ queue })
    const result = await payload.jobs.run({ queue, limit: 50 })
    console.log(`${queue}: ${JSON.stringify(result.jobStatus ?? {})}`)
  }
})
