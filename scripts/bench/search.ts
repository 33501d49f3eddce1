/**
 * Search figures at 100 and 1,000 guides (a generated corpus, scripts/generate-corpus.ts), side by
 * side: our sharded lunr index, one whole lunr index, MiniSearch, and Pagefind.
 *
 *   npx tsx scripts/bench/search.ts [--sizes 100,1000] [--no-site] [--chromium-only]
 *
 * For each: index bytes (raw and gzip), bytes downloaded before the first result (the manifest,
 * which carries titles and addresses, plus the query's term shards; summaries arrive after), load time,
 * first-query time, and p95 query time over worker queries typed a letter at a time. With the site
 * step (the default) it also builds the Astro site (build time), runs Pagefind over it, and times
 * the first result after typing in Chromium. Targets at 1,000 guides: ≤ 150 KB gzip before the
 * first result, first result ≤ 100 ms after typing, ≤ 20 ms per query (p95).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import lunr from 'lunr'
import MiniSearch from 'minisearch'
import { runAstroBuild } from '../../cms/site/buildSite'
import { createStaticServer } from '../../cms/site/staticServer'
import { buildLunr, buildSearchIndex, serialiseSearchIndex } from '../../site/src/lib/search/buildIndex'
import { documentsFromSnapshot, SEARCH_FIELDS, type SearchDocument } from '../../site/src/lib/search/documents'
import { SearchClient } from '../../site/src/lib/search/query'
import { generateCorpus, writeCorpus } from '../generate-corpus'

/** What workers type, in their own words. */
export const WORKER_QUERIES = [
  'can my boss stop my holiday pay', 'sacked for being off sick', 'how much is statutory sick pay', 'zero hours contract rights',
  'boss wont give me a payslip', 'redundancy pay how much', 'how many hours can i work', 'maternity leave pay',
  'unfair dismissal tribunal time limit', 'bullied by my manager', 'can i bring a union rep to a meeting', 'minimum wage for apprentices',
  'flexible working request refused', 'agency worker holiday', 'whistleblowing protection', 'pregnant and sacked',
  'grievance letter', 'rest breaks on a long shift', 'tupe transfer new employer', 'subject access request',
]

const args = process.argv.slice(2)
const sizes = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '100,1000').split(',').map(Number)
const withSite = !args.includes('--no-site')
/** Only the Chromium figures (skips the other engines and Pagefind). */
const chromiumOnly = args.includes('--chromium-only')

