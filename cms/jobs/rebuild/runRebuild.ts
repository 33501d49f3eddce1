import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'
import type { Payload } from 'payload'
import type { SiteBuild } from '../../../content-models/payload-types'
import {
  buildSite,
  reusableSnapshot,
  sitePaths,
  SiteBuildError,
  purgeOlderBuilds,
  exportSnapshot,
} from '../../publish'
import { newBuildId, type RebuildTrigger } from './queueRebuild'
import { recoverInterruptedBuilds } from './recover'
import { keepBuilds, REBUILD_DAILY_TASK, REBUILD_TASK } from './settings'

const TRIGGERS: readonly RebuildTrigger[] = ['start', 'publish', 'manual', 'daily', 'retry']
const asTrigger = (t: string): RebuildTrigger =>
  TRIGGERS.includes(t as RebuildTrigger) ? (t as RebuildTrigger) : 'manual'

/** The error text kept on a failed build's record: the message, then the end of Astro's output. */
export const errorText = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error)
  const output =
    error instanceof SiteBuildError ? stripVTControlCharacters(error.output).trim().slice(-4000) : ''
  return (output && !message.includes(output) ? `${message}\n\nBuild output:\n${output}` : message).slice(
    0,
    8000,
  )
}

/** The site-builds record of this run: the queued one it was given, or a new one (a retry gets its own). */
const startRecord = async (payload: Payload, siteBuildId: string | null, trigger: string, now: string) => {
  const found = siteBuildId
    ? await payload.findByID({
        collection: 'site-builds',
        id: siteBuildId,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
      })
    : null
  if (found && (found.status === 'queued' || found.status === 'running'))
    return payload.update({
      collection: 'site-builds',
      id: found.id,
      data: { status: 'running', startedAt: now },
      overrideAccess: true,
      depth: 0,
    })
  return payload.create({
    collection: 'site-builds',
    data: {
      buildId: newBuildId(),
      status: 'running',
      startedAt: now,
      trigger: found ? 'retry' : asTrigger(trigger),
      reason: found
        ? `Retry of ${found.buildId}${found.reason ? `: ${found.reason}` : ''}`
        : trigger === 'daily'
          ? 'Daily build for date-dependent pages'
          : null,
      purgeOlder: Boolean(found?.purgeOlder),
    },
    overrideAccess: true,
    depth: 0,
  })
}

/**
 * Waiting records older than this one had their jobs replaced by this one: they are superseded,
 * and this build takes on their purge.
 */
