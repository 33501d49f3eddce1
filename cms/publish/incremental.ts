import { existsSync } from 'node:fs'
import { copyFile, link, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { PUBLIC_COLLECTIONS, type PublicCollection } from '../../content-models/constants'
import { changedListPages, paginatedLists, type ListItem } from '../../content-models/lists'
import { referencedSlugs } from './links'
import { sameEntry, type PlanEntries, type PlanEntry } from './planEntries'
import { listFiles } from './checkBuild'
import { OFFLINE_FILES } from './offline'

/**
 * The file in a build listing every page (site/render/render.ts writes it): addresses per route,
 * for the next incremental build's listing, and page files, for its carry-over.
 */
export const ROUTES_FILE = '.routes.json'

/** The folder of the public site each collection's pages live under. */
export const ROUTE_DIRS: Record<PublicCollection, string> = {
  topics: 'topics',
  guides: 'guides',
  templates: 'templates',
  'training-sessions': 'training',
  unions: 'unions',
  networks: 'networks',
  petitions: 'petitions',
}

/** Collections whose change re-renders every page (they appear in the frame of many pages). */
const FULL_BUILD_COLLECTIONS: readonly PublicCollection[] = ['topics']

/** Above this share of entries to render (on a site of 50 or more), an incremental build saves little: build everything. */
const MAX_CHANGED_SHARE = 0.4

type Entry = PlanEntry
type SnapshotEntries = PlanEntries

/**
 * What the pages under each top-level folder of the site (`''` for the home page) read from the
 * snapshot besides their own entry. `lists`: the folder's index, facet and feed pages show these
 * collections, so a change to one renders them again. `everyPage`: every detail page there shows
 * these collections whole (the join form lists every network and coming training session), so a
 * change renders all of them again. `linkedFrom`: detail pages there list the entries of these
 * collections that link to their own entry (a topic page lists its guides): the plan's links
 * between entries render them. A folder not listed here is rendered by every build. The long lists
 * (every guide, a topic's guides) are cut into pages: only the pages whose items changed render.
 * tests/unit/rebuildPlan.test.ts checks what each page reads against this list.
 */
export const ROUTE_READS: Record<
  string,
  {
    lists: readonly PublicCollection[]
    everyPage?: readonly PublicCollection[]
    linkedFrom?: readonly PublicCollection[]
    /** Detail pages there list entries of these collections in pages (content-models/lists.ts): the plan names the pages that changed. */
    paginated?: readonly PublicCollection[]
  }
> = {
  '': { lists: ['topics', 'guides', 'networks', 'training-sessions'] },
  '404': { lists: ['topics'] },
  privacy: { lists: [] },
  offline: { lists: [] },
  icons: { lists: [] },
  join: { lists: ['networks', 'training-sessions'] },
  search: { lists: ['topics', 'guides'] },
  'search-index': { lists: ['topics', 'guides', 'templates', 'training-sessions', 'unions', 'networks'] },
  'rss.xml': { lists: ['guides'] },
  guides: { lists: ['guides'] },
  topics: { lists: ['topics', 'guides', 'templates'], linkedFrom: ['templates'], paginated: ['guides'] },
  templates: { lists: ['templates'] },
  training: { lists: ['training-sessions', 'networks'], everyPage: ['training-sessions', 'networks'] },
  networks: { lists: ['networks', 'training-sessions'], everyPage: ['networks', 'training-sessions'] },
  unions: { lists: ['unions', 'networks'], linkedFrom: ['networks'] },
  petitions: { lists: ['petitions'] },
}

/** How much of a folder an incremental build renders: every page, its lists only, or nothing new. */
export type FolderPlan = 'all' | 'lists' | 'none'

/** What an incremental build renders (slugs per collection, and per folder) and which old pages it drops. */
export type IncrementalPlan =
  | { full: true; reason: string }
  | {
      full: false
      render: Partial<Record<PublicCollection, string[]>>
      folders: Record<string, FolderPlan>
      /** Addresses of list pages whose items changed (or are new): /guides/page/3/, /topics/pay/. */
      pages: string[]
      remove: Partial<Record<PublicCollection, string[]>>
      /** Addresses of list pages the new snapshot no longer has (the list got shorter). */
      gonePages: string[]
      changed: number
    }

/** Which folders render what, given the collections that changed. */
export const planFolders = (changed: ReadonlySet<PublicCollection>): Record<string, FolderPlan> =>
  Object.fromEntries(
    Object.entries(ROUTE_READS).map(([folder, reads]) => [
      folder,
      reads.everyPage?.some((c) => changed.has(c))
        ? 'all'
        : reads.lists.some((c) => changed.has(c))
          ? 'lists'
          : 'none',
    ]),
  )

/** The paginated lists of a snapshot's entries (see content-models/lists.ts). */
const listsOf = (entries: SnapshotEntries) =>
  // eslint-disable-next-line no-restricted-syntax -- snapshot guides have a title and summary (SnapshotGuide); the planner reads them untyped
  paginatedLists((entries.guides ?? []) as unknown as ListItem[], entries.topics ?? [])

/**
 * Whether an entry of `collection` lists the entries of `linker` that link to it (a union page
 * lists its networks), so a changed `linker` entry linking to it renders it again.
 */
const listsLinksFrom = (collection: PublicCollection, linkers: ReadonlySet<PublicCollection> | undefined) =>
  [...(linkers ?? [])].some((l) => ROUTE_READS[ROUTE_DIRS[collection]]?.linkedFrom?.includes(l))

/**
 * Plans an incremental build from the snapshot of the live build to a new one: the changed,
 * added and removed entries, every entry that shows one of them (a related guide shows its
 * title), every entry whose page lists the entries linking to it (`linkedFrom`), and the pages of
 * the long lists whose items changed.
 */
export const planIncremental = (
  before: SnapshotEntries,
  after: SnapshotEntries,
  settingsChanged: boolean,
): IncrementalPlan => {
  if (settingsChanged) return { full: true, reason: 'site settings changed' }
  const render: Partial<Record<PublicCollection, Set<string>>> = {}
  const remove: Partial<Record<PublicCollection, string[]>> = {}
  // Slugs of changed entries (old and new), and slugs those entries link to (with the linking collections).
  const touched = new Set<string>()
  const linked = new Map<string, Set<PublicCollection>>()
  const changedCollections = new Set<PublicCollection>()
  let changed = 0
  let total = 0
  for (const c of PUBLIC_COLLECTIONS) {
    const old = new Map((before[c] ?? []).map((e) => [String(e.id), e]))
    const now = new Map((after[c] ?? []).map((e) => [String(e.id), e]))
    total += now.size
    const link = (e: Entry) => {
      touched.add(e.slug)
      for (const s of referencedSlugs(e)) (linked.get(s) ?? linked.set(s, new Set()).get(s)!).add(c)
    }
    for (const [id, e] of now) {
      const prev = old.get(id)
      if (prev && sameEntry(prev, e)) continue
      if (FULL_BUILD_COLLECTIONS.includes(c)) return { full: true, reason: `${c} changed` }
      changed++
      changedCollections.add(c)
      ;(render[c] ??= new Set()).add(e.slug)
      link(e)
      if (prev) link(prev)
      if (prev && prev.slug !== e.slug) (remove[c] ??= []).push(prev.slug)
    }
    for (const [id, prev] of old) {
      if (now.has(id)) continue
      if (FULL_BUILD_COLLECTIONS.includes(c)) return { full: true, reason: `${c} changed` }
      changed++
      changedCollections.add(c)
      ;(remove[c] ??= []).push(prev.slug)
      link(prev)
    }
  }
  // Entries that show a changed one, or whose page lists the changed entries that link to it.
  for (const c of PUBLIC_COLLECTIONS) {
    for (const e of after[c] ?? []) {
      if (listsLinksFrom(c, linked.get(e.slug)) || [...referencedSlugs(e)].some((s) => touched.has(s)))
        (render[c] ??= new Set()).add(e.slug)
    }
  }
  const rendered = Object.values(render).reduce((n, s) => n + (s?.size ?? 0), 0)
  if (total >= 50 && rendered / total > MAX_CHANGED_SHARE)
    return { full: true, reason: `${rendered} of ${total} entries to render` }
  const lists = changedCollections.has('guides')
    ? changedListPages(listsOf(before), listsOf(after))
    : { render: [], gone: [] }
  return {
    full: false,
    render: Object.fromEntries(Object.entries(render).map(([c, s]) => [c, [...s!].sort()])),
    folders: planFolders(changedCollections),
    pages: lists.render,
    remove,
    gonePages: lists.gone,
    changed,
  }
}

/** Runs `fn` over `items`, `limit` at a time. */
const inParallel = async <T>(
  items: readonly T[],
  fn: (item: T) => Promise<unknown>,
  limit = 32,
): Promise<void> => {
  let next = 0
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

const offlineFiles = new Set(OFFLINE_FILES)

/** A later page of a long list: guides/page/2/index.html, topics/pay/page/3/index.html.gz. */
const LIST_PAGE_FILE = /^(guides|topics\/[^/]+)\/page\/\d+\/index\.html(\.br|\.gz)?$/

/**
 * Whether a file of the live build is made afresh by a new build after its pages render: share
 * images, the library manifest and service worker (and their compressed copies), and the scripts
 * and styles (the renderer copies the current ones; the offline step keeps older ones or not).
 */
export const remadeAfterRender = (file: string): boolean =>
  file.startsWith('share/') || file.startsWith('assets/') || offlineFiles.has(file.replace(/\.(br|gz)$/, ''))

const readJson = async (file: string): Promise<unknown> =>
  existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : null

/** The page files a build's route list names (ROUTES_FILE, written by site/render/render.ts), or null. */
const pageFiles = async (dir: string): Promise<string[] | null> =>
  ((await readJson(path.join(dir, ROUTES_FILE))) as { files?: string[] } | null)?.files ?? null

/**
 * Pages of the live build that the new build's route list no longer has (a search index shard
 * whose word is gone, a list page past the list's new end): never carried over.
 */
const stalePages = async (previous: string, dir: string): Promise<string[]> => {
  const [before, now] = [await pageFiles(previous), await pageFiles(dir)]
  if (!before || !now) return []
  const kept = new Set(now)
  return before.filter((f) => !kept.has(f))
}

/**
 * Completes an incremental build in `dir`: carries over every file of the previous build that was
 * not rebuilt (hard links: builds are never changed once made), except the pages of removed
 * entries, list pages the lists no longer reach (`gonePages`), any page the new build's route list
 * no longer names, and what the offline step makes
 * afresh (share images, the library manifest, the service worker, the assets of older builds it
 * keeps). The renderer has already written a sitemap of every page.
 */
export const carryOver = async (
  previous: string,
  dir: string,
  remove: Partial<Record<PublicCollection, string[]>>,
  gonePages: readonly string[] = [],
  /** The files already in `dir` (the rendered ones), when known. */
  rendered?: readonly string[],
): Promise<number> => {
  const dropped = Object.entries(remove).flatMap(([c, slugs]) =>
    (slugs ?? []).map((s) => `${ROUTE_DIRS[c as PublicCollection]}/${s}/`),
  )
  const gone = new Set(gonePages.map((p) => `${p.replace(/^\//, '')}index.html`))
  for (const f of await stalePages(previous, dir)) gone.add(f)
  // A removed guide called "page" takes its own page, not the pages of the guide list under guides/page/<n>/.
  const isDropped = (file: string) =>
    gone.has(file.replace(/\.(br|gz)$/, '')) ||
    dropped.some((d) => file.startsWith(d) && !LIST_PAGE_FILE.test(file))
  const have = new Set(rendered ?? (await listFiles(dir)))
  // A page rendered afresh takes none of the old page's compressed copies (precompress.ts writes new ones).
  const files = (await listFiles(previous)).filter(
    (f) =>
      !have.has(f) &&
      !have.has(f.replace(/\.(br|gz)$/, '')) &&
      !isDropped(f) &&
      !remadeAfterRender(f) &&
      !/^sitemap-.*\.xml$/.test(f) &&
      !f.startsWith('.'),
  )
  // Folders first (one per page), then the links, many at once: thousands of small file-system calls.
  const parents = [...new Set(files.map((f) => path.dirname(path.join(dir, f))))]
  await inParallel(parents, (p) => mkdir(p, { recursive: true }))
  await inParallel(files, (f) =>
    link(path.join(previous, f), path.join(dir, f)).catch(() =>
      copyFile(path.join(previous, f), path.join(dir, f)),
    ),
  )
  const carried = files.length
  return carried
}
