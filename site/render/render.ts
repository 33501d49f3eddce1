/**
 * Renders the public site's pages from the snapshot in SNAPSHOT_DIR, with a bundle of the pages
 * built once by `astro build` and our adapter (adapter.ts). Run by cms/publish/renderBundle.ts in a
 * child process:
 *
 *   node --import tsx site/render/render.ts <bundleDir> <outDir> [renderOnlyFile]
 *
 * Every route Astro knows is rendered, as `astro build` would (the files are byte for byte the
 * same: tests/int/renderContract.int.test.ts), unless renderOnlyFile limits them to the pages
 * whose data changed (see RenderOnly in pages.ts): an incremental build carries the other pages
 * over from the live build. The sitemap lists every page either way (sitemap.ts). The search
 * index's files are rendered by a worker thread at the same time as the other pages.
 * Prints one line of JSON with timings and counts on success.
 */
import type { RouteData } from 'astro'
import type { App } from 'astro/app'
import { copyFile, link, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import type { RenderApp, RenderEntry } from './entry'
import {
  fileOf,
  inSearchPart,
  keeps,
  listRoute,
  mayRender,
  pageRoutes,
  type Page,
  type RenderOnly,
  type RouteList,
} from './pages'
import { SEARCH_CACHE_FILE, SEARCH_CACHE_TO } from '../src/lib/search/termCache'
import { SEARCH_MANIFEST_FILE, unchangedSearchFiles } from './searchKept'
import { writeSitemap } from './sitemap'

/** Pages rendered at once: rendering is CPU work, so a few overlap only the file writes. */
const CONCURRENCY = 8

/** What one part of the site (the search index's routes, or every other) is asked to render. */
type PartJob = { bundleDir: string; outDir: string; renderOnly: RenderOnly | undefined; search: boolean }

/** What rendering a part did: milliseconds per step and counts. */
type PartTimings = { load: number; list: number; render: number }

/**
 * What a part keeps of its pages once they are written: their addresses per route (ROUTES_FILE),
 * their files, and the addresses of its pages (not endpoints) for the sitemap. Strings only: a
 * page's data is let go as soon as its route is rendered.
 */
type PartReport = {
  site: string
  pages: number
  rendered: number
  timings: PartTimings
  routes: RouteList
  files: string[]
  sitemap: string[]
}

/** Where the build lists every page per route (cms/publish/incremental.ts's ROUTES_FILE). */
const ROUTES_FILE = '.routes.json'

/**
 * What ROUTES_FILE holds: every page's address per route (for the next incremental build's
 * listing) and every page's file (so it carries over no file of a page the site no longer has).
 */
type RoutesFile = { routes: RouteList; files: string[] }

/** The live build's page list, for the routes an incremental build renders nothing of; none without one. */
const previousRoutes = async (renderOnly: RenderOnly | undefined): Promise<RouteList> => {
  if (!renderOnly?.previousRoutes) return {}
  try {
    return (JSON.parse(await readFile(renderOnly.previousRoutes, 'utf8')) as RoutesFile).routes ?? {}
  } catch {
    return {} // a live build made before the list was kept: every route is listed
  }
}

/** Loads the bundle and makes the Astro app that renders every route as prerendered. */
const loadApp = async (bundleDir: string): Promise<RenderApp> => {
  const entry = pathToFileURL(path.join(bundleDir, 'server/entry.mjs')).href
  // The entry Astro built from entry.ts: its exports are that file's (RenderEntry).
  const { createApp } = (await import(entry)) as RenderEntry
  return createApp()
}

/**
 * Whether a file is already in the live build with these very bytes (so it need not be written):
 * the search index's files, which an incremental build renders all of, since any may have changed.
 */
type SameAsLive = (file: string, bytes: Buffer) => Promise<boolean>

/** A SameAsLive that reads the file from the live build folder `previousBuild`. */
const sameIn =
  (previousBuild: string): SameAsLive =>
  async (file, bytes) =>
    bytes.equals(await readFile(path.join(previousBuild, file)).catch(() => Buffer.alloc(0))) &&
    bytes.length > 0

/**
 * Renders one page through Astro and writes it, unless `same` finds it unchanged in the live build;
 * returns whether it wrote it. A page that fails stops the build, naming it.
 */
const renderPage = async (
  app: App,
  site: string,
  outDir: string,
  page: Page,
  same?: SameAsLive,
): Promise<boolean> => {
  const url = page.pathname
  const res = await app.render(new Request(new URL(url, site)), { routeData: page.routeData })
  const expected = page.routeData.route === '/404' ? 404 : 200
  if (res.status !== expected)
    throw new Error(`Rendering ${url} failed with HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`)
  const bytes = Buffer.from(await res.arrayBuffer())
  if (same && (await same(fileOf(page), bytes))) return false
  const file = path.join(outDir, fileOf(page))
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, bytes)
  return true
}

/**
 * Renders one route's pages: the first alone (so its getStaticPaths runs once), then the rest;
 * returns how many it wrote (`same` may find some unchanged in the live build).
 */
