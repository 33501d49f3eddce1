/**
 * Search figures at 100 and 1,000 guides (a generated corpus, scripts/generate-corpus.ts), side by
 * side: our sharded lunr index, one whole lunr index, MiniSearch, and Pagefind.
 *
 *   npx tsx scripts/bench/search.ts [--sizes 100,1000] [--no-site] [--chromium-only] [--site-dir DIR] [--questions N]
 *
 * --site-dir DIR (one size only): measure the site already built in DIR, or build it there and
 * keep it, so Chromium can be measured again without building again. --questions N: only the
 * first N questions in Chromium.
 *
 * For each: index bytes (raw and gzip), bytes downloaded before the first result (the manifest,
 * which carries titles and addresses, plus the query's term shards; summaries arrive after), load time,
 * first-query time, and p95 query time over worker queries typed a letter at a time, and our
 * index's build time next to lunr.Builder's. With the site step (the default) it also builds the
 * Astro site (build time), runs Pagefind over it, and, in Chromium, times what a person sees: from
 * each key going down to its results painted (see benchChromium). Targets at 1,000 guides:
 * ≤ 150 KB gzip before the first result, first result ≤ 100 ms after typing, ≤ 20 ms per query (p95).
 * The machine is shared: note the load average printed with the Chromium figures, and run twice.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import lunr from 'lunr'
import MiniSearch from 'minisearch'
import { runAstroBuild } from '../../cms/site/buildSite'
import { startStaticServer } from '../../cms/site/staticServer'
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
const keptSiteDir = args.includes('--site-dir') ? path.resolve(args[args.indexOf('--site-dir') + 1]) : undefined
if (keptSiteDir && sizes.length !== 1) throw new Error('--site-dir takes one size (--sizes N).')
const questions = args.includes('--questions') ? Number(args[args.indexOf('--questions') + 1]) : Infinity

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
  const [whole, buildMs] = time(() => buildLunr(docs))
  const json = JSON.stringify(whole)
  const [index, load] = time(() => lunr.Index.load(JSON.parse(json)))
  const clean = (q: string) => q.replace(/[:~^+*-]/g, ' ')
  const [, first] = time(() => index.search(clean(WORKER_QUERIES[0])))
  const times = WORKER_QUERIES.flatMap((q) => asTyped(q).map((typed) => time(() => index.search(clean(typed)))[1]))
  const bytes = gz(json)
  return { engine: 'Plain lunr, whole index', raw: json.length, gzip: bytes, beforeFirst: kb(bytes), load: ms(load), first: ms(first), p95: ms(p95(times)), note: `lunr.Builder over the same documents ${ms(buildMs)} (our index computes the same weights without it)` }
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
 * Installed in the page (as text: tsx's helpers do not exist there) before typing. Records, per
 * key, when the key went down (the keydown event's timestamp: when the browser received it, so
 * time waiting behind other work counts) and what the box then held; and, per answer, when the
 * status line first said "… for “query”" (the DOM update, seen by a MutationObserver) and when
 * that frame had been painted (a requestAnimationFrame after the update, then a message posted
 * from it, which runs once the frame is drawn). A paste has no keydown: its input event's
 * timestamp stands in.
 */
const IN_PAGE_RECORDER = `() => {
  const input = document.querySelector('#q')
  const island = document.querySelector('.search-island')
  const rec = { keys: [], answers: [] }
  window.__searchTimes = rec
  let keyAt = null
  document.addEventListener('keydown', (e) => { keyAt = e.timeStamp }, true)
  input.addEventListener('input', (e) => { rec.keys.push({ value: input.value, at: keyAt ?? e.timeStamp }); keyAt = null }, true)
  let shown = null
  new MutationObserver(() => {
    const m = /for “(.*)”/.exec(document.querySelector('.search-status')?.textContent ?? '')
    if (!m || m[1] === shown) return
    shown = m[1]
    const answer = { q: m[1], results: document.querySelectorAll('.search-results > li').length, domAt: performance.now(), paintedAt: NaN }
    rec.answers.push(answer)
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => { answer.paintedAt = performance.now() }
      channel.port2.postMessage(0)
    })
  }).observe(island, { subtree: true, childList: true, characterData: true })
}`

