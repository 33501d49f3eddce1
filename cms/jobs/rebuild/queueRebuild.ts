import { randomBytes } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import type { SiteBuild } from '../../../content-models/payload-types'
import { recoverInterruptedBuilds } from './recover'
import { debounceMs, maxWaitMs, REBUILD_QUEUE, REBUILD_TASK } from './settings'

export type RebuildTrigger = NonNullable<SiteBuild['trigger']>

/** A new build id: sortable by time, unique, safe as a folder name. */
export const newBuildId = (now = new Date()): string =>
  `${now.toISOString().replace(/[-:T]/g, '').replace(/\..*/, '')}-${randomBytes(3).toString('hex')}`

/**
 * When a queued build should start: after the debounce, counted from the newest edit, but never
 * later than the max wait counted from the first edit still waiting, so steady editing cannot
 * hold a build back for ever.
 */
export const startTime = (
  now: number,
  firstWaiting: number | null,
  debounce: number,
  maxWait: number,
): Date => new Date(Math.min(now + debounce, (firstWaiting ?? now) + maxWait))

/** Joins the reasons of superseded builds into one short line. */
export const mergeReasons = (reasons: (string | null | undefined)[], limit = 300): string => {
  const unique = [...new Set(reasons.filter((r): r is string => Boolean(r)).flatMap((r) => r.split('; ')))]
  const text = unique.join('; ')
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text
}

/**
 * Queues a site build. The Payload job of a build still waiting is superseded (deleted by the
 * task's `supersedes` rule) by a new one that starts after a fresh debounce, and the waiting
 * site-builds record is reused with the new reason added, so a burst of publishes makes one build.
 * A build already running is left alone, so a publish during a build queues exactly one more.
 * `purgeOlder` (an erasure or anonymisation took a name off a page) stays on the waiting record
 * once set: when that build is live, every older kept build and snapshot is deleted.
 */
export const queueRebuild = async (
  payload: Payload,
  {
    trigger,
    reason,
    req,
    delayMs,
    purgeOlder,
  }: {
    trigger: RebuildTrigger
    reason?: string
    req?: Partial<PayloadRequest>
    delayMs?: number
    purgeOlder?: boolean
  },
): Promise<SiteBuild> => {
  const now = Date.now()
  // A build whose process died would hold the queue's key for ever: free it first.
  await recoverInterruptedBuilds(payload, undefined, req)
  const waiting = await payload.find({
    collection: 'site-builds',
    where: { status: { equals: 'queued' } },
    sort: 'createdAt',
    limit: 50,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const [first, ...extra] = waiting.docs
  // Two requests racing can leave more than one waiting record: keep the oldest.
  for (const old of extra) {
    await payload.update({
      collection: 'site-builds',
      id: old.id,
      data: { status: 'superseded', finishedAt: new Date(now).toISOString() },
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
  const merged = mergeReasons([...waiting.docs.map((d) => d.reason), reason])
  const purge = Boolean(purgeOlder || waiting.docs.some((d) => d.purgeOlder))
  const record = first
    ? await payload.update({
        collection: 'site-builds',
        id: first.id,
        data: { reason: merged, purgeOlder: purge },
        overrideAccess: true,
        depth: 0,
        req,
      })
    : await payload.create({
        collection: 'site-builds',
        data: {
          buildId: newBuildId(new Date(now)),
          status: 'queued',
          trigger,
          reason: merged,
          purgeOlder: purge,
        },
        overrideAccess: true,
        depth: 0,
        req,
      })
  const waitUntil = startTime(
    now,
    first ? Date.parse(first.createdAt) : null,
    delayMs ?? debounceMs(),
    maxWaitMs(),
  )
  await payload.jobs.queue({
    task: REBUILD_TASK,
    queue: REBUILD_QUEUE,
    input: { siteBuild: String(record.id), trigger: record.trigger ?? trigger },
    waitUntil,
    req: req as PayloadRequest | undefined,
  })
  return record
}