const renderRoute = async (
  app: App,
  site: string,
  outDir: string,
  pages: Page[],
  same?: SameAsLive,
): Promise<number> => {
  if (!pages.length) return 0
  let written = (await renderPage(app, site, outDir, pages[0]!, same)) ? 1 : 0
  let next = 1
  const worker = async () => {
    while (next < pages.length) if (await renderPage(app, site, outDir, pages[next++]!, same)) written++
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return written
}

/** Links (or copies) the bundle's client assets and public files into the build; returns how many. */
const copyClientFiles = async (clientDir: string, outDir: string): Promise<number> => {
  let n = 0
  for (const e of await readdir(clientDir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || /^sitemap-/.test(e.name)) continue
    const from = path.join(e.parentPath, e.name)
    const to = path.join(outDir, path.relative(clientDir, from))
    await mkdir(path.dirname(to), { recursive: true })
    await link(from, to).catch(() => copyFile(from, to))
    n++
  }
  return n
}

/**
 * Loads the bundle and renders the pages of one part of the site, a route at a time: each route's
 * pages are listed, rendered and written, then only their addresses are kept (see PartReport).
 */
const renderPart = async ({ bundleDir, outDir, renderOnly, search }: PartJob): Promise<PartReport> => {
  const started = performance.now()
  const { app, manifest, site } = await loadApp(bundleDir)
  const loaded = performance.now()
  const before = await previousRoutes(renderOnly)
  const renders = mayRender(renderOnly)
  const chosen = keeps(renderOnly)
  await mkdir(outDir, { recursive: true })
  // The search index's files that come out the same as the live build's are carried over, not written (pages.ts, RenderOnly).
  const previousBuild = search && !renderOnly?.paths ? renderOnly?.previousBuild : undefined
  const same = previousBuild ? sameIn(previousBuild) : undefined
  const report: PartReport = {
    site,
    pages: 0,
    rendered: 0,
    timings: { load: 0, list: 0, render: 0 },
    routes: {},
    files: [],
    sitemap: [],
  }
  let listing = 0
  // The search manifest first: files it gives the live build's generation are the live build's bytes (searchKept.ts).
  const routes = pageRoutes(manifest, (r) => inSearchPart(r) === search)
  const isManifest = (r: RouteData) => r.route === `/${SEARCH_MANIFEST_FILE}`
  let unchanged = new Set<string>()
  for (const routeData of [...routes.filter(isManifest), ...routes.filter((r) => !isManifest(r))]) {
    const listStarted = performance.now()
    const pages = await listRoute(
      manifest,
      routeData,
      renders(routeData) ? undefined : before[routeData.route],
    )
    listing += performance.now() - listStarted
    const toRender = pages.filter((p) => chosen(p) && !unchanged.has(fileOf(p)))
    report.rendered += await renderRoute(app, site, outDir, toRender, same)
    report.pages += pages.length
    if (pages.length) report.routes[routeData.route] = pages.map((p) => p.pathname)
    for (const p of pages) report.files.push(fileOf(p))
    if (routeData.type === 'page') for (const p of pages) report.sitemap.push(p.pathname)
    // Only a manifest rendered here says which files are unchanged (written, or the same as the live one).
    if (previousBuild && isManifest(routeData) && toRender.length)
      unchanged = await unchangedSearchFiles(outDir, previousBuild)
  }
  const ms = (a: number) => Math.round(a)
  const total = performance.now() - loaded
  report.timings = { load: ms(loaded - started), list: ms(listing), render: ms(total - listing) }
  return report
}

/**
 * The worker's first code: it runs this file again, taking the branch at its end. Node 20 does not
 * give worker threads the parent's `--import tsx` loader, so the worker registers tsx's first.
 */
const workerStart = (): string =>
  `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
  `.then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}) })`

/**
 * Renders the search index's part in a worker thread (same process: one kill stops both). The
 * index keeps its analyses in the build folder for the next build (SEARCH_CACHE_FILE, private).
 */
const renderSearchPartInWorker = (job: PartJob): Promise<PartReport> =>
  new Promise((resolve, reject) => {
    const env = { ...process.env, [SEARCH_CACHE_TO]: path.join(job.outDir, SEARCH_CACHE_FILE) }
    const worker = new Worker(workerStart(), { eval: true, workerData: job, env })
    worker.once('message', (report: PartReport) => resolve(report))
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`The search index renderer stopped (exit code ${code}).`)))
  })

/** Reads the arguments, renders both parts at once, then the client files and the sitemap. */
const main = async () => {
  const [bundleDir, outDir, renderOnlyFile] = process.argv.slice(2)
  if (!bundleDir || !outDir)
    throw new Error('Usage: node --import tsx site/render/render.ts <bundleDir> <outDir> [renderOnlyFile]')
  const renderOnly = renderOnlyFile
    ? (JSON.parse(await readFile(renderOnlyFile, 'utf8')) as RenderOnly)
    : undefined
  const job = { bundleDir, outDir, renderOnly }
  const searchPart = renderSearchPartInWorker({ ...job, search: true })
  searchPart.catch(() => {}) // awaited below; a failure there is reported once, from there
  const rest = await renderPart({ ...job, search: false })
  const search = await searchPart
  const finishing = performance.now()
  const assets = await copyClientFiles(path.join(bundleDir, 'client'), outDir)
  await writeSitemap(rest.site, outDir, rest.sitemap)
  const routes: RoutesFile = {
    routes: { ...rest.routes, ...search.routes },
    files: [...rest.files, ...search.files].sort(),
  }
  await writeFile(path.join(outDir, ROUTES_FILE), JSON.stringify(routes))
  console.log(
    JSON.stringify({
      pages: rest.pages + search.pages,
      rendered: rest.rendered + search.rendered,
      searchFiles: { written: search.rendered, all: search.pages },
      assets,
      timings: {
        ...rest.timings,
        searchIndex: search.timings.load + search.timings.list + search.timings.render,
        finish: Math.round(performance.now() - finishing),
      },
    }),
  )
}

if (!isMainThread) {
  // Sent by renderSearchPartInWorker above.
  parentPort?.postMessage(await renderPart(workerData as PartJob))
  parentPort?.close()
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
