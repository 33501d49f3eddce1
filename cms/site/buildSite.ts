import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { dataDir, projectRoot } from '../../content-models/paths'

/** A site build that failed; `output` holds the end of Astro's output, for the site-builds record. */
export class SiteBuildError extends Error {
  constructor(message: string, readonly output: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SiteBuildError'
  }
}

export type SiteBuildResult = { buildId: string; dir: string; pages: number; ms: number; skipped: boolean }

/** Where builds live: data/builds/<id>/, with data/site a symlink to the live one. */
export const sitePaths = (root = dataDir()) => ({
  builds: path.join(root, 'builds'),
  live: path.join(root, 'site'),
  snapshot: path.join(root, 'snapshot'),
})

/** A fingerprint of everything a build depends on: the snapshot and the site's sources. */
export const buildFingerprint = async (snapshotDir: string): Promise<string> => {
  const hash = createHash('sha256')
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true }).catch(() => [])).sort((a, b) => a.name.localeCompare(b.name))
    for (const e of entries) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) {
        if (!['node_modules', 'dist', '.astro'].includes(e.name)) await walk(p)
      } else if (e.name !== 'meta.json') {
        hash.update(p.slice(projectRoot().length)).update(await readFile(p))
      }
    }
  }
  await walk(snapshotDir)
  await walk(path.join(projectRoot(), 'site'))
  await walk(path.join(projectRoot(), 'cms/snapshot'))
  return hash.digest('hex').slice(0, 16)
}

const countPages = async (dir: string): Promise<number> => {
  let n = 0
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith('.html')) n++
  return n
}

/** Runs `astro build` in a child process (isolated and killable) from `snapshotDir` into `outDir`. */
export const runAstroBuild = (snapshotDir: string, outDir: string, env: Record<string, string | undefined> = {}): Promise<void> =>
  new Promise((resolve, reject) => {
    const astro = path.join(projectRoot(), 'node_modules/astro/astro.js')
    const child = spawn(process.execPath, [astro, 'build', '--root', path.join(projectRoot(), 'site'), '--silent'], {
      cwd: projectRoot(),
      env: { ...process.env, ...env, SNAPSHOT_DIR: snapshotDir, SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', (cause) => reject(new SiteBuildError(`Could not start the site build: ${cause.message}`, output, { cause })))
    child.on('close', (code, signal) => {
      if (code === 0) resolve()
      else reject(new SiteBuildError(`Site build failed (${signal ? `killed by ${signal}` : `exit code ${code}`}). ${lastLines(output)}`, output))
    })
  })

const lastLines = (text: string, n = 12) =>
  text
    .replace(/\x1b\[[0-9;]*m/g, '')
    .trim()
    .split('\n')
    .slice(-n)
    .join('\n')

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

/** Deletes old builds, keeping the live one and the `keep` newest others (for rollback). */
export const pruneBuilds = async (keep = 3, paths = sitePaths()): Promise<void> => {
  const live = await liveBuildDir(paths.live)
  const entries = await readdir(paths.builds).catch(() => [] as string[])
  const dirs = await Promise.all(entries.map(async (name) => ({ dir: path.join(paths.builds, name), mtime: (await stat(path.join(paths.builds, name))).mtimeMs })))
  const old = dirs.filter((d) => d.dir !== live).sort((a, b) => b.mtime - a.mtime).slice(keep)
  await Promise.all(old.map((d) => rm(d.dir, { recursive: true, force: true })))
}

/**
 * Builds the static site from a snapshot into a new folder, checks it, and switches the live site
 * to it. A failed build leaves the live site as it was. With `skipIfUnchanged`, a live build made
 * from the same snapshot and site sources is kept.
 */
export const buildSite = async ({
  snapshotDir = sitePaths().snapshot,
  paths = sitePaths(),
  skipIfUnchanged = false,
}: { snapshotDir?: string; paths?: ReturnType<typeof sitePaths>; skipIfUnchanged?: boolean } = {}): Promise<SiteBuildResult> => {
  const started = Date.now()
  const fingerprint = await buildFingerprint(snapshotDir)
  const live = await liveBuildDir(paths.live)
  if (skipIfUnchanged && live && existsSync(path.join(live, 'index.html'))) {
    const previous = await readFile(path.join(live, '.fingerprint'), 'utf8').catch(() => '')
    if (previous === fingerprint) return { buildId: path.basename(live), dir: live, pages: await countPages(live), ms: Date.now() - started, skipped: true }
  }
  const buildId = `${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}-${fingerprint.slice(0, 8)}`
  const dir = path.join(paths.builds, buildId)
  await mkdir(paths.builds, { recursive: true })
  await rm(dir, { recursive: true, force: true })
  try {
    await runAstroBuild(snapshotDir, dir)
    for (const page of ['index.html', '404.html', 'guides/index.html']) {
      if (!existsSync(path.join(dir, page))) throw new SiteBuildError(`Site build is missing ${page}; not switching to it.`, '')
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  await writeFile(path.join(dir, '.fingerprint'), fingerprint)
  await switchLive(paths.live, dir)
  await pruneBuilds(3, paths)
  return { buildId, dir, pages: await countPages(dir), ms: Date.now() - started, skipped: false }
}
