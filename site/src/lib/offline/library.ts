/**
 * Saving the library on the reader's device: the files the build's library manifest lists go into
 * the caches the service worker answers from (content-models/offline.ts), and a record of what was
 * saved (each address with its hash) goes beside them. After a publish, only files whose hash
 * changed are fetched again, and files no longer listed are removed. Plain functions over the
 * Cache API, used by the SaveLibrary island.
 */
import {
  LIBRARY_MANIFEST_URL,
  OFFLINE_CACHES,
  type LibraryFile,
  type LibraryManifest,
} from '../../../../content-models/offline'

/** What the device holds: the manifest's build and counts when saved, and each saved file's hash. */
export type SavedLibrary = {
  build: string
  savedAt: string
  counts: LibraryManifest['counts']
  bytes: number
  files: Record<string, string>
}

/** Where the record of what was saved is kept (in the library cache). */
export const SAVED_RECORD_URL = '/offline/saved.json'

/** The cache a library file goes in: the one the service worker's route for it reads. */
export const cacheOf = (url: string): string =>
  url.startsWith('/search-index/')
    ? OFFLINE_CACHES.search
    : url.startsWith('/assets/')
      ? OFFLINE_CACHES.assets
      : url.endsWith('/')
        ? OFFLINE_CACHES.pages
        : OFFLINE_CACHES.files

/** What an update does: files to fetch (new or changed), addresses to remove, and the bytes to fetch. */
export type LibraryPlan = { fetch: LibraryFile[]; drop: string[]; bytes: number; sent: number }

/**
 * Compares what is saved with a manifest.
 * @example planUpdate(null, manifest).fetch.length === manifest.files.length
 */
export const planUpdate = (saved: SavedLibrary | null, manifest: LibraryManifest): LibraryPlan => {
  const have = saved?.files ?? {}
  const fetch = manifest.files.filter((f) => have[f.url] !== f.hash)
  const listed = new Set(manifest.files.map((f) => f.url))
  return {
    fetch,
    drop: Object.keys(have).filter((url) => !listed.has(url)),
    bytes: fetch.reduce((n, f) => n + f.bytes, 0),
    sent: fetch.reduce((n, f) => n + f.sent, 0),
  }
}

/**
 * A size in words a reader knows.
 * @example formatBytes(2_400_000) → '2.3 MB'
 */
export const formatBytes = (bytes: number): string =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/** The record of what is saved, or null. */
export const readSaved = async (): Promise<SavedLibrary | null> => {
  const res = await (await caches.open(OFFLINE_CACHES.library)).match(SAVED_RECORD_URL)
  return res ? ((await res.json()) as SavedLibrary) : null
}

const writeSaved = async (saved: SavedLibrary) =>
  (await caches.open(OFFLINE_CACHES.library)).put(
    SAVED_RECORD_URL,
    new Response(JSON.stringify(saved), { headers: { 'Content-Type': 'application/json' } }),
  )

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
 * Saves what `plan` says (from planUpdate) and records it. A file that fails stops the save; what
 * was saved until then is recorded, so trying again fetches only the rest.
 */
export const saveLibrary = async (
  manifest: LibraryManifest,
  saved: SavedLibrary | null,
  plan: LibraryPlan,
  onProgress: (p: SaveProgress) => void,
): Promise<SavedLibrary> => {
  const files = { ...(saved?.files ?? {}) }
  const progress: SaveProgress = { sent: 0, totalSent: plan.sent, files: 0, totalFiles: plan.fetch.length }
  // An unfinished save records no build, so the next visit with signal fetches the rest.
  const record = (complete: boolean) =>
    writeSaved({
      build: complete ? manifest.build : '',
      savedAt: new Date().toISOString(),
      counts: manifest.counts,
      bytes: manifest.bytes,
      files,
    })
  for (const url of plan.drop) {
    await (await caches.open(cacheOf(url))).delete(url)
    delete files[url]
  }
  const queue = [...plan.fetch]
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const res = await fetch(file.url, { cache: 'no-cache' })
      if (!res.ok) throw new Error(`${file.url} could not be fetched (HTTP ${res.status})`)
      await (await caches.open(cacheOf(file.url))).put(file.url, res)
      files[file.url] = file.hash
      progress.sent += file.sent
      progress.files++
      onProgress({ ...progress })
    }
  }
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  } catch (error) {
    queue.length = 0
    await record(false)
    throw error
  }
  await record(true)
  return (await readSaved())!
}

/** Removes every saved file and the record (pages the reader opened themselves stay until the browser clears them). */
export const removeLibrary = async (): Promise<void> => {
  const saved = await readSaved()
  for (const url of Object.keys(saved?.files ?? {})) await (await caches.open(cacheOf(url))).delete(url)
  await caches.delete(OFFLINE_CACHES.library)
}
