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
  /** Pages (HTML): kept as the reader opens them, or all of the library at once. */
  pages: 'bw-pages',
  /** Hashed scripts and styles (/assets/): their names change with their content. */
  assets: 'bw-assets',
  /** The search index's files, so search works offline over what is saved. */
  search: 'bw-search',
  /** Letters to download (.docx, .txt), icons and other files. */
  files: 'bw-files',
  /** What the island saved: the library manifest it last completed. */
  library: 'bw-library',
} as const

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

/** One file of the library: its address, a hash of its content, and its size raw and as sent (gzip). */
export type LibraryFile = { url: string; hash: string; bytes: number; sent: number }

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
