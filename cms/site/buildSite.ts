import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { dataDir, projectRoot } from '../../content-models/paths'
import { checkBuild, listFiles } from './checkBuild'
import { precompress } from './precompress'
import type { PublicCollection } from '../../content-models/constants'
import { carryOver, planIncremental, readEntries, ROUTE_DIRS, type FolderPlan, type IncrementalPlan } from './incremental'

/** A site build that failed; `output` holds the end of Astro's output, for the site-builds record. */
export class SiteBuildError extends Error {
  constructor(message: string, readonly output: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SiteBuildError'
  }
}

export type SiteBuildResult = {
  buildId: string
  dir: string
  pages: number
  ms: number
  skipped: boolean
  /** Milliseconds per step: build, carry, check, switch, prune. */
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
  /** Files in the build. */
  files?: number
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

/** Adds every file under `dir` (paths from the project root, and contents) to `hash`, in a stable order. */
const hashTree = async (hash: ReturnType<typeof createHash>, dir: string, skip: (name: string) => boolean = () => false): Promise<void> => {
  const entries = (await readdir(dir, { withFileTypes: true }).catch(() => [])).sort((a, b) => a.name.localeCompare(b.name))
  for (const e of entries) {
    if (skip(e.name)) continue
    const p = path.join(dir, e.name)
    if (e.isDirectory()) await hashTree(hash, p, skip)
    else hash.update(p.slice(projectRoot().length)).update(await readFile(p))
  }
}

/** Folders the site's pages are made from: the site, and the CMS code it imports at build time. */
const SOURCE_DIRS = ['site', 'cms/site', 'cms/snapshot', 'content-models']
const notBuilt = (name: string) => ['node_modules', 'dist', '.astro'].includes(name)

/** A fingerprint of everything a build depends on: the snapshot and the site's sources. */
export const buildFingerprint = async (snapshotDir: string): Promise<string> => {
  const hash = createHash('sha256')
  await hashTree(hash, snapshotDir, (name) => name === 'meta.json')
  hash.update(await sourceFingerprint())
  return hash.digest('hex').slice(0, 16)
}

/** A fingerprint of the site's sources alone: when it changes, every page must be rendered again. */
export const sourceFingerprint = async (): Promise<string> => {
  const hash = createHash('sha256')
  for (const dir of SOURCE_DIRS) await hashTree(hash, path.join(projectRoot(), dir), notBuilt)
  return hash.digest('hex').slice(0, 16)
}

/** The render bundle's version: the site's sources and the exact packages installed. */
const bundleKey = async (): Promise<string> => {
  const hash = createHash('sha256').update(await sourceFingerprint())
  hash.update(await readFile(path.join(projectRoot(), 'package-lock.json')).catch(() => Buffer.alloc(0)))
  return hash.digest('hex').slice(0, 16)
}

const countPages = async (dir: string): Promise<number> => {
  let n = 0
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith('.html')) n++
  return n
}

/** Peak resident memory of a running process, in bytes (Linux /proc), or null. */
const peakRssOf = (pid: number): number | null => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : null
  } catch {
    return null
  }
}

type ChildHooks = { onSpawn?: (child: ChildProcess) => void; onPeakRss?: (bytes: number | null) => void }

/**
 * Runs a Node script of site/render/ in a child process (isolated, killable, its memory freed
 * on exit) and resolves with its standard output. `onSpawn` receives the child (tests kill it
 * half-way); `onPeakRss` its peak memory at the end.
 */
const runNodeScript = (script: string, args: string[], env: Record<string, string | undefined>, { onSpawn, onPeakRss }: ChildHooks = {}): Promise<string> =>
  new Promise((resolve, reject) => {
    // Astro puts its server chunks in <cwd>/.astro/ when the out folder is outside the working
    // folder: a working folder of its own (inside the project, so packages resolve) keeps builds
    // running at the same time (tests, several engineers) from overwriting each other's.
    const workDir = path.join(projectRoot(), 'node_modules/.cache/site-builds', `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`)
    mkdirSync(workDir, { recursive: true })
    const cleanUp = () => rmSync(workDir, { recursive: true, force: true })
    const child = spawn(process.execPath, [path.join(projectRoot(), 'site/render', script), ...args], {
      cwd: workDir,
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    onSpawn?.(child)
    let peak: number | null = null
    const sample = () => {
      const rss = child.pid ? peakRssOf(child.pid) : null
      if (rss !== null) peak = Math.max(peak ?? 0, rss)
    }
    const sampler = setInterval(sample, 200)
    let output = ''
    let stdout = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000)
    }
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString()).slice(-8000)
      keep(chunk)
    })
    child.stderr!.on('data', keep)
    child.on('error', (cause) => {
      clearInterval(sampler)
      cleanUp()
      reject(new SiteBuildError(`Could not start the site build: ${cause.message}`, output, { cause }))
    })
    child.on('exit', () => sample())
    child.on('close', (code, signal) => {
      clearInterval(sampler)
      cleanUp()
      onPeakRss?.(peak)
      if (code === 0) resolve(stdout)
      else reject(new SiteBuildError(`Site build failed (${signal ? `killed by ${signal}` : `exit code ${code}`}). ${lastLines(output)}`, output))
    })
  })

