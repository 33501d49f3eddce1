/**
 * An incremental build writes the same site as a full build of the same snapshot. A corpus of 200
 * guides (scripts/generate-corpus.ts; its first topic holds 51 guides, so its list has a second
 * page) is built fully; one guide on that second page then gets a new title and summary, one
 * guide is added and one removed, and the new snapshot is built twice: incrementally on top of
 * the first build, and fully into a folder of its own. Every file of the two builds is compared,
 * byte for byte.
 *
 * Search numbers each document as the live build did (site/src/lib/search/docNumbers.ts), so an
 * added or removed guide rewrites only its own search files, and each search file keeps the live
 * build's generation (its address) while its bytes are the live copy's (generations.ts): a build's
 * search index depends on the snapshot and on the live build's index. The full build here is given
 * the first build as its live build (`searchNumbersFrom`), as every build with a live build is, so
 * the two are compared like with like, the manifest's generations included.
 *
 * What legitimately differs, and is masked (the same masks as renderContract.int.test.ts): a
 * calendar file's DTSTAMP lines and a .docx file's zip entry dates and docProps/core.xml dates
 * record when the file was written (the `ics` and `docx` packages), and an incremental build
 * carries those files over from the build before; their brotli and gzip copies are compared
 * unpacked, with the same masks. The offline library's manifest records each file's size, and a
 * .docx file's size moves with the dates in it: a .docx entry's sizes are masked there (its hash,
 * made without those dates, is compared), and so are the manifest's totals. One file is left out, in NOT_COMPARED below. Every other file,
 * the build's own records (.fingerprint, .routes.json, .links.json, .broken-links.json…) included,
 * must be identical.
 */
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite, sitePaths, type SiteBuildResult } from '../../cms/publish'
import { LIBRARY_RECORD } from '../../cms/publish/offline/libraryRecord'
import { guidesInTopic } from '../../content-models/lists'
import { generateCorpus, writeCorpus } from '../../scripts/generate-corpus'
import { buildSearchIndex, serialiseSearchIndex } from '../../site/src/lib/search/buildIndex'
import { docTableOf, numberDocuments } from '../../site/src/lib/search/docNumbers'
import { documentsFromSnapshot } from '../../site/src/lib/search/documents'
import { compareBuilds, withoutWriteTimes } from '../helpers/compareBuilds'
import { changedSearchFiles, liveOf } from '../helpers/searchFixture'

const BUILD_TIMEOUT = 600_000
const SIZE = { guides: 200, templates: 30, sessions: 30, unions: 20, petitions: 10, networks: 12 }
/**
 * Files a build writes from the build before it, not from the snapshot. `.kept-assets.json` lists
 * the live build's scripts and styles the new build keeps for pages readers still have open
 * (cms/publish/offline/keptAssets.ts): only a build with a live build before it writes one.
 * `.library-files.json` keys what the offline library found of each file by its inode
 * (cms/publish/offline/libraryRecord.ts), which differs between any two builds; the library
 * manifest made from it (offline/library.json) is compared.
 */
const NOT_COMPARED = new Set(['.kept-assets.json', LIBRARY_RECORD])
let root = ''
let before: SiteBuildResult
let incremental: SiteBuildResult
let full: SiteBuildResult
let edited = ''
let added = ''
let removed = ''
/**
 * The search index files (path under search-index/ → JSON) of the first snapshot, of the second
 * numbered from the first (and given its generations), and of the second numbered afresh (as every build numbered before).
 */
let searchFiles: [Map<string, string>, Map<string, string>, Map<string, string>]

/** A file's bytes as compared: unpacked if compressed, without the times of writing described above. */
const comparable = async (file: string, bytes: Buffer): Promise<Buffer> => {
  if (file.endsWith('.br')) return comparable(file.slice(0, -3), brotliDecompressSync(bytes))
  if (file.endsWith('.gz')) return comparable(file.slice(0, -3), gunzipSync(bytes))
  if (file === 'offline/library.json')
    return Buffer.from(
      bytes
        .toString('utf8')
        .replace(/("url":"[^"]+\.docx","hash":"\w+","bytes":)\d+,"sent":\d+/g, '$1<n>,"sent":<n>')
        .replace(/\],"bytes":\d+,"sent":\d+\}$/, '],"bytes":<n>,"sent":<n>}'),
    )
  return withoutWriteTimes(file, bytes)
}

