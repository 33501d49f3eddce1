import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { liveBuildDir, sitePaths, switchLive } from './buildSite'

/** A rollback that cannot happen: names the build asked for and the ones that exist. */
export class RollbackError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RollbackError'
  }
}

export type KeptBuild = { buildId: string; live: boolean }

/** The builds kept in data/builds, newest first (build ids sort by time), with the live one marked. */
export const listBuilds = async (paths = sitePaths()): Promise<KeptBuild[]> => {
  const live = await liveBuildDir(paths.live)
  const names = (await readdir(paths.builds).catch(() => [] as string[])).filter(
    (n) => !n.startsWith('.') && existsSync(path.join(paths.builds, n, 'index.html')),
  )
  return names
    .sort()
    .reverse()
    .map((buildId) => ({ buildId, live: path.join(paths.builds, buildId) === live }))
}

/**
 * Switches the served site to a kept build: `buildId`, or by default the newest build older than
 * the live one. Atomic, like a normal switch; the next publish builds on top of whatever is live.
 */
export const rollbackTo = async (
  buildId?: string | null,
  paths = sitePaths(),
): Promise<{ from: string | null; to: string }> => {
  const builds = await listBuilds(paths)
  const current = builds.find((b) => b.live)?.buildId ?? null
  const kept = builds.map((b) => b.buildId).join(', ') || 'none'
  let target: string | undefined
  if (buildId) {
    if (!/^[\w.-]+$/.test(buildId) || !builds.some((b) => b.buildId === buildId)) {
      throw new RollbackError(`There is no kept build "${buildId}". Kept builds: ${kept}.`)
    }
    target = buildId
  } else {
    target = builds.find((b) => !b.live && (!current || b.buildId < current))?.buildId
    if (!target) throw new RollbackError(`There is no older build to go back to. Kept builds: ${kept}.`)
  }
  await switchLive(paths.live, path.join(paths.builds, target))
  return { from: current, to: target }
}
