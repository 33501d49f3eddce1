/**
 * What each built page costs before anyone touches it, read from the build itself: the page's
 * HTML, its stylesheets, images and the scripts it loads at once (module scripts and everything
 * they import statically; dynamic imports are what islands load later), in gzip bytes. And what
 * each island costs when it starts: its mount chunk and everything that chunk imports.
 */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/** Gzip bytes of a file (level 9, as the build's precompressed copies). */
const gzipCache = new Map<string, number>()
export const gzipBytes = async (file: string): Promise<number> => {
  let n = gzipCache.get(file)
  if (n === undefined) gzipCache.set(file, (n = gzipSync(await readFile(file), { level: 9 }).length))
  return n
}

/** The files a built module imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
const staticImports = (code: string): string[] =>
  [
    ...code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g),
  ].map((m) => m[1])

/** A module and every module it imports statically, as paths under the site root. */
export const moduleClosure = async (
  root: string,
  start: string,
  seen = new Set<string>(),
): Promise<Set<string>> => {
  if (seen.has(start)) return seen
  seen.add(start)
  const code = await readFile(path.join(root, start), 'utf8')
  for (const spec of staticImports(code)) {
    const next = spec.startsWith('/') ? spec : path.posix.join(path.posix.dirname(start), spec)
    if (existsSync(path.join(root, next))) await moduleClosure(root, next, seen)
  }
  return seen
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1]

/** Same-site files a page loads as it opens: stylesheets, module scripts (with their imports), images, icons. */
export const filesBeforeInteraction = async (root: string, html: string): Promise<Set<string>> => {
  const files = new Set<string>()
  const local = (u?: string) =>
    u && u.startsWith('/') && !u.startsWith('//') ? u.split(/[?#]/)[0] : undefined
  for (const [tag] of html.matchAll(/<(?:link|script|img)\b[^>]*>/g)) {
    if (tag.startsWith('<script')) {
      const src = local(attr(tag, 'src'))
      if (src) for (const f of await moduleClosure(root, src)) files.add(f)
    } else if (tag.startsWith('<img')) {
      const src = local(attr(tag, 'src'))
      if (src) files.add(src)
    } else if (/\brel="(stylesheet|modulepreload)"/.test(tag)) {
      const href = local(attr(tag, 'href'))
      if (href) files.add(href)
    }
  }
  return files
}

/** One page's weight before any interaction. */
export type PageWeight = { page: string; htmlGzip: number; totalGzip: number; scripts: number }

/** The weight of every page of a built site, heaviest first. */
export const pageWeights = async (root: string): Promise<PageWeight[]> => {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const pages = entries.filter((e) => e.isFile() && e.name.endsWith('.html'))
  const out: PageWeight[] = []
  for (const e of pages) {
    const file = path.join(e.parentPath, e.name)
    const html = await readFile(file, 'utf8')
    const htmlGzip = await gzipBytes(file)
    let totalGzip = htmlGzip
    let scripts = 0
    for (const f of await filesBeforeInteraction(root, html)) {
      if (!existsSync(path.join(root, f))) continue
      totalGzip += await gzipBytes(path.join(root, f))
      if (f.endsWith('.js')) scripts++
    }
    const rel = `/${path.relative(root, file).split(path.sep).join('/')}`.replace(/index\.html$/, '')
    out.push({ page: rel, htmlGzip, totalGzip, scripts })
  }
  return out.sort((a, b) => b.totalGzip - a.totalGzip)
}

/** What an island downloads when it starts: its mount chunk and everything it imports, in gzip bytes. */
export const islandWeights = async (root: string): Promise<Map<string, number>> => {
  const assets = await readdir(path.join(root, 'assets'))
  const out = new Map<string, number>()
  for (const name of assets.filter((n) => /\.mount\.[\w-]+\.js$/.test(n))) {
    let bytes = 0
    for (const f of await moduleClosure(root, `/assets/${name}`)) bytes += await gzipBytes(path.join(root, f))
    out.set(name.replace(/\.mount\..*$/, ''), bytes)
  }
  return out
}