beforeAll(async () => {
  // Inside the project (data/ is git-ignored), as in production: Astro resolves packages from there.
  // data/ is made by the first `npm start` or build; a fresh clone has none.
  await mkdir(path.join(process.cwd(), 'data'), { recursive: true })
  root = await mkdtemp(path.join(process.cwd(), 'data', 'incremental-matches-full-'))
  const corpus = await generateCorpus(SIZE)
  const first = path.join(root, 'snapshot-1')
  await writeCorpus(first, corpus)
  const paths = sitePaths(path.join(root, 'a'))
  before = await buildSite({ snapshotDir: first, paths, buildId: 'first' })

  const onSecondPage = guidesInTopic(corpus.guides, corpus.topics[0]!.slug)[50]!
  edited = onSecondPage.slug
  const second = path.join(root, 'snapshot-2')
  const [model, gone] = [corpus.guides[20]!, corpus.guides[120]!]
  added = `${model.slug}-added`
  removed = gone.slug
  const unlinked = <T extends { relatedGuides: { slug: string }[] }>(x: T): T => ({
    ...x,
    relatedGuides: x.relatedGuides.filter((r) => r.slug !== removed),
  })
  const guides = corpus.guides.flatMap((g) =>
    g.slug === edited
      ? [{ ...g, title: `Zz ${g.title}`, summary: 'A new summary.', updatedAt: '2026-12-01T00:00:00.000Z' }]
      : g === model
        ? [
            g,
            {
              ...g,
              id: 100_000,
              slug: added,
              title: `${g.title} (added)`,
              updatedAt: '2026-12-01T00:00:00.000Z',
            },
          ]
        : g === gone
          ? []
          : [g],
  )
  const changed = { ...corpus, guides: guides.map(unlinked), templates: corpus.templates.map(unlinked) }
  await writeCorpus(second, changed)
  const firstIndex = buildSearchIndex(documentsFromSnapshot(corpus))
  const table = docTableOf(firstIndex.manifest, (n) => firstIndex.titleBlocks[n])
  searchFiles = [
    serialiseSearchIndex(firstIndex),
    serialiseSearchIndex(
      buildSearchIndex(numberDocuments(documentsFromSnapshot(changed), table), { live: liveOf(firstIndex) }),
    ),
    serialiseSearchIndex(buildSearchIndex(documentsFromSnapshot(changed))),
  ]
  incremental = await buildSite({ snapshotDir: second, paths, buildId: 'second', incremental: true })
  full = await buildSite({
    snapshotDir: second,
    paths: sitePaths(path.join(root, 'b')),
    buildId: 'second',
    searchNumbersFrom: before.dir,
  })
}, BUILD_TIMEOUT)

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('an incremental build', () => {
  it('renders only the changed guides, what shows them and the list pages they moved between', () => {
    expect(incremental.mode).toBe('incremental')
    expect(incremental.rendered).toBeLessThan(full.rendered! / 4)
  })

  it('writes only the search index files that changed, and carries the others over from the live build', async () => {
    const expected = changedSearchFiles(searchFiles[0], searchFiles[1])
    // The manifest, the tables of every document (lengths, nations), the changed guides' title and
    // summary blocks, the shards of their terms: far fewer than numbering afresh would change.
    expect(expected.length).toBeLessThan(changedSearchFiles(searchFiles[0], searchFiles[2]).length * 0.75)
    const differ: string[] = []
    for (const file of searchFiles[1].keys()) {
      const [was, now] = [before.dir, incremental.dir].map((d) => path.join(d, 'search-index', file))
      const inodes = (f: string) =>
        Promise.all(
          [f, `${f}.gz`].map((g) =>
            stat(g).then(
              (s) => s.ino,
              () => 0,
            ),
          ),
        )
      const [a, b] = await Promise.all([inodes(was), inodes(now)])
      // Carried over: the live build's own file, and its compressed copy with it.
      if (a[0] === b[0]) {
        expect(a[1], file).toBe(b[1])
        continue
      }
      differ.push(file)
      expect(await readFile(now, 'utf8')).toBe(searchFiles[1].get(file))
    }
    expect(differ.sort()).toEqual(expected.filter((f) => searchFiles[1].has(f)))
    expect(incremental.searchFiles).toEqual({ written: differ.length, all: searchFiles[1].size })
  })

  it('writes every file exactly as a full build of the same snapshot does', async () => {
    const names: [string, string] = ['the full build', 'the incremental build']
    const skip = (f: string) => NOT_COMPARED.has(f)
    expect(await compareBuilds(full.dir, incremental.dir, { names, comparable, skip })).toEqual([])
    // The scripts and styles are the same as the live build's: it keeps none of its own.
    expect(await readFile(path.join(incremental.dir, '.kept-assets.json'), 'utf8')).toBe('{}')
    // Most of the library's entries came from the live build's record, and still match the full build's.
    expect(incremental.offline!.libraryReused).toBeGreaterThan(incremental.offline!.libraryFiles / 2)
    expect(full.offline!.libraryReused).toBe(0)
    const page = await readFile(path.join(incremental.dir, 'guides', edited, 'index.html'), 'utf8')
    expect(page).toContain('A new summary.')
    expect(await readFile(path.join(incremental.dir, 'guides', added, 'index.html'), 'utf8')).toContain(
      '(added)',
    )
    await expect(stat(path.join(incremental.dir, 'guides', removed, 'index.html'))).rejects.toThrow()
  })
})
