/**
 * Site build figures on the scale corpus (scripts/generate-corpus.ts; BENCH_GUIDES guides, default
 * 1,000): a full build, then incremental builds after one guide is edited, one is added and one is
 * removed (each on top of the one before), side by side — time per step, pages rendered, search index files written (an incremental build carries the unchanged
 * ones over), peak memory of the render process and of this one (the CMS side: plan, share
 * images, carry over, check, precompress, offline). Targets: full ≤ 60 s and ≤ 1 GB;
 * publish→live ≤ 10 s for a one-guide change (job pick-up + export + incremental build; a publish
 * during or just after another build also waits the debounce).
 */
import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { debounceMs } from '../../cms/jobs/rebuild/settings'
import { buildSite, ensureBundle, makeBundle, sitePaths, type SiteBuildResult } from '../../cms/publish'
import { trackStepPeaks } from './build/stepPeaks'

process.env.PROJECT_ROOT ||= process.cwd()
const guides = Number(process.env.BENCH_GUIDES || 1000)
// Inside the project (data/ is git-ignored), as in production: Astro resolves packages from there.
const root = await mkdtemp(path.join(process.cwd(), 'data', 'bench-build-'))
const paths = sitePaths(root)
const s = (ms?: number) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`)
const mb = (b: number | null) => (b === null ? 'n/a' : `${Math.round(b / 2 ** 20)} MB`)

/** The incremental builds measured, each on top of the one before (editGuide.ts makes each change). */
const CHANGES = ['edit', 'add', 'remove'] as const
type Shards = { rewritten: number; all: number }
type StepPeaks = ReturnType<ReturnType<typeof trackStepPeaks>['stop']>

/** Changes one guide in the snapshot in `dir` (in a child process, see editGuide.ts); returns its slug. */
const changeGuide = (dir: string, change: (typeof CHANGES)[number]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/build/editGuide.ts', dir, change])
    .toString()
    .trim()

/** Fails unless the live build shows the change: the edited guide's new title, the added guide, the removed one gone. */
const checkServed = async (change: (typeof CHANGES)[number], slug: string) => {
  const page = await readFile(path.join(paths.live, 'guides', slug, 'index.html'), 'utf8').catch(() => null)
  const shown = change === 'edit' ? !!page?.includes('(updated)') : change === 'add' ? !!page : !page
  if (!shown) throw new Error(`The incremental build (${change}) did not serve the change to guide ${slug}.`)
}

/** How many of a build's search shards (search-index/terms/) are not the earlier build's own files (hard links carried over). */
const shardsRewritten = async (earlier: string, later: string) => {
  const dir = (build: string) => path.join(build, 'search-index', 'terms')
  const names = (await readdir(dir(later))).filter((f) => f.endsWith('.json'))
  const inode = (build: string, f: string) =>
    stat(path.join(dir(build), f)).then(
      (x) => x.ino,
      () => -1,
    )
  let rewritten = 0
  for (const f of names) if ((await inode(earlier, f)) !== (await inode(later, f))) rewritten++
  return { rewritten, all: names.length }
}

try {
  const first = path.join(root, 'snapshot-1')
  // Written by a child process, so this one's memory (the CMS side of the builds) is measured
  // without the corpus (1.4 GB of heap at 20,000 guides) ever held here.
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate-corpus.ts', first, String(guides)], {
    stdio: 'inherit',
  })
  // After a deploy (new site sources) the render bundle is made once, then reused by every build.
  let bundlePeak: number | null = null
  const bundleStarted = Date.now()
  await makeBundle(path.join(root, 'bundle'), { onPeakRss: (b) => (bundlePeak = b) })
  const bundleMs = Date.now() - bundleStarted
  await ensureBundle()
  const fullPeaks = trackStepPeaks()
  const full = await buildSite({
    snapshotDir: first,
    paths,
    buildId: 'bench-full',
    onStep: fullPeaks.onStep,
  })
  const fullSide = fullPeaks.stop()

  const changes = [] as { name: string; result: SiteBuildResult; side: StepPeaks; shards: Shards }[]
  let snapshot = first
  let earlier = full
  for (const change of CHANGES) {
    const next = path.join(root, `snapshot-${change}`)
    await cp(snapshot, next, { recursive: true })
    const slug = changeGuide(next, change)
    const peaks = trackStepPeaks()
    const result = await buildSite({
      snapshotDir: next,
      paths,
      buildId: `bench-${change}`,
      incremental: true,
      onStep: peaks.onStep,
    })
    await checkServed(change, slug)
    changes.push({
      name: change,
      result,
      side: peaks.stop(),
      shards: await shardsRewritten(earlier.dir, result.dir),
    })
    snapshot = next
    earlier = result
  }

  const row = (name: string, r: SiteBuildResult) => [
    name,
    s(r.ms),
    s(r.timings['build.bundle']),
    s(r.timings['build.list']),
    s(r.timings['build.render']),
    s(r.timings['build.searchIndex']),
    s(r.timings.carry),
    s(r.timings.check),
    `${r.rendered ?? '?'} / ${r.files ?? '?'}`,
    r.searchFiles ? `${r.searchFiles.written} / ${r.searchFiles.all}` : '?',
    mb(r.peakRss),
    r.modeReason ?? '',
  ]
  const table = [
    [
      'build',
      'total',
      'bundle',
      'list',
      'render',
      'search index (in parallel)',
      'carry over',
      'check',
      'files rendered / all',
      'search files written / all',
      'peak RSS',
      'mode',
    ],
    [
      'render bundle (once per deploy)',
      s(bundleMs),
      s(bundleMs),
      '–',
      '–',
      '–',
      '–',
      '–',
      '–',
      '–',
      mb(bundlePeak),
      'astro build',
    ],
    row('full', full),
    ...changes.map((c) => row(`incremental (${c.name} 1 guide)`, c.result)),
  ]
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)))
  for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '))
  const sides = [['full', fullSide] as const, ...changes.map((c) => [c.name, c.side] as const)]
  for (const [name, side] of sides)
    console.log(
      `Peak RSS of this (CMS-side) process, ${name}: ${mb(side.all)}; per step: ${Object.entries(side.steps)
        .map(([step, b]) => `${step} ${mb(b)}`)
        .join(', ')}`,
    )
  for (const [name, r] of [['full', full] as const, ...changes.map((c) => [c.name, c.result] as const)])
    console.log(
      `Every step, ${name}: ${Object.entries(r.timings)
        .map(([step, ms]) => `${step} ${s(ms)}`)
        .join(', ')}`,
    )
  const incremental = changes[0]!.result
  console.log(`\nIncremental (edit) / full time: ${(incremental.ms / full.ms).toFixed(2)}`)
  for (const c of changes)
    console.log(
      `Search shards rewritten by the incremental build (${c.name} 1 guide): ${c.shards.rewritten} of ${c.shards.all} (the rest are the build before's own files, carried over)`,
    )
  console.log(
    `Full build: ${s(full.ms)}, ${s(full.ms + bundleMs)} with a new render bundle (target ≤ 60 s); peak of the render process ${mb(full.peakRss)} (target ≤ 1024 MB), of this one ${mb(fullSide.all)}, of the render bundle's astro build ${mb(bundlePeak)}`,
  )
  const pickUp = 1000
  console.log(
    `Publish→live estimate without export, after a quiet spell (no debounce): job pick-up ≤ ${s(pickUp)} + incremental build ${s(incremental.ms)} = ${s(pickUp + incremental.ms)}; a publish just after another build also waits the ${s(debounceMs())} debounce (target ≤ 10 s; scripts/bench/publish.ts measures it end to end, export included)`,
  )
} finally {
  await rm(root, { recursive: true, force: true })
}
