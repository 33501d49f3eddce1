/**
 * Search figures at 100 and 1,000 guides (a generated corpus, scripts/generate-corpus.ts), side by
 * side: our sharded lunr index, one whole lunr index, MiniSearch, and Pagefind.
 *
 *   npx tsx scripts/bench/search.ts [--sizes 100,1000] [--no-site] [--chromium-only] [--site-dir DIR] [--questions N]
 *
 * --no-site --chromium-only: our index alone, without the site (quick, even at --sizes 10000).
 *
 * --site-dir DIR (one size only): measure the site already built in DIR, or build it there and
 * keep it, so Chromium can be measured again without building again. --questions N: only the
 * first N questions in Chromium.
 *
 * For each: index bytes (raw and gzip), bytes downloaded before the first result (the manifest, the
 * query's term shards, the length table and the title blocks of its results; summaries arrive
 * after; for ours, the worst question's files by kind too), load time,
 * first-query time, and p95 query time over worker queries typed a letter at a time, and our
 * index's build time next to lunr.Builder's. With the site step (the default) it also builds the
 * Astro site (build time), runs Pagefind over it, and, in Chromium, times what a person sees: from
 * each key going down to its results painted (see benchChromium). Targets at 1,000 guides:
 * ≤ 150 KB gzip before the first result, first result ≤ 100 ms after typing, ≤ 20 ms per query (p95);
 * at 10,000 guides: ≤ 60 KB gzip before the first result, ≤ 10 ms per query (p95).
 * The machine is shared: note the load average printed with the Chromium figures, and run twice.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import lunr from 'lunr'
import MiniSearch from 'minisearch'
import { runAstroBuild } from '../../cms/publish'
import { buildSearchIndex, serialiseSearchIndex } from '../../site/src/lib/search/buildIndex'
import { buildLunr } from '../../site/src/lib/search/lunrReference'
import {
  documentsFromSnapshot,
  SEARCH_FIELDS,
  type SearchDocument,
} from '../../site/src/lib/search/documents'
import { SearchClient } from '../../site/src/lib/search/query'
import { generateCorpus, writeCorpus } from '../generate-corpus'
import { benchChromium } from './search/chromium'
import { byKind, gz, kb, median, ms } from './search/measure'
import { BROWSER_QUERIES, WORKER_QUERIES } from './search/queries'
import { asTyped, checkRanking } from './search/ranking'

export { BROWSER_QUERIES, WORKER_QUERIES }

const args = process.argv.slice(2)
const sizes = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '100,1000')
  .split(',')
  .map(Number)
const withSite = !args.includes('--no-site')
/** Only the Chromium figures (skips the other engines and Pagefind). */
const chromiumOnly = args.includes('--chromium-only')
const keptSiteDir = args.includes('--site-dir')
  ? path.resolve(args[args.indexOf('--site-dir') + 1])
  : undefined
if (keptSiteDir && sizes.length !== 1) throw new Error('--site-dir takes one size (--sizes N).')
const questions = args.includes('--questions') ? Number(args[args.indexOf('--questions') + 1]) : Infinity

const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now()
  const v = fn()
  return [v, performance.now() - t]
}
const timeAsync = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now()
  const v = await fn()
  return [v, performance.now() - t]
}

type Row = {
  engine: string
  raw: number
  gzip: number
  beforeFirst: string
  load: string
  first: string
  p95: string
  note?: string
}

