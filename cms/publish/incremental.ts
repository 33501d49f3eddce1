import { existsSync } from 'node:fs'
import { copyFile, link, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { PUBLIC_COLLECTIONS, type PublicCollection } from '../../content-models/constants'
import { referencedSlugs } from './links'
import { listFiles } from './checkBuild'
import { OFFLINE_FILES } from './offline'

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

type Entry = { id: string | number; slug: string } & Record<string, unknown>
type SnapshotEntries = Partial<Record<PublicCollection, Entry[]>>

/**
 * What the pages under each top-level folder of the site (`''` for the home page) read from the
 * snapshot besides their own entry. `lists`: the folder's index, facet and feed pages show these
 * collections, so a change to one renders them again. `everyPage`: every detail page there shows
 * these collections whole (the join form lists every network and coming training session), so a
 * change renders all of them again. `linkedFrom`: detail pages there list the entries of these
 * collections that link to their own entry (a topic page lists its guides): the plan's links
 * between entries render them. A folder not listed here is rendered by every build.
 * tests/unit/rebuildPlan.test.ts checks what each page reads against this list.
 */
export const ROUTE_READS: Record<
  string,
  {
    lists: readonly PublicCollection[]
    everyPage?: readonly PublicCollection[]
    linkedFrom?: readonly PublicCollection[]
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
  topics: { lists: ['topics', 'guides', 'templates'], linkedFrom: ['guides', 'templates'] },
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
      remove: Partial<Record<PublicCollection, string[]>>
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

const readJson = async (file: string): Promise<unknown> =>
  existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : null

/** Reads the collections of a snapshot folder. */
export const readEntries = async (dir: string): Promise<SnapshotEntries> => {
  const out: SnapshotEntries = {}
  for (const c of PUBLIC_COLLECTIONS)
    out[c] = ((await readJson(path.join(dir, `${c}.json`))) as Entry[] | null) ?? []
  return out
}

/**
 * Plans an incremental build from the snapshot of the live build to a new one: the changed,
 * added and removed entries, plus every entry that links to one of them or that one of them
 * links to (a guide's topic page lists it; a related guide shows its title).
 */
export const planIncremental = (
  before: SnapshotEntries,
  after: SnapshotEntries,
  settingsChanged: boolean,
): IncrementalPlan => {
  if (settingsChanged) return { full: true, reason: 'site settings changed' }
  const render: Partial<Record<PublicCollection, Set<string>>> = {}
  const remove: Partial<Record<PublicCollection, string[]>> = {}
  // Slugs of changed entries (old and new), and slugs those entries link to (before and after).
  const touched = new Set<string>()
  const linked = new Set<string>()
  const changedCollections = new Set<PublicCollection>()
  let changed = 0
  let total = 0
  for (const c of PUBLIC_COLLECTIONS) {
    const old = new Map((before[c] ?? []).map((e) => [String(e.id), e]))
    const now = new Map((after[c] ?? []).map((e) => [String(e.id), e]))
    total += now.size
    const mark = (e: Entry) => {
      ;(render[c] ??= new Set()).add(e.slug)
      touched.add(e.slug)
      for (const s of referencedSlugs(e)) linked.add(s)
    }
    for (const [id, e] of now) {
      const prev = old.get(id)
      if (prev && JSON.stringify(prev) === JSON.stringify(e)) continue
      if (FULL_BUILD_COLLECTIONS.includes(c)) return { full: true, reason: `${c} changed` }
      changed++
      changedCollections.add(c)
      mark(e)
      if (prev) {
        for (const s of referencedSlugs(prev)) linked.add(s)
        if (prev.slug !== e.slug) (remove[c] ??= []).push(prev.slug)
        touched.add(prev.slug)
      }
    }
    for (const [id, prev] of old) {
      if (now.has(id)) continue
      if (FULL_BUILD_COLLECTIONS.includes(c)) return { full: true, reason: `${c} changed` }
      changed++
      changedCollections.add(c)
      ;(remove[c] ??= []).push(prev.slug)
      touched.add(prev.slug)
      for (const s of referencedSlugs(prev)) linked.add(s)
    }
  }
  // Entries that link to a changed one, or that a changed one links to.
  for (const c of PUBLIC_COLLECTIONS) {
    for (const e of after[c] ?? []) {
      if (linked.has(e.slug) || [...referencedSlugs(e)].some((s) => touched.has(s)))
        (render[c] ??= new Set()).add(e.slug)
    }
  }
  const rendered = Object.values(render).reduce((n, s) => n + (s?.size ?? 0), 0)
  if (total >= 50 && rendered / total > MAX_CHANGED_SHARE)
    return { full: true, reason: `${rendered} of ${total} entries to render` }
  return {
    full: false,
    render: Object.fromEntries(Object.entries(render).map(([c, s]) => [c, [...s!].sort()])),
    folders: planFolders(changedCollections),
    remove,
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

/**
 * Whether a file of the live build is made afresh by a new build after its pages render: share
 * images, the library manifest and service worker (and their compressed copies), and the scripts
 * and styles (the renderer copies the current ones; the offline step keeps older ones or not).
 */
export const remadeAfterRender = (file: string): boolean =>
  file.startsWith('share/') || file.startsWith('assets/') || offlineFiles.has(file.replace(/\.(br|gz)$/, ''))

/**
 * Completes an incremental build in `dir`: carries over every file of the previous build that was
 * not rebuilt (hard links: builds are never changed once made), except the pages of removed
 * entries and what the offline step makes afresh (share images, the library manifest, the service
 * worker, the assets of older builds it keeps). The renderer has already written a sitemap of every page.
 */
export const carryOver = async (
  previous: string,
  dir: string,
  remove: Partial<Record<PublicCollection, string[]>>,
): Promise<number> => {
  const dropped = Object.entries(remove).flatMap(([c, slugs]) =>
    (slugs ?? []).map((s) => `${ROUTE_DIRS[c as PublicCollection]}/${s}/`),
  )
  const isDropped = (file: string) => dropped.some((d) => file.startsWith(d))
  const have = new Set(await listFiles(dir))
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
