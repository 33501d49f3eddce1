import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, readlink, rename, rm, stat, symlink } from 'node:fs/promises'
import path from 'node:path'
import { dataDir } from '../../content-models/paths'
import { buildFingerprint, sourceFingerprint } from './fingerprint'
import { planIncremental, type IncrementalPlan } from './incremental'
import { readEntries, readKeptEntries, writeEntriesFile, type PlanEntries } from './planEntries'
import { makeBuild, SOURCE_FILE, type Timed } from './makeBuild'

export { buildFingerprint, sourceFingerprint } from './fingerprint'
export { ensureBundle, makeBundle, runAstroBuild, SiteBuildError, type RenderReport } from './renderBundle'

export type SiteBuildResult = {
  buildId: string
  dir: string
  pages: number
  ms: number
  skipped: boolean
  /** Milliseconds per step: fingerprint, plan, build, share (drawn while build runs), carry, check, compress, offline, snapshot, switch, prune. */
  timings: Record<string, number>
  /** Whether only changed pages were rendered, and why not when not. */
  mode: 'full' | 'incremental'
  modeReason?: string
  /** Peak memory of the Astro build process, in bytes, where the system reports it. */
  peakRss: number | null
  /** Internal links already broken in the live build, which do not block this one. */
  brokenLinks?: number
  /** Files (pages, feeds, search index…) rendered in this build (the rest were carried over). */
  rendered?: number
  /** The search index's files this build wrote, of all it has (an incremental build carries the unchanged ones over). */
  searchFiles?: { written: number; all: number }
  /** Files in the build. */
  files?: number
  /** Share images drawn for this build, and linked unchanged from the live one. */
  shareImages?: { drawn: number; reused: number }
  /** The offline library: files listed, bytes on the device, bytes sent (gzip); old scripts and styles kept. */
  offline?: {
    libraryFiles: number
    libraryBytes: number
    librarySent: number
    keptAssets: number
    /** Library entries taken from the live build's record, not read again. */
    libraryReused: number
  }
}

/**
 * Where builds live: data/builds/<id>/, with data/site a symlink to the live one, and the
 * snapshot each build was made from in data/snapshots/<id>/ (for incremental builds).
 */
export const sitePaths = (root = dataDir()) => ({
  builds: path.join(root, 'builds'),
  live: path.join(root, 'site'),
  snapshot: path.join(root, 'snapshot'),
  snapshots: path.join(root, 'snapshots'),
})

const countPages = async (dir: string): Promise<number> => {
  let n = 0
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith('.html')) n++
  return n
}

/** Points data/site at `target` atomically: a new symlink renamed over the old one. */
export const switchLive = async (live: string, target: string): Promise<void> => {
  const tmp = `${live}.tmp-${process.pid}-${Date.now()}`
  await symlink(path.relative(path.dirname(live), target), tmp, 'dir')
  await rename(tmp, live)
}

/** The build folder data/site points at, or null. */
export const liveBuildDir = async (live = sitePaths().live): Promise<string | null> => {
  try {
    return path.resolve(path.dirname(live), await readlink(live))
  } catch {
    return null
  }
}

/** Deletes old builds (and their snapshots), keeping the live one and the `keep` newest others (for rollback). */
export const pruneBuilds = async (keep = 3, paths = sitePaths()): Promise<void> => {
  const live = await liveBuildDir(paths.live)
  const entries = (await readdir(paths.builds).catch(() => [] as string[])).filter((n) => !n.startsWith('.'))
  const dirs = await Promise.all(
    entries.map(async (name) => ({
      name,
      dir: path.join(paths.builds, name),
      mtime: (await stat(path.join(paths.builds, name))).mtimeMs,
    })),
  )
  const old = dirs
    .filter((d) => d.dir !== live)
    .sort((a, b) => b.mtime - a.mtime)
    .slice(keep)
  await Promise.all(old.map((d) => rm(d.dir, { recursive: true, force: true })))
  const kept = new Set(dirs.filter((d) => !old.includes(d)).map((d) => d.name))
  const snapshots = await readdir(paths.snapshots).catch(() => [] as string[])
  await Promise.all(
    snapshots
      .filter((n) => !kept.has(n))
      .map((n) => rm(path.join(paths.snapshots, n), { recursive: true, force: true })),
  )
}

/** A build id: sortable by time, then the fingerprint, safe as a folder name. */
export const defaultBuildId = (fingerprint: string) =>
  `${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}-${fingerprint.slice(0, 8)}`

/**
 * The snapshot the live build was made from, when this code exported it (same site and snapshot
 * sources): the next export may copy its unchanged entries. Otherwise undefined.
 */
export const reusableSnapshot = async (paths = sitePaths()): Promise<string | undefined> => {
  const live = await liveBuildDir(paths.live)
  if (!live) return undefined
  const snapshot = path.join(paths.snapshots, path.basename(live))
  const source = await readFile(path.join(live, SOURCE_FILE), 'utf8').catch(() => '')
  return existsSync(snapshot) && source === (await sourceFingerprint()) ? snapshot : undefined
}

/**
 * Decides between an incremental and a full build against the live build; gives the new
 * snapshot's entries when it read them.
 */