const benchOurs = async (
  docs: SearchDocument[],
): Promise<Row & { buildMs: number; client: SearchClient }> => {
  const [files, buildMs] = time(() => serialiseSearchIndex(buildSearchIndex(docs)))
  const gzBytes = new Map([...files].map(([p, v]) => [p, gz(v)]))
  const loader = (fetched: string[]) => async (p: string) => {
    fetched.push(p)
    return JSON.parse(files.get(p)!)
  }
  const firstBytes: number[] = []
  const withSummaryBytes: number[] = []
  const firstTimes: number[] = []
  const loadTimes: number[] = []
  let worst = { bytes: -1, query: '', parts: '' }
  for (const q of WORKER_QUERIES) {
    const fetched: string[] = []
    const client = new SearchClient(loader(fetched))
    loadTimes.push((await timeAsync(() => client.ready()))[1])
    // The island shows results (titles and addresses) from searchTitles; summaries fill in after.
    const [first, t] = await timeAsync(() => client.searchTitles(q))
    firstTimes.push(t)
    firstBytes.push(fetched.reduce((n, p) => n + gzBytes.get(p)!, 0))
    if (firstBytes.at(-1)! > worst.bytes)
      worst = { bytes: firstBytes.at(-1)!, query: q, parts: byKind(fetched, gzBytes) }
    await client.withSummaries(first)
    withSummaryBytes.push(fetched.reduce((n, p) => n + gzBytes.get(p)!, 0))
  }
  const warm = new SearchClient(loader([]))
  const times: number[] = []
  for (const q of WORKER_QUERIES)
    for (const typed of asTyped(q)) times.push((await timeAsync(() => warm.search(typed)))[1])
  const raw = [...files.values()].reduce((n, v) => n + v.length, 0)
  const gzip = [...gzBytes.values()].reduce((n, v) => n + v, 0)
  return {
    engine: 'Ours: sharded lunr',
    raw,
    gzip,
    beforeFirst: `median ${kb(median(firstBytes))}, max ${kb(Math.max(...firstBytes))}`,
    load: ms(median(loadTimes)),
    first: `median ${ms(median(firstTimes))}, max ${ms(Math.max(...firstTimes))}`,
    p95: ms(p95(times)),
    note: `${files.size} files; manifest ${kb(gzBytes.get('manifest.json')!)} gzip; with the summaries too: median ${kb(median(withSummaryBytes))}, max ${kb(Math.max(...withSummaryBytes))}; index build ${ms(buildMs)}; worst question before the first result: "${worst.query}", ${worst.parts}`,
    buildMs,
    client: new SearchClient(loader([])),
  }
}

const benchWholeLunr = (docs: SearchDocument[]): Row & { index: lunr.Index } => {
  const [whole, buildMs] = time(() => buildLunr(docs))
  const json = JSON.stringify(whole)
  const [index, load] = time(() => lunr.Index.load(JSON.parse(json)))
  const clean = (q: string) => q.replace(/[:~^+*-]/g, ' ')
  const [, first] = time(() => index.search(clean(WORKER_QUERIES[0])))
  const times = WORKER_QUERIES.flatMap((q) =>
    asTyped(q).map((typed) => time(() => index.search(clean(typed)))[1]),
  )
  const bytes = gz(json)
  return {
    engine: 'Plain lunr, whole index',
    raw: json.length,
    gzip: bytes,
    beforeFirst: kb(bytes),
    load: ms(load),
    first: ms(first),
    p95: ms(p95(times)),
    note: `lunr.Builder over the same documents ${ms(buildMs)} (our index computes the same weights without it)`,
    index,
  }
}

const benchMiniSearch = (docs: SearchDocument[]): Row => {
  const options = {
    fields: SEARCH_FIELDS.map((f) => f.name as string),
    storeFields: ['url', 'title', 'summary', 'type'],
    searchOptions: {
      boost: Object.fromEntries(SEARCH_FIELDS.map((f) => [f.name, f.boost])),
      fuzzy: 0.2,
      prefix: true,
    },
  }
  const ms0 = new MiniSearch<SearchDocument & { id: number }>(options)
  ms0.addAll(docs.map((d, id) => ({ ...d, id })))
  const json = JSON.stringify(ms0)
  const [index, load] = time(() => MiniSearch.loadJSON(json, options))
  const [, first] = time(() => index.search(WORKER_QUERIES[0]))
  const times = WORKER_QUERIES.flatMap((q) => asTyped(q).map((typed) => time(() => index.search(typed))[1]))
  const bytes = gz(json)
  return {
    engine: 'MiniSearch 7 (fuzzy 0.2, prefix)',
    raw: json.length,
    gzip: bytes,
    beforeFirst: kb(bytes),
    load: ms(load),
    first: ms(first),
    p95: ms(p95(times)),
  }
}

const dirBytes = async (dir: string) => {
  const out = new Map<string, number>()
  for (const f of await readdir(dir, { recursive: true })) {
    const p = path.join(dir, f)
    const s = await stat(p)
    if (s.isFile()) out.set(f, s.size)
  }
  return out
}

