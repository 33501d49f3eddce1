/**
 * The library manifest of a build (/offline/library.json): every file a reader needs to read the
 * guides and letters and search them without signal — the pages, the blank letters (.docx, .txt),
 * the search index, and the scripts and styles those pages load — each with a hash of its content
 * and its size. The "Save all guides and letters" island downloads the list and, after a publish,
 * only the files whose hash changed.
 */
import { createHash } from 'node:crypto'
import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { LIBRARY_MANIFEST_URL, type LibraryFile, type LibraryManifest } from '../../../content-models/offline'
import { listFiles } from '../checkBuild'

/** Pages of the library: the home page, the guide and letter lists and pages, topics, search and the offline page. */
const LIBRARY_PAGE =
  /^(index\.html|(guides|templates|search|offline)\/index\.html|(guides|templates|topics)\/[^/]+\/index\.html)$/

/** The blank letters to download. */
const LETTER_FILE = /^templates\/[^/]+\/[^/]+\.(docx|txt)$/

/** The search index's files (manifest.json, then term shards and summary blocks). */
const SEARCH_FILE = /^search-index\/.+\.json$/

/** Scripts and styles a page loads from /assets/, and those a script imports. */
const PAGE_ASSET = /\s(?:src|href)="(\/assets\/[^"?#]+)"/g
const SCRIPT_IMPORT = /["'`](?:\.\/|\/assets\/)([\w.-]+\.(?:js|mjs|css))["'`]/g

/** The address a built file is served at: guides/pay/index.html → /guides/pay/. */
export const urlOfFile = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, '$1')}`

/** Every /assets/ file the given pages load, following the imports of each script. */
export const assetsOf = async (dir: string, pages: string[]): Promise<string[]> => {
  const found = new Set<string>()
  const queue: string[] = []
  const add = (file: string) => {
    if (found.has(file)) return
    found.add(file)
    if (/\.m?js$/.test(file)) queue.push(file)
  }
  for (const page of pages)
    for (const m of (await readFile(path.join(dir, page), 'utf8')).matchAll(PAGE_ASSET)) add(m[1]!.slice(1))
  for (let file = queue.shift(); file; file = queue.shift()) {
    const text = await readFile(path.join(dir, file), 'utf8').catch(() => '')
    for (const m of text.matchAll(SCRIPT_IMPORT)) add(`assets/${m[1]}`)
  }
  const exists = await Promise.all(
    [...found].map(async (f) => ((await stat(path.join(dir, f)).catch(() => null))?.isFile() ? f : null)),
  )
  return exists.filter((f): f is string => f !== null).sort()
}

/** The build of the search index, which its island adds to the address of every file after the manifest. */
const searchBuild = async (dir: string): Promise<string | undefined> => {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, 'search-index/manifest.json'), 'utf8')) as {
      build?: unknown
    }
    return typeof manifest.build === 'string' ? manifest.build : undefined
  } catch {
    return undefined
  }
}

/**
 * What a blank .docx letter is made from: the docx package writes the time into every file, so its
 * bytes change on each render (the daily full build would have every saved library fetch every
 * letter again). Its hash is that of its letter page and plain-text twin, and of the site's
 * sources (which make the Word file from them); null when they are not there.
 */
const docxSources = async (dir: string, file: string, source: string): Promise<Buffer[] | null> => {
  const folder = path.posix.dirname(file)
  const twin = file.replace(/\.docx$/, '.txt')
  try {
    return [
      Buffer.from(source),
      await readFile(path.join(dir, folder, 'index.html')),
      await readFile(path.join(dir, twin)),
    ]
  } catch {
    return null
  }
}

/** A file's entry: its address, a hash of its content, its size and the size of its gzip copy. */
const describe = async (dir: string, file: string, url: string, source?: string): Promise<LibraryFile> => {
  const body = await readFile(path.join(dir, file))
  const gz = await stat(path.join(dir, `${file}.gz`)).catch(() => null)
  const made = source && file.endsWith('.docx') ? await docxSources(dir, file, source) : null
  const hash = createHash('sha256')
  for (const part of made ?? [body]) hash.update(part)
  return { url, hash: hash.digest('hex').slice(0, 16), bytes: body.length, sent: gz?.size ?? body.length }
}

/** Runs `fn` over `items`, `limit` at a time, keeping their order. */
const mapLimited = async <T, R>(
  items: readonly T[],
  fn: (item: T) => Promise<R>,
  limit = 16,
): Promise<R[]> => {
  const out = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

/**
 * Lists the library of the build in `dir` (after precompress, so each file's gzip size is known);
 * `source` is the fingerprint of the site's sources it was built with (see docxSources).
 * Search index files after the manifest are listed with `?v=<build>`, as the search island asks for them.
 */
export const libraryManifest = async (
  dir: string,
  { files, source }: { files?: string[]; source?: string } = {},
): Promise<LibraryManifest> => {
  const all = (files ?? (await listFiles(dir))).filter((f) => !f.startsWith('.') && !/\.(br|gz)$/.test(f))
  const pages = all
    .filter((f) => LIBRARY_PAGE.test(f))
    .sort((a, b) => urlOfFile(a).localeCompare(urlOfFile(b), 'en'))
  const build = await searchBuild(dir)
  const entries: [file: string, url: string][] = [
    ...pages.map((f): [string, string] => [f, urlOfFile(f)]),
    ...all
      .filter((f) => LETTER_FILE.test(f))
      .sort()
      .map((f): [string, string] => [f, `/${f}`]),
    ...all
      .filter((f) => SEARCH_FILE.test(f))
      .sort()
      .map((f): [string, string] => [
        f,
        f === 'search-index/manifest.json' || !build ? `/${f}` : `/${f}?v=${build}`,
      ]),
    ...(await assetsOf(dir, pages)).map((f): [string, string] => [f, `/${f}`]),
  ]
  const described = await mapLimited(entries, ([file, url]) => describe(dir, file, url, source))
  const hash = createHash('sha256')
  for (const f of described) hash.update(`${f.url} ${f.hash}\n`)
  return {
    version: 1,
    build: hash.digest('hex').slice(0, 16),
    counts: {
      guides: pages.filter((f) => /^guides\/[^/]+\/index\.html$/.test(f)).length,
      letters: pages.filter((f) => /^templates\/[^/]+\/index\.html$/.test(f)).length,
    },
    files: described,
    bytes: described.reduce((n, f) => n + f.bytes, 0),
    sent: described.reduce((n, f) => n + f.sent, 0),
  }
}

/** Writes the library manifest into the build; returns it. */
export const writeLibraryManifest = async (
  dir: string,
  options: { files?: string[]; source?: string } = {},
): Promise<LibraryManifest> => {
  const manifest = await libraryManifest(dir, options)
  const target = path.join(dir, LIBRARY_MANIFEST_URL.slice(1))
  // A carried-over copy is a hard link into the live build: never written through.
  await rm(target, { force: true })
  await writeFile(target, JSON.stringify(manifest))
  return manifest
}