const planAgainst = async (
  live: string | null,
  snapshotDir: string,
  paths: ReturnType<typeof sitePaths>,
  source: string,
): Promise<{ plan: IncrementalPlan; entries?: PlanEntries }> => {
  if (!live || !existsSync(path.join(live, 'index.html')))
    return { plan: { full: true, reason: 'no live build' } }
  if ((await readFile(path.join(live, SOURCE_FILE), 'utf8').catch(() => '')) !== source)
    return { plan: { full: true, reason: 'site sources changed' } }
  const previous = path.join(paths.snapshots, path.basename(live))
  if (!existsSync(previous)) return { plan: { full: true, reason: 'no snapshot of the live build' } }
  const settings = async (dir: string) =>
    readFile(path.join(dir, 'site-settings.json'), 'utf8').catch(() => '')
  const liveFingerprint = await readFile(path.join(live, '.fingerprint'), 'utf8').catch(() => '')
  const before = await readKeptEntries(previous, liveFingerprint)
  // Entries whose bytes are the live snapshot's are taken from it, not parsed again.
  const entries = await readEntries(snapshotDir, before)
  const plan = planIncremental(before, entries, (await settings(previous)) !== (await settings(snapshotDir)))
  return { plan, entries }
}

/** Keeps the plan's entries beside the kept snapshot for the next build; a failure only costs that build time. */
const keepEntries = async (dir: string, entries: PlanEntries | undefined, fingerprint: string) => {
  try {
    await writeEntriesFile(dir, entries ?? (await readEntries(dir)), fingerprint)
  } catch (error) {
    console.warn(`The snapshot's plan entries were not kept: ${(error as Error).message}`)
  }
}

type SitePaths = ReturnType<typeof sitePaths>

/** Runs build steps, keeping each one's time in `timings` and announcing it first. */
const stepTimer =
  (timings: Record<string, number>, onStep?: (step: string) => void | Promise<void>): Timed =>
  async (step, fn) => {
    await onStep?.(step)
    const t = Date.now()
    try {
      return await fn()
    } finally {
      timings[step] = Date.now() - t
    }
  }

/** The live build, if it was made from this very snapshot (same fingerprint): nothing to do. */
const unchangedLive = async (live: string | null, fingerprint: string, started: number) => {
  if (!live || !existsSync(path.join(live, 'index.html'))) return null
  const previous = await readFile(path.join(live, '.fingerprint'), 'utf8').catch(() => '')
  if (previous !== fingerprint) return null
  const result: SiteBuildResult = {
    buildId: path.basename(live),
    dir: live,
    pages: await countPages(live),
    ms: Date.now() - started,
    skipped: true,
    timings: {},
    mode: 'full',
    peakRss: null,
  }
  return result
}

/**
 * Builds the static site from a snapshot into a new folder, checks it (key pages, search index,
 * internal links), and switches the live site to it. A failed build leaves the live site as it
 * was. With `skipIfUnchanged`, a live build made from the same snapshot and site sources is kept.
 * With `incremental`, only the pages whose snapshot entries changed (and the pages linked to them,
 * the lists, feeds and search index) are rendered; the rest are carried over from the live build.
 */
export const buildSite = async ({
  snapshotDir = sitePaths().snapshot,
  paths = sitePaths(),
  skipIfUnchanged = false,
  incremental = false,
  buildId: wantedId,
  keep = 3,
  onSpawn,
  onStep,
  searchNumbersFrom,
}: {
  snapshotDir?: string
  paths?: SitePaths
  skipIfUnchanged?: boolean
  incremental?: boolean
  buildId?: string
  keep?: number
  onSpawn?: (child: ChildProcess) => void
  /** Called as each step starts, for progress on the site-builds record. */
  onStep?: (step: string) => void | Promise<void>
  /**
   * The build whose search index numbers the documents (site/src/lib/search/docNumbers.ts); the
   * live build by default. A test gives a full build the live build of another folder, so it
   * numbers as the incremental build it is compared with does.
   */
  searchNumbersFrom?: string | null
} = {}): Promise<SiteBuildResult> => {
  const started = Date.now()
  const timings: Record<string, number> = {}
  const timed = stepTimer(timings, onStep)
  const t = Date.now()
  const fingerprint = await buildFingerprint(snapshotDir)
  const source = await sourceFingerprint()
  const live = await liveBuildDir(paths.live)
  const unchanged = skipIfUnchanged ? await unchangedLive(live, fingerprint, started) : null
  if (unchanged) return unchanged
  timings.fingerprint = Date.now() - t
  const buildId = wantedId ?? defaultBuildId(fingerprint)
  const dir = path.join(paths.builds, buildId)
  const keptSnapshot = path.join(paths.snapshots, buildId)
  const { plan, entries } = incremental
    ? await timed('plan', () => planAgainst(live, snapshotDir, paths, source))
    : { plan: { full: true, reason: 'full build asked for' } as IncrementalPlan, entries: undefined }
  await mkdir(paths.builds, { recursive: true })
  await rm(dir, { recursive: true, force: true })
  const made = await makeBuild(
    { snapshotDir, dir, live, plan, keptSnapshot, searchNumbersFrom: searchNumbersFrom ?? live },
    { fingerprint, source },
    timed,
    timings,
    onSpawn,
  )
  await timed('entries', () => keepEntries(keptSnapshot, entries, fingerprint))
  await timed('switch', () => switchLive(paths.live, dir))
  await timed('prune', () => pruneBuilds(keep, paths))
  return {
    buildId,
    dir,
    pages: made.pages,
    ms: Date.now() - started,
    skipped: false,
    timings,
    mode: plan.full ? 'full' : 'incremental',
    modeReason: plan.full ? plan.reason : `${plan.changed} entries changed`,
    peakRss: made.peakRss,
    brokenLinks: made.brokenLinks,
    rendered: made.rendered,
    searchFiles: made.searchFiles,
    files: made.files,
    shareImages: made.shareImages,
    offline: made.offline,
  }
}
