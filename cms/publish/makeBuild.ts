/**
 * The making of one new build's folder (buildSite's middle step): render (and draw share images),
 * carry over, check, precompress, add the offline library and service worker, stamp, keep the
 * snapshot.
 */
import type { ChildProcess } from 'node:child_process'
import { cp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { checkBuild, listFiles } from './checkBuild'
import { carryOver, remadeAfterRender, ROUTES_FILE, type IncrementalPlan } from './incremental'
import { keepPreviousAssets, writeOfflineFiles, writeShareImages, type OfflineReport } from './offline'
import { precompress } from './precompress'
import { runAstroBuild } from './renderBundle'

/** The file in a build that names the site sources it was built from. */
export const SOURCE_FILE = '.source-fingerprint'

/** Runs one build step, timed (see buildSite). */
export type Timed = <T>(step: string, fn: () => Promise<T>) => Promise<T>

/** Replaces `to` with a copy of the folder `from`. */
const copyFolder = async (from: string, to: string) => {
  await rm(to, { recursive: true, force: true })
  await cp(from, to, { recursive: true })
}

/** What is known once a new build's folder is made and checked. */
type MadeBuild = {
  pages: number
  files: number
  brokenLinks: number
  rendered: number
  searchFiles: { written: number; all: number }
  peakRss: number | null
  /** Share images drawn, and linked unchanged from the live build. */
  shareImages: { drawn: number; reused: number }
  offline: OfflineReport
}

/**
 * Renders the pages into `dir` (all, or those the plan names, carrying the rest over from the
 * live build) while the share images are drawn, checks and precompresses them, adds the offline
 * library's manifest and service worker, stamps the fingerprints and keeps the snapshot beside
 * the build. A failure removes the half-made folder.
 */
export const makeBuild = async (
  o: {
    snapshotDir: string
    dir: string
    live: string | null
    plan: IncrementalPlan
    keptSnapshot: string
    /** The build whose search index numbers the documents (site/src/lib/search/docNumbers.ts): the live one, unless a test says. */
    searchNumbersFrom: string | null
  },
  stamps: { fingerprint: string; source: string },
  timed: Timed,
  timings: Record<string, number>,
  onSpawn?: (child: ChildProcess) => void,
): Promise<MadeBuild> => {
  const { snapshotDir, dir, live, plan, keptSnapshot, searchNumbersFrom } = o
  let peakRss: number | null = null
  // Share images depend on the snapshot alone: drawn while the pages render (sharp works on its own threads).
  const shareStarted = Date.now()
  const sharing = writeShareImages(dir, snapshotDir, live).finally(
    () => (timings.share = Date.now() - shareStarted),
  )
  sharing.catch(() => undefined) // awaited below; a failure is reported from there
  try {
    const report = await timed('build', () =>
      runAstroBuild(
        snapshotDir,
        dir,
        // The pages name the service worker the offline step writes below. Each document keeps its
        // search number from the live build, so a guide added or removed rewrites only its own search files.
        { SITE_OFFLINE: '1', SEARCH_NUMBERS_FROM: searchNumbersFrom ?? undefined },
        {
          onSpawn,
          onPeakRss: (b) => (peakRss = b),
          renderOnly: plan.full
            ? undefined
            : {
                slugs: plan.render,
                folders: plan.folders,
                pages: plan.pages,
                // The live build's list of every page: routes with nothing to render are not listed again.
                previousRoutes: live ? path.join(live, ROUTES_FILE) : undefined,
                previousBuild: live ?? undefined,
              },
        },
      ),
    )
    Object.assign(
      timings,
      Object.fromEntries(Object.entries(report.timings).map(([k, v]) => [`build.${k}`, v])),
    )
    const shareImages = await sharing
    const fresh = plan.full ? undefined : await listFiles(dir)
    if (!plan.full && live)
      await timed('carry', () => carryOver(live, dir, plan.remove, plan.gonePages, fresh))
    const keptAssets = await timed('keep', () => keepPreviousAssets(dir, live))
    const checked = await timed('check', () =>
      checkBuild(dir, { previous: live, rendered: fresh, later: remadeAfterRender }),
    )
    await timed('compress', () => precompress(dir, fresh))
    const offline = {
      ...(await timed('offline', () => writeOfflineFiles(dir, report.bundleDir, live, checked.fileList))),
      keptAssets,
    }
    await writeFile(path.join(dir, '.fingerprint'), stamps.fingerprint)
    await writeFile(path.join(dir, SOURCE_FILE), stamps.source)
    if (path.resolve(snapshotDir) !== keptSnapshot)
      await timed('snapshot', () => copyFolder(snapshotDir, keptSnapshot))
    return {
      pages: checked.pages,
      files: checked.files,
      brokenLinks: checked.brokenLinks.length,
      rendered: report.rendered,
      searchFiles: report.searchFiles,
      peakRss,
      shareImages,
      offline,
    }
  } catch (error) {
    await sharing.catch(() => undefined)
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}
