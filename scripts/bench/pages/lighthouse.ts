/**
 * Lighthouse (the npm package, 12.x: 13 needs Node 22) on Debian's Chromium, with its default
 * mobile settings (a mid-range phone's screen, simulated slow 4G and a 4× slower CPU): the
 * performance, accessibility, best-practices and SEO scores of a page, 0–100.
 */
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_PATH } from '../../../tests/helpers/browser'

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Scores = Record<(typeof CATEGORIES)[number], number> & { page: string; failing: string[] }

/** Audits that could not run, with Lighthouse's reason. */
const errorsOf = (audits: Record<string, { id: string; errorMessage?: string }>) =>
  Object.values(audits)
    .filter((a) => a.errorMessage)
    .slice(0, 3)
    .map((a) => `${a.id}: ${a.errorMessage}`)

/** What the browser console said, from the errors-in-console audit's details. */
const consoleErrors = (details: unknown): string =>
  ((details as { items?: { description?: string; sourceLocation?: { url?: string } }[] })?.items ?? [])
    .map((i) => `${i.description ?? ''} ${i.sourceLocation?.url ?? ''}`.trim())
    .join('; ')

/** Runs Lighthouse on each URL in one Chromium, one after another. */
export const lighthouseScores = async (urls: string[]): Promise<Scores[]> => {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  })
  const out: Scores[] = []
  try {
    for (const url of urls) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      })
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`)
      const { categories, audits, runtimeError } = result.lhr
      const score = (c: string) => Math.round((categories[c]?.score ?? 0) * 100)
      // Audits that cost points, to say what to fix.
      const failing = Object.values(audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 0.9 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'manual',
        )
        .map((a) => (a.id === 'errors-in-console' ? `${a.id} [${consoleErrors(a.details)}]` : a.id))
      if (runtimeError) failing.unshift(`runtime error ${runtimeError.code}: ${runtimeError.message}`)
      for (const c of CATEGORIES)
        if (categories[c]?.score === null)
          failing.push(`${c} not scored (${errorsOf(audits).join('; ') || 'no audit said why'})`)
      out.push({
        page: new URL(url).pathname,
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
        failing,
      })
    }
  } finally {
    chrome.kill()
  }
  return out
}