type KeyRecord = { value: string; at: number }
type AnswerRecord = { q: string; results: number; domAt: number; paintedAt: number }
/** One key's answer: from the key to its results in the DOM, and to them painted. */
type KeyTiming = { value: string; results: number; toDom: number; toPaint: number }

/**
 * Pairs each answer with the key that asked for it (the first key whose box, trimmed, read as the
 * answer's query). Keys that change nothing on screen (a space; the status shows the trimmed
 * query) are not timed; keys overtaken by the next one before their answer showed are counted.
 */
export const pairAnswers = (keys: KeyRecord[], answers: AnswerRecord[]): { timings: KeyTiming[]; overtaken: number } => {
  const timings: KeyTiming[] = []
  let k = 0
  let previous = ''
  let overtaken = 0
  const asking = keys.filter((key) => {
    const q = key.value.trim()
    const changes = q !== '' && q !== previous
    previous = q
    return changes
  })
  for (const a of answers) {
    const at = asking.findIndex((key, i) => i >= k && key.value.trim() === a.q)
    if (at < 0) continue
    overtaken += at - k
    k = at + 1
    timings.push({ value: a.q, results: a.results, toDom: a.domAt - asking[at].at, toPaint: a.paintedAt - asking[at].at })
  }
  overtaken += asking.length - k
  return { timings, overtaken }
}

/** Realistic worker questions for the Chromium figures (more than the Node ones, each typed in a fresh browser). */
export const BROWSER_QUERIES = [
  ...WORKER_QUERIES,
  'sacked while off sick', 'do i get paid for bank holidays', 'my employer has not paid me',
  'can they cut my hours without asking', 'is it legal to work 60 hours a week', 'what is the national living wage',
  'how much notice do i have to give', 'sick note from the doctor', 'forced to work on my day off', 'paternity leave how long',
  'my boss shouts at me', 'fired for joining a union', 'how do i make a tribunal claim', 'acas early conciliation',
  'night shift breaks', 'working in the rain health and safety', 'can i see my personnel file', 'race discrimination at work',
  'pregnant can they sack me',
]

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]

/**
 * In Chromium, against the built site served by our static server, a person searches: open
 * /search/, click the box (which starts loading the index), and either type the question with real
 * key presses (120 ms apart, starting 300 ms after the click) or paste it straight after the click
 * (the worst case: the index is still loading). Each question runs in a fresh browser context
 * (cold cache). Per key: from the key going down to its results painted. "First results": the
 * first key whose answer lists something. "Every later key": the rest of the keys of each question.
 */
