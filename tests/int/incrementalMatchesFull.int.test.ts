/**
 * An incremental build writes the same site as a full build of the same snapshot. A corpus of 200
 * guides (scripts/generate-corpus.ts; its first topic holds 51 guides, so its list has a second
 * page) is built fully; one guide on that second page then gets a new title and summary, and the
 * new snapshot is built twice: incrementally on top of the first build, and fully into a folder
 * of its own. Every file of the two builds is compared, byte for byte.
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
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite, sitePaths, type SiteBuildResult } from '../../cms/publish'
import { guidesInTopic } from '../../content-models/lists'
import { generateCorpus, writeCorpus } from '../../scripts/generate-corpus'
import { compareBuilds, withoutWriteTimes } from '../helpers/compareBuilds'

const BUILD_TIMEOUT = 600_000
const SIZE = { guides: 200, templates: 30, sessions: 30, unions: 20, petitions: 10, networks: 12 }
/**
 * Files a build writes from the build before it, not from the snapshot. `.kept-assets.json` lists
 * the live build's scripts and styles the new build keeps for pages readers still have open
 * (cms/publish/offline/keptAssets.ts): only a build with a live build before it writes one.
 */
const NOT_COMPARED = new Set(['.kept-assets.json'])
let root = ''
let incremental: SiteBuildResult
let full: SiteBuildResult
let edited = ''

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
  root = await mkdtemp(path.join(process.cwd(), 'data', 'incremental-matches-full-'))
  const corpus = await generateCorpus(SIZE)
  const first = path.join(root, 'snapshot-1')
  await writeCorpus(first, corpus)
  const paths = sitePaths(path.join(root, 'a'))
  await buildSite({ snapshotDir: first, paths, buildId: 'first' })

  const onSecondPage = guidesInTopic(corpus.guides, corpus.topics[0]!.slug)[50]!
  edited = onSecondPage.slug
  const second = path.join(root, 'snapshot-2')
  await writeCorpus(second, {
    ...corpus,
    guides: corpus.guides.map((g) =>
      g.slug === edited
        ? { ...g, title: `Zz ${g.title}`, summary: 'A new summary.', updatedAt: '2026-12-01T00:00:00.000Z' }
        : g,
    ),
  })
  incremental = await buildSite({ snapshotDir: second, paths, buildId: 'second', incremental: true })
  full = await buildSite({ snapshotDir: second, paths: sitePaths(path.join(root, 'b')), buildId: 'second' })
}, BUILD_TIMEOUT)

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('an incremental build', () => {
  it('renders only the changed guide, what shows it and the list pages it moved between', () => {
    expect(incremental.mode).toBe('incremental')
    expect(incremental.rendered).toBeLessThan(full.rendered! / 4)
  })

  it('writes every file exactly as a full build of the same snapshot does', async () => {
    const names: [string, string] = ['the full build', 'the incremental build']
    const skip = (f: string) => NOT_COMPARED.has(f)
    expect(await compareBuilds(full.dir, incremental.dir, { names, comparable, skip })).toEqual([])
    // The scripts and styles are the same as the live build's: it keeps none of its own.
    expect(await readFile(path.join(incremental.dir, '.kept-assets.json'), 'utf8')).toBe('{}')
    const page = await readFile(path.join(incremental.dir, 'guides', edited, 'index.html'), 'utf8')
    expect(page).toContain('A new summary.')
  })
})
