/**
 * The offline library: what a build's manifest lists, what an update after a publish fetches, and
 * the addresses the service worker must never keep.
 */
import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isNeverCached, PERSONAL_PAGE_PATHS } from '../../content-models/offline'
import { KEPT_ASSETS_RECORD, keepPreviousAssets } from '../../cms/publish/offline/keptAssets'
import { libraryManifest } from '../../cms/publish/offline/libraryManifest'
import { runtimeCaching, sameOriginPath } from '../../cms/publish/offline/serviceWorker'
import { formatBytes, planUpdate, type SavedLibrary } from '../../site/src/lib/offline/library'

let root: string
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'offline-library-'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

const page = (scripts: string[] = []) =>
  `<html><head><link rel="stylesheet" href="/assets/site.abc.css">${scripts.map((s) => `<script type="module" src="${s}"></script>`).join('')}</head><body></body></html>`

/** A small built site: guides, letters with their files, search index, pages outside the library, assets. */
const build = async (name: string, holidayPay = 'Holiday pay') => {
  const dir = path.join(root, name)
  const files: Record<string, string> = {
    'index.html': page(),
    'guides/index.html': page(['/assets/guides.page.js']),
    'guides/holiday-pay/index.html': `${page()}${holidayPay}`,
    'guides/sick-pay/index.html': page(),
    'templates/index.html': page(),
    'templates/ask-for-pay/index.html': page(['/assets/filler.page.js']),
    'templates/ask-for-pay/ask-for-pay.docx': 'docx',
    'templates/ask-for-pay/ask-for-pay.txt': 'text',
    'topics/pay/index.html': page(),
    'search/index.html': page(['/assets/search.page.js']),
    'offline/index.html': page(),
    'search-index/manifest.json': JSON.stringify({ build: `b-${holidayPay.length}` }),
    'search-index/terms/ho.json': '{}',
    'search-index/docs/0.json': '[]',
    'petitions/fair-rotas/index.html': page(['/assets/sign.page.js']),
    'account/index.html': page(['/assets/account.page.js']),
    'assets/site.abc.css': 'body{}',
    'assets/guides.page.js': 'import("./SaveLibrary.x.js")',
    'assets/SaveLibrary.x.js': 'export {}',
    'assets/filler.page.js': 'import{a}from"./client.y.js";import("./TemplateFiller.mount.z.js")',
    'assets/TemplateFiller.mount.z.js': 'import{a}from"./client.y.js"',
    'assets/client.y.js': 'export const a=1',
    'assets/search.page.js': 'const m=()=>import("./Search.mount.s.js")',
    'assets/Search.mount.s.js': 'import{a}from"./client.y.js"',
    'assets/sign.page.js': 'import("./SignPetition.mount.p.js")',
    'assets/SignPetition.mount.p.js': '',
    'assets/account.page.js': '',
  }
  for (const [file, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await writeFile(path.join(dir, file), body)
  }
  await writeFile(path.join(dir, 'guides/holiday-pay/index.html.gz'), 'zz')
  return dir
}

describe('the library manifest of a build', () => {
  it('lists the guides and letters, their files, the search index and the scripts they load, and nothing else', async () => {
    const manifest = await libraryManifest(await build('one'))
    expect(manifest.files.map((f) => f.url)).toEqual([
      '/',
      '/guides/',
      '/guides/holiday-pay/',
      '/guides/sick-pay/',
      '/offline/',
      '/search/',
      '/templates/',
      '/templates/ask-for-pay/',
      '/topics/pay/',
      '/templates/ask-for-pay/ask-for-pay.docx',
      '/templates/ask-for-pay/ask-for-pay.txt',
      '/search-index/docs/0.json?v=b-11',
      '/search-index/manifest.json',
      '/search-index/terms/ho.json?v=b-11',
      '/assets/SaveLibrary.x.js',
      '/assets/Search.mount.s.js',
      '/assets/TemplateFiller.mount.z.js',
      '/assets/client.y.js',
      '/assets/filler.page.js',
      '/assets/guides.page.js',
      '/assets/search.page.js',
      '/assets/site.abc.css',
    ])
    expect(manifest.counts).toEqual({ guides: 2, letters: 1 })
    const guide = manifest.files.find((f) => f.url === '/guides/holiday-pay/')!
    expect(guide.sent).toBe(2) // the gzip copy's size
    expect(manifest.bytes).toBe(manifest.files.reduce((n, f) => n + f.bytes, 0))
  })

  it('after a guide changes, an update fetches only that guide and the search files, and drops what went', async () => {
    const before = await libraryManifest(await build('before'))
    const after = await libraryManifest(await build('after', 'Holiday pay, updated'))
    expect(after.build).not.toBe(before.build)
    const saved: SavedLibrary = {
      build: before.build,
      savedAt: '2026-12-07T04:00:00Z',
      counts: before.counts,
      bytes: before.bytes,
      files: { ...Object.fromEntries(before.files.map((f) => [f.url, f.hash])), '/guides/gone/': 'x' },
      bases: Object.fromEntries(before.files.flatMap((f) => (f.base ? [[f.url, f.base]] : []))),
    }
    const plan = planUpdate(saved, after)
    expect(plan.fetch.map((f) => f.url)).toEqual([
      '/guides/holiday-pay/',
      '/search-index/docs/0.json?v=b-20',
      '/search-index/manifest.json',
      '/search-index/terms/ho.json?v=b-20',
    ])
    expect(plan.drop.sort()).toEqual([
      '/guides/gone/',
      '/search-index/docs/0.json?v=b-11',
      '/search-index/terms/ho.json?v=b-11',
    ])
    expect(planUpdate(null, after).fetch).toHaveLength(after.files.length)
  })

  it('hashes a blank Word letter by what it is made from, as the docx package writes the time into it', async () => {
    const first = await build('docx-first')
    const again = await build('docx-again')
    const docx = 'templates/ask-for-pay/ask-for-pay.docx'
    await writeFile(path.join(again, docx), 'the same letter, written a second later')
    const hashOf = async (dir: string, docxMaker = 'maker-1') =>
      (await libraryManifest(dir, { docxMaker })).files.find((f) => f.url === `/${docx}`)!.hash
    expect(await hashOf(again)).toBe(await hashOf(first))
    // The code that makes Word files changed: every letter is fetched again.
    expect(await hashOf(again, 'maker-2')).not.toBe(await hashOf(first))
    // A deploy changed the letter page's scripts and styles only: the letter is the same.
    const page = path.join(again, 'templates/ask-for-pay/index.html')
    await writeFile(
      page,
      (await readFile(page, 'utf8')).replaceAll('/assets/site.abc.css', '/assets/site.new.css'),
    )
    expect(await hashOf(again)).toBe(await hashOf(first))
    await writeFile(path.join(again, 'templates/ask-for-pay/ask-for-pay.txt'), 'the letter, changed')
    expect(await hashOf(again)).not.toBe(await hashOf(first))
  })

  it('says sizes in words', () => {
    expect([formatBytes(300), formatBytes(250_000), formatBytes(2_400_000)]).toEqual([
      '1 KB',
      '244 KB',
      '2.3 MB',
    ])
  })
})

describe('scripts and styles of earlier builds', () => {
  it('keeps the live build’s old assets for a week, so a page open across a deploy still loads its island', async () => {
    const live = path.join(root, 'live-assets')
    const next = path.join(root, 'next-assets')
    await mkdir(path.join(live, 'assets'), { recursive: true })
    await mkdir(path.join(next, 'assets'), { recursive: true })
    for (const f of ['now.js', 'island.old.js', 'island.old.js.br', 'stale.js'])
      await writeFile(path.join(live, 'assets', f), f)
    await writeFile(path.join(next, 'assets', 'now.js'), 'now, rendered again')
    const now = new Date('2026-12-07T04:00:00Z')
    await writeFile(
      path.join(live, KEPT_ASSETS_RECORD),
      JSON.stringify({ 'stale.js': '2026-11-29T04:00:00Z' }),
    )
    expect(await keepPreviousAssets(next, live, now)).toBe(1)
    expect((await readdir(path.join(next, 'assets'))).sort()).toEqual([
      'island.old.js',
      'island.old.js.br',
      'now.js',
    ])
    expect((await stat(path.join(next, 'assets/island.old.js'))).ino).toBe(
      (await stat(path.join(live, 'assets/island.old.js'))).ino,
    )
    expect(await readFile(path.join(next, 'assets/now.js'), 'utf8')).toBe('now, rendered again')
    expect(JSON.parse(await readFile(path.join(next, KEPT_ASSETS_RECORD), 'utf8'))).toEqual({
      'island.old.js': now.toISOString(),
    })
  })
})

describe('what the service worker never keeps', () => {
  it('keeps no account, conversation or adviser-reply page, no petition or open letter (they show names), and no API', () => {
    for (const p of [
      '/account/',
      '/networks/cleaners/talk/',
      '/ask/reply/',
      '/api/public/count',
      '/petitions/fair-rotas/',
      '/open-letters/safe-staffing/',
    ])
      expect(isNeverCached(p), p).toBe(true)
    for (const p of [
      '/guides/holiday-pay/',
      '/networks/cleaners/',
      '/ask/',
      '/accounts-guide/',
      '/petitions/',
      '/open-letters/',
    ])
      expect(isNeverCached(p), p).toBe(false)
  })

  it('matches those paths on the site’s own origin only, never on the CMS’s', () => {
    const personal = runtimeCaching[1]!.urlPattern as RegExp
    expect(personal).toEqual(sameOriginPath(...PERSONAL_PAGE_PATHS))
    // Workbox routes another origin's address only when the pattern matches from its first character.
    const match = (url: string) => personal.exec(url)?.index
    expect(match('https://site.example/account/')).toBeGreaterThan(0)
    expect(match('https://site.example/networks/cleaners/talk/')).toBeGreaterThan(0)
    expect(match('https://site.example/petitions/fair-rotas/')).toBeGreaterThan(0)
    expect(match('https://cms.example/account/')).not.toBe(0)
    expect(match('https://site.example/guides/account/')).toBeUndefined()
  })
})
