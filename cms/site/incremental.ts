import { existsSync } from 'node:fs'
import { link, mkdir, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises'
import path from 'node:path'
import { PUBLIC_COLLECTIONS, type PublicCollection } from '../../content-models/constants'
import { listFiles } from './checkBuild'

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

/** What an incremental build renders (slugs per collection) and which old pages it drops. */
export type IncrementalPlan =
  | { full: true; reason: string }
  | { full: false; render: Partial<Record<PublicCollection, string[]>>; remove: Partial<Record<PublicCollection, string[]>>; changed: number }

/** The slugs an entry links to: every nested object with a `slug` (topics, related guides, unions…). */
export const referencedSlugs = (value: unknown, depth = 0, out = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) for (const v of value) referencedSlugs(v, depth + 1, out)
  else if (value && typeof value === 'object') {
    if (depth > 0 && typeof (value as { slug?: unknown }).slug === 'string') out.add((value as { slug: string }).slug)
    for (const v of Object.values(value)) if (v && typeof v === 'object') referencedSlugs(v, depth + 1, out)
  }
  return out
}

const readJson = async (file: string): Promise<unknown> => (existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : null)

/** Reads the collections of a snapshot folder. */
export const readEntries = async (dir: string): Promise<SnapshotEntries> => {
  const out: SnapshotEntries = {}
  for (const c of PUBLIC_COLLECTIONS) out[c] = ((await readJson(path.join(dir, `${c}.json`))) as Entry[] | null) ?? []
  return out
}

/**
 * Plans an incremental build from the snapshot of the live build to a new one: the changed,
 * added and removed entries, plus every entry that links to one of them or that one of them
 * links to (a guide's topic page lists it; a related guide shows its title).
 */
export const planIncremental = (before: SnapshotEntries, after: SnapshotEntries, settingsChanged: boolean): IncrementalPlan => {
  if (settingsChanged) return { full: true, reason: 'site settings changed' }
  const render: Partial<Record<PublicCollection, Set<string>>> = {}
  const remove: Partial<Record<PublicCollection, string[]>> = {}
  // Slugs of changed entries (old and new), and slugs those entries link to (before and after).
  const touched = new Set<string>()
  const linked = new Set<string>()
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
      ;(remove[c] ??= []).push(prev.slug)
      touched.add(prev.slug)
      for (const s of referencedSlugs(prev)) linked.add(s)
    }
  }
  // Entries that link to a changed one, or that a changed one links to.
  for (const c of PUBLIC_COLLECTIONS) {
    for (const e of after[c] ?? []) {
      if (linked.has(e.slug) || [...referencedSlugs(e)].some((s) => touched.has(s))) (render[c] ??= new Set()).add(e.slug)
    }
  }
  const rendered = Object.values(render).reduce((n, s) => n + (s?.size ?? 0), 0)
  if (total >= 50 && rendered / total > MAX_CHANGED_SHARE) return { full: true, reason: `${rendered} of ${total} entries to render` }
  return {
    full: false,
    render: Object.fromEntries(Object.entries(render).map(([c, s]) => [c, [...s!].sort()])),
    remove,
    changed,
  }
}

const LOC = /<loc>([^<]*)<\/loc>/g

/** Sitemap URLs of a build (sitemap-0.xml, sitemap-1.xml…). */
const sitemapUrls = async (dir: string): Promise<string[]> => {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => /^sitemap-\d+\.xml$/.test(f))
  const urls: string[] = []
  for (const f of files) for (const m of (await readFile(path.join(dir, f), 'utf8')).matchAll(LOC)) urls.push(m[1]!)
  return urls
}

/**
 * Completes an incremental build in `dir`: carries over every file of the previous build that was
 * not rebuilt (hard links: builds are never changed once made), except the pages of removed
 * entries, and merges the sitemap so it lists every page again.
 */
export const carryOver = async (previous: string, dir: string, remove: Partial<Record<PublicCollection, string[]>>): Promise<number> => {
  const dropped = Object.entries(remove).flatMap(([c, slugs]) => (slugs ?? []).map((s) => `${ROUTE_DIRS[c as PublicCollection]}/${s}/`))
  const isDropped = (file: string) => dropped.some((d) => file.startsWith(d))
  const have = new Set(await listFiles(dir))
  let carried = 0
  const made = new Set<string>()
  for (const file of await listFiles(previous)) {
    if (have.has(file) || isDropped(file) || /^sitemap-\d+\.xml$/.test(file) || file.startsWith('.')) continue
    const target = path.join(dir, file)
    const parent = path.dirname(target)
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true })
      made.add(parent)
    }
    await link(path.join(previous, file), target).catch(() => copyFile(path.join(previous, file), target))
    carried++
  }
  const fresh = await sitemapUrls(dir)
  if (fresh.length) {
    const droppedUrls = (u: string) => dropped.some((d) => new URL(u).pathname.startsWith(`/${d}`))
    const all = [...new Set([...(await sitemapUrls(previous)).filter((u) => !droppedUrls(u)), ...fresh])].sort()
    for (const f of (await readdir(dir)).filter((f) => /^sitemap-\d+\.xml$/.test(f))) await rm(path.join(dir, f))
    const head = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    await writeFile(path.join(dir, 'sitemap-0.xml'), `${head}${all.map((u) => `<url><loc>${u}</loc></url>`).join('')}</urlset>`)
  }
  return carried
}