/** Where render bundles are kept, one folder per version of the site's sources. */
const bundlesDir = () => path.join(projectRoot(), 'node_modules/.cache/site-bundles')

/** Bundles being built by this process, so two builds at once wait for one bundle. */
const bundling = new Map<string, Promise<string>>()

/**
 * The render bundle of the site's current sources (site/render/): made by `astro build` the
 * first time (about 20 s), then reused by every build until the sources or packages change.
 */
export const ensureBundle = async (hooks: ChildHooks = {}): Promise<{ dir: string; built: boolean }> => {
  const key = await bundleKey()
  const dir = path.join(bundlesDir(), key)
  if (existsSync(path.join(dir, 'server/entry.mjs'))) return { dir, built: false }
  let pending = bundling.get(key)
  if (!pending) {
    pending = (async () => {
      const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`
      try {
        await makeBundle(tmp, hooks)
        // Another process may have made the same bundle meanwhile: either copy is good.
        await rename(tmp, dir).catch(() => undefined)
        await pruneBundles(key)
        return dir
      } finally {
        await rm(tmp, { recursive: true, force: true })
        bundling.delete(key)
      }
    })()
    bundling.set(key, pending)
  }
  return { dir: await pending, built: true }
}

/** Builds a render bundle of the site's current sources into `outDir` (`astro build` in a child process). */
export const makeBundle = (outDir: string, hooks: ChildHooks = {}): Promise<string> =>
  // NODE_ENV=production whatever the caller's (tests run with "test"): the renderer runs production
  // React, which has no development JSX runtime for a development bundle to call.
  runNodeScript('bundle.mjs', [path.join(projectRoot(), 'site')], { SITE_BUNDLE: '1', SITE_OUT_DIR: outDir, NODE_ENV: 'production' }, hooks)

/** Deletes render bundles of older sources, keeping the newest few (other checkouts may use them). */
const pruneBundles = async (current: string, keep = 3) => {
  const names = (await readdir(bundlesDir()).catch(() => [] as string[])).filter((n) => n !== current && !n.includes('.tmp-'))
  const dated = await Promise.all(names.map(async (n) => ({ n, mtime: (await stat(path.join(bundlesDir(), n))).mtimeMs })))
  const old = dated.sort((a, b) => b.mtime - a.mtime).slice(keep - 1)
  await Promise.all(old.map(({ n }) => rm(path.join(bundlesDir(), n), { recursive: true, force: true })))
}

/** What `runAstroBuild` did: pages rendered and time per step, from the renderer. */
export type RenderReport = { pages: number; rendered: number; bundled: boolean; timings: Record<string, number> }

/**
 * Builds the site from `snapshotDir` into `outDir`: makes (or reuses) the render bundle, then
 * renders the pages with Astro in a child process. `env` reaches the pages (CMS_URL, SITE_URL).
 * With `renderOnly` (from an incremental plan), detail pages of public collections render only for
 * the slugs listed, and other pages only in folders whose data changed: the rest are carried over. The HTML is what `astro build` writes.
 */
export const runAstroBuild = async (
  snapshotDir: string,
  outDir: string,
  env: Record<string, string | undefined> = {},
  { onSpawn, onPeakRss, renderOnly }: ChildHooks & { renderOnly?: { slugs: Partial<Record<PublicCollection, string[]>>; folders: Record<string, FolderPlan> } } = {},
): Promise<RenderReport> => {
  let peak: number | null = null
  const track = (b: number | null) => {
    if (b !== null) peak = Math.max(peak ?? 0, b)
  }
  const started = Date.now()
  const bundle = await ensureBundle({ onSpawn, onPeakRss: track })
  const bundleMs = Date.now() - started
  const args = [bundle.dir, outDir]
  let onlyFile: string | undefined
  if (renderOnly) {
    onlyFile = `${outDir}.render-only.json`
    const routes = Object.fromEntries(Object.entries(ROUTE_DIRS).map(([c, dir]) => [dir, c]))
    await writeFile(onlyFile, JSON.stringify({ routes, ...renderOnly }))
    args.push(onlyFile)
  }
  try {
    // Production React and Astro, as `astro build` uses: the development builds render 2-3 times slower.
    const out = await runNodeScript('render.mjs', args, { NODE_ENV: 'production', ...env, SNAPSHOT_DIR: snapshotDir }, { onSpawn, onPeakRss: track })
    const report = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Omit<RenderReport, 'bundled'>
    return { ...report, bundled: bundle.built, timings: { bundle: bundleMs, ...report.timings } }
  } finally {
    if (onlyFile) await rm(onlyFile, { force: true })
    onPeakRss?.(peak)
  }
}

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

/** Deletes old builds (and their snapshots), keeping the live one and the `keep` newest others (for rollback). */
export const pruneBuilds = async (keep = 3, paths = sitePaths()): Promise<void> => {
  const live = await liveBuildDir(paths.live)
  const entries = (await readdir(paths.builds).catch(() => [] as string[])).filter((n) => !n.startsWith('.'))
  const dirs = await Promise.all(entries.map(async (name) => ({ name, dir: path.join(paths.builds, name), mtime: (await stat(path.join(paths.builds, name))).mtimeMs })))
  const old = dirs.filter((d) => d.dir !== live).sort((a, b) => b.mtime - a.mtime).slice(keep)
  await Promise.all(old.map((d) => rm(d.dir, { recursive: true, force: true })))
  const kept = new Set(dirs.filter((d) => !old.includes(d)).map((d) => d.name))
  const snapshots = await readdir(paths.snapshots).catch(() => [] as string[])
  await Promise.all(snapshots.filter((n) => !kept.has(n)).map((n) => rm(path.join(paths.snapshots, n), { recursive: true, force: true })))
}

/** A build id: sortable by time, then the fingerprint, safe as a folder name. */
export const defaultBuildId = (fingerprint: string) => `${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}-${fingerprint.slice(0, 8)}`

const SOURCE_FILE = '.source-fingerprint'

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

/** Decides between an incremental and a full build against the live build. */
const planAgainst = async (live: string | null, snapshotDir: string, paths: ReturnType<typeof sitePaths>, source: string): Promise<IncrementalPlan> => {
  if (!live || !existsSync(path.join(live, 'index.html'))) return { full: true, reason: 'no live build' }
  if ((await readFile(path.join(live, SOURCE_FILE), 'utf8').catch(() => '')) !== source) return { full: true, reason: 'site sources changed' }
  const previous = path.join(paths.snapshots, path.basename(live))
  if (!existsSync(previous)) return { full: true, reason: 'no snapshot of the live build' }
  const settings = async (dir: string) => readFile(path.join(dir, 'site-settings.json'), 'utf8').catch(() => '')
  return planIncremental(await readEntries(previous), await readEntries(snapshotDir), (await settings(previous)) !== (await settings(snapshotDir)))
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
}: {
  snapshotDir?: string
  paths?: ReturnType<typeof sitePaths>
  skipIfUnchanged?: boolean
  incremental?: boolean
  buildId?: string
  keep?: number
  onSpawn?: (child: ChildProcess) => void
  /** Called as each step starts, for progress on the site-builds record. */
  onStep?: (step: string) => void | Promise<void>
} = {}): Promise<SiteBuildResult> => {
  const started = Date.now()
  const timings: Record<string, number> = {}
  const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    await onStep?.(step)
    const t = Date.now()
    try {
      return await fn()
    } finally {
      timings[step] = Date.now() - t
    }
  }
  const fingerprint = await buildFingerprint(snapshotDir)
  const source = await sourceFingerprint()
  const live = await liveBuildDir(paths.live)
  if (skipIfUnchanged && live && existsSync(path.join(live, 'index.html'))) {
    const previous = await readFile(path.join(live, '.fingerprint'), 'utf8').catch(() => '')
    if (previous === fingerprint) {
      return { buildId: path.basename(live), dir: live, pages: await countPages(live), ms: Date.now() - started, skipped: true, timings, mode: 'full', peakRss: null }
    }
  }
  const buildId = wantedId ?? defaultBuildId(fingerprint)
  const dir = path.join(paths.builds, buildId)
  const keptSnapshot = path.join(paths.snapshots, buildId)
  const plan = incremental ? await planAgainst(live, snapshotDir, paths, source) : ({ full: true, reason: 'full build asked for' } as const)
  await mkdir(paths.builds, { recursive: true })
  await rm(dir, { recursive: true, force: true })
  let peakRss: number | null = null
  let pages = 0
  let brokenLinks = 0
  let rendered = 0
  let files = 0
  try {
    const report = await timed('build', () => runAstroBuild(snapshotDir, dir, {}, { onSpawn, onPeakRss: (b) => (peakRss = b), renderOnly: plan.full ? undefined : { slugs: plan.render, folders: plan.folders } }))
    Object.assign(timings, Object.fromEntries(Object.entries(report.timings).map(([k, v]) => [`build.${k}`, v])))
    rendered = report.rendered
    const fresh = plan.full ? undefined : await listFiles(dir)
    if (!plan.full && live) await timed('carry', () => carryOver(live, dir, plan.remove))
    const checked = await timed('check', () => checkBuild(dir, { previous: live, rendered: fresh }))
    pages = checked.pages
    files = checked.files
    await timed('compress', () => precompress(dir, fresh))
    brokenLinks = checked.brokenLinks.length
    await writeFile(path.join(dir, '.fingerprint'), fingerprint)
    await writeFile(path.join(dir, SOURCE_FILE), source)
    if (path.resolve(snapshotDir) !== keptSnapshot) {
      await rm(keptSnapshot, { recursive: true, force: true })
      await cp(snapshotDir, keptSnapshot, { recursive: true })
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  await timed('switch', () => switchLive(paths.live, dir))
  await timed('prune', () => pruneBuilds(keep, paths))
  return { buildId, dir, pages, ms: Date.now() - started, skipped: false, timings, mode: plan.full ? 'full' : 'incremental', modeReason: plan.full ? plan.reason : `${plan.changed} entries changed`, peakRss, brokenLinks, rendered, files }
}
