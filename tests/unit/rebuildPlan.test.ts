import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { mergeReasons, startTime } from '../../cms/jobs/rebuild/queueRebuild'
import { internalLinks, pagePathOf, resolves } from '../../cms/publish/checkBuild'
import {
  carryOver,
  planFolders,
  planIncremental,
  ROUTE_DIRS,
  ROUTE_READS,
} from '../../cms/publish/incremental'
import { PUBLIC_COLLECTIONS, type PublicCollection } from '../../content-models/constants'
import { rollbackTo } from '../../cms/publish/rollback'
import { sitePaths, switchLive } from '../../cms/publish/buildSite'
import { rebuildReason } from '../../content-models/hooks/rebuildDecision'
import { guide, planBefore } from '../helpers/planFixture'

describe('which writes need a site build', () => {
  const base = { collection: 'guides', hasDrafts: true, savingDraft: false }
  it('a publish, an unpublish and a change while published do; a draft save never does', () => {
    expect(
      rebuildReason({
        ...base,
        operation: 'update',
        doc: { slug: 'pay', _status: 'published' },
        previousDoc: { _status: 'draft' },
      }),
    ).toBe('guides/pay published')
    expect(
      rebuildReason({
        ...base,
        operation: 'update',
        doc: { slug: 'pay', _status: 'draft' },
        previousDoc: { _status: 'published' },
      }),
    ).toBe('guides/pay unpublished')
    expect(
      rebuildReason({
        ...base,
        operation: 'update',
        doc: { slug: 'pay', _status: 'published', title: 'B' },
        previousDoc: { _status: 'published', title: 'A' },
      }),
    ).toBe('guides/pay changed')
    expect(
      rebuildReason({
        ...base,
        savingDraft: true,
        operation: 'update',
        doc: { slug: 'pay', _status: 'draft' },
        previousDoc: { _status: 'published' },
      }),
    ).toBeNull()
    expect(rebuildReason({ ...base, operation: 'create', doc: { slug: 'new', _status: 'draft' } })).toBeNull()
  })
  it('a petition counts only once public, and a new signature count alone changes nothing', () => {
    const p = { collection: 'petitions', hasDrafts: false, savingDraft: false, operation: 'update' as const }
    expect(
      rebuildReason({
        ...p,
        doc: { slug: 'x', state: 'draft', title: 'B' },
        previousDoc: { state: 'draft', title: 'A' },
      }),
    ).toBeNull()
    expect(
      rebuildReason({
        ...p,
        doc: { slug: 'x', state: 'open', signatureCount: 9 },
        previousDoc: { slug: 'x', state: 'open', signatureCount: 8 },
      }),
    ).toBeNull()
    expect(
      rebuildReason({ ...p, doc: { slug: 'x', state: 'closed' }, previousDoc: { slug: 'x', state: 'open' } }),
    ).toBe('petitions/x changed')
  })
})

describe('debounce and reasons', () => {
  const base = { quiet: false, firstWaiting: null, waitingDue: null, debounce: 2000, maxWait: 30_000 }
  const at = (now: number, rest: Partial<Parameters<typeof startTime>[0]> = {}) =>
    startTime({ ...base, now, ...rest }).getTime()
  it('starts the first build after a quiet spell at once', () => {
    expect(at(10_000, { quiet: true })).toBe(10_000)
  })
  it('waits the debounce after the newest edit, but never past the max wait from the first', () => {
    expect(at(10_000)).toBe(12_000)
    expect(at(50_000, { firstWaiting: 25_000, waitingDue: 51_000 })).toBe(52_000)
    expect(at(60_000, { firstWaiting: 25_000, waitingDue: 55_000 })).toBe(55_000)
  })
  it('never delays a waiting build that is already due: a new edit joins it', () => {
    expect(at(10_300, { firstWaiting: 10_000, waitingDue: 10_000 })).toBe(10_000)
    expect(at(10_300, { firstWaiting: 10_000, waitingDue: 10_300 })).toBe(10_300)
    expect(at(10_300, { firstWaiting: 10_000, waitingDue: 10_301 })).toBe(12_300)
  })
  it('joins reasons once each', () => {
    expect(mergeReasons(['guides/a published; guides/b published', 'guides/a published', null])).toBe(
      'guides/a published; guides/b published',
    )
  })
})

