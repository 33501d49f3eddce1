/**
 * Site build figures on the scale corpus (scripts/generate-corpus.ts; BENCH_GUIDES guides, default
 * 1,000): a full build, then an incremental build after one guide changes, side by side — time per
 * step, pages rendered, search index files written (an incremental build carries the unchanged
 * ones over) and peak memory of the Astro process. Targets: full ≤ 60 s and ≤ 2 GB;
 * publish→live ≤ 10 s for a one-guide change (job pick-up + export + incremental build; a publish
 * during or just after another build also waits the debounce).
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { debounceMs } from '../../cms/jobs/rebuild/settings'
import { buildSite, ensureBundle, makeBundle, sitePaths, type SiteBuildResult } from '../../cms/publish'
import { generateCorpus, writeCorpus } from '../generate-corpus'

process.env.PROJECT_ROOT ||= process.cwd()
const guides = Number(process.env.BENCH_GUIDES || 1000)
// Inside the project (data/ is git-ignored), as in production: Astro resolves packages from there.
const root = await mkdtemp(path.join(process.cwd(), 'data', 'bench-build-'))
const paths = sitePaths(root)
const s = (ms?: number) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`)
const mb = (b: number | null) => (b === null ? 'n/a' : `${Math.round(b / 2 ** 20)} MB`)

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
  const snapshot = await generateCorpus({ guides })
  const first = path.join(root, 'snapshot-1')
  await writeCorpus(first, snapshot)
  console.log(
    `Corpus: ${Object.entries(snapshot.meta.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  )

  // After a deploy (new site sources) the render bundle is made once, then reused by every build.
  let bundlePeak: number | null = null
  const bundleStarted = Date.now()
  await makeBundle(path.join(root, 'bundle'), { onPeakRss: (b) => (bundlePeak = b) })
  const bundleMs = Date.now() - bundleStarted
  await ensureBundle()
  const full = await buildSite({ snapshotDir: first, paths, buildId: 'bench-full' })

  // One guide edited, as an editor's publish would change it.
  const second = path.join(root, 'snapshot-2')
  await writeCorpus(second, snapshot)
  const list = JSON.parse(await readFile(path.join(second, 'guides.json'), 'utf8')) as {
    slug: string
    title: string
    updatedAt: string
  }[]
  const edited = list[Math.floor(list.length / 2)]!
  edited.title = `${edited.title} (updated)`
  edited.updatedAt = new Date().toISOString()
  await writeFile(path.join(second, 'guides.json'), JSON.stringify(list))
  const incremental = await buildSite({
    snapshotDir: second,
    paths,
    buildId: 'bench-incremental',
    incremental: true,
  })
  const served = await readFile(path.join(paths.live, 'guides', edited.slug, 'index.html'), 'utf8')
  if (!served.includes('(updated)')) throw new Error('The incremental build did not serve the edited guide.')
  const shards = await shardsRewritten(full.dir, incremental.dir)

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
    row('incremental (1 guide)', incremental),
  ]
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)))
  for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '))
  console.log(`\nIncremental / full time: ${(incremental.ms / full.ms).toFixed(2)}`)
  console.log(
    `Search shards rewritten by the incremental build: ${shards.rewritten} of ${shards.all} (the rest are the full build's own files, carried over)`,
  )
  console.log(
    `Full build: ${s(full.ms)}, ${s(full.ms + bundleMs)} with a new render bundle (target ≤ 60 s); peak ${mb(Math.max(full.peakRss ?? 0, bundlePeak ?? 0))} (target ≤ 2048 MB)`,
  )
  const pickUp = 1000
  console.log(
    `Publish→live estimate without export, after a quiet spell (no debounce): job pick-up ≤ ${s(pickUp)} + incremental build ${s(incremental.ms)} = ${s(pickUp + incremental.ms)}; a publish just after another build also waits the ${s(debounceMs())} debounce (target ≤ 10 s; scripts/bench/publish.ts measures it end to end, export included)`,
  )
} finally {
  await rm(root, { recursive: true, force: true })
}