/** Pagefind over the built site; first-query bytes read from its files (its index and fragments are stored gzipped). */
const benchPagefind = async (siteDir: string): Promise<Row> => {
  const t = performance.now()
  const run = spawnSync('npx', ['pagefind', '--site', siteDir], { encoding: 'utf8' })
  const buildMs = performance.now() - t
  if (run.status !== 0) throw new Error(`Pagefind failed: ${run.stderr || run.stdout}`)
  const files = await dirBytes(path.join(siteDir, 'pagefind'))
  const sum = (re: RegExp) => [...files].filter(([f]) => re.test(f)).reduce((n, [, s]) => n + s, 0)
  const count = (re: RegExp) => [...files.keys()].filter((f) => re.test(f)).length
  const js = gz(await readFile(path.join(siteDir, 'pagefind/pagefind.js')))
  const wasm = sum(/wasm\..*pagefind$/) / Math.max(1, count(/wasm\..*pagefind$/))
  const meta = sum(/\.pf_meta$/)
  const avgIndex = sum(/\.pf_index$/) / Math.max(1, count(/\.pf_index$/))
  const avgFragment = sum(/\.pf_fragment$/) / Math.max(1, count(/\.pf_fragment$/))
  // A worker query has about 3 words that are not stop words, each in an index chunk; the first page shows 5 results.
  const first = js + wasm + meta + 3 * avgIndex + 5 * avgFragment
  const total = [...files.values()].reduce((n, v) => n + v, 0)
  return {
    engine: 'Pagefind 1.6',
    raw: total,
    gzip: total,
    beforeFirst: `about ${kb(first)}`,
    load: 'n/a (WASM in browser)',
    first: 'n/a in Node',
    p95: 'n/a in Node',
    note: `${files.size} files (stored gzipped); build ${ms(buildMs)}; first query = js ${kb(js)} + wasm ${kb(wasm)} + meta ${kb(meta)} + 3 index chunks + 5 fragments`,
  }
}

const printRows = (rows: Row[]) => {
  const table = rows.map((r) => ({
    engine: r.engine,
    'index raw': kb(r.raw),
    'index gzip': kb(r.gzip),
    'before first result (gzip)': r.beforeFirst,
    load: r.load,
    'first query': r.first,
    'p95 query (as typed)': r.p95,
  }))
  console.table(table)
  for (const r of rows) if (r.note) console.log(`  ${r.engine}: ${r.note}`)
}

for (const size of sizes) {
  const work = await mkdtemp(path.join(os.tmpdir(), `search-bench-${size}-`))
  try {
    const snapshotDir = path.join(work, 'snapshot')
    const snapshot = await generateCorpus({ guides: size })
    await writeCorpus(snapshotDir, snapshot)
    const docs = documentsFromSnapshot(snapshot)
    const words = Math.round(
      snapshot.guides.reduce((n, g) => n + g.bodyText.split(/\s+/).length, 0) / snapshot.guides.length,
    )
    console.log(`\n== ${size} guides (${docs.length} searchable documents; guides average ${words} words) ==`)
    const ours = await benchOurs(docs)
    const whole = chromiumOnly ? undefined : benchWholeLunr(docs)
    const rows: Row[] = whole ? [ours, whole, benchMiniSearch(docs)] : [ours]
    const ranking = await checkRanking(docs, ours.client, WORKER_QUERIES, whole?.index)
    const against = whole ? `, ${ranking.lunrHits} against one whole lunr index (scores to 6 decimals)` : ''
    const rankingLine = ranking.differs
      ? `ranking: DIFFERS at ${ranking.differs}`
      : `ranking: identical (${ranking.hits} hits of every question as typed against lunr's weights, scores ===${against})`
    let siteLine = 'site build: skipped (--no-site)'
    let chromiumLines: string[] = []
    if (withSite) {
      const siteDir = keptSiteDir ?? path.join(work, 'site')
      if (existsSync(path.join(siteDir, 'index.html'))) siteLine = `site: already built in ${siteDir}`
      else {
        const t = performance.now()
        await runAstroBuild(snapshotDir, siteDir)
        const pages = (await readdir(siteDir, { recursive: true })).filter((f) => f.endsWith('.html')).length
        siteLine = `site build (astro, ${pages} pages, search index included): ${(performance.now() - t) / 1000 < 1 ? ms(performance.now() - t) : `${((performance.now() - t) / 1000).toFixed(1)} s`}`
      }
      if (!chromiumOnly) rows.push(await benchPagefind(siteDir))
      chromiumLines = await benchChromium(siteDir, BROWSER_QUERIES.slice(0, questions)).catch((e: Error) => [
        `failed: ${e.message}`,
      ])
    }
    printRows(rows)
    console.log(rankingLine)
    console.log(siteLine)
    if (chromiumLines.length)
      console.log(
        `Chromium, our island (cold cache per question; uptime load ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(', ')}):\n${chromiumLines.join('\n')}`,
      )
    if (!whole) continue
    const firstMax = Number(/max ([\d.]+) KiB/.exec(ours.beforeFirst)?.[1] ?? 0) * 1024
    console.log(
      `ratios: before first result, whole lunr / ours (worst query) = ${(whole.gzip / firstMax).toFixed(1)}×; MiniSearch / ours = ${(rows[2].gzip / firstMax).toFixed(1)}×`,
    )
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