describe('incremental build plan', () => {
  const before = planBefore
  it('renders the changed guide, the guides that link to it and the list pages that show it, and nothing else', () => {
    const after = {
      ...before,
      guides: [
        guide(1, 'a', { title: 'A new title', topics: [{ slug: 'pay', title: 'Pay' }] }),
        before.guides[1]!,
        before.guides[2]!,
      ],
    }
    expect(planIncremental(before, after, false)).toEqual({
      full: false,
      render: { guides: ['a', 'b'] },
      folders: planFolders(new Set(['guides'])),
      pages: ['/guides/', '/topics/pay/'],
      remove: {},
      gonePages: [],
      changed: 1,
    })
  })
  it('drops the old page of a renamed or removed guide', () => {
    const after = {
      ...before,
      guides: [guide(1, 'a2', { topics: [{ slug: 'pay', title: 'Pay' }] }), before.guides[1]!],
    }
    const plan = planIncremental(before, after, false)
    expect(plan).toMatchObject({ full: false, remove: { guides: ['a', 'c'] } })
  })
  it('builds everything when a topic or the site settings change', () => {
    expect(planIncremental(before, before, true)).toEqual({
      full: true,
      reason: 'site settings changed',
    })
    expect(
      planIncremental(before, { ...before, topics: [{ id: 9, slug: 'pay', title: 'Money' }] }, false),
    ).toMatchObject({ full: true })
  })
})

describe('build checks', () => {
  it('finds internal links and resolves them as the static server does', () => {
    expect(
      internalLinks(
        '<a href="/guides/pay/#steps">x</a><a href="https://gov.uk/">y</a><a href="mailto:a@b">z</a><img src="../assets/s.css">',
        '/guides/pay/',
      ),
    ).toEqual(['/guides/pay/', '/guides/assets/s.css'])
    const files = new Set(['index.html', 'guides/pay/index.html', 'favicon.svg'])
    expect(resolves(files, '/guides/pay/')).toBe(true)
    expect(resolves(files, '/guides/pay')).toBe(true)
    expect(resolves(files, '/favicon.svg')).toBe(true)
    expect(resolves(files, '/join/')).toBe(false)
    expect(pagePathOf('guides/pay/index.html')).toBe('/guides/pay/')
  })
})

describe('carrying over and rolling back', () => {
  it("carries unchanged pages over, drops removed ones, and keeps the new build's sitemap", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'bw-carry-'))
    try {
      const prev = path.join(root, 'prev')
      const next = path.join(root, 'next')
      for (const [f, body] of [
        ['guides/a/index.html', 'A'],
        ['guides/gone/index.html', 'G'],
        [
          'sitemap-0.xml',
          '<urlset><url><loc>http://x/guides/a/</loc></url><url><loc>http://x/guides/gone/</loc></url></urlset>',
        ],
      ]) {
        await mkdir(path.dirname(path.join(prev, f!)), { recursive: true })
        await writeFile(path.join(prev, f!), body!)
      }
      await mkdir(path.join(next, 'guides/b'), { recursive: true })
      await writeFile(path.join(next, 'guides/b/index.html'), 'B')
      await writeFile(
        path.join(next, 'sitemap-0.xml'),
        '<urlset><url><loc>http://x/guides/b/</loc></url></urlset>',
      )
      expect(await carryOver(prev, next, { guides: ['gone'] })).toBe(1)
      expect(await readFile(path.join(next, 'guides/a/index.html'), 'utf8')).toBe('A')
      await expect(readFile(path.join(next, 'guides/gone/index.html'))).rejects.toThrow()
      // The renderer lists every page in the new build's sitemap; the old one is never carried over.
      expect(await readFile(path.join(next, 'sitemap-0.xml'), 'utf8')).toBe(
        '<urlset><url><loc>http://x/guides/b/</loc></url></urlset>',
      )
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })

  it('rolls back to the build before the live one, or to a named one, and refuses an unknown one', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'bw-rollback-'))
    try {
      const paths = sitePaths(root)
      for (const id of ['20261101000000-aaa', '20261102000000-bbb', '20261103000000-ccc']) {
        await mkdir(path.join(paths.builds, id), { recursive: true })
        await writeFile(path.join(paths.builds, id, 'index.html'), id)
      }
      await switchLive(paths.live, path.join(paths.builds, '20261103000000-ccc'))
      expect(await rollbackTo(null, paths)).toEqual({ from: '20261103000000-ccc', to: '20261102000000-bbb' })
      expect(path.basename(await realpath(paths.live))).toBe('20261102000000-bbb')
      expect((await rollbackTo('20261103000000-ccc', paths)).to).toBe('20261103000000-ccc')
      await expect(rollbackTo('../../etc', paths)).rejects.toThrow(/no kept build "..\/..\/etc"/)
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})

