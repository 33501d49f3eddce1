/**
 * The render bundle and the child processes of a site build: `astro build` makes a bundle of the
 * site's sources once (site/render/bundle.ts), and each build renders pages from a snapshot with
 * it (site/render/render.ts), each in a child process that can be killed and whose memory is
 * freed when it ends. The scripts are TypeScript, run by Node with tsx's loader (`--import tsx`).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { projectRoot } from '../../content-models/paths'
import type { PublicCollection } from '../../content-models/constants'
import { sourceFingerprint } from './fingerprint'
import { ROUTE_DIRS, type FolderPlan } from './incremental'
import { serviceWorkerTemplate, writeServiceWorkerTemplate } from './offline/serviceWorker'

/** A site build that failed; `output` holds the end of Astro's output, for the site-builds record. */
export class SiteBuildError extends Error {
  constructor(
    message: string,
    readonly output: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'SiteBuildError'
  }
}

/** The render bundle's version: the site's sources and the exact packages installed. */
const bundleKey = async (): Promise<string> => {
  const hash = createHash('sha256').update(await sourceFingerprint())
  hash.update(await readFile(path.join(projectRoot(), 'package-lock.json')).catch(() => Buffer.alloc(0)))
  return hash.digest('hex').slice(0, 16)
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

export type ChildHooks = {
  onSpawn?: (child: ChildProcess) => void
  onPeakRss?: (bytes: number | null) => void
}

/**
 * Node flags of the render process. V8 lets a heap grow to several times what it holds between
 * full collections when it allocates fast, as rendering does; growing by at most a fifth keeps
 * the process near what it really holds (at 20,000 guides the search index's worker peaked at
 * 870 MB with V8's default and 583 MB with this, in about the same time). A factor, not a cap,
 * so a larger library needs more memory, never fails for lack of it.
 */
const RENDER_NODE_FLAGS = ['--heap-growing-percent=20']

/**
 * Runs a TypeScript script of site/render/ in a child process (isolated, killable, its memory
 * freed on exit) and resolves with its standard output. `onSpawn` receives the child (tests kill it
 * half-way); `onPeakRss` its peak memory at the end.
 */
const runNodeScript = (
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
  { onSpawn, onPeakRss }: ChildHooks = {},
  nodeFlags: string[] = [],
): Promise<string> =>
  new Promise((resolve, reject) => {
    // Astro puts its server chunks in <cwd>/.astro/ when the out folder is outside the working
    // folder: a working folder of its own (inside the project, so packages resolve) keeps builds
    // running at the same time (tests, several engineers) from overwriting each other's.
    const workDir = path.join(
      projectRoot(),
      'node_modules/.cache/site-builds',
      `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    )
    mkdirSync(workDir, { recursive: true })
    const cleanUp = () => rmSync(workDir, { recursive: true, force: true })
    // `--import tsx` resolves from the working folder, inside the project, whose node_modules has
    // tsx. (Node 20 does not pass it to worker threads: render.ts registers tsx in its worker.)
    const scriptPath = path.join(projectRoot(), 'site/render', script)
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', scriptPath, ...args], {
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
      else
        reject(
          new SiteBuildError(
            `Site build failed (${signal ? `killed by ${signal}` : `exit code ${code}`}). ${lastLines(output)}`,
            output,
          ),
        )
    })
  })

/** Where render bundles are kept, one folder per version of the site's sources. */
const bundlesDir = () => path.join(projectRoot(), 'node_modules/.cache/site-bundles')

/** Bundles being built by this process, so two builds at once wait for one bundle. */
const bundling = new Map<string, Promise<string>>()

/**
 * The render bundle of the site's current sources (site/render/): made by `astro build` the
 * first time, then reused by every build until the sources or packages change.
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
export const makeBundle = async (outDir: string, hooks: ChildHooks = {}): Promise<string> => {
  // NODE_ENV=production whatever the caller's (tests run with "test"): the renderer runs production
  // React, which has no development JSX runtime for a development bundle to call.
  const output = await runNodeScript(
    'bundle.ts',
    [path.join(projectRoot(), 'site')],
    { SITE_BUNDLE: '1', SITE_OUT_DIR: outDir, NODE_ENV: 'production' },
    hooks,
  )
  await writeServiceWorkerTemplate(serviceWorkerTemplate(outDir))
  return output
}

/** Deletes render bundles of older sources, keeping the newest few (other checkouts may use them). */
const pruneBundles = async (current: string, keep = 3) => {
  const names = (await readdir(bundlesDir()).catch(() => [] as string[])).filter(
    (n) => n !== current && !n.includes('.tmp-'),
  )
  const dated = await Promise.all(
    names.map(async (n) => ({ n, mtime: (await stat(path.join(bundlesDir(), n))).mtimeMs })),
  )
  const old = dated.sort((a, b) => b.mtime - a.mtime).slice(keep - 1)
  await Promise.all(old.map(({ n }) => rm(path.join(bundlesDir(), n), { recursive: true, force: true })))
}

/** What `runAstroBuild` did: pages rendered and time per step, from the renderer. */
export type RenderReport = {
  /** The render bundle used. */
  bundleDir: string
  pages: number
  rendered: number
  /** The search index's files: how many this build wrote, of how many it has (the rest are the live build's, unchanged). */
  searchFiles: { written: number; all: number }
  bundled: boolean
  timings: Record<string, number>
}

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
  {
    onSpawn,
    onPeakRss,
    renderOnly,
  }: ChildHooks & {
    renderOnly?: {
      slugs: Partial<Record<PublicCollection, string[]>>
      folders: Record<string, FolderPlan>
      pages?: string[]
      previousRoutes?: string
      previousBuild?: string
      paths?: string[]
    }
  } = {},
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
    // Production React and Astro, as `astro build` uses: the development builds render several times slower (README, "Benchmarks").
    const out = await runNodeScript(
      'render.ts',
      args,
      { NODE_ENV: 'production', ...env, SNAPSHOT_DIR: snapshotDir },
      { onSpawn, onPeakRss: track },
      RENDER_NODE_FLAGS,
    )
    const report = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Omit<
      RenderReport,
      'bundled' | 'bundleDir'
    >
    return {
      ...report,
      bundleDir: bundle.dir,
      bundled: bundle.built,
      timings: { bundle: bundleMs, ...report.timings },
    }
  } finally {
    if (onlyFile) await rm(onlyFile, { force: true })
    onPeakRss?.(peak)
  }
}

/** The last lines of a child's output, without terminal colours, for an error message. */
const lastLines = (text: string, n = 12) =>
  stripVTControlCharacters(text).trim().split('\n').slice(-n).join('\n')
