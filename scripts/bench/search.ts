/**
 * Search figures at 100 and 1,000 guides (a generated corpus, scripts/generate-corpus.ts), side by
 * side: our sharded lunr index, one whole lunr index, MiniSearch, and Pagefind.
 *
 *   npx tsx scripts/bench/search.ts [--sizes 100,1000] [--no-site]
 *
 * For each: index bytes (raw and gzip), bytes downloaded before the first result, load time,
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
  const firstTimes: number[] = []
  const loadTimes: number[] = []
  for (const q of WORKER_QUERIES) {
    const fetched: string[] = []
    const client = new SearchClient(loader(fetched))
    loadTimes.push((await timeAsync(() => client.ready()))[1])
    firstTimes.push((await timeAsync(() => client.search(q)))[1])
    firstBytes.push(fetched.reduce((n, p) => n + gzBytes.get(p)!, 0))
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
    note: `${files.size} files; manifest ${kb(gzBytes.get('manifest.json')!)} gzip; index build ${ms(buildMs)}`,
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
 * Runs in the page (as text: tsx's helpers do not exist there). Types the query as one input
 * event, times until a result for it is on screen, then three more key presses.
 */
const IN_PAGE_TIMER = `async (query) => {
  const input = document.querySelector('#q')
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
  const status = () => document.querySelector('.search-status')?.textContent ?? ''
  const waitForResult = (before) => new Promise((resolve) => {
    const t0 = performance.now()
    const check = () => {
      if (status().includes('for “') && status() !== before && document.querySelector('.search-results a')) resolve(performance.now() - t0)
      else requestAnimationFrame(check)
    }
    check()
  })
  const type = (value) => { setter.call(input, value); input.dispatchEvent(new Event('input', { bubbles: true })) }
  type(query)
  const first = await waitForResult('')
  const times = []
  for (const extra of [' a', ' an', ' any']) {
    const before = status()
    type(query + extra)
    times.push(await waitForResult(before))
  }
  return { first, times }
}`

/** Time from typing a query into the focused box to the first result on screen, in Chromium. */
const benchChromium = async (siteDir: string): Promise<string> => {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(chromiumPath)) return 'skipped (no Chromium)'
  const { chromium } = await import('playwright-core')
  const server = createStaticServer({ root: siteDir })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  const firsts: number[] = []
  const later: number[] = []
  try {
    for (const q of WORKER_QUERIES.slice(0, 6)) {
      const page = await browser.newPage()
      await page.goto(`${url}/search/`)
      const box = page.getByRole('searchbox')
      await box.focus()
      const measured = (await page.evaluate(`(${IN_PAGE_TIMER})(${JSON.stringify(q)})`)) as { first: number; times: number[] }
      firsts.push(measured.first)
      later.push(...measured.times)
      await page.close()
    }
  } finally {
    await browser.close()
    await new Promise<void>((r) => server.close(() => r()))
  }
  return `first result after typing: median ${ms(median(firsts))}, max ${ms(Math.max(...firsts))}; later key presses: p95 ${ms(p95(later))} (includes rendering)`
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
    const rows: Row[] = [ours, benchWholeLunr(docs), benchMiniSearch(docs)]
    let siteLine = 'site build: skipped (--no-site)'
    let chromiumLine = ''
    if (withSite) {
      const siteDir = path.join(work, 'site')
      const t = performance.now()
      await runAstroBuild(snapshotDir, siteDir)
      const pages = (await readdir(siteDir, { recursive: true })).filter((f) => f.endsWith('.html')).length
      siteLine = `site build (astro, ${pages} pages, search index included): ${(performance.now() - t) / 1000 < 1 ? ms(performance.now() - t) : `${((performance.now() - t) / 1000).toFixed(1)} s`}`
      rows.push(await benchPagefind(siteDir))
      chromiumLine = `Chromium, our island: ${await benchChromium(siteDir).catch((e: Error) => `failed: ${e.message}`)}`
    }
    printRows(rows)
    console.log(siteLine)
    if (chromiumLine) console.log(chromiumLine)
    const whole = rows[1]
    const firstMax = Number(/max ([\d.]+) KiB/.exec(ours.beforeFirst)?.[1] ?? 0) * 1024
    console.log(`ratios: before first result, whole lunr / ours (worst query) = ${(whole.gzip / firstMax).toFixed(1)}×; MiniSearch / ours = ${(rows[2].gzip / firstMax).toFixed(1)}×`)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
