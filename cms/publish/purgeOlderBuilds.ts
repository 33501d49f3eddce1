/**
 * After an erasure or anonymisation, the live build no longer shows the person, but kept builds
 * (for rollback) and their snapshots still do. The simple rule that holds: once such a build is
 * live, delete every other kept build and snapshot. Rollback then has nothing older to go to
 * until the next builds are kept again.
 */
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { liveBuildDir, sitePaths } from './buildSite'

/**
 * Deletes every build in data/builds/ and every snapshot in data/snapshots/ except the live
 * build's. Folders being written (names starting with a dot) are left alone.
 * @returns the names of the builds and snapshots deleted
 */
export const purgeOlderBuilds = async (
  paths = sitePaths(),
): Promise<{ builds: string[]; snapshots: string[] }> => {
  const live = await liveBuildDir(paths.live)
  if (!live)
    throw new Error(
      `No live build at ${paths.live}: refusing to delete kept builds. Build the site first (npm run build:site).`,
    )
  const liveName = path.basename(live)
  const others = async (dir: string) =>
    (await readdir(dir).catch(() => [] as string[])).filter((n) => n !== liveName && !n.startsWith('.'))
  const builds = await others(paths.builds)
  const snapshots = await others(paths.snapshots)
  await Promise.all([
    ...builds.map((n) => rm(path.join(paths.builds, n), { recursive: true, force: true })),
    ...snapshots.map((n) => rm(path.join(paths.snapshots, n), { recursive: true, force: true })),
  ])
  return { builds, snapshots }
}
