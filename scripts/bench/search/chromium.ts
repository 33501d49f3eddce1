/**
 * The search bench's Chromium part: a person searches the built site in a real browser (see
 * benchChromium), timed from each key to its results painted.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
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
        const done = async () =>
          (await page.evaluate(
            `(() => { const a = window.__searchTimes.answers.at(-1); return !!a && a.q === ${JSON.stringify(q.trim())} && !Number.isNaN(a.paintedAt) })()`,
          )) as boolean
        const until = Date.now() + 5000
        while (!(await done()) && Date.now() < until) await page.waitForTimeout(20)
        const rec = (await page.evaluate('window.__searchTimes')) as {
          keys: KeyRecord[]
          answers: AnswerRecord[]
        }
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
          const files = (await page.evaluate(
            `performance.getEntriesByType('resource').filter((e) => e.name.includes('/search-index/') && e.responseEnd <= ${answeredAt}).map((e) => new URL(e.name).pathname)`,
          )) as string[]
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
      const label =
        mode === 'typed'
          ? `typed with real key presses (120 ms apart, from 300 ms after the click), ${queries.length} questions`
          : `pasted straight after the click, ${queries.length} questions`
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