/** What a page file reads from the snapshot, from its source: the collections it names. */
const readsOf = (source: string): Set<PublicCollection> => {
  const named = new Set<PublicCollection>()
  const mentioned = (text: string) => {
    for (const c of PUBLIC_COLLECTIONS)
      if (new RegExp(`(^|[^\\w-])'?${c}'?([^\\w-]|$)`).test(text)) named.add(c)
  }
  // `const { guides, 'training-sessions': sessions } = loadSnapshot()`, `loadSnapshot().unions`, `snapshot['training-sessions']`
  for (const m of source.matchAll(/const\s*\{([^}]*)\}\s*=\s*loadSnapshot\(\)/g)) mentioned(m[1]!)
  for (const m of source.matchAll(/(?:loadSnapshot\(\)|snapshot)(?:\.([\w]+)|\['([\w-]+)'\])/g))
    mentioned(m[1] ?? m[2]!)
  // Components and modules that read whole collections.
  if (/SignupForm/.test(source)) for (const c of ['networks', 'training-sessions'] as const) named.add(c)
  if (/siteIndex/.test(source))
    for (const c of ['guides', 'templates', 'training-sessions', 'unions', 'networks'] as const) named.add(c)
  return named
}

describe('what each folder of the site reads (for incremental builds)', () => {
  it('lists every collection a page reads beyond its own entry', async () => {
    const pagesDir = path.resolve('site/src/pages')
    const files = (await readdir(pagesDir, { recursive: true })).filter(
      (f) => /\.(astro|ts)$/.test(f) && !path.basename(f).startsWith('_'),
    )
    const ownOf = Object.fromEntries(Object.entries(ROUTE_DIRS).map(([c, dir]) => [dir, c]))
    const missing: string[] = []
    for (const file of files) {
      const parts = file.split(path.sep)
      const folder =
        parts.length > 1 ? parts[0]! : file === 'index.astro' ? '' : file.replace(/\.(astro|ts)$/, '')
      const reads = ROUTE_READS[folder]
      if (!reads) continue // not listed: rendered by every build
      const detail = parts[1]?.startsWith('[slug]') ?? false
      const allowed = new Set<string>(
        detail
          ? [ownOf[folder]!, ...[reads.everyPage, reads.linkedFrom, reads.paginated].flatMap((r) => r ?? [])]
          : [ownOf[folder]!, ...reads.lists],
      )
      for (const c of readsOf(await readFile(path.join(pagesDir, file), 'utf8'))) {
        if (!allowed.has(c))
          missing.push(
            `${file} reads ${c}, not in ROUTE_READS['${folder}']${detail ? '.everyPage, .linkedFrom or .paginated' : '.lists'}`,
          )
      }
    }
    expect(missing).toEqual([])
  })

  it('renders a folder whole, its lists, or nothing, by what changed', () => {
    const folders = planFolders(new Set(['guides']))
    expect(folders).toMatchObject({
      '': 'lists',
      guides: 'lists',
      'search-index': 'lists',
      'rss.xml': 'lists',
      training: 'none',
      unions: 'none',
      petitions: 'none',
    })
    expect(planFolders(new Set(['training-sessions']))).toMatchObject({
      training: 'all',
      networks: 'all',
      join: 'lists',
      guides: 'none',
    })
  })
})