const benchChromium = async (siteDir: string, queries: string[]): Promise<string[]> => {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(chromiumPath)) return ['skipped (no Chromium)']
  const { launchBrowser } = await import('../../tests/helpers/browser')
  const server = await startStaticServer({ root: siteDir })
  const url = server.url
  const browser = await launchBrowser()
  const gzOf = new Map<string, number>()
  const fileGz = async (p: string) => {
    if (!gzOf.has(p)) gzOf.set(p, gz(await readFile(path.join(siteDir, p))))
    return gzOf.get(p)!
  }
  const lines: string[] = []
  try {
    for (const mode of ['typed', 'pasted'] as const) {
      const firstPaint: number[] = []
      const firstDom: number[] = []
      const bytes: number[] = []
      const laterPaint: number[] = []
      const laterDom: number[] = []
      let overtaken = 0
      let keys = 0
      let unanswered = 0
      for (const q of queries) {
        const context = await browser.newContext()
        const page = await context.newPage()
        await page.goto(`${url}/search/`)
        await page.locator('[data-mounted="true"] .search-island #q').waitFor()
        await page.evaluate(`(${IN_PAGE_RECORDER})()`)
        await page.locator('#q').click()
        if (mode === 'typed') {
          // A person takes a moment after clicking the box before the first key lands.
          await page.waitForTimeout(300)
          await page.keyboard.type(q, { delay: 120 })
        } else await page.keyboard.insertText(q)
        const done = async () => (await page.evaluate(`(() => { const a = window.__searchTimes.answers.at(-1); return !!a && a.q === ${JSON.stringify(q.trim())} && !Number.isNaN(a.paintedAt) })()`)) as boolean
        const until = Date.now() + 5000
        while (!(await done()) && Date.now() < until) await page.waitForTimeout(20)
        const rec = (await page.evaluate('window.__searchTimes')) as { keys: KeyRecord[]; answers: AnswerRecord[] }
        const { timings, overtaken: o } = pairAnswers(rec.keys, rec.answers)
        overtaken += o
        keys += timings.length + o
        const first = timings.findIndex((t) => t.results > 0)
        if (first < 0) {
          unanswered++
        } else {
          firstPaint.push(timings[first].toPaint)
          firstDom.push(timings[first].toDom)
          const answeredAt = rec.answers.find((a) => a.q === timings[first].value)!.paintedAt
          const files = (await page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.name.includes('/search-index/') && e.responseEnd <= ${answeredAt}).map((e) => new URL(e.name).pathname)`)) as string[]
          let b = 0
          for (const f of files) b += await fileGz(f)
          bytes.push(b)
          for (const t of timings.slice(first + 1)) {
            laterPaint.push(t.toPaint)
            laterDom.push(t.toDom)
          }
        }
        await context.close()
      }
      const label = mode === 'typed' ? `typed with real key presses (120 ms apart, from 300 ms after the click), ${queries.length} questions` : `pasted straight after the click, ${queries.length} questions`
      lines.push(
        `  ${label}:`,
        `    first results, key to painted: median ${ms(median(firstPaint))}, p95 ${ms(pct(firstPaint, 0.95))}, max ${ms(Math.max(...firstPaint))} (key to DOM: median ${ms(median(firstDom))}, max ${ms(Math.max(...firstDom))}); index bytes before them median ${kb(median(bytes))}, max ${kb(Math.max(...bytes))} gzip`,
      )
      if (mode === 'typed')
        lines.push(
          `    every later key, key to painted: median ${ms(median(laterPaint))}, p95 ${ms(pct(laterPaint, 0.95))}, max ${ms(Math.max(...laterPaint))} (key to DOM: median ${ms(median(laterDom))}, p95 ${ms(pct(laterDom, 0.95))}); n=${laterPaint.length}; ${overtaken} of ${keys} keys overtaken by the next before their answer showed`,
        )
      if (unanswered) lines.push(`    ${unanswered} questions never showed a result`)
    }
  } finally {
    await browser.close()
    await server.close()
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
      const siteDir = keptSiteDir ?? path.join(work, 'site')
      if (existsSync(path.join(siteDir, 'index.html'))) siteLine = `site: already built in ${siteDir}`
      else {
        const t = performance.now()
        await runAstroBuild(snapshotDir, siteDir)
        const pages = (await readdir(siteDir, { recursive: true })).filter((f) => f.endsWith('.html')).length
        siteLine = `site build (astro, ${pages} pages, search index included): ${(performance.now() - t) / 1000 < 1 ? ms(performance.now() - t) : `${((performance.now() - t) / 1000).toFixed(1)} s`}`
      }
      if (!chromiumOnly) rows.push(await benchPagefind(siteDir))
      chromiumLines = await benchChromium(siteDir, BROWSER_QUERIES.slice(0, questions)).catch((e: Error) => [`failed: ${e.message}`])
    }
    printRows(rows)
    console.log(siteLine)
    if (chromiumLines.length) console.log(`Chromium, our island (cold cache per question; uptime load ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}):\n${chromiumLines.join('\n')}`)
    if (chromiumOnly) continue
    const whole = rows[1]
    const firstMax = Number(/max ([\d.]+) KiB/.exec(ours.beforeFirst)?.[1] ?? 0) * 1024
    console.log(`ratios: before first result, whole lunr / ours (worst query) = ${(whole.gzip / firstMax).toFixed(1)}×; MiniSearch / ours = ${(rows[2].gzip / firstMax).toFixed(1)}×`)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
