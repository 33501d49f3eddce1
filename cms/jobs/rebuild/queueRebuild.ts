import { randomBytes } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import type { SiteBuild } from '../../../content-models/payload-types'
import { recoverInterruptedBuilds } from './recover'
import { debounceMs, maxWaitMs, REBUILD_QUEUE, REBUILD_TASK } from './settings'

export type RebuildTrigger = NonNullable<SiteBuild['trigger']>

/** A new build id: sortable by time, unique, safe as a folder name. */
export const newBuildId = (now = new Date()): string =>
  `${now.toISOString().replace(/[-:T]/g, '').replace(/\..*/, '')}-${randomBytes(3).toString('hex')}`

/** What decides when a queued build starts (see `startTime`). */
export type StartTimeInput = {
  /** The time of this edit, in ms. */
  now: number
  /** Whether this edit comes after a quiet spell, as `isQuietSpell` defines it. */
  quiet: boolean
  /** When the build still waiting was queued (its first edit), or null when none waits. */
  firstWaiting: number | null
  /** When the job of the build still waiting is due, or null when none waits. */
  waitingDue: number | null
  debounce: number
  maxWait: number
}

/**
 * When a queued build should start:
 * - after a quiet spell, at once (the leading edge: the first publish is not kept waiting);
 * - joining a waiting build that is already due (a leading build the job runner has not picked up
 *   yet, or one held back to its max wait), at that build's time: an edit never delays a due build;
 * - otherwise after the debounce counted from the newest edit (the trailing edge: one more build
 *   after the one running, which picks up every edit since), but never later than the max wait
 *   counted from the first edit still waiting, so steady editing cannot hold a build back for ever.
 * @example
 * startTime({ now: 10_000, quiet: true, firstWaiting: null, waitingDue: null, debounce: 2000, maxWait: 30_000 }) // 10_000
 * startTime({ now: 10_000, quiet: false, firstWaiting: null, waitingDue: null, debounce: 2000, maxWait: 30_000 }) // 12_000
 */
export const startTime = ({
  now,
  quiet,
  firstWaiting,
  waitingDue,
  debounce,
  maxWait,
}: StartTimeInput): Date => {
  if (quiet) return new Date(now)
  if (waitingDue !== null && waitingDue <= now) return new Date(waitingDue)
  return new Date(Math.min(now + debounce, (firstWaiting ?? now) + maxWait))
}

/**
 * A quiet spell, the one definition: no site build is waiting (`queued`) or `running`, and no
 * site-builds record was queued (created), started or finished within the last `debounce` ms
 * (a build superseded, or marked interrupted, in that time counts as finished). The first publish
 * after a quiet spell builds at once; any other publish joins the build waiting, or queues one that
 * waits the debounce (`startTime`), so a burst makes at most two builds.
 */
export const isQuietSpell = async (
  payload: Payload,
  now: number,
  debounce: number,
  req?: Partial<PayloadRequest>,
): Promise<boolean> => {
  const since = new Date(now - debounce).toISOString()
  const { totalDocs } = await payload.count({
    collection: 'site-builds',
    where: {
      or: [
        { status: { in: ['queued', 'running'] } },
        { createdAt: { greater_than: since } },
        { startedAt: { greater_than: since } },
        { finishedAt: { greater_than: since } },
      ],
    },
    overrideAccess: true,
    req,
  })
  return totalDocs === 0
}

/** When the job of the waiting site-builds record `recordId` is due, or null when it has none pending. */
const waitingJobDue = async (
  payload: Payload,
  recordId: number | string,
  req?: Partial<PayloadRequest>,
): Promise<number | null> => {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: REBUILD_TASK } },
        { processing: { equals: false } },
        { completedAt: { exists: false } },
        { totalTried: { equals: 0 } },
      ],
    },
    sort: '-createdAt',
    limit: 10,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const job = docs.find((j) => (j.input as { siteBuild?: unknown } | null)?.siteBuild === String(recordId))
  return job?.waitUntil ? Date.parse(job.waitUntil) : null
}

/** Joins the reasons of superseded builds into one short line. */
export const mergeReasons = (reasons: (string | null | undefined)[], limit = 300): string => {
  const unique = [...new Set(reasons.filter((r): r is string => Boolean(r)).flatMap((r) => r.split('; ')))]
  const text = unique.join('; ')
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text
}

type QueueOptions = {
  trigger: RebuildTrigger
  reason?: string
  req?: Partial<PayloadRequest>
  /** The debounce for this request instead of REBUILD_DEBOUNCE_MS (0: start as soon as it may). */
  delayMs?: number
  purgeOlder?: boolean
}

/**
 * The site-builds record this request goes on: the one waiting, with the new reason added (older
 * extra waiting records, left by two requests racing, are superseded), or a new one.
 */
const takeWaitingRecord = async (
  payload: Payload,
  now: number,
  { trigger, reason, req, purgeOlder }: QueueOptions,
): Promise<{ record: SiteBuild; waiting: SiteBuild | undefined }> => {
  const found = await payload.find({
    collection: 'site-builds',
    where: { status: { equals: 'queued' } },
    sort: 'createdAt',
    limit: 50,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const [first, ...extra] = found.docs
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
  const merged = mergeReasons([...found.docs.map((d) => d.reason), reason])
  const purge = Boolean(purgeOlder || found.docs.some((d) => d.purgeOlder))
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
  return { record, waiting: first }
}

/**
 * Queues a site build, at once after a quiet spell (`isQuietSpell`), else after the debounce
 * (`startTime`). Every request queues a new Payload job, which supersedes (deletes, by the task's
 * `supersedes` rule) the job of a build still waiting, so the newest edit is always in a build that
 * starts after it; the waiting site-builds record is reused with the new reason added, so a burst
 * of publishes makes at most two builds (the leading one and one trailing one). A build already
 * running is left alone, so a publish during a build queues exactly one more. `purgeOlder` (an
 * erasure or anonymisation took a name off a page) stays on the waiting record once set: when
 * that build is live, every older kept build and snapshot is deleted.
 */
export const queueRebuild = async (payload: Payload, options: QueueOptions): Promise<SiteBuild> => {
  const { trigger, req, delayMs } = options
  const now = Date.now()
  const debounce = delayMs ?? debounceMs()
  // A build whose process died would hold the queue's key for ever: free it first.
  await recoverInterruptedBuilds(payload, undefined, req)
  const quiet = await isQuietSpell(payload, now, debounce, req)
  const { record, waiting } = await takeWaitingRecord(payload, now, options)
  const waitUntil = startTime({
    now,
    quiet,
    firstWaiting: waiting ? Date.parse(waiting.createdAt) : null,
    waitingDue: waiting ? await waitingJobDue(payload, waiting.id, req) : null,
    debounce,
    maxWait: maxWaitMs(),
  })
  await payload.jobs.queue({
    task: REBUILD_TASK,
    queue: REBUILD_QUEUE,
    input: { siteBuild: String(record.id), trigger: record.trigger ?? trigger },
    waitUntil,
    req: req as PayloadRequest | undefined,
  })
  return record
}
