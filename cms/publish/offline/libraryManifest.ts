/**
 * The library manifest of a build (/offline/library.json): every file a reader needs to read the
 * guides and letters and search them without signal — the pages, the blank letters (.docx, .txt),
 * the search index, and the scripts and styles those pages load — each with a hash of its content
 * and its size. The "Save all guides and letters" island downloads the list and, after a publish
 * or a deploy, only the files whose hash changed; a page whose words did not change (its `base`)
 * is made into the new build's on the device instead (see site/src/lib/offline/libraryPlan.ts).
 */
import { createHash } from 'node:crypto'
import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  assetAddresses,
  LIBRARY_MANIFEST_URL,
  withoutAssets,
  type LibraryFile,
  type LibraryManifest,
} from '../../../content-models/offline'
import { searchFileQueries } from '../../../content-models/search/files'
import { listFiles } from '../checkBuild'
import { libraryRecord, type FileFacts } from './libraryRecord'

type LibraryRecordOf = Awaited<ReturnType<typeof libraryRecord>>

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

/** The /assets/ files a page loads by src or href (with a leading slash). */
const loadsOf = (html: string): string[] => [...html.matchAll(PAGE_ASSET)].map((m) => m[1]!)

/** Every /assets/ file the pages load (each page's `loads`), following the imports of each script. */
export const assetsOf = async (dir: string, pageLoads: readonly (readonly string[])[]): Promise<string[]> => {
  const found = new Set<string>()
  const queue: string[] = []
  const add = (file: string) => {
    if (found.has(file)) return
    found.add(file)
    if (/\.m?js$/.test(file)) queue.push(file)
  }
  for (const loads of pageLoads) for (const address of loads) add(address.slice(1))
  for (let file = queue.shift(); file; file = queue.shift()) {
    const text = await readFile(path.join(dir, file), 'utf8').catch(() => '')
    for (const m of text.matchAll(SCRIPT_IMPORT)) add(`assets/${m[1]}`)
  }
  const exists = await Promise.all(
    [...found].map(async (f) => ((await stat(path.join(dir, f)).catch(() => null))?.isFile() ? f : null)),
  )
  return exists.filter((f): f is string => f !== null).sort()
}

/**
 * What follows each search index file's path in its address, as the search island asks for it
 * (`?g=<its generation>`, from the index's manifest: content-models/search/files.ts), so the saved
 * library answers the island's requests; none when the build has no readable index.
 */
const searchSuffixes = async (dir: string): Promise<((path: string) => string) | undefined> => {
  try {
    const manifest = JSON.parse(
      await readFile(path.join(dir, 'search-index/manifest.json'), 'utf8'),
    ) as Parameters<typeof searchFileQueries>[0]
    return typeof manifest.build === 'string' ? searchFileQueries(manifest) : undefined
  } catch {
    return undefined
  }
}

/**
 * What a blank .docx letter is made from: the docx package writes the time into every file, so its
 * bytes change on each render (the daily full build would have every saved library fetch every
 * letter again). Its hash is that of its letter page (without its script and style addresses,
 * which change with any code), its plain-text twin and the code that makes Word files
 * (docxMaker.ts); null when they are not there.
 */
const docxSources = async (dir: string, file: string, maker: string): Promise<Buffer[] | null> => {
  const folder = path.posix.dirname(file)
  const twin = file.replace(/\.docx$/, '.txt')
  try {
    return [
      Buffer.from(maker),
      Buffer.from(withoutAssets(await readFile(path.join(dir, folder, 'index.html'), 'utf8'))),
      await readFile(path.join(dir, twin)),
    ]
  } catch {
    return null
  }
}

const sha = (parts: readonly (Buffer | string)[]) => {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part)
  return hash.digest('hex').slice(0, 16)
}

/** A file's entry (a page's with its /assets/ addresses, matched to the list's files afterwards). */
type Described = LibraryFile & { addresses?: string[] }

/**
 * What the entry of `file` is made of: a hash of its content, its size and the size of its gzip
 * copy; for a page, also its hash without its /assets/ addresses (see LibraryFile.base), those
 * addresses, and the assets it loads.
 */
