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

/** Finds broken internal links across the built HTML: the page and the link it cannot follow. */
export const findBrokenLinks = async (
  dir: string,
  files?: string[],
  pages?: string[],
): Promise<{ page: string; link: string }[]> => {
  const all = files ?? (await listFiles(dir))
  const set = new Set(all)
  const broken: { page: string; link: string }[] = []
  for (const file of pages ?? all) {
    if (!file.endsWith('.html')) continue
    const page = pagePathOf(file)
    const html = await readFile(path.join(dir, file), 'utf8')
    for (const link of new Set(internalLinks(html, page)))
      if (!resolves(set, link)) broken.push({ page, link })
  }
  return broken
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

/**
 * The pages whose links need reading. After an incremental build, pages carried over from the
 * live build had their links checked then; they can only break if a file the live build had is
 * gone, so while none is, only the rendered pages are read (and the live build's known broken
 * links are carried into the list). Otherwise, every page.
 */
const pagesToCheck = async (
  files: string[],
  previous: string | null | undefined,
  rendered: string[] | undefined,
  later: (file: string) => boolean,
): Promise<string[] | undefined> => {
  if (!previous || !rendered) return undefined
  const now = new Set(files)
  const gone = (await listFiles(previous)).some((f) => !f.startsWith('.') && !now.has(f) && !later(f))
  return gone ? undefined : rendered
}

/** Where a build keeps the missing targets of its broken links, to compare the next build against. */
export const BROKEN_LINKS_FILE = '.broken-links.json'

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
): Promise<{ files: number; pages: number; brokenLinks: string[] }> => {
  const files = await listFiles(dir)
  const problems = KEY_PAGES.filter((p) => !existsSync(path.join(dir, p))).map((p) => `${p} is missing`)
  problems.push(...(await checkSearchIndex(dir, files)))
  const only = await pagesToCheck(files, previous, rendered, later)
  const broken = await findBrokenLinks(dir, files, only)
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
  // Pages carried over unread keep the live build's broken links, where they still do not resolve.
  const set = new Set(files)
  const carried = only && before ? before.filter((link) => !resolves(set, link)) : []
  const targets = [...new Set([...broken.map((b) => b.link), ...carried])].sort()
  await writeFile(path.join(dir, BROKEN_LINKS_FILE), JSON.stringify(targets))
  return { files: files.length, pages: files.filter((f) => f.endsWith('.html')).length, brokenLinks: targets }
}
