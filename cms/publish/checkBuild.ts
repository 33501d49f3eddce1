import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** A built site that must not go live; `problems` lists each thing wrong. */
export class SiteCheckError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The new build failed its checks, so the live site was not switched to it:\n- ${problems.slice(0, 20).join('\n- ')}${problems.length > 20 ? `\n…and ${problems.length - 20} more` : ''}`,
    )
    this.name = 'SiteCheckError'
  }
}

/** Pages every build must have. */
export const KEY_PAGES = ['index.html', '404.html', 'guides/index.html']

/** Every file under `dir`, as paths relative to it with forward slashes. */
export const listFiles = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))

const ATTR = /\s(?:href|src|action)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi

/**
 * Internal links of one HTML page, as site paths without query or fragment. Links to other
 * origins, mailto:, tel:, data: and pure fragments are not ours to check.
 * @example internalLinks('<a href="/guides/pay/#steps">', '/') → ['/guides/pay/']
 */
export const internalLinks = (html: string, pagePath: string): string[] => {
  const links: string[] = []
  for (const m of html.matchAll(ATTR)) {
    const raw = (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&').trim()
    if (!raw || raw.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) continue
    const url = new URL(raw, `http://site${pagePath}`)
    links.push(url.pathname)
  }
  return links
}

/** The URL path a built file is served at: guides/pay/index.html → /guides/pay/. */
export const pagePathOf = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, '$1')}`

/** Whether a site path resolves to a built file, as the static server would serve it. */
export const resolves = (files: Set<string>, sitePath: string): boolean => {
  let p: string
  try {
    p = decodeURIComponent(sitePath).replace(/^\/+/, '')
  } catch {
    return false
  }
  if (p === '' || p.endsWith('/')) return files.has(`${p}index.html`)
  return files.has(p) || files.has(`${p}/index.html`)
}

/**
 * Checks the search index files load: every JSON file under search-index/ (or a search-index.json)
 * must parse, and a serialized lunr index must load in lunr.
 */
export const checkSearchIndex = async (dir: string, files: string[]): Promise<string[]> => {
  const problems: string[] = []
  const candidates = files.filter((f) => /^search-index(\/.*)?\.json$|^search-index\/.*\.json$/.test(f))
  await Promise.all(
    candidates.map(async (file) => {
      try {
        const data = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Record<string, unknown>
        const lunrIndex =
          (data && typeof data === 'object' && 'invertedIndex' in data
            ? data
            : (data?.index as Record<string, unknown> | undefined)) ?? null
        if (lunrIndex && typeof lunrIndex === 'object' && 'invertedIndex' in lunrIndex) {
          const lunr = (await import('lunr')).default
          lunr.Index.load(lunrIndex)
        }
      } catch (error) {
        problems.push(`search index ${file} does not load: ${(error as Error).message}`)
      }
    }),
  )
  return problems.sort()
}

/** Where a build keeps the missing targets of its broken links, to compare the next build against. */
export const BROKEN_LINKS_FILE = '.broken-links.json'

/**
 * Where a build keeps every page's internal links (a table of addresses and, per page file, the
 * indexes of its links), so the next incremental build checks the pages it carries over without
 * reading them.
 */
export const LINKS_FILE = '.links.json'

type LinkIndex = { links: string[]; pages: Record<string, number[]> }

/** Reads the internal links of `pages` (HTML files under `dir`). */
const readLinks = async (dir: string, pages: readonly string[]): Promise<Map<string, string[]>> => {
  const out = new Map<string, string[]>()
  for (const file of pages) {
    if (!file.endsWith('.html')) continue
    const html = await readFile(path.join(dir, file), 'utf8')
    out.set(file, [...new Set(internalLinks(html, pagePathOf(file)))])
  }
  return out
}

/** The link index of a build, or null when it has none (made before the index was kept). */
const readLinkIndex = async (dir: string): Promise<Map<string, string[]> | null> => {
  const index = JSON.parse(
    await readFile(path.join(dir, LINKS_FILE), 'utf8').catch(() => 'null'),
  ) as LinkIndex | null
  if (!index) return null
  return new Map(Object.entries(index.pages).map(([file, ids]) => [file, ids.map((i) => index.links[i]!)]))
}

const writeLinkIndex = async (dir: string, links: Map<string, string[]>): Promise<void> => {
  const ids = new Map<string, number>()
  const pages: Record<string, number[]> = {}
  for (const [file, list] of [...links].sort(([a], [b]) => (a < b ? -1 : 1)))
    pages[file] = list.map((l) => ids.get(l) ?? ids.set(l, ids.size).get(l)!)
  await writeFile(path.join(dir, LINKS_FILE), JSON.stringify({ links: [...ids.keys()], pages }))
}

/**
 * The internal links of every page of the build. A full build reads every page. An incremental
 * one reads only the pages it rendered: a page carried over from the live build is the same file,
 * so its links come from the live build's index. Such a page can only break where it links to an
 * address this build changed or removed, and checking its links against the new files catches
 * exactly that (what links to what changed), without reading it again.
 */
const linksOfBuild = async (
  dir: string,
  files: string[],
  previous: string | null | undefined,
  rendered: string[] | undefined,
): Promise<{ links: Map<string, string[]>; read: number }> => {
  const html = files.filter((f) => f.endsWith('.html'))
  const before = previous && rendered ? await readLinkIndex(previous) : null
  if (!before || !rendered) return { links: await readLinks(dir, html), read: html.length }
  const fresh = new Set(rendered)
  const toRead = html.filter((f) => fresh.has(f) || !before.has(f))
  const links = await readLinks(dir, toRead)
  for (const f of html) if (!links.has(f)) links.set(f, before.get(f)!)
  return { links, read: toRead.length }
}

/**
 * Checks a finished build: key pages exist, the search index loads, and it adds no broken
 * internal link. A link to a page already missing from the live build (say a menu link to a
 * section not built yet) is reported but does not block a publish: it is not this change's fault, and blocking
 * would leave every later fix unpublished too. With no live build to compare with, none blocks.
 */
export const checkBuild = async (
  dir: string,
  {
    previous,
    rendered,
    later = () => false,
  }: {
    previous?: string | null
    rendered?: string[]
    /** Files written after the check (the service worker, the library manifest): not missing. */
    later?: (file: string) => boolean
  } = {},
): Promise<{
  files: number
  /** Every file of the build as checked (before precompress), for the steps after. */
  fileList: string[]
  pages: number
  brokenLinks: string[]
  pagesRead: number
}> => {
  const files = await listFiles(dir)
  const problems = KEY_PAGES.filter((p) => !existsSync(path.join(dir, p))).map((p) => `${p} is missing`)
  // Index files carried over from the live build loaded when it was checked: only new ones are read.
  const fresh = previous && rendered ? new Set(rendered) : null
  problems.push(...(await checkSearchIndex(dir, fresh ? files.filter((f) => fresh.has(f)) : files)))
  const { links, read } = await linksOfBuild(dir, files, previous, rendered)
  const set = new Set(files)
  const broken: { page: string; link: string }[] = []
  for (const [file, list] of links)
    for (const link of list)
      if (!resolves(set, link) && !later(link.replace(/^\//, '')))
        broken.push({ page: pagePathOf(file), link })
  const before = previous
    ? (JSON.parse(await readFile(path.join(previous, BROKEN_LINKS_FILE), 'utf8').catch(() => 'null')) as
        string[] | null)
    : null
  if (before) {
    const known = new Set(before)
    problems.push(
      ...broken
        .filter((b) => !known.has(b.link))
        .map((b) => `${b.page} links to ${b.link}, which is not in the build`),
    )
  }
  if (problems.length) throw new SiteCheckError(problems)
  const targets = [...new Set(broken.map((b) => b.link))].sort()
  await writeFile(path.join(dir, BROKEN_LINKS_FILE), JSON.stringify(targets))
  await writeLinkIndex(dir, links)
  return {
    files: files.length,
    fileList: files,
    pages: files.filter((f) => f.endsWith('.html')).length,
    brokenLinks: targets,
    pagesRead: read,
  }
}
