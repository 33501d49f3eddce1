/**
 * The search bench's Chromium part: a person searches the built site in a real browser (see
 * benchChromium), timed from each key to its results painted.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { startStaticServer } from '../../../cms/publish'
import { gz, kb, median, ms } from './measure'

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
export const pairAnswers = (
  keys: KeyRecord[],
  answers: AnswerRecord[],
): { timings: KeyTiming[]; overtaken: number } => {
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
    timings.push({
      value: a.q,
      results: a.results,
      toDom: a.domAt - asking[at].at,
      toPaint: a.paintedAt - asking[at].at,
    })
  }
  overtaken += asking.length - k
  return { timings, overtaken }
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]

type Mode = 'typed' | 'pasted'

/**
 * One question in a fresh browser context (cold cache): its keys' timings, the keys overtaken, and
 * the index files fetched before its first results (null when it showed none).
 */
const askOnce = async (browser: Browser, url: string, q: string, mode: Mode) => {
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
  const done = async () =>
    (await page.evaluate(
      `(() => { const a = window.__searchTimes.answers.at(-1); return !!a && a.q === ${JSON.stringify(q.trim())} && !Number.isNaN(a.paintedAt) })()`,
    )) as boolean
  const until = Date.now() + 5000
  while (!(await done()) && Date.now() < until) await page.waitForTimeout(20)
  const rec = (await page.evaluate('window.__searchTimes')) as { keys: KeyRecord[]; answers: AnswerRecord[] }
  const { timings, overtaken } = pairAnswers(rec.keys, rec.answers)
  const first = timings.findIndex((t) => t.results > 0)
  let files: string[] | null = null
  if (first >= 0) {
    const answeredAt = rec.answers.find((a) => a.q === timings[first].value)!.paintedAt
    files = (await page.evaluate(
      `performance.getEntriesByType('resource').filter((e) => e.name.includes('/search-index/') && e.responseEnd <= ${answeredAt}).map((e) => new URL(e.name).pathname)`,
    )) as string[]
  }
  await context.close()
  return { timings, overtaken, first, files }
}

/** The figures of one way of asking, over all questions. */
type ModeFigures = {
  firstPaint: number[]
  firstDom: number[]
  bytes: number[]
  laterPaint: number[]
  laterDom: number[]
  overtaken: number
  keys: number
  unanswered: number
}

const modeLines = (mode: Mode, questions: number, f: ModeFigures): string[] => {
  const label =
    mode === 'typed'
      ? `typed with real key presses (120 ms apart, from 300 ms after the click), ${questions} questions`
      : `pasted straight after the click, ${questions} questions`
  const lines = [
    `  ${label}:`,
    `    first results, key to painted: median ${ms(median(f.firstPaint))}, p95 ${ms(pct(f.firstPaint, 0.95))}, max ${ms(Math.max(...f.firstPaint))} (key to DOM: median ${ms(median(f.firstDom))}, max ${ms(Math.max(...f.firstDom))}); index bytes before them median ${kb(median(f.bytes))}, max ${kb(Math.max(...f.bytes))} gzip`,
  ]
  if (mode === 'typed')
    lines.push(
      `    every later key, key to painted: median ${ms(median(f.laterPaint))}, p95 ${ms(pct(f.laterPaint, 0.95))}, max ${ms(Math.max(...f.laterPaint))} (key to DOM: median ${ms(median(f.laterDom))}, p95 ${ms(pct(f.laterDom, 0.95))}); n=${f.laterPaint.length}; ${f.overtaken} of ${f.keys} keys overtaken by the next before their answer showed`,
    )
  if (f.unanswered) lines.push(`    ${f.unanswered} questions never showed a result`)
  return lines
}

/**
 * In Chromium, against the built site served by our static server, a person searches: open
 * /search/, click the box (which starts loading the index), and either type the question with real
 * key presses (120 ms apart, starting 300 ms after the click) or paste it straight after the click
 * (the worst case: the index is still loading). Each question runs in a fresh browser context
 * (cold cache). Per key: from the key going down to its results painted. "First results": the
 * first key whose answer lists something. "Every later key": the rest of the keys of each question.
 */
export const benchChromium = async (siteDir: string, queries: string[]): Promise<string[]> => {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(chromiumPath)) return ['skipped (no Chromium)']
  const { launchBrowser } = await import('../../../tests/helpers/browser')
  const server = await startStaticServer({ root: siteDir })
  const browser = await launchBrowser()
  const gzOf = new Map<string, number>()
  const fileGz = async (p: string) => {
    if (!gzOf.has(p)) gzOf.set(p, gz(await readFile(path.join(siteDir, p))))
    return gzOf.get(p)!
  }
  const lines: string[] = []
  try {
    for (const mode of ['typed', 'pasted'] as const) {
      const f: ModeFigures = {
        firstPaint: [],
        firstDom: [],
        bytes: [],
        laterPaint: [],
        laterDom: [],
        overtaken: 0,
        keys: 0,
        unanswered: 0,
      }
      for (const q of queries) {
        const { timings, overtaken, first, files } = await askOnce(browser, server.url, q, mode)
        f.overtaken += overtaken
        f.keys += timings.length + overtaken
        if (!files) {
          f.unanswered++
          continue
        }
        f.firstPaint.push(timings[first].toPaint)
        f.firstDom.push(timings[first].toDom)
        let b = 0
        for (const file of files) b += await fileGz(file)
        f.bytes.push(b)
        for (const t of timings.slice(first + 1)) {
          f.laterPaint.push(t.toPaint)
          f.laterDom.push(t.toDom)
        }
      }
      lines.push(...modeLines(mode, queries.length, f))
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return lines
}
