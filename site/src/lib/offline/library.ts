/**
 * Saving the library on the reader's device: the files the build's library manifest lists go into
 * the saved library's cache (OFFLINE_CACHES.saved), which every route of the service worker reads
 * and no expiry touches, and a record of what was saved (each address with its hashes) goes
 * beside it. An update fetches only what libraryPlan.ts says: new or changed files; a page that
 * changed only its script and style addresses is rewritten on the device. Plain functions over
 * the Cache API, used by the SaveLibrary island.
 */
import {
  LIBRARY_FETCH_HEADER,
  LIBRARY_MANIFEST_URL,
  OFFLINE_CACHES,
  withAssets,
  type LibraryFile,
  type LibraryManifest,
} from '../../../../content-models/offline'
import { assetUrls, contentHash, withSizes, type LibraryPlan, type SavedLibrary } from './libraryPlan'

export { formatBytes, planUpdate, updateWords, type LibraryPlan, type SavedLibrary } from './libraryPlan'

/** Where the record of what was saved is kept (in the library cache). */
export const SAVED_RECORD_URL = '/offline/saved.json'

/** Where a library saved before the saved cache existed kept each file (the worker's own caches). */
const legacyCacheOf = (url: string): string =>
  url.startsWith('/search-index/')
    ? OFFLINE_CACHES.search
    : url.startsWith('/assets/')
      ? OFFLINE_CACHES.assets
      : url.endsWith('/')
        ? OFFLINE_CACHES.pages
        : OFFLINE_CACHES.files

const writeSaved = async (saved: SavedLibrary) =>
  (await caches.open(OFFLINE_CACHES.library)).put(
    SAVED_RECORD_URL,
    new Response(JSON.stringify(saved), { headers: { 'Content-Type': 'application/json' } }),
  )

/** Moves a library saved in the worker's own caches (where its pages would now expire) into the saved cache. */
const moveLegacy = async (saved: SavedLibrary): Promise<SavedLibrary> => {
  const target = await caches.open(OFFLINE_CACHES.saved)
  const files: Record<string, string> = {}
  for (const [url, hash] of Object.entries(saved.files)) {
    const from = await caches.open(legacyCacheOf(url))
    const res = await from.match(url)
    if (!res) continue
    await target.put(url, res)
    await from.delete(url)
    files[url] = hash
  }
  const moved = { ...saved, files, bases: {} }
  await writeSaved(moved)
  return moved
}

/** The record of what is saved, or null. */
export const readSaved = async (): Promise<SavedLibrary | null> => {
  const res = await (await caches.open(OFFLINE_CACHES.library)).match(SAVED_RECORD_URL)
  if (!res) return null
  const saved = (await res.json()) as SavedLibrary
  return saved.bases ? saved : moveLegacy(saved)
}

/** The build's library manifest, always from the network. */
export const fetchManifest = async (): Promise<LibraryManifest> => {
  const res = await fetch(LIBRARY_MANIFEST_URL, { cache: 'no-store' })
  if (!res.ok) throw new Error(`the list of files could not be read (HTTP ${res.status})`)
  return (await res.json()) as LibraryManifest
}

/** Progress of a save: bytes (as sent) and files done, of the totals. */
export type SaveProgress = { sent: number; totalSent: number; files: number; totalFiles: number }

/** Files fetched at once: enough to hide latency on a phone, few enough not to choke poor signal. */
const CONCURRENCY = 4

/**
 * Makes a saved page into the manifest's (its /assets/ addresses replaced by the new build's) if
 * the result is byte for byte the page the manifest lists (same SHA-256). The copy is dated now:
 * it was found current now.
 * @returns whether the page was rewritten (if not, it must be fetched)
 */