const gz = (s: string | Buffer) => gzipSync(s).length
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`
const ms = (n: number) => `${n.toFixed(1)} ms`
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
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
/** Every state of a query as it is typed, from the third letter. */
const asTyped = (q: string) => Array.from({ length: q.length - 2 }, (_, i) => q.slice(0, i + 3))

type Row = { engine: string; raw: number; gzip: number; beforeFirst: string; load: string; first: string; p95: string; note?: string }

const benchOurs = async (docs: SearchDocument[]): Promise<Row & { buildMs: number }> => {
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
  for (const q of WORKER_QUERIES) {
    const fetched: string[] = []
    const client = new SearchClient(loader(fetched))
    loadTimes.push((await timeAsync(() => client.ready()))[1])
    // The island shows results (titles and addresses) from searchTitles; summaries fill in after.
    const [first, t] = await timeAsync(() => client.searchTitles(q))
    firstTimes.push(t)
    firstBytes.push(fetched.reduce((n, p) => n + gzBytes.get(p)!, 0))
    await client.withSummaries(first)
    withSummaryBytes.push(fetched.reduce((n, p) => n + gzBytes.get(p)!, 0))
  }
  const warm = new SearchClient(loader([]))
  const times: number[] = []
  for (const q of WORKER_QUERIES) for (const typed of asTyped(q)) times.push((await timeAsync(() => warm.search(typed)))[1])
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
    note: `${files.size} files; manifest ${kb(gzBytes.get('manifest.json')!)} gzip; with the summaries too: median ${kb(median(withSummaryBytes))}, max ${kb(Math.max(...withSummaryBytes))}; index build ${ms(buildMs)}`,
    buildMs,
  }
}

const benchWholeLunr = (docs: SearchDocument[]): Row => {
  const json = JSON.stringify(buildLunr(docs))
  const [index, load] = time(() => lunr.Index.load(JSON.parse(json)))
  const clean = (q: string) => q.replace(/[:~^+*-]/g, ' ')
  const [, first] = time(() => index.search(clean(WORKER_QUERIES[0])))
  const times = WORKER_QUERIES.flatMap((q) => asTyped(q).map((typed) => time(() => index.search(clean(typed)))[1]))
  const bytes = gz(json)
  return { engine: 'Plain lunr, whole index', raw: json.length, gzip: bytes, beforeFirst: kb(bytes), load: ms(load), first: ms(first), p95: ms(p95(times)) }
}

const benchMiniSearch = (docs: SearchDocument[]): Row => {
  const options = {
    fields: SEARCH_FIELDS.map((f) => f.name as string),
    storeFields: ['url', 'title', 'summary', 'type'],
    searchOptions: { boost: Object.fromEntries(SEARCH_FIELDS.map((f) => [f.name, f.boost])), fuzzy: 0.2, prefix: true },
  }
  const ms0 = new MiniSearch<SearchDocument & { id: number }>(options)
  ms0.addAll(docs.map((d, id) => ({ ...d, id })))
  const json = JSON.stringify(ms0)
  const [index, load] = time(() => MiniSearch.loadJSON(json, options))
  const [, first] = time(() => index.search(WORKER_QUERIES[0]))
  const times = WORKER_QUERIES.flatMap((q) => asTyped(q).map((typed) => time(() => index.search(typed))[1]))
  const bytes = gz(json)
  return { engine: 'MiniSearch 7 (fuzzy 0.2, prefix)', raw: json.length, gzip: bytes, beforeFirst: kb(bytes), load: ms(load), first: ms(first), p95: ms(p95(times)) }
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

/**
 * Runs in the page (as text: tsx's helpers do not exist there). Types `query` (a key at a time, or
 * all at once as a paste), times from the last key to its results being in the page (a
 * MutationObserver sees the status say "… for “query”"), lists the index files that had arrived by
 * then, then types `more` a key at a time and times each key the same way.
 */
const IN_PAGE_TYPING = `async ({ query, more, keyDelay, paste }) => {
  const input = document.querySelector('#q')
  const island = document.querySelector('.search-island')
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
  const type = (value) => { setter.call(input, value); input.dispatchEvent(new Event('input', { bubbles: true })) }
  const shows = (value) => (document.querySelector('.search-status')?.textContent ?? '').includes('for “' + value.trim() + '”')
  const resultFor = (value) => new Promise((resolve) => {
    const timeout = setTimeout(() => { obs.disconnect(); resolve(NaN) }, 5000)
    const obs = new MutationObserver(() => {
      if (!shows(value)) return
      obs.disconnect(); clearTimeout(timeout); resolve(performance.now())
    })
    obs.observe(island, { subtree: true, childList: true, characterData: true })
  })
  const keys = paste ? [query] : Array.from(query, (_, i) => query.slice(0, i + 1))
  let lastKey = 0
  let shown
  for (const [i, value] of keys.entries()) {
    if (i > 0) await sleep(keyDelay)
    if (i === keys.length - 1) shown = resultFor(value)
    lastKey = performance.now()
    type(value)
  }
  const at = await shown
  const files = performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/search-index/') && e.responseEnd <= at)
    .map((e) => new URL(e.name).pathname)
  const times = []
  for (let i = 1; i <= more.length; i++) {
    const value = query + more.slice(0, i)
    await sleep(keyDelay)
    // A trailing space changes nothing on screen (the status shows the trimmed query): typed, not timed.
    if (value.endsWith(' ')) { type(value); continue }
    const next = resultFor(value)
    const t = performance.now()
    type(value)
    times.push((await next) - t)
  }
  return { first: at - lastKey, files, times }
}`

/** The words typed after each first query, a key at a time, for the per-key figure. */
const MORE_WORDS = ' at work for agency staff'

/**
 * In Chromium, against the built site served by our static server: open /search/, focus the box
 * (which starts loading the index), then either paste a query at once straight away (the worst
 * case: the index is still loading) or type it a key at a time after a short pause; time from the
 * last key to its results on screen, count the gzip bytes of index files fetched by then, then
 * time each further key press. Each query runs in a fresh browser context (cold cache).
 */
const benchChromium = async (siteDir: string): Promise<string[]> => {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(chromiumPath)) return ['skipped (no Chromium)']
  const { launchBrowser } = await import('../../tests/helpers/browser')
  const server = createStaticServer({ root: siteDir })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await launchBrowser()
  const gzOf = new Map<string, number>()
  const fileGz = async (p: string) => {
    if (!gzOf.has(p)) gzOf.set(p, gz(await readFile(path.join(siteDir, p))))
    return gzOf.get(p)!
  }
  const lines: string[] = []
  try {
    for (const mode of ['typed', 'pasted'] as const) {
      const firsts: number[] = []
      const bytes: number[] = []
      const later: number[] = []
      for (const q of WORKER_QUERIES.slice(0, 8)) {
        const context = await browser.newContext()
        const page = await context.newPage()
        await page.goto(`${url}/search/`)
        await page.locator('.search-island #q').waitFor()
        await page.locator('#q').focus()
        // A person takes a moment after clicking the box before the first key lands.
        if (mode === 'typed') await page.waitForTimeout(300)
        const measured = (await page.evaluate(`(${IN_PAGE_TYPING})(${JSON.stringify({ query: q, more: MORE_WORDS, keyDelay: 120, paste: mode === 'pasted' })})`)) as {
          first: number
          files: string[]
          times: number[]
        }
        firsts.push(measured.first)
        later.push(...measured.times.filter((t) => !Number.isNaN(t)))
        let b = 0
        for (const f of measured.files) b += await fileGz(f)
        bytes.push(b)
        await context.close()
      }
      const label = mode === 'typed' ? 'typed a key at a time (120 ms apart, 300 ms after focus)' : 'pasted at once, straight after focus'
      lines.push(
        `  ${label}: first result after the last key median ${ms(median(firsts))}, max ${ms(Math.max(...firsts))}; index bytes before it median ${kb(median(bytes))}, max ${kb(Math.max(...bytes))} gzip; each later key p95 ${ms(p95(later))} (n=${later.length}, includes rendering)`,
      )
    }
  } finally {
    await browser.close()
    await new Promise<void>((r) => server.close(() => r()))
  }
  return lines
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
    const words = Math.round(snapshot.guides.reduce((n, g) => n + g.bodyText.split(/\s+/).length, 0) / snapshot.guides.length)
    console.log(`\n== ${size} guides (${docs.length} searchable documents; guides average ${words} words) ==`)
    const ours = await benchOurs(docs)
    const rows: Row[] = chromiumOnly ? [ours] : [ours, benchWholeLunr(docs), benchMiniSearch(docs)]
    let siteLine = 'site build: skipped (--no-site)'
    let chromiumLines: string[] = []
    if (withSite) {
      const siteDir = path.join(work, 'site')
      const t = performance.now()
      await runAstroBuild(snapshotDir, siteDir)
      const pages = (await readdir(siteDir, { recursive: true })).filter((f) => f.endsWith('.html')).length
      siteLine = `site build (astro, ${pages} pages, search index included): ${(performance.now() - t) / 1000 < 1 ? ms(performance.now() - t) : `${((performance.now() - t) / 1000).toFixed(1)} s`}`
      if (!chromiumOnly) rows.push(await benchPagefind(siteDir))
      chromiumLines = await benchChromium(siteDir).catch((e: Error) => [`failed: ${e.message}`])
    }
    printRows(rows)
    console.log(siteLine)
    if (chromiumLines.length) console.log(`Chromium, our island (cold cache per query):\n${chromiumLines.join('\n')}`)
    if (chromiumOnly) continue
    const whole = rows[1]
    const firstMax = Number(/max ([\d.]+) KiB/.exec(ours.beforeFirst)?.[1] ?? 0) * 1024
    console.log(`ratios: before first result, whole lunr / ours (worst query) = ${(whole.gzip / firstMax).toFixed(1)}×; MiniSearch / ours = ${(rows[2].gzip / firstMax).toFixed(1)}×`)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
