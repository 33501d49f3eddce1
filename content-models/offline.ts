/**
 * The offline library's shared words: the caches the service worker (made by Workbox in
 * cms/publish/offline/) and the site's "Save all guides and letters" island both use, the library
 * manifest each build writes, the addresses that are never kept, and where share images live.
 * No Node imports: the site's browser code imports this file.
 */
import { campaignKind, KIND_WORDS } from './collections/Petitions/kinds'

/** The library manifest a build writes: every file of the library, with a content hash. */
export const LIBRARY_MANIFEST_URL = '/offline/library.json'

/** The page shown when a page was not saved and there is no signal. */
export const OFFLINE_PAGE_URL = '/offline/'

/** The service worker, at the site's root so its scope is the whole site. */
export const SERVICE_WORKER_URL = '/sw.js'

/**
 * Cache Storage names, shared by the service worker's routes and the island that saves the
 * library, so a page saved by the island is the one the service worker answers with offline.
 */
export const OFFLINE_CACHES = {
  /** Pages (HTML) the reader opened: kept for READER_KEPT_DAYS at most (the worker's expiry). */
  pages: 'bw-pages',
  /** Hashed scripts and styles (/assets/): their names change with their content. */
  assets: 'bw-assets',
  /** The search index's files, so search works offline over what is saved. */
  search: 'bw-search',
  /** Letters to download (.docx, .txt), icons and other files. */
  files: 'bw-files',
  /** What the island saved: the record of the library it last completed. */
  library: 'bw-library',
  /**
   * Every file of the saved library (pages, letters, search index, scripts and styles). The worker
   * never writes or expires it: the island keeps it until the library is updated or removed, and
   * each route reads it when its own cache has no fresh copy.
   */
  saved: 'bw-saved',
} as const

/** How long the worker keeps a page (or letter, or search file) the reader opened themselves. */
export const READER_KEPT_DAYS = 30

/**
 * A header on the island's own fetches: the worker passes them to the network and keeps nothing,
 * as the island puts them in the saved library's cache itself (no second copy in the reader's caches).
 */
export const LIBRARY_FETCH_HEADER = 'x-bw-library'

/** A header asking the worker to keep a page as if it had been opened through it (the first page opened). */
export const KEEP_PAGE_HEADER = 'x-bw-keep'

/** The address of a script, style or other file a build names by its content (/assets/<name>.<hash>.<ext>). */
const ASSET_ADDRESS = /\/assets\/[\w.-]+/g

/** The /assets/ addresses in an HTML page, in order. */
export const assetAddresses = (html: string): string[] => html.match(ASSET_ADDRESS) ?? []

/**
 * A page with its /assets/ addresses left out: two builds' copies of a page whose words did not
 * change, but whose scripts or styles did, are the same here.
 * @example withoutAssets('<link href="/assets/index.C6RA.css">') → '<link href="/assets/">'
 */
export const withoutAssets = (html: string): string => html.replace(ASSET_ADDRESS, '/assets/')

/**
 * A page with its /assets/ addresses replaced, in order, by `urls`; null when it names a
 * different number of them.
 * @example withAssets('<script src="/assets/a.1.js">', ['/assets/a.2.js']) → '<script src="/assets/a.2.js">'
 */
export const withAssets = (html: string, urls: readonly string[]): string | null => {
  if (assetAddresses(html).length !== urls.length) return null
  let i = 0
  return html.replace(ASSET_ADDRESS, () => urls[i++]!)
}

/**
 * Pages never kept by the service worker, because they are personal or show people: the member's
 * account, a network's conversations, an adviser's reply (its code is in the address's fragment),
 * and each petition and open letter, which may show signers' names: a name erased from the site
 * must not stay on readers' devices (they are live pages anyway). Each pattern is matched against
 * a path (it may go on with a query).
 */
export const PERSONAL_PAGE_PATHS: readonly RegExp[] = [
  /^\/account(?:[/?#]|$)/,
  /^\/networks\/[^/]+\/talk(?:[/?#]|$)/,
  /^\/ask\/reply(?:[/?#]|$)/,
  /^\/petitions\/[^/?#]+(?:[/?#]|$)/,
  /^\/open-letters\/[^/?#]+(?:[/?#]|$)/,
]

/** Any API on the site's own origin (the CMS has its own origin; this is for a proxy in front of both). */
export const API_PATH = /^\/api\//

/** Whether the service worker must never keep what `pathname` answers. */
export const isNeverCached = (pathname: string): boolean =>
  API_PATH.test(pathname) || PERSONAL_PAGE_PATHS.some((p) => p.test(pathname))

/**
 * One file of the library: its address, a hash of its content (the first 16 hex digits of its
 * SHA-256), and its size raw and as sent (gzip).
 */
export type LibraryFile = {
  url: string
  hash: string
  bytes: number
  sent: number
  /** A page's hash without its /assets/ addresses (withoutAssets): unchanged when only scripts or styles changed. */
  base?: string
  /** The /assets/ files a page names, in order, as indexes into the manifest's `files`. */
  assets?: number[]
}

/** What /offline/library.json holds. */
export type LibraryManifest = {
  version: 1
  /** Changes whenever any file does. */
  build: string
  /** How many guides and letters the library holds, for the island's wording. */
  counts: { guides: number; letters: number }
  files: LibraryFile[]
  /** Sums over `files`. */
  bytes: number
  sent: number
}

/** The collections that get a share image of their own, and the folder of their pages. */
export const SHARE_IMAGE_FOLDERS = {
  guides: 'guides',
  templates: 'templates',
  petitions: 'petitions',
} as const

/**
 * The page folders whose pages have a share image of their own, and the collection it is drawn
 * from: an open letter (/open-letters/<slug>/) is a campaign of its kind, kept with the petitions.
 */
export const SHARE_PAGE_FOLDERS: Record<string, keyof typeof SHARE_IMAGE_FOLDERS> = {
  guides: 'guides',
  templates: 'templates',
  petitions: 'petitions',
  'open-letters': 'petitions',
}

/**
 * What a share image's label says the page is, and how its alt text names it.
 * @example shareWords('petitions', 'open-letter') → { label: 'Open letter', noun: 'an open letter' }
 */
export const shareWords = (
  collection: keyof typeof SHARE_IMAGE_FOLDERS,
  kind?: unknown,
): { label: string; noun: string } => {
  if (collection === 'guides') return { label: 'Guide', noun: 'a guide' }
  if (collection === 'templates') return { label: 'Letter', noun: 'a letter' }
  const words = KIND_WORDS[campaignKind(kind)]
  return { label: words.label, noun: `${/^[aeiou]/.test(words.noun) ? 'an' : 'a'} ${words.noun}` }
}

/** Share images' size (Open Graph's recommended 1.91:1). */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const

/**
 * The path of a page's share image: its own for a guide, letter, petition or open letter, the site's
 * otherwise.
 * @example shareImagePath('guides', 'holiday-pay') → '/share/guides/holiday-pay.png'
 */
export const shareImagePath = (collection?: keyof typeof SHARE_IMAGE_FOLDERS, slug?: string): string =>
  collection && slug ? `/share/${collection}/${slug}.png` : '/share/site.png'
