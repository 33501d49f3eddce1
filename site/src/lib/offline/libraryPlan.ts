/**
 * What an update of the saved library does, worked out before anything is fetched: which files to
 * fetch, which saved pages to make into the new build's on the device, and which files to drop.
 * After a deploy that changed only scripts or styles, every page names new /assets/ addresses but
 * says the same: such a page (same `base` in the manifest) is rewritten to name the new build's
 * files (withAssets) and kept if its SHA-256 then matches the manifest's hash, instead of being
 * fetched again. Plain functions: the SaveLibrary island and the unit tests use them.
 */
import type { LibraryFile, LibraryManifest } from '../../../../content-models/offline'

/** What the device holds: the manifest's build and counts when saved, and each saved file's hash. */
export type SavedLibrary = {
  build: string
  savedAt: string
  counts: LibraryManifest['counts']
  bytes: number
  /** Each saved file's hash (LibraryFile.hash), by address. */
  files: Record<string, string>
  /** Each saved page's hash without its /assets/ addresses (LibraryFile.base), by address. */
  bases: Record<string, string>
}

/**
 * What an update does: files to fetch (new or changed), saved pages to rewrite with the new
 * build's /assets/ addresses, addresses to drop once it is done, and the bytes to fetch.
 */
export type LibraryPlan = {
  fetch: LibraryFile[]
  rewrite: LibraryFile[]
  drop: string[]
  bytes: number
  sent: number
}

/** The plan's sizes, summed over what it fetches. */
export const withSizes = (plan: Omit<LibraryPlan, 'bytes' | 'sent'>): LibraryPlan => ({
  ...plan,
  bytes: plan.fetch.reduce((n, f) => n + f.bytes, 0),
  sent: plan.fetch.reduce((n, f) => n + f.sent, 0),
})

/**
 * Compares what is saved with a manifest: a file with the same hash is kept, a saved page whose
 * words are the same (its `base`) is rewritten, anything else listed is fetched, and what the
 * manifest no longer lists (old scripts and styles among them) is dropped.
 * @example planUpdate(null, manifest).fetch.length === manifest.files.length
 */
export const planUpdate = (saved: SavedLibrary | null, manifest: LibraryManifest): LibraryPlan => {
  const have = saved?.files ?? {}
  const bases = saved?.bases ?? {}
  const changed = manifest.files.filter((f) => have[f.url] !== f.hash)
  const rewritable = (f: LibraryFile) => !!(have[f.url] && f.base && f.assets && bases[f.url] === f.base)
  const listed = new Set(manifest.files.map((f) => f.url))
  return withSizes({
    fetch: changed.filter((f) => !rewritable(f)),
    rewrite: changed.filter(rewritable),
    drop: Object.keys(have).filter((url) => !listed.has(url)),
  })
}

/** The addresses a page of the manifest names, in order (LibraryFile.assets). */
export const assetUrls = (manifest: LibraryManifest, page: LibraryFile): string[] =>
  (page.assets ?? []).map((i) => manifest.files[i]!.url)

/**
 * A size in words a reader knows.
 * @example formatBytes(2_400_000) → '2.3 MB'
 */
export const formatBytes = (bytes: number): string =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/**
 * What an update downloads, said before it starts.
 * @example updateWords(plan) → 'Updating: 16 KB to download (1 file); 17 pages are brought up to date on this device.'
 */
export const updateWords = (plan: LibraryPlan): string => {
  const files = `${plan.fetch.length} ${plan.fetch.length === 1 ? 'file' : 'files'}`
  const kept = plan.rewrite.length
    ? `; ${plan.rewrite.length} ${plan.rewrite.length === 1 ? 'page is' : 'pages are'} brought up to date on this device`
    : ''
  return `Updating: ${plan.fetch.length ? formatBytes(plan.sent) : 'nothing'} to download (${files})${kept}.`
}

/**
 * The hash the library manifest gives a file: the first 16 hex digits of its SHA-256.
 * @example await contentHash(new TextEncoder().encode('')) → 'e3b0c44298fc1c14'
 */
export const contentHash = async (bytes: Uint8Array<ArrayBuffer>): Promise<string> =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 16)