const supersedeOlder = async (payload: Payload, record: SiteBuild, now: string): Promise<SiteBuild> => {
  const replaced = await payload.find({
    collection: 'site-builds',
    where: {
      and: [
        { status: { equals: 'queued' } },
        { createdAt: { less_than: record.createdAt } },
        { purgeOlder: { equals: true } },
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const current =
    replaced.docs.length && !record.purgeOlder
      ? await payload.update({
          collection: 'site-builds',
          id: record.id,
          data: { purgeOlder: true },
          overrideAccess: true,
          depth: 0,
        })
      : record
  await payload.update({
    collection: 'site-builds',
    where: { and: [{ status: { equals: 'queued' } }, { createdAt: { less_than: record.createdAt } }] },
    data: { status: 'superseded', finishedAt: now },
    overrideAccess: true,
    depth: 0,
  })
  return current
}

type RunOptions = { trigger: string; full?: boolean; onSpawn?: (child: ChildProcess) => void }

/**
 * Exports the snapshot to a fresh folder (kept beside the build for the next incremental one),
 * builds and checks the site and switches to it, then purges older builds if the record says so.
 * An incremental build copies unchanged entries from the live build's snapshot; the daily and
 * manual builds read everything again.
 */
const exportAndBuild = async (
  payload: Payload,
  record: SiteBuild,
  snapshotDir: string,
  timings: Record<string, number>,
  { trigger, full, onSpawn }: RunOptions,
) => {
  const paths = sitePaths()
  const t = Date.now()
  await rm(snapshotDir, { recursive: true, force: true })
  await mkdir(paths.snapshots, { recursive: true })
  const incremental = !full && trigger !== 'daily' && trigger !== 'manual'
  await exportSnapshot(payload, snapshotDir, {
    previous: incremental ? await reusableSnapshot(paths) : undefined,
  })
  timings.export = Date.now() - t
  const result = await buildSite({
    snapshotDir,
    paths,
    buildId: record.buildId,
    incremental,
    keep: keepBuilds(),
    onSpawn,
  })
  Object.assign(timings, result.timings)
  if (record.purgeOlder) {
    const p = Date.now()
    await purgeOlderBuilds(paths)
    timings.purgeOlder = Date.now() - p
  }
  return result
}

type BuildResult = Awaited<ReturnType<typeof buildSite>>

/** Records the build as the live one: retries of older failed builds are moot, and only one record is live. */
const markSucceeded = async (
  payload: Payload,
  record: SiteBuild,
  result: BuildResult,
  timings: Record<string, number>,
  started: number,
): Promise<SiteBuild> => {
  await payload.db.deleteMany({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { in: [REBUILD_TASK, REBUILD_DAILY_TASK] } },
        { processing: { equals: false } },
        { totalTried: { greater_than: 0 } },
        { completedAt: { exists: false } },
      ],
    },
  })
  await payload.update({
    collection: 'site-builds',
    where: { live: { equals: true } },
    data: { live: false },
    overrideAccess: true,
    depth: 0,
  })
  return payload.update({
    collection: 'site-builds',
    id: record.id,
    data: {
      status: 'succeeded',
      live: true,
      finishedAt: new Date().toISOString(),
      durationMs: Date.now() - started,
      timings: {
        ...timings,
        mode: result.mode,
        modeReason: result.modeReason ?? null,
        knownBrokenLinks: result.brokenLinks ?? 0,
        rendered: result.rendered ?? null,
        peakRssMb: result.peakRss ? Math.round(result.peakRss / 2 ** 20) : null,
      },
      pages: result.pages,
      error: null,
    },
    overrideAccess: true,
    depth: 0,
  })
}

/**
 * One site build, as the rebuild job runs it: export the snapshot to a fresh folder, build the
 * site into a new folder (incrementally unless it is the daily build), check it, switch the live
 * site, prune old builds (all of them, with their snapshots, when the record says `purgeOlder`:
 * someone was erased from a page). Every step's time, the page count and any error go on its
 * site-builds record. A failure throws after recording it, so the job is retried with backoff; a
 * retry gets a record of its own.
 */
export const runRebuild = async (
  payload: Payload,
  { siteBuildId, ...options }: RunOptions & { siteBuildId: string | null },
): Promise<{ buildId: string; pages: number; record: SiteBuild }> => {
  const now = new Date().toISOString()
  let record = await startRecord(payload, siteBuildId, options.trigger, now)
  record = await supersedeOlder(payload, record, now)
  await recoverInterruptedBuilds(payload, record.id)

  const snapshotDir = path.join(sitePaths().snapshots, record.buildId)
  const timings: Record<string, number> = {}
  const started = Date.now()
  try {
    const result = await exportAndBuild(payload, record, snapshotDir, timings, options)
    record = await markSucceeded(payload, record, result, timings, started)
    return { buildId: result.buildId, pages: result.pages, record }
  } catch (error) {
    await payload.update({
      collection: 'site-builds',
      id: record.id,
      data: {
        status: 'failed',
        finishedAt: new Date().toISOString(),
        durationMs: Date.now() - started,
        timings,
        error: errorText(error),
      },
      overrideAccess: true,
      depth: 0,
    })
    await rm(snapshotDir, { recursive: true, force: true })
    throw error
  }
}

/** Marks the record of `buildId` as the live one (after a rollback), and every other as not live. */
export const markLiveRecord = async (payload: Payload, buildId: string): Promise<SiteBuild | null> => {
  await payload.update({
    collection: 'site-builds',
    where: { live: { equals: true } },
    data: { live: false },
    overrideAccess: true,
    depth: 0,
  })
  const { docs } = await payload.update({
    collection: 'site-builds',
    where: { buildId: { equals: buildId } },
    data: { live: true },
    overrideAccess: true,
    depth: 0,
  })
  return docs[0] ?? null
}
