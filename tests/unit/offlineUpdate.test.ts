/**
 * Updating a saved library after a deploy: what the plan fetches, rewrites on the device and
 * drops, the hash of the code that makes Word letters, and how the service worker keeps what the
 * reader opened (expiring) apart from the saved library (kept until updated or removed).
 */
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  KEEP_PAGE_HEADER,
  LIBRARY_FETCH_HEADER,
  OFFLINE_CACHES,
  withAssets,
  withoutAssets,
  type LibraryManifest,
} from '../../content-models/offline'
import { docxMakerFingerprint, docxMakers } from '../../cms/publish/offline/docxMaker'
import { libraryManifest } from '../../cms/publish/offline/libraryManifest'
import { fromSavedLibrary, READER_EXPIRATION, runtimeCaching } from '../../cms/publish/offline/serviceWorker'
import { savedOn } from '../../site/src/lib/offline/offlineNotice'
import {
  assetUrls,
  contentHash,
  planUpdate,
  updateWords,
  type SavedLibrary,
} from '../../site/src/lib/offline/libraryPlan'

let root: string
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'offline-update-'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

const write = async (dir: string, files: Record<string, string>) => {
  for (const [file, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await writeFile(path.join(dir, file), body)
  }
  return dir
}

/** A build whose pages load the style `css` and the script `js` (names as Vite gives them: <stem>.<hash>.<ext>). */
const build = (
  name: string,
  { css = 'index.AAAA1111.css', js = 'Base.BBBB2222.js', words = 'Sick pay' } = {},
) => {
  const page = (title: string) =>
    `<html><head><link rel="stylesheet" href="/assets/${css}"><script type="module" src="/assets/${js}"></script></head><body><h1>${title}</h1></body></html>`
  return write(path.join(root, name), {
    'guides/index.html': page('Guides'),
    'guides/holiday-pay/index.html': page('Holiday pay'),
    'guides/sick-pay/index.html': page(words),
    'templates/ask/index.html': page('Ask for pay'),
    'templates/ask/ask.docx': `docx written at ${name}`,
    'templates/ask/ask.txt': 'Dear manager',
    [`assets/${css}`]: `body{color:${css}}`,
    [`assets/${js}`]: `console.log(${JSON.stringify(js)})`,
  })
}

const savedOf = (m: LibraryManifest): SavedLibrary => ({
  build: m.build,
  savedAt: '2026-12-07T04:00:00Z',
  counts: m.counts,
  bytes: m.bytes,
  files: Object.fromEntries(m.files.map((f) => [f.url, f.hash])),
  bases: Object.fromEntries(m.files.flatMap((f) => (f.base ? [[f.url, f.base]] : []))),
})

const urls = (files: { url: string }[]) => files.map((f) => f.url).sort()

describe('updating a saved library after a deploy', () => {
  it('after a deploy that changed only a stylesheet, fetches that stylesheet, rewrites the pages and drops the old one', async () => {
    const before = await libraryManifest(await build('css-before'), { docxMaker: 'm1' })
    const afterDir = await build('css-after', { css: 'index.CCCC3333.css' })
    const after = await libraryManifest(afterDir, { docxMaker: 'm1' })
    const plan = planUpdate(savedOf(before), after)
    expect(urls(plan.fetch)).toEqual(['/assets/index.CCCC3333.css'])
    expect(urls(plan.rewrite)).toEqual([
      '/guides/',
      '/guides/holiday-pay/',
      '/guides/sick-pay/',
      '/templates/ask/',
    ])
    expect(plan.drop).toEqual(['/assets/index.AAAA1111.css'])
    expect(plan.sent).toBe('body{color:index.CCCC3333.css}'.length)
    expect(updateWords(plan)).toBe(
      'Updating: 1 KB to download (1 file); 4 pages are brought up to date on this device.',
    )

    // The saved copy of a page, rewritten with the new build's addresses, is the new page byte for byte.
    const page = after.files.find((f) => f.url === '/guides/sick-pay/')!
    expect(assetUrls(after, page)).toEqual(['/assets/index.CCCC3333.css', '/assets/Base.BBBB2222.js'])
    const old = await readFile(path.join(root, 'css-before/guides/sick-pay/index.html'), 'utf8')
    const rewritten = withAssets(old, assetUrls(after, page))!
    expect(rewritten).toBe(await readFile(path.join(afterDir, 'guides/sick-pay/index.html'), 'utf8'))
    expect(await contentHash(new TextEncoder().encode(rewritten))).toBe(page.hash)
    expect(page.hash).toBe(createHash('sha256').update(rewritten).digest('hex').slice(0, 16))
  })

  it('fetches a page whose words changed in the same deploy, and a saved page of an older island that kept no bases', async () => {
    const before = await libraryManifest(await build('words-before'), { docxMaker: 'm1' })
    const after = await libraryManifest(
      await build('words-after', { js: 'Base.DDDD4444.js', words: 'Sick pay, updated' }),
      { docxMaker: 'm1' },
    )
    const plan = planUpdate(savedOf(before), after)
    expect(urls(plan.fetch)).toEqual(['/assets/Base.DDDD4444.js', '/guides/sick-pay/'])
    expect(urls(plan.rewrite)).toEqual(['/guides/', '/guides/holiday-pay/', '/templates/ask/'])
    expect(plan.drop).toEqual(['/assets/Base.BBBB2222.js'])
    // The letter's Word file is made by the same code from the same words: not fetched.
    expect(urls(plan.fetch)).not.toContain('/templates/ask/ask.docx')

    const older = planUpdate({ ...savedOf(before), bases: {} }, after)
    expect(older.rewrite).toEqual([])
    expect(urls(older.fetch)).toEqual([
      '/assets/Base.DDDD4444.js',
      '/guides/',
      '/guides/holiday-pay/',
      '/guides/sick-pay/',
      '/templates/ask/',
    ])
  })

  it('refuses a rewrite when the page names a different number of scripts and styles', () => {
    expect(
      withAssets('<script src="/assets/a.1.js"></script>', ['/assets/a.2.js', '/assets/b.2.js']),
    ).toBeNull()
    expect(withoutAssets('<link href="/assets/index.C6RAL70T.css"><a href="/assets-guide/">')).toBe(
      '<link href="/assets/"><a href="/assets-guide/">',
    )
  })
})

describe('the code that makes Word letters', () => {
  it('is the .docx page and the modules it imports for their code, with the docx package’s version', async () => {
    const { files, packages } = await docxMakers(process.cwd())
    expect(files).toContain('site/src/lib/letter/docx.ts')
    expect(files).toContain('site/src/pages/templates/[slug]/[name].docx.ts')
    expect(files).not.toContain('site/src/lib/letter/email.ts')
    expect(files.filter((f) => f.startsWith('site/src/islands/'))).toEqual([])
    expect(packages.map((p) => p.split('@')[0])).toEqual(['docx'])
  })

  it('changes its fingerprint when a module that makes letters changes, and only then', async () => {
    const fake = await write(path.join(root, 'project'), {
      'site/src/pages/templates/[slug]/[name].docx.ts':
        "import type { APIRoute } from 'astro'\nimport { make } from '../../../lib/letter'\n",
      'site/src/lib/letter/index.ts': "export { make } from './docx'\n",
      'site/src/lib/letter/docx.ts': "import { Packer } from 'docx'\nexport const make = 1\n",
      'site/src/islands/Search.tsx': 'export const search = 1\n',
      'node_modules/docx/package.json': '{"version":"9.0.0"}',
    })
    const first = await docxMakerFingerprint(fake)
    await writeFile(path.join(fake, 'site/src/islands/Search.tsx'), 'export const search = 2\n')
    expect(await docxMakerFingerprint(fake)).toBe(first)
    await writeFile(
      path.join(fake, 'site/src/lib/letter/docx.ts'),
      "import { Packer } from 'docx'\nexport const make = 2\n",
    )
    const second = await docxMakerFingerprint(fake)
    expect(second).not.toBe(first)
    await writeFile(path.join(fake, 'node_modules/docx/package.json'), '{"version":"9.1.0"}')
    expect(await docxMakerFingerprint(fake)).not.toBe(second)
  })
})

describe('what the service worker keeps', () => {
  const routeFor = (url: string, init: RequestInit & { mode?: string } = {}) => {
    const request = { url, mode: init.mode ?? 'cors', headers: new Headers(init.headers) }
    return runtimeCaching.find((r) => {
      const p = r.urlPattern
      if (p instanceof RegExp) return p.test(url)
      return typeof p === 'function' && (p as (o: unknown) => boolean)({ request, url: new URL(url) })
    })
  }

  it('expires pages, letters and search files the reader opened after 30 days or past 200, and never the saved library', () => {
    expect(READER_EXPIRATION).toEqual({ maxAgeSeconds: 2_592_000, maxEntries: 200, purgeOnQuotaError: true })
    for (const [url, mode] of [
      ['https://site.example/guides/holiday-pay/', 'navigate'],
      ['https://site.example/templates/ask/ask.docx', 'cors'],
      ['https://site.example/search-index/manifest.json', 'cors'],
    ] as const) {
      const options = routeFor(url, { mode })!.options!
      expect(options.expiration, url).toBe(READER_EXPIRATION)
      // Workbox runs a route's plugins in the order its options are written: the expiry first.
      const keys = Object.keys(options)
      expect(keys.indexOf('expiration')).toBeLessThan(keys.indexOf('plugins'))
      expect(options.plugins!.at(-1)).toBe(fromSavedLibrary)
      expect(options.cacheName).not.toBe(OFFLINE_CACHES.saved)
    }
    for (const r of runtimeCaching) expect(r.options?.cacheName).not.toBe(OFFLINE_CACHES.saved)
  })

  it('answers from the saved library only when the route’s own cache has no fresh copy', async () => {
    const own = new Response('opened')
    const saved = new Response('saved')
    const match = vi.fn(async () => saved)
    vi.stubGlobal('caches', { match })
    const request = new Request('https://site.example/guides/sick-pay/')
    const use = fromSavedLibrary.cachedResponseWillBeUsed
    expect(await use({ request, cachedResponse: own })).toBe(own)
    expect(await use({ request })).toBe(saved)
    expect(match).toHaveBeenCalledWith(request, { cacheName: OFFLINE_CACHES.saved, ignoreVary: true })
    vi.unstubAllGlobals()
  })

  it('sends the island’s own fetches to the network uncached, and the first page opened to the page route', () => {
    const library = routeFor('https://site.example/assets/a.1.js', {
      headers: { [LIBRARY_FETCH_HEADER]: '1' },
    })!
    expect(library.handler).toBe('NetworkOnly')
    expect(routeFor('https://site.example/assets/a.1.js')!.handler).toBe('CacheFirst')
    const first = routeFor('https://site.example/guides/sick-pay/', { headers: { [KEEP_PAGE_HEADER]: '1' } })!
    expect(first.options!.cacheName).toBe(OFFLINE_CACHES.pages)
    expect(routeFor('https://site.example/guides/sick-pay/')).toBeUndefined()
  })
})

describe('what the offline banner says', () => {
  const cachesWith = (dates: Record<string, string>) => ({
    open: async (name: string) => ({
      match: async () => (dates[name] ? new Response('', { headers: { Date: dates[name] } }) : undefined),
    }),
  })

  it('dates the reader’s own copy while it is under 30 days old, else the saved library’s', async () => {
    const now = Date.parse('2026-12-07T12:00:00Z')
    vi.stubGlobal(
      'caches',
      cachesWith({
        'bw-pages': 'Mon, 09 Nov 2026 12:00:00 GMT',
        'bw-saved': 'Tue, 01 Sep 2026 08:00:00 GMT',
      }),
    )
    expect(await savedOn('/guides/sick-pay/', now)).toEqual(new Date('2026-11-09T12:00:00Z'))
    expect(await savedOn('/guides/sick-pay/', now + 3 * 24 * 60 * 60 * 1000)).toEqual(
      new Date('2026-09-01T08:00:00Z'),
    )
    vi.stubGlobal('caches', cachesWith({}))
    expect(await savedOn('/guides/sick-pay/', now)).toBeNull()
    vi.unstubAllGlobals()
  })
})