export const rewritePage = async (manifest: LibraryManifest, page: LibraryFile): Promise<boolean> => {
  const cache = await caches.open(OFFLINE_CACHES.saved)
  const old = await cache.match(page.url)
  const html = old && withAssets(await old.text(), assetUrls(manifest, page))
  if (!old || html === null || html === undefined) return false
  const bytes = new TextEncoder().encode(html)
  if ((await contentHash(bytes)) !== page.hash) return false
  const headers = new Headers(old.headers)
  for (const name of ['Content-Length', 'Content-Encoding', 'ETag', 'Last-Modified']) headers.delete(name)
  headers.set('Date', new Date().toUTCString())
  await cache.put(page.url, new Response(bytes, { status: 200, headers }))
  return true
}

/** Fetches `files` into the saved cache, CONCURRENCY at a time; each one done is recorded in `done`. */
const fetchAll = async (files: LibraryFile[], done: (f: LibraryFile) => void) => {
  const cache = await caches.open(OFFLINE_CACHES.saved)
  const queue = [...files]
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      // The header asks the worker to keep no copy of its own.
      const res = await fetch(file.url, { cache: 'no-cache', headers: { [LIBRARY_FETCH_HEADER]: '1' } })
      if (!res.ok) throw new Error(`${file.url} could not be fetched (HTTP ${res.status})`)
      await cache.put(file.url, res)
      done(file)
    }
  }
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  } finally {
    queue.length = 0
  }
}

/**
 * Saves what `plan` says (from planUpdate) and records it: first the new scripts and styles, then
 * the pages rewritten to name them (a page that does not come out as listed is fetched instead),
 * then the other files; what the manifest no longer lists is dropped only once all that is done,
 * so an update cut short leaves every saved page with the files it names. A file that fails stops
 * the save; what was saved until then is recorded, so trying again fetches only the rest.
 */
export const saveLibrary = async (
  manifest: LibraryManifest,
  saved: SavedLibrary | null,
  plan: LibraryPlan,
  onProgress: (p: SaveProgress) => void,
): Promise<SavedLibrary> => {
  const files = { ...(saved?.files ?? {}) }
  const bases = { ...(saved?.bases ?? {}) }
  const progress: SaveProgress = { sent: 0, totalSent: plan.sent, files: 0, totalFiles: plan.fetch.length }
  // An unfinished save records no build, so the next visit with signal fetches the rest.
  const record = (complete: boolean) =>
    writeSaved({
      build: complete ? manifest.build : '',
      savedAt: new Date().toISOString(),
      counts: manifest.counts,
      bytes: manifest.bytes,
      files,
      bases,
    })
  const done = (file: LibraryFile, fetched: boolean) => {
    files[file.url] = file.hash
    if (file.base) bases[file.url] = file.base
    if (!fetched) return
    progress.sent += file.sent
    progress.files++
    onProgress({ ...progress })
  }
  const isAsset = (f: LibraryFile) => f.url.startsWith('/assets/')
  try {
    await fetchAll(plan.fetch.filter(isAsset), (f) => done(f, true))
    const refetch: LibraryFile[] = []
    for (const page of plan.rewrite)
      if (await rewritePage(manifest, page)) done(page, false)
      else refetch.push(page)
    const rest = withSizes({
      fetch: [...plan.fetch.filter((f) => !isAsset(f)), ...refetch],
      rewrite: [],
      drop: [],
    })
    Object.assign(progress, {
      totalSent: progress.sent + rest.sent,
      totalFiles: progress.files + rest.fetch.length,
    })
    await fetchAll(rest.fetch, (f) => done(f, true))
  } catch (error) {
    await record(false)
    throw error
  }
  const cache = await caches.open(OFFLINE_CACHES.saved)
  for (const url of plan.drop) {
    await cache.delete(url)
    delete files[url]
    delete bases[url]
  }
  await record(true)
  return (await readSaved())!
}

/** Removes the saved library and its record (pages the reader opened themselves expire on their own). */
export const removeLibrary = async (): Promise<void> => {
  await caches.delete(OFFLINE_CACHES.saved)
  await caches.delete(OFFLINE_CACHES.library)
}
