// Renders the public site's pages from the snapshot in SNAPSHOT_DIR, with a bundle of the pages
// built once by `astro build` and our adapter (adapter.mjs). Run by buildSite.ts in a child process:
//
//   node render.mjs <bundleDir> <outDir> [renderOnlyFile]
//
// Every route Astro knows is rendered, as `astro build` would (the HTML is byte for byte the same),
// unless renderOnlyFile limits them to the pages whose data changed (JSON: `{ routes: { <folder>:
// <collection> }, slugs: { <collection>: [slug…] }, folders: { <folder>: 'all'|'lists'|'none' } }`,
// from cms/publish/incremental.ts): an incremental build carries the other pages over from the live build.
// The sitemap lists every page either way, written by the official @astrojs/sitemap integration.
// The search index's files are rendered by a worker thread at the same time as the other pages.
// Prints one line of JSON with timings and counts on success.
import sitemap from '@astrojs/sitemap'
import { link, copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { sitemapOptions } from '../sitemap.options.mjs'

/** Pages rendered at once: rendering is CPU work, so a few overlap only the file writes. */
const CONCURRENCY = 8

/** Loads the bundle and makes the Astro app that renders every route as prerendered. */
const loadApp = async (bundleDir) => {
  const { createApp } = await import(pathToFileURL(path.join(bundleDir, 'server/entry.mjs')).href)
  return createApp()
}

/**
 * Every page and endpoint of the site: static routes once, dynamic ones once per entry of their
 * getStaticPaths (given each page's params, as Astro's static build does). Only routes `wanted`
 * accepts are listed (their getStaticPaths is not even called otherwise).
 */
const listPages = async (manifest, wanted = () => true) => {
  const pages = []
  // Pages are served at folder addresses (trailingSlash: 'always'); endpoints keep Astro's form.
  const add = (routeData, params, pathname) =>
    pages.push({
      routeData,
      params,
      pathname: routeData.type === 'page' && !pathname.endsWith('/') ? `${pathname}/` : pathname,
    })
  for (const { routeData } of manifest.routes) {
    if (
      routeData.origin === 'internal' ||
      (routeData.type !== 'page' && routeData.type !== 'endpoint') ||
      !wanted(routeData)
    )
      continue
    if (!routeData.params.length) {
      add(routeData, {}, routeData.pathname ?? routeData.generate({}))
      continue
    }
    const mod = await (await manifest.pageMap.get(routeData.component)()).page()
    for (const { params } of await mod.getStaticPaths({
      paginate: () => [],
      routePattern: routeData.route,
    })) {
      add(routeData, params, routeData.generate(params))
    }
  }
  return pages
}

/**
 * Whether a page renders in this build: every page, unless an incremental build says which. Then
 * a detail page (`/guides/[slug]`, `/training/[slug]/session.ics`…) renders when its slug is
 * listed or its folder is 'all'; any other page unless its folder is 'none' (nothing it shows
 * changed). A folder the plan does not name always renders.
 */
const keeps = (renderOnly) => {
  if (!renderOnly) return () => true
  const slugs = Object.fromEntries(Object.entries(renderOnly.slugs).map(([c, list]) => [c, new Set(list)]))
  return ({ routeData, params }) => {
    const folder = routeData.route.split('/')[1] ?? ''
    const how = renderOnly.folders[folder]
    const collection = /^\/[^/]+\/\[slug\]/.test(routeData.route) ? renderOnly.routes[folder] : undefined
    if (collection) return how === 'all' || (slugs[collection]?.has(String(params.slug)) ?? false)
    return how !== 'none'
  }
}

/** The file a page is written to: guides/pay/index.html, 404.html, rss.xml… */
export const fileOf = ({ routeData, pathname }) => {
  const p = pathname.replace(/^\//, '')
  if (routeData.type !== 'page') return p.replace(/\/$/, '')
  if (routeData.route === '/404') return '404.html'
  return path.posix.join(p, 'index.html')
}

/** Renders one page through Astro and writes it; a page that fails stops the build, naming it. */
const renderPage = async (app, site, outDir, page) => {
  const url = page.pathname
  const res = await app.render(new Request(new URL(url, site)), { routeData: page.routeData })
  const expected = page.routeData.route === '/404' ? 404 : 200
  if (res.status !== expected)
    throw new Error(`Rendering ${url} failed with HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`)
  const file = path.join(outDir, fileOf(page))
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, Buffer.from(await res.arrayBuffer()))
}

/** Renders the pages, the first of each route alone (so its getStaticPaths runs once), then the rest. */
const renderAll = async (app, site, outDir, pages) => {
  const seen = new Set()
  const firsts = []
  const rest = []
  for (const p of pages) {
    if (seen.has(p.routeData)) rest.push(p)
    else {
      seen.add(p.routeData)
      firsts.push(p)
    }
  }
  for (const p of firsts) await renderPage(app, site, outDir, p)
  let next = 0
  const worker = async () => {
    while (next < rest.length) await renderPage(app, site, outDir, rest[next++])
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
}

/** Links (or copies) the bundle's client assets and public files into the build. */
const copyClientFiles = async (clientDir, outDir) => {
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

/** Writes sitemap-index.xml and sitemap-0.xml for every page, with the official integration. */
const writeSitemap = async (site, outDir, pages) => {
  const integration = sitemap(sitemapOptions)
  const quiet = { info() {}, warn: (m) => console.warn(m), error: (m) => console.error(m) }
  integration.hooks['astro:routes:resolved']({ routes: [] })
  await integration.hooks['astro:config:done']({
    config: { site, base: '/', trailingSlash: 'always', build: { format: 'directory' } },
  })
  await integration.hooks['astro:build:done']({
    dir: pathToFileURL(`${outDir}/`),
    pages: pages
      .filter((p) => p.routeData.type === 'page')
      .map((p) => ({ pathname: p.pathname.replace(/^\//, '') })),
    logger: quiet,
  })
}

/**
 * The search index's routes: building the index is the slowest single step, and only they need
 * it, so a worker thread renders them while the main thread renders every other page.
 */
const inSearchPart = (routeData) => routeData.route.startsWith('/search-index/')

/** Loads the bundle and renders the pages of one part of the site; returns every page of that part. */
const renderPart = async ({ bundleDir, outDir, renderOnly, search }) => {
  const started = performance.now()
  const { app, manifest, site } = await loadApp(bundleDir)
  const loaded = performance.now()
  const pages = await listPages(manifest, (routeData) => inSearchPart(routeData) === search)
  const chosen = pages.filter(keeps(renderOnly))
  const listed = performance.now()
  await mkdir(outDir, { recursive: true })
  await renderAll(app, site, outDir, chosen)
  const ms = (a, b) => Math.round(b - a)
  return {
    site,
    pages,
    rendered: chosen.length,
    timings: { load: ms(started, loaded), list: ms(loaded, listed), render: ms(listed, performance.now()) },
  }
}

/** Renders the search index's part in a worker thread (same process: one kill stops both). */
const renderSearchPartInWorker = (job) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job })
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`The search index renderer stopped (exit code ${code}).`)))
  })

const main = async () => {
  const [bundleDir, outDir, renderOnlyFile] = process.argv.slice(2)
  const renderOnly = renderOnlyFile ? JSON.parse(await readFile(renderOnlyFile, 'utf8')) : undefined
  const job = { bundleDir, outDir, renderOnly }
  const searchPart = renderSearchPartInWorker({ ...job, search: true })
  searchPart.catch(() => {}) // awaited below; a failure there is reported once, from there
  const rest = await renderPart({ ...job, search: false })
  const search = await searchPart
  const finishing = performance.now()
  const assets = await copyClientFiles(path.join(bundleDir, 'client'), outDir)
  await writeSitemap(rest.site, outDir, rest.pages)
  console.log(
    JSON.stringify({
      pages: rest.pages.length + search.pages,
      rendered: rest.rendered + search.rendered,
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
  const part = await renderPart(workerData)
  parentPort.postMessage({ pages: part.pages.length, rendered: part.rendered, timings: part.timings })
  parentPort.close()
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
