/**
 * The pages of a render (site/render/render.ts): every route Astro knows, once per entry of its
 * getStaticPaths, as `astro build` lists them; which of them an incremental build renders; and the
 * file each is written to.
 */
import type { GetStaticPaths, GetStaticPathsItem, RouteData, SSRManifest } from 'astro'
import path from 'node:path'
import { PAGINATED_ROUTES } from '../../content-models/lists'

/** One page (or endpoint: a feed, a calendar, a download) of the site, ready to render. */
export type Page = {
  routeData: RouteData
  params: GetStaticPathsItem['params']
  pathname: string
  /** Taken from the live build's list, unrendered (its params are not known). */
  reused?: boolean
}

/** Every page's address per route, as the build's ROUTES_FILE keeps them. */
export type RouteList = Record<string, string[]>

/**
 * What an incremental build renders, read from the JSON file cms/publish/renderBundle.ts writes
 * (from the plan of cms/publish/incremental.ts; the site may not import the CMS, so the shape is
 * repeated here): which collection each folder's `[slug]` pages show, the slugs to render per
 * collection, and per folder whether all its pages, only its lists, or none render.
 */
export type RenderOnly = {
  routes: Record<string, string>
  slugs: Record<string, string[]>
  folders: Record<string, 'all' | 'lists' | 'none'>
  /** Pages of the long lists (content-models/lists.ts) to render: those whose items changed. */
  pages?: string[]
  /** The live build's list of every page per route (ROUTES_FILE): a route with nothing to render is not listed again. */
  previousRoutes?: string
  /**
   * The live build's folder: a search index file whose bytes are the same there is not written,
   * so the build carries the live one over (with its compressed copies) and says how many it wrote.
   */
  previousBuild?: string
  /** Only these addresses, whatever the rest says (the preview of a draft renders its one page). */
  paths?: string[]
}

/**
 * A page's module as the bundle's page map loads it (Astro's ComponentInstance, which it does not
 * export): derived from the public SSRManifest type, so it follows Astro's own.
 */
type PageImport = NonNullable<ReturnType<NonNullable<SSRManifest['pageMap']>['get']>>
type PageModule = Awaited<ReturnType<Awaited<ReturnType<PageImport>>['page']>>

/** Loads a route's page module from the bundle, naming the route when the bundle lacks it. */
const loadPageModule = async (manifest: SSRManifest, routeData: RouteData): Promise<PageModule> => {
  const load = manifest.pageMap?.get(routeData.component)
  if (!load)
    throw new Error(
      `The render bundle has no page for ${routeData.route} (${routeData.component}): delete node_modules/.cache/site-bundles and build again.`,
    )
  return (await load()).page()
}

/** Pages are served at folder addresses (trailingSlash: 'always'); endpoints keep Astro's form. */
const pageOf = (routeData: RouteData, params: Page['params'], pathname: string): Page => ({
  routeData,
  params,
  pathname: routeData.type === 'page' && !pathname.endsWith('/') ? `${pathname}/` : pathname,
})

/**
 * The routes of the site's pages and endpoints that `wanted` accepts, in the manifest's order (as
 * Astro's static build lists them).
 */
export const pageRoutes = (
  manifest: SSRManifest,
  wanted: (routeData: RouteData) => boolean = () => true,
): RouteData[] =>
  manifest.routes
    .map(({ routeData }) => routeData)
    .filter(
      (routeData) =>
        routeData.origin !== 'internal' &&
        (routeData.type === 'page' || routeData.type === 'endpoint') &&
        wanted(routeData),
    )

/**
 * The pages of one route: a static route's one page, a dynamic one's once per entry of its
 * getStaticPaths (given each page's params, as Astro's static build does), or the addresses
 * `reused` from the live build's list (unrendered; getStaticPaths is not even called).
 */
export const listRoute = async (
  manifest: SSRManifest,
  routeData: RouteData,
  reused?: string[],
): Promise<Page[]> => {
  if (reused) return reused.map((pathname) => ({ routeData, params: {}, pathname, reused: true }))
  if (!routeData.params.length) return [pageOf(routeData, {}, routeData.pathname ?? routeData.generate({}))]
  // A page may declare getStaticPaths async: Astro's public type says so, its internal one not.
  const getStaticPaths: GetStaticPaths | undefined = (await loadPageModule(manifest, routeData))
    .getStaticPaths
  if (!getStaticPaths)
    throw new Error(`${routeData.component} has parameters but no getStaticPaths: every page is static.`)
  const paths = await getStaticPaths({ paginate: () => [], routePattern: routeData.route })
  return paths.map(({ params }) => pageOf(routeData, params, routeData.generate(params)))
}

const paginated = new Set(PAGINATED_ROUTES)

/**
 * Whether a page renders in this build: every page, unless an incremental build says which. Then
 * a page of a long list renders when the plan names it (or, for a topic's first page, names its
 * topic); a detail page (`/guides/[slug]`, `/training/[slug]/session.ics`…) when its slug is
 * listed or its folder is 'all'; any other page unless its folder is 'none' (nothing it shows
 * changed). A folder the plan does not name always renders.
 */
export const keeps = (renderOnly: RenderOnly | undefined): ((page: Page) => boolean) => {
  if (!renderOnly) return () => true
  if (renderOnly.paths) {
    const only = new Set(renderOnly.paths)
    return ({ pathname }) => only.has(pathname)
  }
  const slugs = new Map(Object.entries(renderOnly.slugs).map(([c, list]) => [c, new Set(list)]))
  const listPagesToRender = new Set(renderOnly.pages ?? [])
  return ({ routeData, params, pathname, reused }) => {
    if (reused) return false
    const folder = routeData.route.split('/')[1] ?? ''
    const how = renderOnly.folders[folder]
    const collection = /^\/[^/]+\/\[slug\]/.test(routeData.route) ? renderOnly.routes[folder] : undefined
    const slugListed = collection !== undefined && (slugs.get(collection)?.has(String(params.slug)) ?? false)
    if (paginated.has(routeData.route))
      return (
        how === 'all' ||
        listPagesToRender.has(pathname) ||
        (!routeData.route.endsWith('[page]') && slugListed)
      )
    if (collection) return how === 'all' || slugListed
    return how !== 'none'
  }
}

/**
 * Whether an incremental build may render any page of a route: if not, its pages are taken from
 * the live build's list instead of being listed again (their folder shows nothing that changed).
 */
export const mayRender = (renderOnly: RenderOnly | undefined): ((routeData: RouteData) => boolean) => {
  if (!renderOnly || renderOnly.paths) return () => true
  return (routeData) => {
    const folder = routeData.route.split('/')[1] ?? ''
    const how = renderOnly.folders[folder]
    const collection = /^\/[^/]+\/\[slug\]/.test(routeData.route) ? renderOnly.routes[folder] : undefined
    return how !== 'none' || (collection !== undefined && (renderOnly.slugs[collection]?.length ?? 0) > 0)
  }
}

/** The file a page is written to: guides/pay/index.html, 404.html, rss.xml… */
export const fileOf = ({ routeData, pathname }: Pick<Page, 'routeData' | 'pathname'>): string => {
  const p = pathname.replace(/^\//, '')
  if (routeData.type !== 'page') return p.replace(/\/$/, '')
  if (routeData.route === '/404') return '404.html'
  return path.posix.join(p, 'index.html')
}

/**
 * The search index's routes: building the index is the slowest single step, and only they need
 * it, so a worker thread renders them while the main thread renders every other page.
 */
export const inSearchPart = (routeData: RouteData): boolean => routeData.route.startsWith('/search-index/')
