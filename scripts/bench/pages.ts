/**
 * Light pages: what each page of the site costs a reader, and Lighthouse's scores.
 *
 *   npm run bench -- pages [--site DIR] [--no-lighthouse]
 *
 * Builds the fixture snapshot (tests/fixtures/snapshot) with the publishing pipeline (render,
 * precompress, as `npm start` serves it), or measures the build in DIR, and serves it with the
 * site's static server, the CMS stood in for by a count endpoint. Prints:
 * - every page's gzip bytes before any interaction, read from the build (HTML, CSS, images and the
 *   scripts it runs at once): each must be ≤ 30 KB (budgets.ts), the pages that are an island with
 *   that island's bytes added;
 * - per island, what starting it downloads, against its budget;
 * - in Chromium, bytes downloaded by a sample of pages as they open and after each island on them
 *   is pointed at and focused;
 * - the CMS's GET /search (search without JavaScript) over this build: first-time and cached latency;
 * - Lighthouse (mobile) on the home page, a guide, a letter and a petition: performance,
 *   accessibility, best practices and SEO, each to be ≥ 95.
 * Exits 1 when a budget or a Lighthouse target is missed.
 */
import { readFile, rm } from 'node:fs/promises'
import { mkdtemp } from 'node:fs/promises'
import path from 'node:path'
import Fastify from 'fastify'
import { buildSite, sitePaths, startStaticServer } from '../../cms/publish'
import { launchBrowser } from '../../tests/helpers/browser'
import { APP_PAGES, ISLAND_BUDGETS, PAGE_BUDGET } from './pages/budgets'
import { measurePage } from './pages/browser'
import { lighthouseScores, CATEGORIES } from './pages/lighthouse'
import { searchLatency } from './pages/searchLatency'
import { islandWeights, pageWeights } from './pages/weights'

process.env.PROJECT_ROOT ||= process.cwd()
const args = process.argv.slice(2)
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`
const problems: string[] = []

// The CMS's count endpoint, answering the count each petition page was built with.
let siteDir = ''
const cms = Fastify()
const NAMED: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' }
/** An HTML attribute's text (Astro writes quotes as &#34;). */
const unescapeAttr = (v: string) =>
  v.replace(/&(#\d+|[a-z]+);/g, (e, name: string) =>
    name.startsWith('#') ? String.fromCharCode(Number(name.slice(1))) : (NAMED[name] ?? e),
  )
cms.addHook('onSend', async (request, reply) => {
  // The member-only pages ask with the CMS's cookie (credentials), which '*' does not allow.
  reply.header('Access-Control-Allow-Origin', request.headers.origin ?? '*')
  reply.header('Access-Control-Allow-Credentials', 'true')
})
cms.get<{ Params: { slug: string } }>('/api/public/petitions/:slug/count', async (request) => {
  const html = await readFile(path.join(siteDir, 'petitions', request.params.slug, 'index.html'), 'utf8')
  const attr = /class="count-island"[^>]*data-props="([^"]+)"/.exec(html)?.[1] ?? '{}'
  const props = unescapeAttr(attr)
  const { initial = 0, goal = 0, milestones = [] } = JSON.parse(props)
  return { count: initial, goal, state: 'open', byNation: {}, byRegion: {}, milestones }
})
// Who is reading a member-only page: nobody signed in, as for a new reader.
cms.get('/api/account/networks', async () => ({ status: 'signed-out', networks: null }))
await cms.listen({ port: 0, host: '127.0.0.1' })
const cmsUrl = `http://127.0.0.1:${(cms.server.address() as { port: number }).port}`
process.env.CMS_URL = cmsUrl

