/**
 * Live conversations under load (issue 16): `viewers` members watch one thread live (server-sent
 * events from the front server) while `posters` members post to it in a loop, on a new SQLite file.
 *   - A: one front-server process (cms/edge/serve.ts, its own OS process) serves everyone;
 *   - B: two processes on the same file, viewers and posters shared between them, so half of the
 *     deliveries cross from one process to the other through the conversation-events table (each
 *     process polls it every CONVERSATION_POLL_MS, 250 by default; its own posts nudge it at once).
 * Prints, side by side with B/A ratios: messages posted and per second, post latency, fan-out
 * latency (post start → each viewer's receipt) p50/p99/max, deliveries per second, peak RSS and
 * CPU of the servers. Every accepted message must reach every viewer: a lost one is printed and
 * the bench exits non-zero.
 *
 * Usage: npm run bench -- conversations [--viewers 500] [--posters 20] [--seconds 15]
 *          [--cpu-prof (each server writes a V8 CPU profile to a directory that is kept and named)]
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runProblems, runTable } from './conversations/report'
import { runOnce, type RunFigures } from './conversations/run'
import { killServersOnExit, startServers, type ServerGroup } from './conversations/servers'
import { setUpThread } from './conversations/setup'

const option = (name: string, fallback: number): number => {
  const args = process.argv.slice(2)
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
  if (i < 0) return fallback
  const value = Number(args[i].includes('=') ? args[i].split('=')[1] : args[i + 1])
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} takes a whole number, for example --${name} ${fallback}.`)
  return value
}
const viewers = option('viewers', 500)
const posters = option('posters', 20)
const seconds = option('seconds', 15)
const profileDir = process.argv.includes('--cpu-prof')
  ? path.join(os.tmpdir(), `organise-bench-conversations-profiles-${Date.now()}`)
  : null

process.env.PAYLOAD_SECRET ||= 'bench-only-secret'
process.env.LOG_LEVEL ||= 'warn'
process.env.JOBS_AUTORUN = 'false'
const origin = new URL(process.env.SITE_URL || 'http://localhost:4321').origin
const dir = await mkdtemp(path.join(os.tmpdir(), 'organise-bench-conversations-'))
process.env.DATABASE_URI = `file:${path.join(dir, 'bench.db')}`
process.env.OUTBOX_DIR = path.join(dir, 'outbox')

killServersOnExit()
process.once('SIGINT', () => process.exit(130))
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  ALLOW_GENERATED_SECRET: 'true',
  SITE_URL: origin,
  RATE_LIMIT_POST: 'off',
}

const { initPayload } = await import('../../cms/initPayload')
const payload = await initPayload({ key: 'bench' })
let group: ServerGroup | null = null
let failed = false
try {
  const t0 = performance.now()
  const { thread, times } = await setUpThread(payload, viewers + posters)
  console.log(
    `Set-up: ${viewers + posters} members in ${(times.members / 1000).toFixed(1)} s (Local API, ${((viewers + posters) / (times.members / 1000)).toFixed(0)}/s), their sessions in ${(times.sessions / 1000).toFixed(1)} s; ${((performance.now() - t0) / 1000).toFixed(1)} s in all.`,
  )
  console.log(
    `${viewers} viewers and ${posters} posters on one thread, ${seconds} s of posting a run; ${os.cpus().length} cores shared by the bench and the servers; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}.`,
  )
  const runs: RunFigures[] = []
  for (const [label, processes] of [
    ['A', 1],
    ['B', 2],
  ] as const) {
    console.log(`Run ${label}: ${processes} front-server process${processes > 1 ? 'es' : ''}…`)
    group = await startServers(
      processes,
      serverEnv,
      profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, label)}`] : [],
    )
    const { servers } = group
    try {
      runs.push(
        await runOnce({
          label,
          servers,
          threadId: thread.threadId,
          origin,
          cookies: thread.cookies,
          viewers,
          posters,
          seconds,
        }),
      )
    } finally {
      await group.stop()
      group = null
    }
  }
  console.log(`\n${runTable(runs)}\n`)
  const problems = runs.flatMap(runProblems)
  for (const line of problems) console.log(line)
  const stored = await payload.count({
    collection: 'messages',
    where: { thread: { equals: thread.threadId } },
  })
  const counted = await payload.findByID({ collection: 'threads', id: thread.threadId, depth: 0 })
  const shortBy = stored.totalDocs - (counted.messageCount ?? 0)
  console.log(
    `The thread's messageCount says ${counted.messageCount ?? 0}; ${stored.totalDocs} messages are stored in it (warm-ups included)${shortBy ? `: ${shortBy} increments lost to concurrent replies` : ''}.`,
  )
  const lost = runs.reduce((n, r) => n + r.lost, 0)
  if (lost) {
    console.error(`FAIL: ${lost} (viewer, message) deliveries never arrived.`)
    failed = true
  } else console.log('PASS: every accepted message reached every viewer.')
  if (profileDir) console.log(`CPU profiles of the servers (kept): ${profileDir}`)
} catch (error) {
  console.error(error)
  failed = true
} finally {
  await group?.stop()
  await payload.destroy().catch(() => {})
  await rm(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