const factsOf = async (dir: string, file: string, maker?: string): Promise<FileFacts> => {
  const body = await readFile(path.join(dir, file))
  const gz = await stat(path.join(dir, `${file}.gz`)).catch(() => null)
  const made = maker && file.endsWith('.docx') ? await docxSources(dir, file, maker) : null
  const facts: FileFacts = { hash: sha(made ?? [body]), bytes: body.length, sent: gz?.size ?? body.length }
  if (!file.endsWith('.html')) return facts
  const html = body.toString('utf8')
  return { ...facts, base: sha([withoutAssets(html)]), addresses: assetAddresses(html), loads: loadsOf(html) }
}

/** The files a Word letter's hash is made from besides itself (docxSources). */
const docxSourceFiles = (file: string): string[] =>
  file.endsWith('.docx') ? [`${path.posix.dirname(file)}/index.html`, file.replace(/\.docx$/, '.txt')] : []

/**
 * Names each page's /assets/ files by their place in the list, so the island can make a saved
 * page of an earlier build into this build's (withAssets). A page naming a file the list lacks
 * gets no `base`: it is fetched when it changes.
 */
const linkAssets = (described: readonly Described[]): LibraryFile[] => {
  const index = new Map(described.map((f, i) => [f.url, i]))
  return described.map(({ addresses, ...f }) => {
    if (!addresses) return f
    const assets = addresses.map((a) => index.get(a) ?? -1)
    if (assets.includes(-1)) return { ...f, base: undefined }
    return { ...f, assets }
  })
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

type ManifestOptions = {
  /** The build's files (listFiles), when already known. */
  files?: string[]
  /** The fingerprint of the code that made its Word letters (docxMakerFingerprint). */
  docxMaker?: string
  /** The facts found for the live build, reused for the files carried over from it (libraryRecord). */
  record?: LibraryRecordOf
}

/**
 * Lists the library of the build in `dir` (after precompress, so each file's gzip size is known).
 * Search index files after the manifest are listed with `?g=<their generation>`, as the search island asks for them.
 */
export const libraryManifest = async (
  dir: string,
  { files, docxMaker, record }: ManifestOptions = {},
): Promise<LibraryManifest> => {
  const all = (files ?? (await listFiles(dir))).filter((f) => !f.startsWith('.') && !/\.(br|gz)$/.test(f))
  const pages = all
    .filter((f) => LIBRARY_PAGE.test(f))
    .sort((a, b) => urlOfFile(a).localeCompare(urlOfFile(b), 'en'))
  const suffixOf = await searchSuffixes(dir)
  const listed: [file: string, url: string][] = [
    ...pages.map((f): [string, string] => [f, urlOfFile(f)]),
    ...all
      .filter((f) => LETTER_FILE.test(f))
      .sort()
      .map((f): [string, string] => [f, `/${f}`]),
    ...all
      .filter((f) => SEARCH_FILE.test(f))
      .sort()
      .map((f): [string, string] => [f, `/${f}${suffixOf?.(f.slice('search-index/'.length)) ?? ''}`]),
  ]
  const factsFor = ([file]: [string, string]) =>
    record
      ? record.facts(file, docxSourceFiles(file), () => factsOf(dir, file, docxMaker))
      : factsOf(dir, file, docxMaker)
  const listedFacts = await mapLimited(listed, factsFor)
  const assets = (
    await assetsOf(
      dir,
      listedFacts.slice(0, pages.length).map((f) => f.loads ?? []),
    )
  ).map((f): [string, string] => [f, `/${f}`])
  const facts = [...listedFacts, ...(await mapLimited(assets, factsFor))]
  const described = linkAssets(
    [...listed, ...assets].map(([, url], i): Described => {
      const { loads: _loads, ...entry } = facts[i]!
      return { url, ...entry }
    }),
  )
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

/**
 * Writes the library manifest into the build, and the record of what it found for the next build;
 * `previous` is the live build, whose record gives the facts of the files carried over from it.
 * Returns the manifest and how many files' facts were reused.
 */
export const writeLibraryManifest = async (
  dir: string,
  { previous, ...options }: Omit<ManifestOptions, 'record'> & { previous?: string | null } = {},
): Promise<LibraryManifest & { reused: number }> => {
  const record = await libraryRecord(dir, previous, options.docxMaker)
  const manifest = await libraryManifest(dir, { ...options, record })
  const target = path.join(dir, LIBRARY_MANIFEST_URL.slice(1))
  // A carried-over copy is a hard link into the live build: never written through.
  await rm(target, { force: true })
  await writeFile(target, JSON.stringify(manifest))
  await record.save()
  return { ...manifest, reused: record.reused() }
}