const root = await mkdtemp(path.join(process.cwd(), 'data', 'bench-pages-'))
const site = await (async () => {
  const given = option('--site')
  if (given) return path.resolve(given)
  const started = Date.now()
  const built = await buildSite({
    snapshotDir: path.resolve('tests/fixtures/snapshot'),
    paths: sitePaths(root),
    buildId: 'bench-pages',
  })
  console.log(
    `Built the fixture site: ${built.pages} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  return built.dir
})()
siteDir = site
const server = await startStaticServer({ root: site, cmsOrigin: cmsUrl })

try {
  // Every page, from the build.
  const islands = await islandWeights(site)
  const pages = (await pageWeights(site)).map((p) => {
    const app = APP_PAGES.find(([re]) => re.test(p.page))?.[1]
    return { ...p, app, total: p.totalGzip, withIsland: p.totalGzip + (app ? (islands.get(app) ?? 0) : 0) }
  })
  // Every page, member-only ones included: that is what a reader not signed in downloads.
  const reading = pages
  const over = reading.filter((p) => p.total > PAGE_BUDGET)
  console.log(`\nPages before any interaction (${reading.length} pages, budget ${kb(PAGE_BUDGET)} each):`)
  for (const p of reading.slice(0, 5))
    console.log(`  ${p.page.padEnd(56)} ${kb(p.total)} (HTML ${kb(p.htmlGzip)})`)
  console.log(`  … lightest ${kb(reading.at(-1)?.total ?? 0)}; over budget: ${over.length}`)
  for (const p of over)
    problems.push(`${p.page} is ${kb(p.total)} before any interaction (budget ${kb(PAGE_BUDGET)})`)
  console.log(
    'Member-only pages: signed out (page budget) → signed in, island started as it opens (budget: a page plus that island):',
  )
  for (const p of pages.filter((x) => x.app)) {
    const budget = PAGE_BUDGET + (ISLAND_BUDGETS[p.app!] ?? 0)
    console.log(`  ${p.page.padEnd(56)} ${kb(p.total)} → ${kb(p.withIsland)} / ${kb(budget)} (${p.app})`)
    if (p.withIsland > budget)
      problems.push(`${p.page} is ${kb(p.withIsland)} as it opens for a member (budget ${kb(budget)})`)
  }

  console.log('\nIslands: gzip bytes downloaded when one starts (React included) / budget')
  for (const [name, bytes] of [...islands].sort((a, b) => a[0].localeCompare(b[0]))) {
    const budget = ISLAND_BUDGETS[name]
    const verdict = budget === undefined ? 'NO BUDGET' : bytes > budget ? 'OVER' : 'ok'
    console.log(`  ${name.padEnd(24)} ${kb(bytes).padStart(9)} / ${budget ? kb(budget) : '–'}  ${verdict}`)
    if (verdict !== 'ok') problems.push(`island ${name}: ${kb(bytes)}, ${verdict.toLowerCase()}`)
  }

  // A sample of pages, in Chromium.
  const sample = [
    '/',
    '/join/',
    '/search/',
    '/search/?q=holiday+pay',
    '/guides/holiday-pay/',
    '/templates/raise-a-grievance/',
    '/petitions/rota-two-weeks-ahead-demo/',
    '/unions/',
    '/training/know-your-rights-holiday-pay-demo/',
    '/ask/',
    '/networks/delivery-riders-together-demo/',
    '/account/',
    '/networks/delivery-riders-together-demo/talk/',
  ]
  const browser = await launchBrowser()
  console.log('\nIn Chromium: gzip bytes as the page opens → after each island is pointed at and focused')
  try {
    for (const p of sample) {
      const m = await measurePage(browser, server.url, p, cmsUrl)
      console.log(
        `  ${p.padEnd(46)} ${kb(m.before).padStart(9)} (${m.requestsBefore} files) → ${kb(m.after).padStart(9)} (${m.requestsAfter} files)`,
      )
      // A search opened with a query starts its island at once, by design.
      if (m.before > PAGE_BUDGET && !p.includes('?q='))
        problems.push(`${p} downloaded ${kb(m.before)} before any interaction in Chromium`)
    }
  } finally {
    await browser.close()
  }

  const latency = await searchLatency(site)
  console.log(
    `\nGET /search (no JavaScript) over this build: first time p50 ${latency.first.p50.toFixed(1)} ms, max ${latency.first.max.toFixed(1)} ms; cached p50 ${latency.cached.p50.toFixed(2)} ms, p95 ${latency.cached.p95.toFixed(2)} ms (${latency.requests} requests)`,
  )

  if (!args.includes('--no-lighthouse')) {
    const targets = [
      '/',
      '/guides/holiday-pay/',
      '/templates/raise-a-grievance/',
      '/petitions/rota-two-weeks-ahead-demo/',
    ]
    console.log(
      '\nLighthouse (mobile, Debian Chromium): performance / accessibility / best practices / SEO, target ≥ 95',
    )
    for (const s of await lighthouseScores(targets.map((t) => `${server.url}${t}`))) {
      const low = CATEGORIES.filter((c) => s[c] < 95)
      console.log(
        `  ${s.page.padEnd(46)} ${CATEGORIES.map((c) => String(s[c]).padStart(3)).join(' / ')}${s.failing.length ? `  (points lost: ${s.failing.join(', ')})` : ''}`,
      )
      for (const c of low) problems.push(`Lighthouse ${c} ${s[c]} on ${s.page}`)
    }
  }
} finally {
  await server.close()
  await cms.close()
  await rm(root, { recursive: true, force: true })
}
console.log(
  `\nLoad average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
)
if (problems.length) {
  console.error(`\nOver budget or below target:\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(
  `\nEvery page and island within budget; ${args.includes('--no-lighthouse') ? 'Lighthouse not run' : 'Lighthouse targets met'}.`,
)
