/**
 * The making of one new build's folder (buildSite's middle step): render, carry over, check,
 * precompress, stamp, keep the snapshot.
 */
import type { ChildProcess } from 'node:child_process'
import { cp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { checkBuild, listFiles } from './checkBuild'
import { carryOver, type IncrementalPlan } from './incremental'
import { precompress } from './precompress'
import { runAstroBuild } from './renderBundle'

/** The file in a build that names the site sources it was built from. */
export const SOURCE_FILE = '.source-fingerprint'

/** Runs one build step, timed (see buildSite). */
export type Timed = <T>(step: string, fn: () => Promise<T>) => Promise<T>

/** What is known once a new build's folder is made and checked. */
type MadeBuild = {
  pages: number
  files: number
  brokenLinks: number
  rendered: number
  peakRss: number | null
}

/**
 * Renders the pages into `dir` (all, or those the plan names, carrying the rest over from the
 * live build), checks and precompresses them, stamps the fingerprints and keeps the snapshot
 * beside the build. A failure removes the half-made folder.
 */
export const makeBuild = async (
  o: { snapshotDir: string; dir: string; live: string | null; plan: IncrementalPlan; keptSnapshot: string },
  stamps: { fingerprint: string; source: string },
  timed: Timed,
  timings: Record<string, number>,
  onSpawn?: (child: ChildProcess) => void,
): Promise<MadeBuild> => {
  const { snapshotDir, dir, live, plan, keptSnapshot } = o
  let peakRss: number | null = null
  try {
    const report = await timed('build', () =>
      runAstroBuild(
        snapshotDir,
        dir,
        {},
        {
          onSpawn,
          onPeakRss: (b) => (peakRss = b),
          renderOnly: plan.full ? undefined : { slugs: plan.render, folders: plan.folders },
        },
      ),
    )
    Object.assign(
      timings,
      Object.fromEntries(Object.entries(report.timings).map(([k, v]) => [`build.${k}`, v])),
    )
    const fresh = plan.full ? undefined : await listFiles(dir)
    if (!plan.full && live) await timed('carry', () => carryOver(live, dir, plan.remove))
    const checked = await timed('check', () => checkBuild(dir, { previous: live, rendered: fresh }))
    await timed('compress', () => precompress(dir, fresh))
    await writeFile(path.join(dir, '.fingerprint'), stamps.fingerprint)
    await writeFile(path.join(dir, SOURCE_FILE), stamps.source)
    if (path.resolve(snapshotDir) !== keptSnapshot) {
      await rm(keptSnapshot, { recursive: true, force: true })
      await cp(snapshotDir, keptSnapshot, { recursive: true })
    }
    return {
      pages: checked.pages,
      files: checked.files,
      brokenLinks: checked.brokenLinks.length,
      rendered: report.rendered,
      peakRss,
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}
